using System.Threading.Tasks;
using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.ConfiguredHandlerAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>LAMBDA009: handler strings in deployment files that the runtime cannot load.</summary>
public sealed class ConfiguredHandlerTests
{
    private const string Function = """
        using System.IO;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.APIGatewayEvents;

        [assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

        namespace Shop.Orders
        {
            public class OrdersFunction
            {
                public Task<APIGatewayProxyResponse> HandleAsync(APIGatewayProxyRequest request, ILambdaContext context)
                    => Task.FromResult(new APIGatewayProxyResponse { StatusCode = 200 });

                public Task Nightly(ILambdaContext context) => Task.CompletedTask;

                private static Stream Echo(Stream input) => input;

                public class Admin
                {
                    public string Reset(string input, ILambdaContext context) => input;
                }
            }
        }
        """;

    private static Task VerifyTemplateAsync(string path, string template, string source = Function, string? awsProjectType = "Lambda")
    {
        var test = new Verify.Test { TestCode = source, AwsProjectType = awsProjectType };
        test.TestState.AdditionalFiles.Add((path, template));
        return test.RunAsync();
    }

    [Fact]
    public Task SamYaml_MissingMethod_Reports()
        => VerifyTemplateAsync("/repo/template.yaml", """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              OrdersFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {|LAMBDA009:TestProject::Shop.Orders.OrdersFunction::Handle|}
                  Runtime: dotnet8
            """);

    [Fact]
    public Task SamYaml_QuotedHandler_ReportsInsideQuotes()
        => VerifyTemplateAsync("/repo/template.yml", """
            Resources:
              OrdersFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: "{|LAMBDA009:TestProject::Shop.Orders.Missing::HandleAsync|}"
            """);

    [Fact]
    public Task CloudFormationJson_MissingType_Reports()
        => VerifyTemplateAsync("/repo/src/Shop/serverless.template", """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Transform": "AWS::Serverless-2016-10-31",
              "Resources": {
                "Orders": {
                  "Type": "AWS::Lambda::Function",
                  "Properties": {
                    "Handler": "{|LAMBDA009:TestProject::Shop.OrdersFunction::HandleAsync|}",
                    "Runtime": "dotnet8"
                  }
                }
              }
            }
            """);

    [Fact]
    public Task ServerlessFramework_MissingMethod_Reports()
        => VerifyTemplateAsync("/repo/serverless.yml", """
            service: shop
            provider:
              name: aws
              runtime: dotnet8
            functions:
              orders:
                handler: {|LAMBDA009:TestProject::Shop.Orders.OrdersFunction::Run|}
                events:
                  - httpApi: 'GET /orders'
            """);

    [Fact]
    public Task Terraform_MissingMethod_Reports()
        => VerifyTemplateAsync("/repo/infra/lambda.tf", """
            resource "aws_lambda_function" "orders" {
              function_name = "orders"
              handler       = "{|LAMBDA009:TestProject::Shop.Orders.OrdersFunction::Handler|}"
              runtime       = "dotnet8"
              filename      = "orders.zip"
            }
            """);

    [Fact]
    public Task ToolsDefaults_FunctionHandler_Reports()
        => VerifyTemplateAsync("/repo/src/Shop/aws-lambda-tools-defaults.json", """
            {
              "profile": "",
              "region": "us-east-1",
              "configuration": "Release",
              "function-runtime": "dotnet8",
              "function-handler": "{|LAMBDA009:TestProject::Shop.Orders.OrdersFunction::FunctionHandler|}"
            }
            """);

    [Fact]
    public Task NestedTypeWrittenWithDot_Reports()
        => VerifyTemplateAsync("/repo/template.yaml", """
            Resources:
              Reset:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {|LAMBDA009:TestProject::Shop.Orders.OrdersFunction.Admin::Reset|}
            """);

    [Fact]
    public Task NestedTypeWrittenWithPlus_DoesNotReport()
        => VerifyTemplateAsync("/repo/template.yaml", """
            Resources:
              Reset:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction+Admin::Reset
            """);

    [Fact]
    public Task ValidHandlers_DoNotReport()
        => VerifyTemplateAsync("/repo/template.yaml", """
            Globals:
              Function:
                Runtime: dotnet8
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
              Nightly:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: " TestProject :: Shop.Orders.OrdersFunction :: Nightly "
              Echo:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::Echo
            """);

    [Fact]
    public Task OtherAssembly_DoesNotReport()
        => VerifyTemplateAsync("/repo/template.yaml", """
            Resources:
              Users:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Users::Users.Function::Missing
            """);

    [Fact]
    public Task ExecutableAssemblyAndCustomRuntimeAndOtherLanguages_DoNotReport()
        => VerifyTemplateAsync("/repo/template.yaml", """
            Resources:
              Exe:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject
                  Runtime: dotnet8
              Native:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: bootstrap
                  Runtime: provided.al2023
              Python:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: app.lambda_handler
                  Runtime: python3.12
              Image:
                Type: AWS::Serverless::Function
                Properties:
                  PackageType: Image
            """);

