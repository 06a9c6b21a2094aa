using System.Threading.Tasks;
using LambdaAnalyzers.CodeFixes.Rules;
using Verify = LambdaAnalyzers.Tests.Verifiers.DeploymentFileFixVerifier<LambdaAnalyzers.Rules.MissingReservedConcurrencyAnalyzer, LambdaAnalyzers.CodeFixes.Rules.MissingReservedConcurrencyCodeFixProvider>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>LAMBDA004 fixes: the reserved concurrency setting written into the deployment file in its own style.</summary>
public sealed class MissingReservedConcurrencyCodeFixTests
{
    private const string Source = MissingReservedConcurrencyTests.Function;

    private static Task FunctionFixAsync(string path, string before, string after, bool fixAll = false, string options = "")
        => Verify.VerifyAsync(Source, path, before, after, MissingReservedConcurrencyCodeFixProvider.AddToFunctionKey, fixAll, options);

    private static Task GlobalsFixAsync(string before, string after, bool fixAll = false)
        => Verify.VerifyAsync(Source, "/repo/template.yaml", before, after, MissingReservedConcurrencyCodeFixProvider.AddToGlobalsKey, fixAll);

    [Fact]
    public Task SamYaml_AddsAfterScalarSettings()
        => FunctionFixAsync("/repo/template.yaml", """
            Resources:
              {|LAMBDA004:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Runtime: dotnet8 # LTS
                  Events:
                    Get:
                      Type: Api
            """, """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Runtime: dotnet8 # LTS
                  ReservedConcurrentExecutions: 10
                  Events:
                    Get:
                      Type: Api
            """);

    [Fact]
    public Task SamYaml_FourSpaceIndent_KeepsIndent()
        => FunctionFixAsync("/repo/template.yaml", """
            Resources:
                {|LAMBDA004:Orders|}:
                    Type: AWS::Serverless::Function
                    Properties:
                        Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """, """
            Resources:
                Orders:
                    Type: AWS::Serverless::Function
                    Properties:
                        Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                        ReservedConcurrentExecutions: 10
            """);

    [Fact]
    public Task SamYaml_ValueFromOption()
        => FunctionFixAsync("/repo/template.yaml", """
            Resources:
              {|LAMBDA004:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """, """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  ReservedConcurrentExecutions: 25
            """, options: "dotnet_diagnostic.LAMBDA004.reserved_concurrency = 25\n");

    [Fact]
    public Task CloudFormationJson_AddsProperty()
        => FunctionFixAsync("/repo/src/Shop/serverless.template", """
            {
              "Resources": {
                "{|LAMBDA004:Orders|}": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync",
                    "Runtime": "dotnet8"
                  }
                }
              }
            }
            """, """
            {
              "Resources": {
                "Orders": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "ReservedConcurrentExecutions": 10,
                    "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync",
                    "Runtime": "dotnet8"
                  }
                }
              }
            }
            """);

    [Fact]
    public Task CloudFormationJson_InlineObject_AddsInline()
        => FunctionFixAsync("/repo/stack.json", """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Resources": {
                "{|LAMBDA004:Orders|}": { "Type": "AWS::Lambda::Function", "Properties": { "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync" } }
              }
            }
            """, """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Resources": {
                "Orders": { "Type": "AWS::Lambda::Function", "Properties": { "ReservedConcurrentExecutions": 10, "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync" } }
              }
            }
            """);

    [Fact]
    public Task Terraform_AddsAttributeAsOwnGroup()
        => FunctionFixAsync("/repo/main.tf", """
            resource "aws_lambda_function" "{|LAMBDA004:orders|}" {
              function_name = "orders"
              handler       = "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
            }
            """, """
            resource "aws_lambda_function" "orders" {
              function_name = "orders"
              handler       = "TestProject::Shop.Orders.OrdersFunction::HandleAsync"

              reserved_concurrent_executions = 10
            }
            """);

    [Fact]
    public Task Terraform_MinusOne_ReplacesValue()
        => FunctionFixAsync("/repo/main.tf", """
            resource "aws_lambda_function" "{|LAMBDA004:orders|}" {
              handler                        = "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
              reserved_concurrent_executions = -1
            }
            """, """
            resource "aws_lambda_function" "orders" {
              handler                        = "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
              reserved_concurrent_executions = 10
            }
            """);

    [Fact]
    public Task Serverless_AddsReservedConcurrency()
        => FunctionFixAsync("/repo/serverless.yml", """
            service: shop
            functions:
              {|LAMBDA004:orders|}:
                handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                events:
                  - http:
                      path: orders
                      method: get
            """, """
            service: shop
            functions:
              orders:
                handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                reservedConcurrency: 10
                events:
                  - http:
                      path: orders
                      method: get
            """);

    [Fact]
    public Task FixAll_AddsToEveryFunctionOfTheFile()
        => FunctionFixAsync("/repo/template.yaml", """
            Resources:
              {|LAMBDA004:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
              {|LAMBDA004:Worker|}:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Code: { S3Bucket: b, S3Key: k }
            """, """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  ReservedConcurrentExecutions: 10
              Worker:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  ReservedConcurrentExecutions: 10
                  Code: { S3Bucket: b, S3Key: k }
            """, fixAll: true);

    [Fact]
    public Task Globals_ExistingFunctionSection_AddsThere()
        => GlobalsFixAsync("""
            Globals:
              Function:
                Runtime: dotnet8
            Resources:
              {|LAMBDA004:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
              {|LAMBDA004:Worker|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """, """
            Globals:
              Function:
                Runtime: dotnet8
                ReservedConcurrentExecutions: 10
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """);

