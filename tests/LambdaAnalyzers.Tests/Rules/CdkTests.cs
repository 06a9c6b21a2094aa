using System.Threading.Tasks;
using LambdaAnalyzers.CodeFixes.Rules;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>LAMBDA004 and LAMBDA005 on CDK code in C#, against the real Amazon.CDK.Lib 2.160.0.</summary>
public sealed class CdkTests
{
    private const string Usings = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.Lambda;
        using Amazon.CDK.AWS.APIGateway;
        using Constructs;

        """;

    private static Task VerifyReservedAsync(string source, string globalOptions = "", params DiagnosticResult[] expected)
        => VerifyAsync<MissingReservedConcurrencyAnalyzer>(source, globalOptions, expected);

    private static Task VerifyThrottlingAsync(string source, params DiagnosticResult[] expected)
        => VerifyAsync<ApiWithoutThrottlingAnalyzer>(source, string.Empty, expected);

    private static Task VerifyAsync<TAnalyzer>(string source, string globalOptions, DiagnosticResult[] expected)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
    {
        var test = new AnalyzerVerifier<TAnalyzer>.Test { TestCode = Usings + source, AwsProjectType = null, GlobalOptions = globalOptions };
        test.TestState.AdditionalReferences.AddRange(TestReferences.Cdk);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static Task VerifyFixAsync<TAnalyzer, TFix>(string before, string after, string key, string globalOptions = "")
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        var test = new CodeFixVerifier<TAnalyzer, TFix>.Test
        {
            TestCode = Usings + before,
            FixedCode = Usings + after,
            CodeActionEquivalenceKey = key,
            AwsProjectType = null,
            GlobalOptions = globalOptions,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.Cdk);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.Cdk);
        return test.RunAsync();
    }

    private static DiagnosticResult Info(int markup) => new DiagnosticResult("LAMBDA004", DiagnosticSeverity.Info).WithLocation(markup);

    // ---- LAMBDA004 ----

    [Fact]
    public Task Function_WithoutReservedConcurrency_ReportsInfo()
        => VerifyReservedAsync("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    var worker = {|#0:new Function(this, "Worker", new FunctionProps
                    {
                        Runtime = Runtime.DOTNET_8,
                        Handler = "Shop::Shop.Worker::HandleAsync",
                        Code = Code.FromAsset("publish"),
                    })|};
                }
            }
            """,
            expected: Info(0).WithArguments("Worker", "handler Shop::Shop.Worker::HandleAsync"));

    [Fact]
    public Task FunctionBehindLambdaRestApi_ReportsWarning()
        => VerifyReservedAsync("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    var orders = {|LAMBDA004:new Function(this, "Orders", new FunctionProps
                    {
                        Runtime = Runtime.DOTNET_8,
                        Handler = "Shop::Shop.Orders::HandleAsync",
                        Code = Code.FromAsset("publish"),
                    })|};
                    new LambdaRestApi(this, "Api", new LambdaRestApiProps { Handler = orders });
                }
            }
            """);

    [Fact]
    public Task FunctionWithUrl_ReportsWarning()
        => VerifyReservedAsync("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    var orders = {|LAMBDA004:new Function(this, "Orders", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("p") })|};
                    orders.AddFunctionUrl();
                }
            }
            """);

    [Fact]
    public Task DockerImageFunction_Reports()
        => VerifyReservedAsync("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    {|#0:new DockerImageFunction(this, "Thumbs", new DockerImageFunctionProps { Code = DockerImageCode.FromImageAsset("src") })|};
                }
            }
            """,
            expected: Info(0).WithArguments("Thumbs", "container image"));

    [Fact]
    public Task Function_WithReservedConcurrency_DoesNotReport()
        => VerifyReservedAsync("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    new Function(this, "Orders", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("p"), ReservedConcurrentExecutions = 0 });
                }
            }
            """);

    [Fact]
    public Task Function_PropsFromVariable_DoesNotReport()
        => VerifyReservedAsync("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id, FunctionProps props) : base(scope, id)
                {
                    new Function(this, "Orders", props);
                }
            }
            """);

    [Fact]
    public Task Function_EscapeHatch_DoesNotReport()
        => VerifyReservedAsync("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    var fn = new Function(this, "Orders", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("p") });
                    ((CfnFunction)fn.Node.DefaultChild).ReservedConcurrentExecutions = 5;
                }
            }
            """);

    [Fact]
    public Task Function_ScopePublic_NonPublic_DoesNotReport()
        => VerifyReservedAsync("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    new Function(this, "Worker", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("p") });
                }
            }
            """, "dotnet_diagnostic.LAMBDA004.scope = public\n");

    [Fact]
    public Task Fix_AddsReservedConcurrencyToMultiLineInitializer()
        => VerifyFixAsync<MissingReservedConcurrencyAnalyzer, CdkReservedConcurrencyCodeFixProvider>("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    var orders = [|new Function(this, "Orders", new FunctionProps
                    {
                        Runtime = Runtime.DOTNET_8,
                        Handler = "Shop::Shop.Orders::HandleAsync",
                        Code = Code.FromAsset("publish"),
                    })|];
                    orders.AddFunctionUrl();
                }
            }
            """, """
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    var orders = new Function(this, "Orders", new FunctionProps
                    {
                        Runtime = Runtime.DOTNET_8,
                        Handler = "Shop::Shop.Orders::HandleAsync",
                        Code = Code.FromAsset("publish"),
                        ReservedConcurrentExecutions = 10,
                    });
                    orders.AddFunctionUrl();
                }
            }
            """, CdkReservedConcurrencyCodeFixProvider.EquivalenceKey);

    [Fact]
    public Task Fix_SingleLineInitializer_ValueFromOption()
        => VerifyFixAsync<MissingReservedConcurrencyAnalyzer, CdkReservedConcurrencyCodeFixProvider>("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    var orders = [|new Function(this, "Orders", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("p") })|];
                    orders.AddFunctionUrl();
                }
            }
            """, """
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    var orders = new Function(this, "Orders", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("p"), ReservedConcurrentExecutions = 3 });
                    orders.AddFunctionUrl();
                }
            }
            """, CdkReservedConcurrencyCodeFixProvider.EquivalenceKey, "dotnet_diagnostic.LAMBDA004.reserved_concurrency = 3\n");

    // ---- LAMBDA005 ----

    [Fact]
    public Task RestApi_WithoutProps_Reports()
        => VerifyThrottlingAsync("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    var api = {|LAMBDA005:new RestApi(this, "ShopApi")|};
                    api.Root.AddMethod("GET");
                }
            }
            """);

    [Fact]
    public Task LambdaRestApi_WithoutDeployOptions_Reports()
        => VerifyThrottlingAsync("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id, IFunction orders) : base(scope, id)
                {
                    {|LAMBDA005:new LambdaRestApi(this, "Api", new LambdaRestApiProps { Handler = orders })|};
                }
            }
            """);

    [Fact]
    public Task RestApi_WithStageThrottling_DoesNotReport()
        => VerifyThrottlingAsync("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    var api = new RestApi(this, "ShopApi", new RestApiProps { DeployOptions = new StageOptions { ThrottlingRateLimit = 50, ThrottlingBurstLimit = 100 } });
                    api.Root.AddMethod("GET");
                }
            }
            """);

    [Fact]
    public Task RestApi_DeployFalse_DoesNotReport()
        => VerifyThrottlingAsync("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    var api = new RestApi(this, "ShopApi", new RestApiProps { Deploy = false });
                    api.Root.AddMethod("GET");
                }
            }
            """);

    [Fact]
    public Task HttpApi_DefaultStage_Reports()
        => VerifyThrottlingAsync("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    {|LAMBDA005:new Amazon.CDK.AWS.Apigatewayv2.HttpApi(this, "Http")|};
                }
            }
            """);

    [Fact]
    public Task HttpApi_WithoutDefaultStage_DoesNotReport()
        => VerifyThrottlingAsync("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    new Amazon.CDK.AWS.Apigatewayv2.HttpApi(this, "Http", new Amazon.CDK.AWS.Apigatewayv2.HttpApiProps { CreateDefaultStage = false });
                }
            }
            """);

    [Fact]
    public Task Fix_AddsDeployOptionsToProps()
        => VerifyFixAsync<ApiWithoutThrottlingAnalyzer, CdkThrottlingCodeFixProvider>("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id, IFunction orders) : base(scope, id)
                {
                    [|new LambdaRestApi(this, "Api", new LambdaRestApiProps
                    {
                        Handler = orders
                    })|];
                }
            }
            """, """
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id, IFunction orders) : base(scope, id)
                {
                    new LambdaRestApi(this, "Api", new LambdaRestApiProps
                    {
                        Handler = orders,
                        DeployOptions = new StageOptions { ThrottlingRateLimit = 100, ThrottlingBurstLimit = 200 }
                    });
                }
            }
            """, CdkThrottlingCodeFixProvider.EquivalenceKey);

    [Fact]
    public Task Fix_AddsLimitsToExistingStageOptions()
        => VerifyFixAsync<ApiWithoutThrottlingAnalyzer, CdkThrottlingCodeFixProvider>("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    var api = [|new RestApi(this, "ShopApi", new RestApiProps { DeployOptions = new StageOptions { StageName = "prod" } })|];
                    api.Root.AddMethod("GET");
                }
            }
            """, """
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    var api = new RestApi(this, "ShopApi", new RestApiProps { DeployOptions = new StageOptions { StageName = "prod", ThrottlingRateLimit = 100, ThrottlingBurstLimit = 200 } });
                    api.Root.AddMethod("GET");
                }
            }
            """, CdkThrottlingCodeFixProvider.EquivalenceKey);

    [Fact]
    public Task Function_InGeneratedCode_DoesNotReport()
    {
        var test = new AnalyzerVerifier<MissingReservedConcurrencyAnalyzer>.Test { AwsProjectType = null };
        test.TestState.AdditionalReferences.AddRange(TestReferences.Cdk);
        test.TestState.Sources.Add(("ShopStack.g.cs", "// <auto-generated/>\n" + Usings + """
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    new Function(this, "Worker", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("p") });
                }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Function_InPartialClass_PublicUseInOtherPart_ReportsWarningWhereVisible()
        => VerifyReservedAsync("""
            public partial class ShopStack : Stack
            {
                private Function orders;

                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    orders = {|LAMBDA004:new Function(this, "Orders", new FunctionProps { Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("p") })|};
                    orders.AddFunctionUrl();
                }
            }

            public partial class ShopStack
            {
                private void More() { }
            }
            """);

    [Fact]
    public Task SingletonFunction_DoesNotReport()
        => VerifyReservedAsync("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id) : base(scope, id)
                {
                    new SingletonFunction(this, "Provider", new SingletonFunctionProps { Uuid = "x", Runtime = Runtime.DOTNET_8, Handler = "h", Code = Code.FromAsset("p") });
                }
            }
            """);

    [Fact]
    public Task RestApi_PropsFromVariable_DoesNotReport()
        => VerifyThrottlingAsync("""
            public class ShopStack : Stack
            {
                public ShopStack(Construct scope, string id, RestApiProps props) : base(scope, id)
                {
                    new RestApi(this, "ShopApi", props);
                }
            }
            """);
}