    [Fact]
    public Task IntrinsicHandler_DoesNotReport()
        => VerifyTemplateAsync("/repo/template.yaml", """
            Parameters:
              Method:
                Type: String
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: !Sub "TestProject::Shop.Orders.OrdersFunction::${Method}"
            """);

    [Fact]
    public Task SignatureFormMethod_DoesNotReport()
        => VerifyTemplateAsync("/repo/template.yaml", """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: "TestProject::Shop.Orders.OrdersFunction::System.Threading.Tasks.Task Nightly(Amazon.Lambda.Core.ILambdaContext)"
            """);

    [Fact]
    public Task OverloadedMethod_Reports()
        => VerifyTemplateAsync("/repo/template.yaml", """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {|LAMBDA009:TestProject::Shop.Jobs::Run|}
            """, """
            using Amazon.Lambda.Core;
            namespace Shop;
            public class Jobs
            {
                public void Run(ILambdaContext context) { }
                public void Run(System.IO.Stream input, ILambdaContext context) { }
            }
            """);

    [Theory]
    [InlineData("public void Run(string a, string b, ILambdaContext context) { }")]
    [InlineData("public void Run(System.IO.Stream input, string notContext) { }")]
    [InlineData("public async void Run(ILambdaContext context) { await System.Threading.Tasks.Task.Yield(); }")]
    [InlineData("public void Run<T>(ILambdaContext context) { }")]
    [InlineData("public void Run(params string[] inputs) { }")]
    [InlineData("public void Run(string input, ILambdaContext context) { }")] // POCO input, no [LambdaSerializer]
    [InlineData("public string Run(ILambdaContext context) => \"\";")] // POCO output, no [LambdaSerializer]
    [InlineData("public System.Threading.Tasks.Task<int> Run(ILambdaContext context) => System.Threading.Tasks.Task.FromResult(1);")]
    public Task UncallableSignature_Reports(string method)
        => VerifyTemplateAsync("/repo/template.yaml", """
            Resources:
              Jobs:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {|LAMBDA009:TestProject::Shop.Jobs::Run|}
            """, $$"""
            using Amazon.Lambda.Core;
            namespace Shop;
            public class Jobs
            {
                {{method}}
            }
            """);

    [Theory]
    [InlineData("public void Run(ILambdaContext context) { }")]
    [InlineData("public void Run() { }")]
    [InlineData("public System.Threading.Tasks.Task Run(System.IO.Stream input) => System.Threading.Tasks.Task.CompletedTask;")]
    [InlineData("public System.IO.MemoryStream Run(System.IO.Stream input, ILambdaContext context) => new();")]
    [InlineData("public System.Threading.Tasks.Task<System.IO.Stream> Run(ILambdaContext context) => null!;")]
    [InlineData("[LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))] public string Run(string input, ILambdaContext context) => input;")]
    [InlineData("private static void Run(ILambdaContext context) { }")]
    public Task CallableSignature_DoesNotReport(string method)
        => VerifyTemplateAsync("/repo/template.yaml", """
            Resources:
              Jobs:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Jobs::Run
            """, $$"""
            using Amazon.Lambda.Core;
            namespace Shop;
            public class Jobs
            {
                {{method}}
            }
            """);

    [Fact]
    public Task InstanceMethodWithoutParameterlessConstructor_Reports()
        => VerifyTemplateAsync("/repo/template.yaml", """
            Resources:
              Jobs:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {|LAMBDA009:TestProject::Shop.Jobs::Run|}
            """, """
            using Amazon.Lambda.Core;
            namespace Shop;
            public class Jobs
            {
                private readonly string _table;
                public Jobs(string table) => _table = table;
                public void Run(ILambdaContext context) { }
            }
            """);

    [Fact]
    public Task StaticMethodWithoutParameterlessConstructor_DoesNotReport()
        => VerifyTemplateAsync("/repo/template.yaml", """
            Resources:
              Jobs:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Jobs::Run
            """, """
            using Amazon.Lambda.Core;
            namespace Shop;
            public class Jobs
            {
                public Jobs(string table) { }
                public static void Run(ILambdaContext context) { }
            }
            """);

    [Fact]
    public Task AbstractTypeWithInstanceMethod_Reports()
        => VerifyTemplateAsync("/repo/template.yaml", """
            Resources:
              Jobs:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {|LAMBDA009:TestProject::Shop.JobBase::Run|}
            """, """
            using Amazon.Lambda.Core;
            namespace Shop;
            public abstract class JobBase
            {
                public void Run(ILambdaContext context) { }
            }
            """);

    [Fact]
    public Task GenericType_Reports()
        => VerifyTemplateAsync("/repo/template.yaml", """
            Resources:
              Jobs:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {|LAMBDA009:TestProject::Shop.Job`1::Run|}
            """, """
            using Amazon.Lambda.Core;
            namespace Shop;
            public class Job<T>
            {
                public void Run(ILambdaContext context) { }
            }
            """);

