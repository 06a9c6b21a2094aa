using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.MissingReservedConcurrencyAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>LAMBDA004: functions in deployment files without reserved concurrency.</summary>
public sealed class MissingReservedConcurrencyTests
{
    internal const string Function = """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        namespace Shop.Orders
        {
            public class OrdersFunction
            {
                public Task HandleAsync(ILambdaContext context) => Task.CompletedTask;
            }
        }
        """;

    private const string ProjectDir = "build_property.ProjectDir = /repo/src/Shop/";

    private static Task VerifyAsync(string path, string template, string globalOptions = ProjectDir, bool isTestProject = false, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = Function, GlobalOptions = globalOptions, IsTestProject = isTestProject };
        test.TestState.AdditionalFiles.Add((path, template));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Info(int markup) => Verify.Diagnostic("LAMBDA004").WithSeverity(DiagnosticSeverity.Info).WithLocation(markup);

    // ---- SAM / CloudFormation ----

    [Fact]
    public Task SamYaml_ApiFunctionWithoutLimit_ReportsWarning()
        => VerifyAsync("/repo/template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              {|#0:OrdersFunction|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Runtime: dotnet8
                  Events:
                    Proxy:
                      Type: Api
                      Properties:
                        Path: /{proxy+}
                        Method: ANY
            """,
            expected: Verify.Diagnostic("LAMBDA004").WithLocation(0).WithArguments("OrdersFunction", "handler TestProject::Shop.Orders.OrdersFunction::HandleAsync"));

    [Fact]
    public Task SamYaml_QueueFunction_ReportsInfo()
        => VerifyAsync("/repo/template.yaml", """
            Resources:
              {|#0:Worker|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Events:
                    Queue:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Jobs.Arn
              Jobs:
                Type: AWS::SQS::Queue
            """,
            expected: Info(0));

    [Fact]
    public Task SamYaml_FunctionUrl_ReportsWarning()
        => VerifyAsync("/repo/template.yaml", """
            Resources:
              {|LAMBDA004:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  FunctionUrlConfig:
                    AuthType: NONE
            """);

    [Fact]
    public Task SamYaml_HttpApiFunction_ReportsWarning()
        => VerifyAsync("/repo/template.yml", """
            Resources:
              {|LAMBDA004:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Events:
                    Get:
                      Type: HttpApi
            """);

    [Fact]
    public Task AnnotationsServerlessTemplateJson_Reports()
        => VerifyAsync("/repo/src/Shop/serverless.template", """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Transform": "AWS::Serverless-2016-10-31",
              "Resources": {
                "{|LAMBDA004:ShopOrdersOrdersFunctionHandleAsyncGenerated|}": {
                  "Type": "AWS::Serverless::Function",
                  "Metadata": { "Tool": "Amazon.Lambda.Annotations" },
                  "Properties": {
                    "Runtime": "dotnet8",
                    "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync",
                    "Events": {
                      "RootGet": { "Type": "Api", "Properties": { "Path": "/", "Method": "GET" } }
                    }
                  }
                }
              }
            }
            """);

    [Fact]
    public Task CloudFormationLambdaFunction_WithAlbTarget_ReportsWarning()
        => VerifyAsync("/repo/template.yaml", """
            AWSTemplateFormatVersion: '2010-09-09'
            Resources:
              {|LAMBDA004:Orders|}:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Runtime: dotnet8
                  Code: { S3Bucket: b, S3Key: k }
              Targets:
                Type: AWS::ElasticLoadBalancingV2::TargetGroup
                Properties:
                  TargetType: lambda
                  Targets:
                    - Id: !GetAtt Orders.Arn
            """);

    [Fact]
    public Task SamYaml_SetOnFunction_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  ReservedConcurrentExecutions: 20
                  Events:
                    Get:
                      Type: Api
            """);

    [Fact]
    public Task SamYaml_SetInGlobals_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", """
            Globals:
              Function:
                ReservedConcurrentExecutions: 20
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """);

    [Fact]
    public Task SamYaml_SetThroughParameter_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", """
            Parameters:
              Reserved:
                Type: Number
                Default: 5
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  ReservedConcurrentExecutions: !Ref Reserved
            """);

    [Fact]
    public Task SamYaml_ZeroKillSwitch_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  ReservedConcurrentExecutions: 0
            """);

    [Fact]
    public Task CloudFormationJson_SetThroughRef_DoesNotReport()
        => VerifyAsync("/repo/stack.template", """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Resources": {
                "Orders": {
                  "Type": "AWS::Lambda::Function",
                  "Properties": {
                    "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync",
                    "ReservedConcurrentExecutions": { "Ref": "Reserved" }
                  }
                }
              }
            }
            """);

    [Fact]
    public Task CustomResourceHandler_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", """
            Resources:
              Seeder:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
              SeedData:
                Type: Custom::SeedData
                Properties:
                  ServiceToken: !GetAtt Seeder.Arn
            """);

    [Fact]
    public Task DeploymentHook_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", """
            Resources:
              {|LAMBDA004:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  AutoPublishAlias: live
                  DeploymentPreference:
                    Type: Canary10Percent5Minutes
                    Hooks:
                      PreTraffic: !Ref PreTrafficHook
                  Events:
                    Get:
                      Type: Api
              PreTrafficHook:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """);

    [Fact]
    public Task OtherProjectsHandler_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", """
            Resources:
              Billing:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Billing::Billing.Invoices::HandleAsync
                  Events:
                    Get:
                      Type: Api
            """);

    // Found by the real-world sweep: one SAM template for several executables (top-level statements, dotnet runtime,
    // Handler = assembly name) and a class-library function; the class library's project owns the file but not the
    // executables' functions, which their own projects report.
    [Fact]
    public Task ExecutableHandlerOfOtherProjectInOwnedFile_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", """
            Globals:
              Function:
                Runtime: dotnet8
            Resources:
              ListOrders:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: ./ListOrders/
                  Handler: ListOrders
                  Events:
                    Api:
                      Type: HttpApi
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  ReservedConcurrentExecutions: 10
            """);

    [Fact]
    public Task ExecutableHandlerOfThisProject_Reports()
        => VerifyAsync("/repo/template.yaml", """
            Globals:
              Function:
                Runtime: dotnet8
            Resources:
              {|#0:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject
                  Events:
                    Api:
                      Type: HttpApi
              Billing:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Billing::Billing.Invoices::HandleAsync
            """,
            expected: Verify.Diagnostic("LAMBDA004").WithLocation(0).WithArguments("Orders", "handler TestProject"));

    // Found by the real-world sweep: native AOT projects all named "bootstrap", one template for them all; each
    // function's CodeUri is its project's folder.
    [Fact]
    public Task SameAssemblyNameWithCodeUriOfOtherProject_ReportsOnlyOwnFunction()
    {
        var test = new Verify.Test
        {
            TestCode = Function,
            GlobalOptions = "build_property.ProjectDir = /repo/src/Orders/",
            SolutionTransforms = { (solution, projectId) => solution.WithProjectAssemblyName(projectId, "bootstrap") },
        };
        test.TestState.AdditionalFiles.Add(("/repo/src/template.yaml", """
            Globals:
              Function:
                Runtime: provided.al2023
            Resources:
              {|#0:OrdersFunction|}:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: ./Orders/
                  Handler: bootstrap
              BillingFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: ./Billing
                  Handler: bootstrap
              SharedFolderFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: ./
                  Handler: bootstrap
                  ReservedConcurrentExecutions: 2
            """));
        test.ExpectedDiagnostics.Add(Info(0).WithArguments("OrdersFunction", "handler bootstrap"));
        return test.RunAsync();
    }

    [Fact]
    public Task ImageFunctionInProjectFolder_Reports()
        => VerifyAsync("/repo/src/Shop/template.yaml", """
            Resources:
              {|#0:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  PackageType: Image
                  ImageConfig:
                    Command: [TestProject::Shop.Orders.OrdersFunction::HandleAsync]
                Metadata:
                  Dockerfile: Dockerfile
            """,
            expected: Info(0).WithArguments("Orders", "container image"));

    [Fact]
    public Task ImageFunctionOutsideProjectFolder_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  PackageType: Image
                Metadata:
                  Dockerfile: Dockerfile
            """);

    [Fact]
    public Task ImageFunctionInFileOwnedByOtherProject_DoesNotReport()
        => VerifyAsync("/repo/src/Shop/template.yaml", """
            Resources:
              Billing:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Billing::Billing.Invoices::HandleAsync
                  ReservedConcurrentExecutions: 5
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  PackageType: Image
            """);

    [Fact]
    public Task PythonFunctionInSharedTemplate_DoesNotReport()
        => VerifyAsync("/repo/infra/template.yaml", """
            Resources:
              Reports:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.handler
                  Runtime: python3.12
            """);

    [Fact]
    public Task TestProject_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """, isTestProject: true);

    [Fact]
    public Task ScopePublic_NonPublicFunction_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", """
            Resources:
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
              {|LAMBDA004:Api|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Events:
                    Get:
                      Type: Api
            """, ProjectDir + "\ndotnet_diagnostic.LAMBDA004.scope = public");

    // ---- Terraform ----

    [Fact]
    public Task Terraform_WithoutAttribute_ReportsInfo()
        => VerifyAsync("/repo/main.tf", """
            resource "aws_lambda_function" "{|#0:orders|}" {
              function_name = "orders"
              handler       = "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
              runtime       = "dotnet8"
            }
            """,
            expected: Info(0));

    [Fact]
    public Task Terraform_ApiGatewayPermission_ReportsWarning()
        => VerifyAsync("/repo/main.tf", """
            resource "aws_lambda_function" "{|LAMBDA004:orders|}" {
              function_name = "orders"
              handler       = "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
            }

            resource "aws_lambda_permission" "api" {
              function_name = aws_lambda_function.orders.function_name
              principal     = "apigateway.amazonaws.com"
              action        = "lambda:InvokeFunction"
            }
            """);

    [Fact]
    public Task Terraform_MinusOne_Reports()
        => VerifyAsync("/repo/main.tf", """
            resource "aws_lambda_function" "{|#0:orders|}" {
              function_name                  = "orders"
              handler                        = "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
              reserved_concurrent_executions = -1
            }
            """,
            expected: Info(0).WithArguments("orders", "handler TestProject::Shop.Orders.OrdersFunction::HandleAsync; -1 means unreserved"));

    [Fact]
    public Task Terraform_Variable_DoesNotReport()
        => VerifyAsync("/repo/main.tf", """
            resource "aws_lambda_function" "orders" {
              function_name                  = "orders"
              handler                        = "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
              reserved_concurrent_executions = var.orders_concurrency
            }
            """);

    [Fact]
    public Task TerraformRegistryModule_WithoutInput_Reports()
        => VerifyAsync("/repo/main.tf", """
            module "{|#0:orders|}" {
              source        = "terraform-aws-modules/lambda/aws"
              function_name = "orders"
              handler       = "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
              runtime       = "dotnet8"
            }
            """,
            expected: Info(0));

    [Fact]
    public Task TerraformRegistryModule_WithInput_DoesNotReport()
        => VerifyAsync("/repo/main.tf", """
            module "orders" {
              source                         = "terraform-aws-modules/lambda/aws"
              handler                        = "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
              reserved_concurrent_executions = 10
            }
            """);

    [Fact]
    public Task TerraformLocalModule_DoesNotReport()
        => VerifyAsync("/repo/main.tf", """
            module "orders" {
              source  = "./modules/lambda"
              handler = "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
            }
            """);

    // ---- Serverless Framework ----

    [Fact]
    public Task Serverless_HttpFunction_ReportsWarning()
        => VerifyAsync("/repo/serverless.yml", """
            service: shop
            provider:
              name: aws
              runtime: dotnet8
            functions:
              {|LAMBDA004:orders|}:
                handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                events:
                  - http:
                      path: orders
                      method: get
            """);

    [Fact]
    public Task Serverless_ScheduledFunction_ReportsInfo()
        => VerifyAsync("/repo/serverless.yml", """
            service: shop
            functions:
              {|#0:nightly|}:
                handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                events:
                  - schedule: rate(1 day)
            """,
            expected: Info(0));

    [Fact]
    public Task Serverless_ReservedConcurrencySet_DoesNotReport()
        => VerifyAsync("/repo/serverless.yml", """
            service: shop
            functions:
              orders:
                handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                reservedConcurrency: 5
                events:
                  - httpApi: 'GET /orders'
            """);

    [Fact]
    public Task Serverless_SetThroughMergedDefaults_DoesNotReport()
        => VerifyAsync("/repo/serverless.yml", """
            service: shop
            custom:
              defaults: &defaults
                reservedConcurrency: 5
            functions:
              orders:
                <<: *defaults
                handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """);

    [Fact]
    public Task GlobalsDoNotApplyToLambdaFunction_Reports()
        => VerifyAsync("/repo/template.yaml", """
            Globals:
              Function:
                ReservedConcurrentExecutions: 5
            Resources:
              {|#0:Orders|}:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """,
            expected: Info(0));

    [Fact]
    public Task TerraformLocalModuleInternals_OutsideProject_DoesNotReport()
        => VerifyAsync("/repo/modules/lambda/main.tf", """
            resource "aws_lambda_function" "this" {
              function_name = var.name
              handler       = var.handler
            }
            """);

    [Fact]
    public Task CloudFormationMacro_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", """
            Resources:
              MacroFunction:
                Type: AWS::Lambda::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
              Macro:
                Type: AWS::CloudFormation::Macro
                Properties:
                  Name: Expand
                  FunctionName: !GetAtt MacroFunction.Arn
            """);

    [Fact]
    public Task ToolsDefaultsOnly_DoesNotReport()
        => VerifyAsync("/repo/src/Shop/aws-lambda-tools-defaults.json", """
            {
              "function-handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync",
              "function-runtime": "dotnet8"
            }
            """);

    [Fact]
    public Task TemplateNamedByToolsDefaults_ImageFunction_Reports()
    {
        var test = new Verify.Test { TestCode = Function, GlobalOptions = ProjectDir };
        test.TestState.AdditionalFiles.Add(("/repo/src/Shop/aws-lambda-tools-defaults.json", """
            { "template": "../../deploy/stack.template" }
            """));
        test.TestState.AdditionalFiles.Add(("/repo/deploy/stack.template", """
            {
              "Resources": {
                "{|#0:Orders|}": { "Type": "AWS::Lambda::Function", "Properties": { "PackageType": "Image", "Code": { "ImageUri": "x" } } }
              }
            }
            """));
        test.ExpectedDiagnostics.Add(Info(0));
        return test.RunAsync();
    }

    [Fact]
    public Task SharedTemplate_OnlyOwnFunctionReported()
        => VerifyAsync("/repo/template.yaml", """
            Resources:
              Billing:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Billing::Billing.Invoices::HandleAsync
                  Events:
                    Get:
                      Type: Api
              {|LAMBDA004:Orders|}:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Events:
                    Get:
                      Type: Api
            """);
}
