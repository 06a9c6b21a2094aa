using System.Linq;
using System.Threading.Tasks;
using LambdaAnalyzers.CodeFixes.Rules;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaAnalyzers.Tests.Verifiers.CodeFixVerifier<LambdaAnalyzers.Rules.SynchronousLambdaInvocationAnalyzer, LambdaAnalyzers.CodeFixes.Rules.SynchronousLambdaInvocationCodeFixProvider>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>
/// LAMBDA002 fix 3, "Use a Lambda Destination": remove the call, return the payload, add
/// EventInvokeConfig.DestinationConfig.OnSuccess to the caller — only when the call is the handler's last effect,
/// the response is not used, the handler's return type can change, and the template proves the caller is invoked
/// asynchronously. Fixed code is compiled with warnings on: the fix must not add any.
/// </summary>
public sealed class SynchronousLambdaInvocationDestinationCodeFixTests
{
    private const string Destination = SynchronousLambdaInvocationCodeFixProvider.UseLambdaDestinationKey;

    private const string DefaultSignature = "public async Task HandleAsync(SNSEvent evt, ILambdaContext context)";

    private static string Source(string body, string signature = DefaultSignature, string members = "", bool serializer = true, string header = "", string baseList = "")
        => header + "using System;\nusing System.Threading.Tasks;\nusing Amazon.Lambda;\nusing Amazon.Lambda.Core;\nusing Amazon.Lambda.Model;\nusing Amazon.Lambda.S3Events;\nusing Amazon.Lambda.SNSEvents;\n"
           + (serializer ? "\n[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]\n" : string.Empty)
           + "\nnamespace Shop\n{\n    public class OrderPlacedFunction" + baseList + "\n    {\n        private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();\n\n"
           + Indent(members, 8)
           + "        " + signature + "\n"
           + (body.StartsWith("=>", System.StringComparison.Ordinal) ? "            " + body + "\n" : "        {\n" + Indent(body, 12) + "        }\n")
           + "    }\n}\n";