    [Fact]
    public Task InheritedMethodFromSourceBase_DoesNotReport()
        => VerifyTemplateAsync("/repo/template.yaml", """
            Resources:
              Jobs:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.NightlyJob::Run
            """, """
            using Amazon.Lambda.Core;
            namespace Shop;
            public abstract class JobBase
            {
                public void Run(ILambdaContext context) { }
            }
            public sealed class NightlyJob : JobBase { }
            """);

    [Fact]
    public Task AspNetCoreEntryPoint_InheritedFunctionHandlerAsync_DoesNotReport()
        => VerifyTemplateAsync("/repo/serverless.template", """
            {
              "Resources": {
                "AspNetCoreFunction": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "Handler": "TestProject::Shop.LambdaEntryPoint::FunctionHandlerAsync",
                    "Runtime": "dotnet8",
                    "Events": { "ProxyResource": { "Type": "Api", "Properties": { "Path": "/{proxy+}", "Method": "ANY" } } }
                  }
                }
              }
            }
            """, """
            namespace Shop;
            public class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction
            {
            }
            """);

    [Fact]
    public Task AnnotationsGeneratedHandler_WithoutGeneratorOutput_DoesNotReport()
        => VerifyTemplateAsync("/repo/src/Shop/serverless.template", """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Transform": "AWS::Serverless-2016-10-31",
              "Description": "This template is partially managed by Amazon.Lambda.Annotations (v1.5.0.0).",
              "Resources": {
                "ShopFunctionsGetOrderGenerated": {
                  "Type": "AWS::Serverless::Function",
                  "Metadata": { "Tool": "Amazon.Lambda.Annotations" },
                  "Properties": {
                    "Runtime": "dotnet8",
                    "PackageType": "Zip",
                    "Handler": "TestProject::Shop.Functions_GetOrder_Generated::GetOrder"
                  }
                }
              }
            }
            """, """
            using Amazon.Lambda.Annotations;
            using Amazon.Lambda.Annotations.APIGateway;
            namespace Shop;
            public class Functions
            {
                [LambdaFunction]
                [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
                public string GetOrder([FromRoute] string id) => id;
            }
            """);

    [Fact]
    public Task AnnotationsGeneratedHandler_ForRemovedFunction_Reports()
        => VerifyTemplateAsync("/repo/src/Shop/serverless.template", """
            {
              "Resources": {
                "ShopFunctionsDeleteOrderGenerated": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "Handler": "{|LAMBDA009:TestProject::Shop.Functions_DeleteOrder_Generated::DeleteOrder|}"
                  }
                }
              }
            }
            """, """
            using Amazon.Lambda.Annotations;
            namespace Shop;
            public class Functions
            {
                [LambdaFunction]
                public string GetOrder(string id) => id;
            }
            """);

    [Fact]
    public async Task HyphenatedProjectName_WithUnderscoreNamespace_DoesNotReport()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using Amazon.Lambda.Core;
                namespace My_Function;
                public class Function
                {
                    public void FunctionHandler(ILambdaContext context) { }
                }
                """,
        };
        test.SolutionTransforms.Add((solution, projectId) => solution.WithProjectAssemblyName(projectId, "My-Function"));
        test.TestState.AdditionalFiles.Add(("/repo/template.yaml", """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: My-Function::My_Function.Function::FunctionHandler
              Broken:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {|LAMBDA009:My-Function::My_Function.Function::Missing|}
            """));
        await test.RunAsync();
    }

    [Fact]
    public Task NonLambdaProjectWithTemplate_StillReports()
        => VerifyTemplateAsync("/repo/template.yaml", """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {|LAMBDA009:TestProject::Shop.Orders.OrdersFunction::Nope|}
            """, awsProjectType: null);

    [Fact]
    public Task UnrelatedJsonAdditionalFile_DoesNotReport()
        => VerifyTemplateAsync("/repo/appsettings.json", """
            { "Handler": "TestProject::Shop.Nope::Nope", "function-handler": "TestProject::Shop.Nope::Nope" }
            """);

    [Fact]
    public Task MalformedTemplate_DoesNotThrow()
        => VerifyTemplateAsync("/repo/template.yaml", """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties: { Handler: "TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Runtime: [dotnet8
            	bad: tab
            """);

    [Fact]
    public async Task Message_NamesHandlerFunctionAndReason()
    {
        var test = new Verify.Test { TestCode = Function };
        test.TestState.AdditionalFiles.Add(("/repo/template.yaml", """
            Resources:
              OrdersFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {|#0:TestProject::Shop.Orders.OrdersFunction::Handle|}
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("LAMBDA009")
            .WithLocation(0)
            .WithArguments("TestProject::Shop.Orders.OrdersFunction::Handle", "OrdersFunction", "type 'Shop.Orders.OrdersFunction' has no method 'Handle'"));
        await test.RunAsync();
    }
}