    [Fact]
    public Task Globals_NoGlobals_AddsSectionBeforeResources()
        => GlobalsFixAsync("""
            Transform: AWS::Serverless-2016-10-31
            Resources:
              {|LAMBDA004:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
              {|LAMBDA004:Worker|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """, """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                ReservedConcurrentExecutions: 10

            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """);

    [Fact]
    public Task Globals_FixAll_AddsOnce()
        => GlobalsFixAsync("""
            Globals:
              Api:
                Cors: "'*'"
            Resources:
              {|LAMBDA004:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
              {|LAMBDA004:Worker|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """, """
            Globals:
              Function:
                ReservedConcurrentExecutions: 10
              Api:
                Cors: "'*'"
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """, fixAll: true);

    [Fact]
    public Task Globals_SingleFunction_NotOffered()
        => GlobalsFixAsync("""
            Resources:
              {|LAMBDA004:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """, """
            Resources:
              {|LAMBDA004:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """);

    [Fact]
    public Task YamlFlowMapping_NotOffered()
        => FunctionFixAsync("/repo/template.yaml", """
            Resources:
              {|LAMBDA004:Orders|}:
                Type: AWS::Serverless::Function
                Properties: { Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync }
            """, """
            Resources:
              {|LAMBDA004:Orders|}:
                Type: AWS::Serverless::Function
                Properties: { Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync }
            """);

    [Fact]
    public Task Globals_Json_AddsGlobalsSection()
        => Verify.VerifyAsync(Source, "/repo/src/Shop/serverless.template", """
            {
              "Transform": "AWS::Serverless-2016-10-31",
              "Resources": {
                "{|LAMBDA004:Orders|}": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync" } },
                "{|LAMBDA004:Worker|}": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync" } }
              }
            }
            """, """
            {
              "Globals": {
                "Function": {
                  "ReservedConcurrentExecutions": 10
                }
              },
              "Transform": "AWS::Serverless-2016-10-31",
              "Resources": {
                "Orders": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync" } },
                "Worker": { "Type": "AWS::Serverless::Function", "Properties": { "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync" } }
              }
            }
            """, MissingReservedConcurrencyCodeFixProvider.AddToGlobalsKey);

    [Fact]
    public Task Serverless_MergedDefaults_InsertsInTheFunctionItself()
        => FunctionFixAsync("/repo/serverless.yml", """
            service: shop
            custom:
              defaults: &defaults
                timeout: 10
            functions:
              {|LAMBDA004:orders|}:
                <<: *defaults
                handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """, """
            service: shop
            custom:
              defaults: &defaults
                timeout: 10
            functions:
              orders:
                <<: *defaults
                handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                reservedConcurrency: 10
            """);

    [Fact]
    public Task Parameter_Yaml_AddsParameterAndRef()
        => Verify.VerifyAsync(Source, "/repo/template.yaml", """
            Parameters:
              Stage:
                Type: String
            Resources:
              {|LAMBDA004:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """, """
            Parameters:
              OrdersReservedConcurrency:
                Type: Number
                Default: 10
                Description: Reserved concurrent executions of Orders (0 stops it)
              Stage:
                Type: String
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  ReservedConcurrentExecutions: !Ref OrdersReservedConcurrency
            """, MissingReservedConcurrencyCodeFixProvider.AddParameterKey);

    [Fact]
    public Task Parameter_FixAll_OneParameterPerFunction()
        => Verify.VerifyAsync(Source, "/repo/template.yaml", """
            Parameters:
              Stage:
                Type: String
            Resources:
              {|LAMBDA004:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
              {|LAMBDA004:Worker|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """, """
            Parameters:
              OrdersReservedConcurrency:
                Type: Number
                Default: 10
                Description: Reserved concurrent executions of Orders (0 stops it)
              WorkerReservedConcurrency:
                Type: Number
                Default: 10
                Description: Reserved concurrent executions of Worker (0 stops it)
              Stage:
                Type: String
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  ReservedConcurrentExecutions: !Ref OrdersReservedConcurrency
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  ReservedConcurrentExecutions: !Ref WorkerReservedConcurrency
            """, MissingReservedConcurrencyCodeFixProvider.AddParameterKey, fixAll: true);

    [Fact]
    public Task Parameter_Json_AddsParameterAndRef()
        => Verify.VerifyAsync(Source, "/repo/stack.json", """
            {
              "Parameters": {
                "Stage": { "Type": "String" }
              },
              "Resources": {
                "{|LAMBDA004:Orders|}": {
                  "Type": "AWS::Lambda::Function",
                  "Properties": {
                    "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
                  }
                }
              }
            }
            """, """
            {
              "Parameters": {
                "OrdersReservedConcurrency": {
                  "Type": "Number",
                  "Default": 10,
                  "Description": "Reserved concurrent executions of Orders (0 stops it)"
                },
                "Stage": { "Type": "String" }
              },
              "Resources": {
                "Orders": {
                  "Type": "AWS::Lambda::Function",
                  "Properties": {
                    "ReservedConcurrentExecutions": { "Ref": "OrdersReservedConcurrency" },
                    "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
                  }
                }
              }
            }
            """, MissingReservedConcurrencyCodeFixProvider.AddParameterKey);

    [Fact]
    public Task Parameter_TemplateWithoutParameters_NotOffered()
        => Verify.VerifyAsync(Source, "/repo/template.yaml", """
            Resources:
              {|LAMBDA004:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """, """
            Resources:
              {|LAMBDA004:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """, MissingReservedConcurrencyCodeFixProvider.AddParameterKey);
}
