using System.Linq;
using System.Threading;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Tests.Lambda;

/// <summary>The handler model on its own: which methods are entry points, and is this a Lambda project.</summary>
public sealed class HandlerModelTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public void ContextParameterMethod_IsHandler()
    {
        var host = ModelTestHost.Create("""
            using Amazon.Lambda.Core;
            using Amazon.Lambda.APIGatewayEvents;
            namespace Shop;
            public class Function
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context) => new();
                public void NotAHandler(string value) { }
            }
            """);
        Assert.Empty(host.CompilerErrors());
        var handler = Assert.Single(host.Model.GetHandlers(None));
        Assert.Equal(HandlerKind.ContextParameter, handler.Kind);
        Assert.Equal("Function.Handle", handler.DisplayName);
        Assert.True(host.Model.IsHandler(host.Method("Shop.Function", "Handle"), None));
        Assert.False(host.Model.IsHandler(host.Method("Shop.Function", "NotAHandler"), None));
        Assert.True(host.Model.IsLambdaProject(None));
    }

    [Fact]
    public void ContextOnlyAndStaticMethods_AreHandlers()
    {
        var host = ModelTestHost.Create("""
            using Amazon.Lambda.Core;
            public static class Jobs
            {
                public static void Nightly(ILambdaContext context) { }
            }
            """);
        Assert.Empty(host.CompilerErrors());
        Assert.Equal(HandlerKind.ContextParameter, Assert.Single(host.Model.GetHandlers(None)).Kind);
    }

    [Fact]
    public void HelperTakingContextAmongOtherParameters_IsInvocationCodeButNotHandler()
    {
        var host = ModelTestHost.Create("""
            using Amazon.Lambda.Core;
            public class Helpers
            {
                public void Log(string message, int level, ILambdaContext context) { }
            }
            """);
        Assert.Empty(host.CompilerErrors());
        Assert.Empty(host.Model.GetHandlers(None));
        Assert.True(host.Model.IsInvocationCode(host.Method("Helpers", "Log"), None));
    }

    [Fact]
    public void EventInputWithoutContext_IsHandler()
    {
        var host = ModelTestHost.Create("""
            using System.Threading.Tasks;
            using Amazon.Lambda.CloudWatchEvents;
            using Amazon.Lambda.SQSEvents;
            public class Detail { public string Id { get; set; } }
            public class Scheduled
            {
                public Task FunctionHandler(CloudWatchEvent<Detail> evnt) => Task.CompletedTask;
            }
            public class Queue
            {
                public void Process(SQSEvent batch) { }
                internal void Helper(SQSEvent batch) { }
                public void Two(SQSEvent batch, string other) { }
                public static string FirstBody(SQSEvent batch) => batch.Records[0].Body;
            }
            """);
        Assert.Empty(host.CompilerErrors());
        var names = host.Model.GetHandlers(None).Select(h => (h.Method.Name, h.Kind)).ToList();
        Assert.Contains(("FunctionHandler", HandlerKind.EventSignature), names);
        Assert.Contains(("Process", HandlerKind.EventSignature), names);
        Assert.DoesNotContain(names, n => n.Name is "Helper" or "Two" or "FirstBody");
    }

    [Fact]
    public void MethodLevelSerializerWithoutContext_IsHandler()
    {
        var host = ModelTestHost.Create("""
            using Amazon.Lambda.Core;
            public class Greeter
            {
                [LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]
                public string Greet(string name) => "Hello " + name;
                public string NotAHandler(string name) => name;
            }
            """);
        Assert.Empty(host.CompilerErrors());
        var handler = Assert.Single(host.Model.GetHandlers(None));
        Assert.Equal(("Greet", HandlerKind.EventSignature), (handler.Method.Name, handler.Kind));
    }

    [Fact]
    public void LambdaFunctionAttribute_IsHandler_WithoutContext()
    {
        var host = ModelTestHost.Create("""
            using Amazon.Lambda.Annotations;
            using Amazon.Lambda.Annotations.APIGateway;
            public class Functions
            {
                [LambdaFunction]
                [HttpApi(LambdaHttpMethod.Get, "/orders/{id}")]
                public string GetOrder([FromRoute] string id) => id;
            }
            """);
        Assert.Empty(host.CompilerErrors());
        var handler = Assert.Single(host.Model.GetHandlers(None));
        Assert.Equal(HandlerKind.Annotations, handler.Kind);
    }

    [Fact]
    public void TopLevelBootstrapLambda_IsHandler()
    {
        var host = ModelTestHost.Create("""
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            var greeting = "Hello";
            await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => Format(greeting, input), new DefaultLambdaJsonSerializer())
                .Build()
                .RunAsync();

            static string Format(string greeting, string name) => greeting + " " + name;
            """, outputKind: OutputKind.ConsoleApplication);
        Assert.Empty(host.CompilerErrors());
        var handler = Assert.Single(host.Model.GetHandlers(None));
        Assert.Equal(HandlerKind.Bootstrap, handler.Kind);
        Assert.NotNull(handler.LambdaSyntax);
    }

    [Fact]
    public void BootstrapMethodGroupThroughLocal_IsHandler()
    {
        var host = ModelTestHost.Create("""
            using System;
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            public static class Program
            {
                public static async Task Main()
                {
                    Func<string, ILambdaContext, string> handler = Handle;
                    await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                }

                public static string Handle(string input, ILambdaContext context) => input.ToUpperInvariant();
            }
            """, outputKind: OutputKind.ConsoleApplication);
        Assert.Empty(host.CompilerErrors());
        Assert.Contains(host.Model.GetHandlers(None), h => h.Method.Name == "Handle");
        Assert.True(host.Model.IsInvocationCode(host.Method("Program", "Handle"), None));
        Assert.False(host.Model.IsInvocationCode(host.Method("Program", "Main"), None));
    }

    [Fact]
    public void AspNetCoreHostingSubclass_IsAspNetCoreOnLambda()
    {
        var host = ModelTestHost.Create("""
            public class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction
            {
            }
            """);
        Assert.Empty(host.CompilerErrors());
        Assert.True(host.Model.IsAspNetCoreOnLambda(None));
    }

    [Fact]
    public void AddAWSLambdaHosting_IsAspNetCoreOnLambda()
    {
        var host = ModelTestHost.Create("""
            using Microsoft.Extensions.DependencyInjection;
            var services = new ServiceCollection();
            services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
            """, outputKind: OutputKind.ConsoleApplication);
        if (host.CompilerErrors().Count > 0)
        {
            // The stand-in declares AddAWSLambdaHosting on IServiceCollection; without the DI abstractions
            // in the framework references the sample cannot bind, which the model must survive.
            Assert.False(host.Model.IsAspNetCoreOnLambda(None));
            return;
        }

        Assert.True(host.Model.IsAspNetCoreOnLambda(None));
    }

    [Fact]
    public void HandlerStringInTemplate_MakesMethodWithoutContextAHandler()
    {
        var host = ModelTestHost.Create(
            """
            using System.IO;
            namespace Shop;
            public class Raw
            {
                public Stream Echo(Stream input) => input;
            }
            """,
            new[] { ("/repo/template.yaml", """
                Resources:
                  EchoFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: TestProject::Shop.Raw::Echo
                      Runtime: dotnet8
                """) });
        Assert.Empty(host.CompilerErrors());
        var handler = Assert.Single(host.Model.GetHandlers(None));
        Assert.Equal(HandlerKind.Configured, handler.Kind);
        Assert.Equal("Echo", handler.Method.Name);
    }

    [Fact]
    public void ProjectWithoutLambdaReferencesOrHandlers_IsNotLambdaProject()
    {
        var host = ModelTestHost.Create("""
            public class Calculator { public int Add(int a, int b) => a + b; }
            """, awsProjectType: null, withLambdaReferences: false);
        Assert.False(host.Model.IsLambdaProject(None));
        Assert.False(host.Model.MayContainLambdaCode);
        Assert.Empty(host.Model.GetHandlers(None));
    }

    [Fact]
    public void AwsProjectTypeLambda_IsLambdaProject_EvenWithoutHandlers()
    {
        var host = ModelTestHost.Create("public class Empty { }", awsProjectType: "Lambda", withLambdaReferences: false);
        Assert.True(host.Model.IsLambdaProject(None));
    }

    [Fact]
    public void TestProject_IsNeverLambdaCode()
    {
        var host = ModelTestHost.Create("""
            using Amazon.Lambda.Core;
            public class FunctionTests
            {
                public void Invoke(string input, ILambdaContext context) { }
            }
            """, isTestProject: true);
        Assert.False(host.Model.IsLambdaProject(None));
        Assert.Empty(host.Model.GetHandlers(None));
        Assert.False(host.Model.IsInvocationCode(host.Method("FunctionTests", "Invoke"), None));
    }

    [Fact]
    public void ConsoleToolCallingLambda_IsNotLambdaProject()
    {
        // References the Lambda SDK client but no programming-model package and no handler.
        var host = ModelTestHost.Create("""
            public static class Tool
            {
                public static void Main() { }
            }
            """, awsProjectType: null, withLambdaReferences: false, outputKind: OutputKind.ConsoleApplication);
        Assert.False(host.Model.IsLambdaProject(None));
    }

    [Fact]
    public void HalfTypedSource_DoesNotThrow()
    {
        var host = ModelTestHost.Create("""
            using Amazon.Lambda.Core;
            public class Function
            {
                public string Handle(string input, ILambdaContext context)
                {
                    var x = input.
                    return Helper(
            """);
        Assert.Single(host.Model.GetHandlers(None));
        Assert.True(host.Model.IsInvocationCode(host.Compilation.GetTypeByMetadataName("Function")!.GetMembers("Handle").OfType<IMethodSymbol>().Single(), None));
    }
}