    private static string Indent(string text, int spaces)
        => text.Length == 0
            ? string.Empty
            : string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l)) + "\n";

    private const string Invoke = """await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("PAYMENT_FUNCTION_NAME"), Payload = message });""";

    private const string Template = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          OrderPlacedFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Shop.OrderPlacedFunction::HandleAsync
              Runtime: dotnet8
              Environment:
                Variables:
                  PAYMENT_FUNCTION_NAME: !Ref PaymentFunction
              Policies:
                - LambdaInvokePolicy:
                    FunctionName: !Ref PaymentFunction
              Events:
                OrderPlaced:
                  Type: SNS
                  Properties:
                    Topic: !Ref OrdersTopic

          PaymentFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Shop.PaymentFunction::HandleAsync
              Runtime: dotnet8

          OrdersTopic:
            Type: AWS::SNS::Topic

        """;

    private const string TemplateWithDestination = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          OrderPlacedFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Shop.OrderPlacedFunction::HandleAsync
              Runtime: dotnet8
              EventInvokeConfig:
                DestinationConfig:
                  OnSuccess:
                    Type: Lambda
                    Destination: !GetAtt PaymentFunction.Arn
              Environment:
                Variables:
                  PAYMENT_FUNCTION_NAME: !Ref PaymentFunction
              Policies:
                - LambdaInvokePolicy:
                    FunctionName: !Ref PaymentFunction
              Events:
                OrderPlaced:
                  Type: SNS
                  Properties:
                    Topic: !Ref OrdersTopic

          PaymentFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Shop.PaymentFunction::HandleAsync
              Runtime: dotnet8

          OrdersTopic:
            Type: AWS::SNS::Topic

        """;

    private const string SnsEvents = """
              Events:
                OrderPlaced:
                  Type: SNS
                  Properties:
                    Topic: !Ref OrdersTopic

        """;

    /// <summary>The template with the caller's Events section replaced (or removed, for an empty replacement).</summary>
    private static string WithEvents(string template, string events)
    {
        Assert.Contains(SnsEvents, template);
        return template.Replace(SnsEvents, events);
    }

    private static Task VerifyAsync(string before, string after, string? template, string? fixedTemplate, string path = "/0/template.yaml")
    {
        var test = new Verify.Test
        {
            TestCode = before,
            FixedCode = after,
            CodeActionEquivalenceKey = Destination,
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
            // Fix all does not apply this fix: its C# half without the template half would drop the call's work.
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck,
            CompilerDiagnostics = CompilerDiagnostics.Warnings,
            GlobalOptions = "dotnet_diagnostic.CS1591.severity = none\n", // public members without XML docs
        };
        if (template is not null)
        {
            test.TestState.AdditionalFiles.Add((path, template));
            test.FixedState.AdditionalFiles.Add((path, fixedTemplate ?? template));
        }

        return test.RunAsync();
    }

    /// <summary>The diagnostic stays, no destination action is offered, the template is untouched.</summary>
    private static Task VerifyNoFixAsync(string source, string? template, string path = "/0/template.yaml")
        => VerifyAsync(source, source, template, template, path);

    // ---------------------------------------------------------------- offered

    /// <summary>The shape every "not offered" test below changes in one respect.</summary>
    [Fact]
    public Task Baseline_SnsCaller_OnlyStatementAfterTheMessage_IsFixed()
        => VerifyAsync(
            Source("var message = evt.Records[0].Sns.Message;\n" + Invoke),
            Source("var message = evt.Records[0].Sns.Message;\nreturn Task.FromResult(message);", "public Task<string> HandleAsync(SNSEvent evt, ILambdaContext context)"),
            Template,
            TemplateWithDestination);

    [Fact]
    public Task SnsCaller_LastAwaitedCall_ReturnsPayloadAndAddsOnSuccessDestination()
        => VerifyAsync(
            Source("""
                var message = evt.Records[0].Sns.Message;
                await Task.Yield();
                """ + "\n" + Invoke),
            Source("""
                var message = evt.Records[0].Sns.Message;
                await Task.Yield();
                return message;
                """, "public async Task<string> HandleAsync(SNSEvent evt, ILambdaContext context)"),
            Template,
            TemplateWithDestination);

    [Fact]
    public Task CallWasTheOnlyAwait_DropsAsyncAndReturnsTaskFromResult()
        => VerifyAsync(
            Source("""
                var message = evt.Records[0].Sns.Message;
                context.Logger.LogLine("order placed");
                """ + "\n" + Invoke + "\nreturn;"),
            Source("""
                var message = evt.Records[0].Sns.Message;
                context.Logger.LogLine("order placed");
                return Task.FromResult(message);
                """, "public Task<string> HandleAsync(SNSEvent evt, ILambdaContext context)"),
            Template,
            TemplateWithDestination);

    [Fact]
    public Task VoidHandler_BlockingCall_ReturnsString()
        => VerifyAsync(
            Source("""
                var message = evt.Records[0].S3.Object.Key;
                Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("PAYMENT_FUNCTION_NAME"), Payload = message }).GetAwaiter().GetResult();
                """, "public void HandleAsync(S3Event evt, ILambdaContext context)"),
            Source("""
                var message = evt.Records[0].S3.Object.Key;
                return message;
                """, "public string HandleAsync(S3Event evt, ILambdaContext context)"),
            WithEvents(Template, """
                      Events:
                        Upload:
                          Type: S3
                          Properties:
                            Bucket: !Ref OrdersTopic
                            Events: s3:ObjectCreated:*

                """),
            WithEvents(TemplateWithDestination, """
                      Events:
                        Upload:
                          Type: S3
                          Properties:
                            Bucket: !Ref OrdersTopic
                            Events: s3:ObjectCreated:*

                """));

    [Fact]
    public Task RequestInALocal_DeclarationAndAssignmentsAreRemoved()
        => VerifyAsync(
            Source("""
                var message = evt.Records[0].Sns.Message;
                await Task.Yield();
                // Charge the card.
                var request = new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("PAYMENT_FUNCTION_NAME") };
                request.Payload = message;
                request.InvocationType = InvocationType.RequestResponse;
                await Lambda.{|LAMBDA002:InvokeAsync|}(request);
                """),
            Source("""
                var message = evt.Records[0].Sns.Message;
                await Task.Yield();
                // Charge the card.
                return message;
                """, "public async Task<string> HandleAsync(SNSEvent evt, ILambdaContext context)"),
            WithEvents(Template, """
                      Events:
                        Nightly:
                          Type: Schedule
                          Properties:
                            Schedule: rate(1 day)

                """),
            WithEvents(TemplateWithDestination, """
                      Events:
                        Nightly:
                          Type: Schedule
                          Properties:
                            Schedule: rate(1 day)

                """));

    [Fact]
    public Task ExpressionBodiedHandler_BecomesTaskFromResult()
        => VerifyAsync(
            Source("""=> await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("PAYMENT_FUNCTION_NAME"), Payload = evt.Records[0].Sns.Message });"""),
            Source("=> Task.FromResult(evt.Records[0].Sns.Message);", "public Task<string> HandleAsync(SNSEvent evt, ILambdaContext context)"),
            Template,
            TemplateWithDestination);

    [Fact]
    public Task NullablePayload_ReturnsNullableString()
        => VerifyAsync(
            Source("""
                string? message = evt.Records.Count > 0 ? evt.Records[0].Sns.Message : null;
                await Task.Yield();
                """ + "\n" + Invoke, header: "#nullable enable\n"),
            Source("""
                string? message = evt.Records.Count > 0 ? evt.Records[0].Sns.Message : null;
                await Task.Yield();
                return message;
                """, "public async Task<string?> HandleAsync(SNSEvent evt, ILambdaContext context)", header: "#nullable enable\n"),
            Template,
            TemplateWithDestination);

    [Fact]
    public Task LiteralFunctionName_MatchesTheTargetsFunctionName()
        => VerifyAsync(
            Source("""
                var message = evt.Records[0].Sns.Message;
                await Task.Yield();
                await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "shop-payment", Payload = message });
                """),
            Source("""
                var message = evt.Records[0].Sns.Message;
                await Task.Yield();
                return message;
                """, "public async Task<string> HandleAsync(SNSEvent evt, ILambdaContext context)"),
            Template.Replace("      Handler: TestProject::Shop.PaymentFunction::HandleAsync", "      FunctionName: shop-payment\n      Handler: TestProject::Shop.PaymentFunction::HandleAsync"),
            TemplateWithDestination.Replace("      Handler: TestProject::Shop.PaymentFunction::HandleAsync", "      FunctionName: shop-payment\n      Handler: TestProject::Shop.PaymentFunction::HandleAsync"));

    [Fact]
    public Task ExistingEventInvokeConfigWithOnFailure_GetsOnSuccessAndProvesAsynchronousInvocation()
        => VerifyAsync(
            Source("var message = evt.Records[0].Sns.Message;\nawait Task.Yield();\n" + Invoke),
            Source("var message = evt.Records[0].Sns.Message;\nawait Task.Yield();\nreturn message;", "public async Task<string> HandleAsync(SNSEvent evt, ILambdaContext context)"),
            WithEvents(Template, """
                      EventInvokeConfig:
                        MaximumRetryAttempts: 1
                        DestinationConfig:
                          OnFailure:
                            Type: SQS

                """),
            WithEvents(Template, """
                      EventInvokeConfig:
                        MaximumRetryAttempts: 1
                        DestinationConfig:
                          OnSuccess:
                            Type: Lambda
                            Destination: !GetAtt PaymentFunction.Arn
                          OnFailure:
                            Type: SQS

                """));

    private const string JsonTemplate = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Transform": "AWS::Serverless-2016-10-31",
          "Resources": {
            "OrderPlacedFunction": {
              "Type": "AWS::Serverless::Function",
              "Properties": {
                "Handler": "TestProject::Shop.OrderPlacedFunction::HandleAsync",
                "Runtime": "dotnet8",
                "Environment": {
                  "Variables": {
                    "PAYMENT_FUNCTION_NAME": { "Ref": "PaymentFunction" }
                  }
                },
                "Events": {
                  "Nightly": {
                    "Type": "ScheduleV2",
                    "Properties": { "ScheduleExpression": "rate(1 day)" }
                  }
                }
              }
            },
            "PaymentFunction": {
              "Type": "AWS::Serverless::Function",
              "Properties": {
                "Handler": "TestProject::Shop.PaymentFunction::HandleAsync",
                "Runtime": "dotnet8"
              }
            }
          }
        }

        """;

    [Fact]
    public Task JsonServerlessTemplate_GetsEventInvokeConfig()
        => VerifyAsync(
            Source("var message = evt.Records[0].Sns.Message;\nawait Task.Yield();\n" + Invoke),
            Source("var message = evt.Records[0].Sns.Message;\nawait Task.Yield();\nreturn message;", "public async Task<string> HandleAsync(SNSEvent evt, ILambdaContext context)"),
            JsonTemplate,
            JsonTemplate.Replace("""
                      "Properties": {
                        "Handler": "TestProject::Shop.OrderPlacedFunction::HandleAsync",
                """, """
                      "Properties": {
                        "EventInvokeConfig": {
                          "DestinationConfig": {
                            "OnSuccess": {
                              "Type": "Lambda",
                              "Destination": { "Fn::GetAtt": ["PaymentFunction", "Arn"] }
                            }
                          }
                        },
                        "Handler": "TestProject::Shop.OrderPlacedFunction::HandleAsync",
                """),
            "/0/serverless.template");

    [Fact]
    public void EditedTemplates_ReadBackWithTheDestination()
    {
        foreach (var (path, text) in new[] { ("/0/template.yaml", TemplateWithDestination) })
        {
            var file = LambdaAnalyzers.Templates.DeploymentFile.Read(path, Microsoft.CodeAnalysis.Text.SourceText.From(text), System.Threading.CancellationToken.None);
            var caller = Assert.Single(file!.Functions, f => f.Name == "OrderPlacedFunction");
            var onSuccess = caller.GetProperty("EventInvokeConfig")?.Get("DestinationConfig")?.Get("OnSuccess");
            Assert.Equal("Lambda", onSuccess?.GetLiteral("Type"));
            Assert.Equal("!GetAtt", onSuccess?.Get("Destination")?.Tag);
            Assert.Equal("PaymentFunction.Arn", onSuccess?.Get("Destination")?.Value);
        }
    }

    // ---------------------------------------------------------------- not offered: the code

    [Fact]
    public Task PayloadUsed_NoDestinationFix()
        => VerifyNoFixAsync(Source("""
            var message = evt.Records[0].Sns.Message;
            var response = await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("PAYMENT_FUNCTION_NAME"), Payload = message });
            context.Logger.LogLine(response.FunctionError);
            """), Template);

    [Fact]
    public Task StatusChecked_NoDestinationFix()
        => VerifyNoFixAsync(Source("""
            var message = evt.Records[0].Sns.Message;
            var response = await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("PAYMENT_FUNCTION_NAME"), Payload = message });
            if (response.StatusCode != 200) throw new InvalidOperationException();
            """), Template);

    [Fact]
    public Task WorkAfterTheCall_NoDestinationFix()
        => VerifyNoFixAsync(Source("var message = evt.Records[0].Sns.Message;\n" + Invoke + "\ncontext.Logger.LogLine(\"charged\");"), Template);

    [Fact]
    public Task EarlyReturnSkipsTheCall_NoDestinationFix()
        => VerifyNoFixAsync(Source("var message = evt.Records[0].Sns.Message;\nif (message.Length == 0) return;\n" + Invoke), Template);

    [Fact]
    public Task CallInsideACondition_NoDestinationFix()
        => VerifyNoFixAsync(Source("var message = evt.Records[0].Sns.Message;\nif (message.Length > 0)\n{\n    " + Invoke + "\n}"), Template);

    [Fact]
    public Task CallInAHelperOfTheHandler_NoDestinationFix()
        => VerifyNoFixAsync(
            Source("await ChargeAsync(evt.Records[0].Sns.Message);", members: """
                private static async Task ChargeAsync(string message)
                {
                    await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("PAYMENT_FUNCTION_NAME"), Payload = message });
                }

                """),
            Template);

    [Fact]
    public Task QualifierSet_NoDestinationFix()
        => VerifyNoFixAsync(Source("""
            var message = evt.Records[0].Sns.Message;
            await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("PAYMENT_FUNCTION_NAME"), Qualifier = "live", Payload = message });
            """), Template);

    [Fact]
    public Task RequestValueWithSideEffects_NoDestinationFix()
        => VerifyNoFixAsync(Source("""
            var message = evt.Records[0].Sns.Message;
            await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("PAYMENT_FUNCTION_NAME"), LogType = Counted(LogType.Tail), Payload = message });
            """, members: """
            private static int calls;

            private static LogType Counted(LogType type) { calls++; return type; }

            """), Template);

    /// <summary>Same request values without side effects: offered (the twin of the test above).</summary>
    [Fact]
    public Task RequestValuesWithoutSideEffects_AreDropped()
        => VerifyAsync(
            Source("""
                var message = evt.Records[0].Sns.Message;
                await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("PAYMENT_FUNCTION_NAME"), LogType = LogType.Tail, InvocationType = "RequestResponse", Payload = message });
                """),
            Source("var message = evt.Records[0].Sns.Message;\nreturn Task.FromResult(message);", "public Task<string> HandleAsync(SNSEvent evt, ILambdaContext context)"),
            Template,
            TemplateWithDestination);

    [Fact]
    public Task HandlerImplementsAnInterface_NoDestinationFix()
        => VerifyNoFixAsync(
            Source("var message = evt.Records[0].Sns.Message;\n" + Invoke, baseList: " : IOrderHandler")
                + "\nnamespace Shop\n{\n    public interface IOrderHandler\n    {\n        Task HandleAsync(SNSEvent evt, ILambdaContext context);\n    }\n}\n",
            Template);

    [Fact]
    public Task HandlerCalledFromCode_NoDestinationFix()
        => VerifyNoFixAsync(
            Source("var message = evt.Records[0].Sns.Message;\n" + Invoke)
                + "\nnamespace Shop\n{\n    public static class Replay\n    {\n        public static Task RunAsync(SNSEvent evt, ILambdaContext context) => new OrderPlacedFunction().HandleAsync(evt, context);\n    }\n}\n",
            Template);

    [Fact]
    public Task AsyncVoidHandler_NoDestinationFix()
        => VerifyNoFixAsync(Source("var message = evt.Records[0].Sns.Message;\n" + Invoke, "public async void HandleAsync(SNSEvent evt, ILambdaContext context)"), Template);

    [Fact]
    public Task HandlerReturnsAValue_NoDestinationFix()
        => VerifyNoFixAsync(
            Source("var message = evt.Records[0].Sns.Message;\n" + Invoke + "\nreturn message.Length;", "public async Task<int> HandleAsync(SNSEvent evt, ILambdaContext context)"),
            Template);

    [Fact]
    public Task NoLambdaSerializer_NoDestinationFix()
        => VerifyNoFixAsync(Source("var message = evt.Records[0].Sns.Message;\n" + Invoke, serializer: false), Template);

    // ---------------------------------------------------------------- not offered: the template

    [Fact]
    public Task NoTemplate_NoDestinationFix()
        => VerifyNoFixAsync(Source("var message = evt.Records[0].Sns.Message;\n" + Invoke), template: null);

    [Fact]
    public Task CallerInvokedByApiGateway_NoDestinationFix()
        => VerifyNoFixAsync(Source("var message = evt.Records[0].Sns.Message;\n" + Invoke), WithEvents(Template, """
                  Events:
                    Checkout:
                      Type: Api
                      Properties:
                        Path: /checkout
                        Method: POST

            """));

    [Fact]
    public Task CallerWithAnAsynchronousAndAnApiEvent_NoDestinationFix()
        => VerifyNoFixAsync(Source("var message = evt.Records[0].Sns.Message;\n" + Invoke), WithEvents(Template, SnsEvents + """
                    Checkout:
                      Type: HttpApi

            """));

    [Fact]
    public Task CallerPollsAQueue_NoDestinationFix()
        => VerifyNoFixAsync(Source("var message = evt.Records[0].Sns.Message;\n" + Invoke), WithEvents(Template, """
                  Events:
                    Orders:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt OrdersQueue.Arn

            """));

    [Fact]
    public Task SnsWithSqsSubscription_NoDestinationFix()
        => VerifyNoFixAsync(Source("var message = evt.Records[0].Sns.Message;\n" + Invoke), Template.Replace("            Topic: !Ref OrdersTopic", "            Topic: !Ref OrdersTopic\n            SqsSubscription: true"));

    [Fact]
    public Task CallerWithoutEvents_NoDestinationFix()
        => VerifyNoFixAsync(Source("var message = evt.Records[0].Sns.Message;\n" + Invoke), WithEvents(Template, string.Empty));

    [Fact]
    public Task CallerWithItsOwnRole_NoDestinationFix()
        => VerifyNoFixAsync(Source("var message = evt.Records[0].Sns.Message;\n" + Invoke), Template.Replace("      Runtime: dotnet8\n      Environment:", "      Runtime: dotnet8\n      Role: arn:aws:iam::123456789012:role/orders\n      Environment:"));

    [Fact]
    public Task CallerAlreadyHasAnOnSuccessDestination_NoDestinationFix()
        => VerifyNoFixAsync(Source("var message = evt.Records[0].Sns.Message;\n" + Invoke), TemplateWithDestination.Replace("!GetAtt PaymentFunction.Arn", "!GetAtt AuditFunction.Arn"));

    [Fact]
    public Task CallerInvokedByAStateMachine_NoDestinationFix()
        => VerifyNoFixAsync(Source("var message = evt.Records[0].Sns.Message;\n" + Invoke), Template.Replace("  OrdersTopic:", """
              Workflow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Policies:
                    - LambdaInvokePolicy:
                        FunctionName: !Ref OrderPlacedFunction

              OrdersTopic:
            """));

    [Fact]
    public Task TargetNotWiredInTheTemplate_NoDestinationFix()
        => VerifyNoFixAsync(Source("var message = evt.Records[0].Sns.Message;\n" + Invoke), Template.Replace("PAYMENT_FUNCTION_NAME: !Ref PaymentFunction", "PAYMENT_FUNCTION_NAME: shop-payment"));

    [Fact]
    public Task TwoFunctionsRunTheHandler_NoDestinationFix()
    {
        // A second, otherwise identical function with the same handler: which one is meant is unclear.
        var caller = Template.Substring(Template.IndexOf("  OrderPlacedFunction:", System.StringComparison.Ordinal), Template.IndexOf("  PaymentFunction:", System.StringComparison.Ordinal) - Template.IndexOf("  OrderPlacedFunction:", System.StringComparison.Ordinal));
        var template = Template.Replace("  OrdersTopic:", caller.Replace("  OrderPlacedFunction:\n", "  OrderReplayFunction:\n") + "  OrdersTopic:");
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(template, "Handler: TestProject::Shop.OrderPlacedFunction::HandleAsync").Count);
        return VerifyNoFixAsync(Source("var message = evt.Records[0].Sns.Message;\n" + Invoke), template);
    }
}
