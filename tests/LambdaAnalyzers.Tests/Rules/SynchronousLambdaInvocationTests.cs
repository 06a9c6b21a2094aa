using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.SynchronousLambdaInvocationAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>LAMBDA002: synchronous Lambda-to-Lambda invocation from Lambda code.</summary>
public sealed class SynchronousLambdaInvocationTests
{
    private const string Usings = """
        using System;
        using System.IO;
        using System.Net;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.Model;

        """;

    /// <summary>A handler class whose <c>HandleAsync</c> body is <paramref name="body"/>.</summary>
    private static string Handler(string body, string members = "")
        => Usings + $$"""
            namespace Shop
            {
                public class CheckoutFunction
                {
                    private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();
                    {{members}}

                    public async Task<string> HandleAsync(string input, ILambdaContext context)
                    {
                        {{body}}
                        return input;
                    }
                }
            }
            """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = source, MarkupOptions = MarkupOptions.UseFirstDescriptor };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    private static DiagnosticResult Expect(int markup, string method, string target)
        => Verify.Diagnostic("LAMBDA002").WithLocation(markup).WithArguments(method, target);

    // ---------------------------------------------------------------- reported

    [Fact]
    public Task InlineRequest_InvocationTypeUnset_Reports()
        => VerifyAsync(Handler("""
            await Lambda.{|#0:InvokeAsync|}(new InvokeRequest { FunctionName = "payment", Payload = input });
            """), Expect(0, "CheckoutFunction.HandleAsync", "function 'payment'"));

    [Fact]
    public Task RequestResponseField_Reports()
        => VerifyAsync(Handler("""
            await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "payment", InvocationType = InvocationType.RequestResponse });
            """));

    [Fact]
    public Task RequestResponseString_ImplicitConversion_Reports()
        => VerifyAsync(Handler("""
            await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "payment", InvocationType = "RequestResponse" });
            """));

    [Fact]
    public Task NewInvocationType_Reports()
        => VerifyAsync(Handler("""
            await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "payment", InvocationType = new InvocationType("RequestResponse") });
            """));

    [Fact]
    public Task FindValue_Reports()
        => VerifyAsync(Handler("""
            await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "payment", InvocationType = InvocationType.FindValue("RequestResponse") });
            """));

    [Fact]
    public Task ConstStringField_Reports()
        => VerifyAsync(Handler("""
            await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "payment", InvocationType = Mode });
            """, "private const string Mode = \"RequestResponse\";"));

    [Fact]
    public Task StaticReadonlyInvocationTypeField_Reports()
        => VerifyAsync(Handler("""
            await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "payment", InvocationType = Mode });
            """, "private static readonly InvocationType Mode = InvocationType.RequestResponse;"));

    [Fact]
    public Task LocalWithPropertyAssignments_Reports()
        => VerifyAsync(Handler("""
            var request = new InvokeRequest();
            request.FunctionName = Environment.GetEnvironmentVariable("PAYMENT_FUNCTION_NAME");
            request.InvocationType = InvocationType.RequestResponse;
            request.Payload = input;
            var response = await Lambda.{|#0:InvokeAsync|}(request);
            """), Expect(0, "CheckoutFunction.HandleAsync", "the function named by env var PAYMENT_FUNCTION_NAME"));

    [Fact]
    public Task LocalDeclaredThenAssignedOnce_Reports()
        => VerifyAsync(Handler("""
            InvokeRequest request;
            request = new InvokeRequest { FunctionName = "payment" };
            await Lambda.{|LAMBDA002:InvokeAsync|}(request);
            """));

    [Fact]
    public Task FactoryMethod_Reports()
        => VerifyAsync(Handler("""
            await Lambda.{|LAMBDA002:InvokeAsync|}(CreateRequest(input));
            """, """
            private static InvokeRequest CreateRequest(string payload)
                => new InvokeRequest { FunctionName = "payment", Payload = payload };
            """));

    [Fact]
    public Task FactoryMethodWithBlockBody_Reports()
        => VerifyAsync(Handler("""
            await Lambda.{|LAMBDA002:InvokeAsync|}(CreateRequest(input));
            """, """
            private static InvokeRequest CreateRequest(string payload)
            {
                var request = new InvokeRequest { FunctionName = "payment" };
                request.Payload = payload;
                return request;
            }
            """));

    [Fact]
    public Task BlockedOnResult_Reports()
        => VerifyAsync(Handler("""
            var response = Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "payment" }).Result;
            """));

    [Fact]
    public Task BlockedOnGetResult_Reports()
        => VerifyAsync(Handler("""
            Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "payment" }).GetAwaiter().GetResult();
            """));

    [Fact]
    public Task RacedWithWhenAny_Reports()
        => VerifyAsync(Handler("""
            var call = Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "payment" });
            await Task.WhenAny(call, Task.Delay(1000));
            """));

    [Fact]
    public Task ConcreteClientAndConditionalAccess_Reports()
        => VerifyAsync(Handler("""
            AmazonLambdaClient? client = new AmazonLambdaClient();
            await client?.{|LAMBDA002:InvokeAsync|}(new() { FunctionName = "payment" })!;
            """));

    [Fact]
    public Task StreamingInvoke_ReportsWithItsOwnMessage()
        => VerifyAsync(Handler("""
            await Lambda.{|#0:InvokeWithResponseStreamAsync|}(new InvokeWithResponseStreamRequest { FunctionName = "report" });
            """), new DiagnosticResult(LambdaAnalyzers.Descriptors.LAMBDA002_SynchronousStreamingInvocation).WithLocation(0).WithArguments("CheckoutFunction.HandleAsync", "function 'report'"));

    [Fact]
    public Task ServiceReachedFromHandler_InjectedThroughPrimaryConstructor_Reports()
        => VerifyAsync(Usings + """
            namespace Shop
            {
                public interface IPayments { Task ChargeAsync(string order); }

                public sealed class Payments(IAmazonLambda lambda) : IPayments
                {
                    public async Task ChargeAsync(string order)
                        => await lambda.{|#0:InvokeAsync|}(new InvokeRequest { FunctionName = PaymentFunction, Payload = order });

                    private static readonly string PaymentFunction = Environment.GetEnvironmentVariable("PAYMENT_FUNCTION") ?? "payment";
                }

                public class CheckoutFunction(IPayments payments)
                {
                    public Task HandleAsync(string input, ILambdaContext context) => payments.ChargeAsync(input);
                }
            }
            """, Expect(0, "Payments.ChargeAsync", "the function named by env var PAYMENT_FUNCTION"));

    [Fact]
    public Task PartialClass_HandlerInOtherPart_Reports()
        => VerifyAsync(Usings + """
            namespace Shop
            {
                public partial class CheckoutFunction
                {
                    public Task HandleAsync(string input, ILambdaContext context) => ChargeAsync(input);
                }

                public partial class CheckoutFunction
                {
                    private readonly IAmazonLambda _lambda = new AmazonLambdaClient();

                    private Task ChargeAsync(string input)
                        => _lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "payment", Payload = input });
                }
            }
            """);

    [Fact]
    public Task PartialHandlerMethod_CallInImplementationPart_Reports()
        => VerifyAsync(Usings + """
            namespace Shop
            {
                public partial class CheckoutFunction
                {
                    public partial Task HandleAsync(string input, ILambdaContext context);
                }

                public partial class CheckoutFunction
                {
                    private readonly IAmazonLambda _lambda = new AmazonLambdaClient();

                    public partial Task HandleAsync(string input, ILambdaContext context)
                        => _lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "payment", Payload = input });
                }
            }
            """);

    [Fact]
    public Task BootstrapLambda_TopLevel_Reports()
    {
        var test = new Verify.Test
        {
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
            TestCode = """
                using Amazon.Lambda;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.Model;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;

                var lambda = new AmazonLambdaClient();
                await LambdaBootstrapBuilder.Create(async (string input, ILambdaContext context) =>
                {
                    var response = await lambda.{|#0:InvokeAsync|}(new InvokeRequest { FunctionName = "payment", Payload = input });
                    return response.StatusCode;
                }, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Expect(0, "top-level statements", "function 'payment'"));
        return test.RunAsync();
    }

    [Fact]
    public Task ArnLiteralTarget_Reports()
        => VerifyAsync(Handler("""
            await Lambda.{|#0:InvokeAsync|}(new InvokeRequest { FunctionName = "arn:aws:lambda:eu-west-1:123456789012:function:payment" });
            """), Expect(0, "CheckoutFunction.HandleAsync", "function 'arn:aws:lambda:eu-west-1:123456789012:function:payment'"));

    [Fact]
    public Task UnknownTarget_Reports()
        => VerifyAsync(Handler("""
            await Lambda.{|#0:InvokeAsync|}(new InvokeRequest { FunctionName = input });
            """), Expect(0, "CheckoutFunction.HandleAsync", "another Lambda function"));

    [Fact]
    public Task LocalFunctionInHandler_Reports()
        => VerifyAsync(Handler("""
            await ChargeAsync();

            async Task ChargeAsync() => await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "payment", Payload = input });
            """));

    [Fact]
    public Task LambdaPassedToTaskRun_Reports()
        => VerifyAsync(Handler("""
            await Task.Run(async () => await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "payment" }));
            """));

    [Fact]
    public Task AnnotationsHandlerWithInjectedClient_Reports()
        => VerifyAsync(Usings + """
            using Amazon.Lambda.Annotations;

            namespace Shop
            {
                public class Functions
                {
                    [LambdaFunction]
                    public async Task<string> Checkout([FromServices] IAmazonLambda lambda, string order, ILambdaContext context)
                    {
                        var response = await lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "payment", Payload = order }, CancellationToken.None);
                        return new StreamReader(response.Payload).ReadToEnd();
                    }
                }
            }
            """);

    [Fact]
    public Task EventSetAfterTheCall_Reports()
        => VerifyAsync(Handler("""
            var request = new InvokeRequest { FunctionName = "payment" };
            await Lambda.{|LAMBDA002:InvokeAsync|}(request);
            request.InvocationType = InvocationType.Event;
            await Lambda.InvokeAsync(request);
            """));

    [Fact]
    public Task SynchronousInvokeOnClientSubclass_Reports()
        => VerifyAsync(Usings + """
            namespace Shop
            {
                /// <summary>The .NET Framework builds of the SDK have a blocking Invoke; a subclass stands in for it here.</summary>
                public class LegacyLambdaClient : AmazonLambdaClient
                {
                    public InvokeResponse Invoke(InvokeRequest request) => InvokeAsync(request).GetAwaiter().GetResult();
                }

                public class CheckoutFunction
                {
                    private static readonly LegacyLambdaClient Lambda = new LegacyLambdaClient();

                    public string Handle(string input, ILambdaContext context)
                        => Lambda.{|LAMBDA002:Invoke|}(new InvokeRequest { FunctionName = "payment", Payload = input }).FunctionError ?? input;
                }
            }
            """);

    [Fact]
    public Task RequestOfUnknownOrigin_ThenSetToRequestResponse_Reports()
        => VerifyAsync(Handler("""
            var request = Load(input);
            request.InvocationType = InvocationType.RequestResponse;
            await Lambda.{|LAMBDA002:InvokeAsync|}(request);
            """, "private static InvokeRequest Load(string json) => System.Text.Json.JsonSerializer.Deserialize<InvokeRequest>(json)!;"));

    [Fact]
    public Task EventInInitializer_OverriddenToRequestResponse_Reports()
        => VerifyAsync(Handler("""
            var request = new InvokeRequest { FunctionName = "payment", InvocationType = InvocationType.Event };
            request.InvocationType = InvocationType.RequestResponse.Value;
            await Lambda.{|LAMBDA002:InvokeAsync|}(request);
            """));

    [Fact]
    public Task LocalCapturedByRetryLambda_Reports()
        => VerifyAsync(Handler("""
            var request = new InvokeRequest { FunctionName = "payment" };
            request.Payload = input;
            await RetryAsync(() => Lambda.{|LAMBDA002:InvokeAsync|}(request));
            """, "private static Task<T> RetryAsync<T>(Func<Task<T>> action) => action();"));

    // ---------------------------------------------------------------- not reported

    [Fact]
    public Task LocalSetToEventInsideAnotherLambda_DoesNotReport()
        => VerifyAsync(Handler("""
            var request = new InvokeRequest { FunctionName = "payment" };
            Action makeAsync = () => request.InvocationType = InvocationType.Event;
            makeAsync();
            await Lambda.InvokeAsync(request);
            """));

    [Fact]
    public Task RequestResponseInInitializer_OverriddenToEvent_DoesNotReport()
        => VerifyAsync(Handler("""
            var request = new InvokeRequest { FunctionName = "payment", InvocationType = InvocationType.RequestResponse };
            request.InvocationType = InvocationType.Event;
            await Lambda.InvokeAsync(request);
            """));

    [Fact]
    public Task RequestOfUnknownOrigin_DoesNotReport()
        => VerifyAsync(Handler("""
            var request = Load(input);
            await Lambda.InvokeAsync(request);
            """, "private static InvokeRequest Load(string json) => System.Text.Json.JsonSerializer.Deserialize<InvokeRequest>(json)!;"));

    [Fact]
    public Task ConstEventStringField_DoesNotReport()
        => VerifyAsync(Handler("""
            await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "payment", InvocationType = Mode });
            """, "private const string Mode = \"Event\";"));

    [Fact]
    public Task StaticReadonlyEventField_DoesNotReport()
        => VerifyAsync(Handler("""
            await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "payment", InvocationType = Mode });
            """, "private static readonly InvocationType Mode = InvocationType.FindValue(\"Event\");"));

    [Fact]
    public Task ConditionalInvocationType_DoesNotReport()
        => VerifyAsync(Handler("""
            await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "payment", InvocationType = input.Length > 3 ? InvocationType.Event : InvocationType.RequestResponse });
            """));

    [Fact]
    public Task RequestInInstanceField_DoesNotReport()
        => VerifyAsync(Handler("""
            await Lambda.InvokeAsync(_request);
            """, "private readonly InvokeRequest _request = new InvokeRequest { FunctionName = \"payment\" };"));

    [Fact]
    public Task TopLevelWarmupBeforeBootstrap_DoesNotReport()
    {
        var test = new Verify.Test
        {
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
            TestCode = """
                using Amazon.Lambda;
                using Amazon.Lambda.Core;
                using Amazon.Lambda.Model;
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;

                var lambda = new AmazonLambdaClient();
                await lambda.InvokeAsync(new InvokeRequest { FunctionName = "payment", InvocationType = "DryRun" });
                await lambda.InvokeAsync(new InvokeRequest { FunctionName = "warmup" });
                await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => input.ToUpperInvariant(), new DefaultLambdaJsonSerializer()).Build().RunAsync();
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task UnknownInvocationTypeString_DoesNotReport()
        => VerifyAsync(Handler("""
            await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "payment", InvocationType = "requestresponse" });
            """));


    [Fact]
    public Task EventInvocationType_DoesNotReport()
        => VerifyAsync(Handler("""
            await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "payment", InvocationType = InvocationType.Event });
            """));

    [Fact]
    public Task EventString_DoesNotReport()
        => VerifyAsync(Handler("""
            await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "payment", InvocationType = "Event" });
            """));

    [Fact]
    public Task DryRun_DoesNotReport()
        => VerifyAsync(Handler("""
            await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "payment", InvocationType = InvocationType.DryRun });
            """));

    [Fact]
    public Task LocalSetToEventBeforeCall_DoesNotReport()
        => VerifyAsync(Handler("""
            var request = new InvokeRequest { FunctionName = "payment" };
            request.InvocationType = InvocationType.Event;
            await Lambda.InvokeAsync(request);
            """));

    [Fact]
    public Task LocalConditionallySetToEvent_DoesNotReport()
        => VerifyAsync(Handler("""
            var request = new InvokeRequest { FunctionName = "payment" };
            if (input.Length > 10)
            {
                request.InvocationType = InvocationType.Event;
            }

            await Lambda.InvokeAsync(request);
            """));

    [Fact]
    public Task LocalPassedToConfigureMethod_DoesNotReport()
        => VerifyAsync(Handler("""
            var request = new InvokeRequest { FunctionName = "payment" };
            Configure(request);
            await Lambda.InvokeAsync(request);
            """, "private static void Configure(InvokeRequest request) => request.InvocationType = InvocationType.Event;"));

    [Fact]
    public Task RequestFromParameter_DoesNotReport()
        => VerifyAsync(Usings + """
            namespace Shop
            {
                public class Invoker
                {
                    private readonly IAmazonLambda _lambda = new AmazonLambdaClient();

                    public Task<InvokeResponse> SendAsync(InvokeRequest request) => _lambda.InvokeAsync(request);
                }

                public class CheckoutFunction
                {
                    public Task HandleAsync(string input, ILambdaContext context)
                        => new Invoker().SendAsync(Build(input));

                    private static InvokeRequest Build(string input) => new InvokeRequest { FunctionName = "payment", InvocationType = InvocationType.Event };
                }
            }
            """);

    [Fact]
    public Task InvocationTypeFromParameter_DoesNotReport()
        => VerifyAsync(Handler("""
            await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "payment", InvocationType = context.FunctionName });
            """));

    [Fact]
    public Task FactoryTakingInvocationType_DoesNotReport()
        => VerifyAsync(Handler("""
            await Lambda.InvokeAsync(CreateRequest(InvocationType.Event));
            """, """
            private static InvokeRequest CreateRequest(InvocationType type)
                => new InvokeRequest { FunctionName = "payment", InvocationType = type };
            """));

    [Fact]
    public Task LegacyInvokeAsyncAsync_DoesNotReport()
        => VerifyAsync(Handler("""
            #pragma warning disable LAMBDASTANDIN001
            await Lambda.InvokeAsyncAsync(new InvokeAsyncRequest { FunctionName = "payment", InvokeArgs = input });
            #pragma warning restore LAMBDASTANDIN001
            """));

    [Fact]
    public Task OtherOperation_DoesNotReport()
        => VerifyAsync(Handler("""
            await Lambda.GetFunctionAsync("payment");
            """));

    [Fact]
    public Task ConsoleTool_DoesNotReport()
    {
        var test = new Verify.Test
        {
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
            TestCode = """
                using Amazon.Lambda;
                using Amazon.Lambda.Model;

                var lambda = new AmazonLambdaClient();
                var response = await lambda.InvokeAsync(new InvokeRequest { FunctionName = "payment", Payload = "{}" });
                System.Console.WriteLine(response.StatusCode);
                """,
            AwsProjectType = null,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    [Fact]
    public Task TestProject_DoesNotReport()
    {
        var test = new Verify.Test
        {
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
            TestCode = Handler("""
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "payment" });
                """),
            IsTestProject = true,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task NotReachableFromHandler_InitializationCode_DoesNotReport()
        => VerifyAsync(Usings + """
            namespace Shop
            {
                public class Warmup
                {
                    private readonly IAmazonLambda _lambda = new AmazonLambdaClient();

                    public Task PingAsync() => _lambda.InvokeAsync(new InvokeRequest { FunctionName = "payment" });
                }

                public class CheckoutFunction
                {
                    public CheckoutFunction()
                    {
                        new Warmup().PingAsync().GetAwaiter().GetResult();
                    }

                    public Task HandleAsync(string input, ILambdaContext context) => Task.CompletedTask;
                }
            }
            """);

    [Fact]
    public Task NonLambdaProjectWithoutHandlers_DoesNotReport()
    {
        var test = new Verify.Test
        {
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
            TestCode = Usings + """
                namespace Tools
                {
                    public class Deployer
                    {
                        public Task SmokeTestAsync(IAmazonLambda lambda)
                            => lambda.InvokeAsync(new InvokeRequest { FunctionName = "payment" });
                    }
                }
                """,
            AwsProjectType = null,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task GeneratedCode_DoesNotReport()
        => VerifyAsync("// <auto-generated/>\n" + Handler("""
            await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "payment" });
            """));

    [Fact]
    public Task GeneratedCodeAttribute_DoesNotReport()
        => VerifyAsync(Handler("""
            await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "payment" });
            """).Replace("public class CheckoutFunction", "[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1.0\")] public class CheckoutFunction"));

    [Fact]
    public Task StreamingDryRun_DoesNotReport()
        => VerifyAsync(Handler("""
            await Lambda.InvokeWithResponseStreamAsync(new InvokeWithResponseStreamRequest { FunctionName = "report", InvocationType = ResponseStreamingInvocationType.DryRun });
            """));

    [Fact]
    public Task StaticReadonlyReassignedInStaticConstructor_DoesNotReport()
        => VerifyAsync(Handler("""
            await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "payment", InvocationType = Mode });
            """, """
            private static readonly InvocationType Mode = InvocationType.RequestResponse;
            static CheckoutFunction() { Mode = InvocationType.Event; }
            """));

    [Fact]
    public Task HalfTypedCode_DoesNotThrow()
    {
        var test = new Verify.Test
        {
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
            TestCode = Handler("""
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = , InvocationType = Missing }
                """),
        };
        test.CompilerDiagnostics = CompilerDiagnostics.None;
        return test.RunAsync();
    }
}
