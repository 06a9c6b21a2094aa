using System.Linq;
using System.Threading.Tasks;
using LambdaAnalyzers.CodeFixes.Rules;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaAnalyzers.Tests.Verifiers.CodeFixVerifier<LambdaAnalyzers.Rules.SynchronousLambdaInvocationAnalyzer, LambdaAnalyzers.CodeFixes.Rules.SynchronousLambdaInvocationCodeFixProvider>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>LAMBDA002 fixes: invoke asynchronously; send through a queue. Each only when it keeps the code correct.</summary>
public sealed class SynchronousLambdaInvocationCodeFixTests
{
    private const string Async = SynchronousLambdaInvocationCodeFixProvider.InvokeAsynchronouslyKey;
    private const string Queue = SynchronousLambdaInvocationCodeFixProvider.SendThroughQueueKey;

    private static string Handler(string body, string members = "", string usings = "")
        => "using System;\nusing System.Net;\nusing System.Threading.Tasks;\nusing Amazon.Lambda;\nusing Amazon.Lambda.Core;\nusing Amazon.Lambda.Model;\n" + usings + """

            namespace Shop
            {
                public class CheckoutFunction
                {
                    private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

            """ + Indent(members, 8) + """
                    public async Task<string> HandleAsync(string input, ILambdaContext context)
                    {

            """ + Indent(body, 12) + """
                        return input;
                    }
                }
            }

            """;

    private static string Indent(string text, int spaces)
        => text.Length == 0
            ? string.Empty
            : string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l)) + "\n";

    private static Task VerifyFixAsync(string before, string after, string key, int? iterations = null, bool removeSqs = false)
    {
        var test = new Verify.Test
        {
            TestCode = before,
            FixedCode = after,
            CodeActionEquivalenceKey = key,
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
        };
        if (removeSqs)
        {
            foreach (var state in new[] { test.TestState, test.FixedState })
            {
                var sqs = state.AdditionalReferences.Single(r => r.Display?.EndsWith("AWSSDK.SQS.dll", System.StringComparison.OrdinalIgnoreCase) == true);
                state.AdditionalReferences.Remove(sqs);
            }
        }

        if (iterations is { } count)
        {
            // One fix-all pass; one single fix per diagnostic.
            test.NumberOfFixAllIterations = 1;
            test.NumberOfIncrementalIterations = count;
        }

        return test.RunAsync();
    }

    /// <summary>The diagnostic stays and no action with <paramref name="key"/> is offered.</summary>
    private static Task VerifyNoFixAsync(string source, string key, bool removeSqs = false)
        => VerifyFixAsync(source, source, key, removeSqs: removeSqs);

    // ---------------------------------------------------------------- invoke asynchronously

    [Fact]
    public Task InlineRequest_ResultDiscarded_AddsEventInvocationType()
        => VerifyFixAsync(
            Handler("""await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "audit", Payload = input });"""),
            Handler("""await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "audit", Payload = input, InvocationType = InvocationType.Event });"""),
            Async);

    [Fact]
    public Task ExplicitRequestResponse_IsReplacedByEvent()
        => VerifyFixAsync(
            Handler("""await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "audit", InvocationType = "RequestResponse" }).ConfigureAwait(false);"""),
            Handler("""await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "audit", InvocationType = InvocationType.Event }).ConfigureAwait(false);"""),
            Async);

    [Fact]
    public Task MultiLineInitializer_AddsEventOnItsOwnLine()
        => VerifyFixAsync(
            Handler("""
                await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest
                {
                    FunctionName = "audit",
                    Payload = input
                });
                """),
            Handler("""
                await Lambda.InvokeAsync(new InvokeRequest
                {
                    FunctionName = "audit",
                    Payload = input,
                    InvocationType = InvocationType.Event,
                });
                """),
            Async);

    [Fact]
    public Task LocalWithPropertyAssignment_ReplacesTheAssignedValue()
        => VerifyFixAsync(
            Handler("""
                var request = new InvokeRequest { FunctionName = "audit" };
                request.InvocationType = InvocationType.RequestResponse;
                _ = await Lambda.{|LAMBDA002:InvokeAsync|}(request);
                """),
            Handler("""
                var request = new InvokeRequest { FunctionName = "audit" };
                request.InvocationType = InvocationType.Event;
                _ = await Lambda.InvokeAsync(request);
                """),
            Async);

    [Fact]
    public Task LocalWithoutInitializer_GetsOne()
        => VerifyFixAsync(
            Handler("""
                var request = new InvokeRequest();
                request.FunctionName = "audit";
                await Lambda.{|LAMBDA002:InvokeAsync|}(request);
                """),
            Handler("""
                var request = new InvokeRequest() { InvocationType = InvocationType.Event };
                request.FunctionName = "audit";
                await Lambda.InvokeAsync(request);
                """),
            Async);

    [Fact]
    public Task StatusCodeComparedWith200_BecomesComparedWith202()
        => VerifyFixAsync(
            Handler("""
                var response = await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "audit" });
                if (response.StatusCode != 200) throw new InvalidOperationException("audit failed");
                """),
            Handler("""
                var response = await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "audit", InvocationType = InvocationType.Event });
                if (response.StatusCode != 202) throw new InvalidOperationException("audit failed");
                """),
            Async);

    [Fact]
    public Task HttpStatusCodeOk_BecomesAccepted()
        => VerifyFixAsync(
            Handler("""
                var response = Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "audit" }).GetAwaiter().GetResult();
                if (response.HttpStatusCode == HttpStatusCode.OK) context.Logger.LogLine("sent");
                """),
            Handler("""
                var response = Lambda.InvokeAsync(new InvokeRequest { FunctionName = "audit", InvocationType = InvocationType.Event }).GetAwaiter().GetResult();
                if (response.HttpStatusCode == HttpStatusCode.Accepted) context.Logger.LogLine("sent");
                """),
            Async);

    [Fact]
    public Task MissingUsing_IsAdded()
        => VerifyFixAsync("""
            using System.Threading.Tasks;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.Model;

            public class AuditFunction
            {
                private readonly Amazon.Lambda.IAmazonLambda _lambda = new Amazon.Lambda.AmazonLambdaClient();

                public async Task HandleAsync(string input, ILambdaContext context)
                    => await _lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "audit" });
            }
            """, """
            using System.Threading.Tasks;
            using Amazon.Lambda;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.Model;

            public class AuditFunction
            {
                private readonly Amazon.Lambda.IAmazonLambda _lambda = new Amazon.Lambda.AmazonLambdaClient();

                public async Task HandleAsync(string input, ILambdaContext context)
                    => await _lambda.InvokeAsync(new InvokeRequest { FunctionName = "audit", InvocationType = InvocationType.Event });
            }
            """, Async);

    [Fact]
    public Task FixAll_MakesEveryDiscardedCallAsynchronous()
        => VerifyFixAsync(
            Handler("""
                await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "audit" });
                await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "mailer", Payload = input });
                """),
            Handler("""
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "audit", InvocationType = InvocationType.Event });
                await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "mailer", Payload = input, InvocationType = InvocationType.Event });
                """),
            Async,
            iterations: 2);

    [Fact]
    public Task PayloadUsed_NoAsyncFix()
        => VerifyNoFixAsync(Handler("""
            var response = await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "payment", Payload = input });
            input = new System.IO.StreamReader(response.Payload).ReadToEnd();
            """), Async);

    [Fact]
    public Task ResponseReturned_NoAsyncFix()
        => VerifyNoFixAsync(Handler("", """
            public Task<InvokeResponse> ChargeAsync(string input)
                => Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "payment", Payload = input });

            """).Replace("return input;", "await ChargeAsync(input);\n            return input;"), Async);

    [Fact]
    public Task FunctionErrorChecked_NoAsyncFix()
        => VerifyNoFixAsync(Handler("""
            var response = await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "payment" });
            if (response.StatusCode != 200 || response.FunctionError != null) throw new InvalidOperationException();
            """), Async);

    [Fact]
    public Task FactoryRequest_NoAsyncFix()
        => VerifyNoFixAsync(Handler("""
            await Lambda.{|LAMBDA002:InvokeAsync|}(Create());
            """, """
            private static InvokeRequest Create() => new InvokeRequest { FunctionName = "audit" };

            """), Async);

    [Fact]
    public Task LocalPassedToTwoCalls_NoAsyncFix()
        => VerifyNoFixAsync(Handler("""
            var request = new InvokeRequest { FunctionName = "audit" };
            await Lambda.{|LAMBDA002:InvokeAsync|}(request);
            var second = await Lambda.{|LAMBDA002:InvokeAsync|}(request);
            input = second.FunctionError;
            """), Async);

    [Fact]
    public Task Streaming_NoFix()
        => VerifyNoFixAsync(Handler("""
            await Lambda.{|LAMBDA002:InvokeWithResponseStreamAsync|}(new InvokeWithResponseStreamRequest { FunctionName = "report" });
            """), Async);

    // ---------------------------------------------------------------- send through a queue

    [Fact]
    public Task Queue_ReplacesInvokeAndAddsStaticClient()
        => VerifyFixAsync(
            Handler("""await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("AUDIT_FUNCTION_NAME"), Payload = input });"""),
            Handler(
                """await Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = Environment.GetEnvironmentVariable("AUDIT_QUEUE_URL"), MessageBody = input });""",
                "private static readonly IAmazonSQS Sqs = new AmazonSQSClient();",
                usings: "using Amazon.SQS;\nusing Amazon.SQS.Model;\n"),
            Queue);

    [Fact]
    public Task Queue_ReusesExistingSqsClient()
        => VerifyFixAsync(
            Handler(
                """await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "audit-function", Payload = input });""",
                "private static readonly Amazon.SQS.IAmazonSQS Queues = new Amazon.SQS.AmazonSQSClient();"),
            Handler(
                """await Queues.SendMessageAsync(new SendMessageRequest { QueueUrl = Environment.GetEnvironmentVariable("AUDIT_QUEUE_URL"), MessageBody = input });""",
                "private static readonly Amazon.SQS.IAmazonSQS Queues = new Amazon.SQS.AmazonSQSClient();",
                usings: "using Amazon.SQS.Model;\n"),
            Queue);

    [Fact]
    public Task Queue_FixAll_AddsOneClient()
        => VerifyFixAsync(
            Handler("""
                await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "audit", Payload = input });
                await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "mailer", Payload = input });
                """),
            Handler(
                """
                await Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = Environment.GetEnvironmentVariable("AUDIT_QUEUE_URL"), MessageBody = input });
                await Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = Environment.GetEnvironmentVariable("MAILER_QUEUE_URL"), MessageBody = input });
                """,
                "private static readonly IAmazonSQS Sqs = new AmazonSQSClient();",
                usings: "using Amazon.SQS;\nusing Amazon.SQS.Model;\n"),
            Queue,
            iterations: 2);

    [Fact]
    public Task Queue_StatusChecked_NoQueueFix()
        => VerifyNoFixAsync(Handler("""
            var response = await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "audit", Payload = input });
            if (response.StatusCode != 200) throw new InvalidOperationException();
            """), Queue);

    [Fact]
    public Task Queue_PayloadUsed_NoQueueFix()
        => VerifyNoFixAsync(Handler("""
            var response = await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "payment", Payload = input });
            input = new System.IO.StreamReader(response.Payload).ReadToEnd();
            """), Queue);

    [Fact]
    public Task Queue_NoPayload_NoQueueFix()
        => VerifyNoFixAsync(Handler("""
            await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "audit" });
            """), Queue);

    [Fact]
    public Task Queue_UnknownTarget_NoQueueFix()
        => VerifyNoFixAsync(Handler("""
            await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = input, Payload = input });
            """), Queue);

    [Fact]
    public Task Queue_SqsNotReferenced_NoQueueFix()
        => VerifyNoFixAsync(Handler("""
            await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "audit", Payload = input });
            """), Queue, removeSqs: true);

    [Fact]
    public Task Queue_QualifierSet_NoQueueFix()
        => VerifyNoFixAsync(Handler("""
            await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = "audit", Qualifier = "live", Payload = input });
            """), Queue);

    private const string TemplateBefore = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: dotnet8
            Timeout: 30

        Resources:
          CheckoutFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Shop.CheckoutFunction::HandleAsync
              Environment:
                Variables:
                  AUDIT_FUNCTION_NAME: !Ref AuditFunction # wired by SAM
              Policies:
                - LambdaInvokePolicy:
                    FunctionName: !Ref AuditFunction

          AuditFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Shop.AuditFunction::HandleAsync

        """;

    private const string TemplateAfter = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Runtime: dotnet8
            Timeout: 30

        Resources:
          CheckoutFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Shop.CheckoutFunction::HandleAsync
              Environment:
                Variables:
                  AUDIT_FUNCTION_NAME: !Ref AuditFunction # wired by SAM
                  AUDIT_QUEUE_URL: !Ref AuditQueue
              Policies:
                - LambdaInvokePolicy:
                    FunctionName: !Ref AuditFunction
                - SQSSendMessagePolicy:
                    QueueName: !GetAtt AuditQueue.QueueName

          AuditFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Shop.AuditFunction::HandleAsync
              Events:
                AuditQueue:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt AuditQueue.Arn
                    FunctionResponseTypes:
                      - ReportBatchItemFailures

          AuditQueue:
            Type: AWS::SQS::Queue
            Properties:
              VisibilityTimeout: 180
              RedrivePolicy:
                deadLetterTargetArn: !GetAtt AuditDeadLetterQueue.Arn
                maxReceiveCount: 3

          AuditDeadLetterQueue:
            Type: AWS::SQS::Queue

        """;

    [Fact]
    public Task Queue_SamTemplate_AddsQueueDeadLetterQueueEventSourcePolicyAndVariable()
    {
        var before = Handler("""await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("AUDIT_FUNCTION_NAME"), Payload = input });""");
        var after = Handler(
            """await Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = Environment.GetEnvironmentVariable("AUDIT_QUEUE_URL"), MessageBody = input });""",
            "private static readonly IAmazonSQS Sqs = new AmazonSQSClient();",
            usings: "using Amazon.SQS;\nusing Amazon.SQS.Model;\n");
        var test = new Verify.Test
        {
            TestCode = before,
            FixedCode = after,
            CodeActionEquivalenceKey = Queue,
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
        };
        // Fix all applies the C# half only (several queues in one template would need merged edits).
        test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck;
        test.TestState.AdditionalFiles.Add(("/0/template.yaml", TemplateBefore));
        test.FixedState.AdditionalFiles.Add(("/0/template.yaml", TemplateAfter));
        return test.RunAsync();
    }

    [Fact]
    public Task Queue_TemplateWithoutTheVariable_EditsOnlyTheCode()
    {
        var template = TemplateBefore.Replace("AUDIT_FUNCTION_NAME: !Ref AuditFunction", "OTHER: value");
        var test = new Verify.Test
        {
            TestCode = Handler("""await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("AUDIT_FUNCTION_NAME"), Payload = input });"""),
            FixedCode = Handler(
                """await Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = Environment.GetEnvironmentVariable("AUDIT_QUEUE_URL"), MessageBody = input });""",
                "private static readonly IAmazonSQS Sqs = new AmazonSQSClient();",
                usings: "using Amazon.SQS;\nusing Amazon.SQS.Model;\n"),
            CodeActionEquivalenceKey = Queue,
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
        };
        test.TestState.AdditionalFiles.Add(("/0/template.yaml", template));
        test.FixedState.AdditionalFiles.Add(("/0/template.yaml", template));
        return test.RunAsync();
    }

    [Fact]
    public void Queue_EditedTemplate_ReadsBackWithTheQueueAndTheEventSource()
    {
        var file = LambdaAnalyzers.Templates.DeploymentFile.Read("/0/template.yaml", Microsoft.CodeAnalysis.Text.SourceText.From(TemplateAfter), System.Threading.CancellationToken.None);
        Assert.NotNull(file);
        var audit = Assert.Single(file!.Functions, f => f.Name == "AuditFunction");
        var source = Assert.Single(audit.Events);
        Assert.Equal("SQS", source.Type);
        Assert.Contains(file.Queues, q => q.Name == "AuditQueue");
        Assert.Contains(file.Queues, q => q.Name == "AuditDeadLetterQueue");
        var checkout = Assert.Single(file.Functions, f => f.Name == "CheckoutFunction");
        Assert.Equal("AuditQueue", checkout.GetProperty("Environment")?.Get("Variables")?.Get("AUDIT_QUEUE_URL")?.Value);
        Assert.Equal(2, checkout.GetProperty("Policies")?.Items.Length);
    }

    [Fact]
    public Task Queue_SamTemplateWithoutPoliciesAndWithEvents_AddsThem()
    {
        var test = new Verify.Test
        {
            TestCode = Handler("""await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("AUDIT_FUNCTION_NAME"), Payload = input });"""),
            FixedCode = Handler(
                """await Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = Environment.GetEnvironmentVariable("AUDIT_QUEUE_URL"), MessageBody = input });""",
                "private static readonly IAmazonSQS Sqs = new AmazonSQSClient();",
                usings: "using Amazon.SQS;\nusing Amazon.SQS.Model;\n"),
            CodeActionEquivalenceKey = Queue,
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck,
        };
        test.TestState.AdditionalFiles.Add(("/0/template.yml", """
            Resources:
              CheckoutFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.CheckoutFunction::HandleAsync
                  Timeout: 10
                  Environment:
                    Variables:
                      AUDIT_FUNCTION_NAME: !Ref AuditFunction
              AuditFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.AuditFunction::HandleAsync
                  Timeout: 60
                  Events:
                    Nightly:
                      Type: Schedule
                      Properties:
                        Schedule: rate(1 day)
            """));
        test.FixedState.AdditionalFiles.Add(("/0/template.yml", """
            Resources:
              CheckoutFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.CheckoutFunction::HandleAsync
                  Timeout: 10
                  Environment:
                    Variables:
                      AUDIT_FUNCTION_NAME: !Ref AuditFunction
                      AUDIT_QUEUE_URL: !Ref AuditQueue
                  Policies:
                    - SQSSendMessagePolicy:
                        QueueName: !GetAtt AuditQueue.QueueName
              AuditFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.AuditFunction::HandleAsync
                  Timeout: 60
                  Events:
                    Nightly:
                      Type: Schedule
                      Properties:
                        Schedule: rate(1 day)
                    AuditQueue:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt AuditQueue.Arn
                        FunctionResponseTypes:
                          - ReportBatchItemFailures

              AuditQueue:
                Type: AWS::SQS::Queue
                Properties:
                  VisibilityTimeout: 360
                  RedrivePolicy:
                    deadLetterTargetArn: !GetAtt AuditDeadLetterQueue.Arn
                    maxReceiveCount: 3

              AuditDeadLetterQueue:
                Type: AWS::SQS::Queue
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task Queue_TemplateAlreadyHasTheQueue_EditsOnlyTheCode()
    {
        var template = TemplateBefore + "  AuditQueue:\n    Type: AWS::SQS::Queue\n";
        var test = new Verify.Test
        {
            TestCode = Handler("""await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("AUDIT_FUNCTION_NAME"), Payload = input });"""),
            FixedCode = Handler(
                """await Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = Environment.GetEnvironmentVariable("AUDIT_QUEUE_URL"), MessageBody = input });""",
                "private static readonly IAmazonSQS Sqs = new AmazonSQSClient();",
                usings: "using Amazon.SQS;\nusing Amazon.SQS.Model;\n"),
            CodeActionEquivalenceKey = Queue,
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
        };
        test.TestState.AdditionalFiles.Add(("/0/template.yaml", template));
        test.FixedState.AdditionalFiles.Add(("/0/template.yaml", template));
        return test.RunAsync();
    }

    // ---------------------------------------------------------------- send through a queue: request in a local

    [Fact]
    public Task Queue_RequestInLocal_ItsStatementsGoWithTheCall()
        => VerifyFixAsync(
            Handler("""
                // Audit trail.
                var request = new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("AUDIT_FUNCTION_NAME") };
                request.Payload = input;
                await Lambda.{|LAMBDA002:InvokeAsync|}(request);
                """),
            Handler(
                """
                // Audit trail.
                await Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = Environment.GetEnvironmentVariable("AUDIT_QUEUE_URL"), MessageBody = input });
                """,
                "private static readonly IAmazonSQS Sqs = new AmazonSQSClient();",
                usings: "using Amazon.SQS;\nusing Amazon.SQS.Model;\n"),
            Queue);

    [Fact]
    public Task Queue_LocalReadAfterTheCall_NoQueueFix()
        => VerifyNoFixAsync(Handler("""
            var request = new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("AUDIT_FUNCTION_NAME") };
            request.Payload = input;
            await Lambda.{|LAMBDA002:InvokeAsync|}(request);
            context.Logger.LogLine(request.FunctionName);
            """), Queue);

    [Fact]
    public Task Queue_LocalConfiguredAwayFromTheCall_NoQueueFix()
        => VerifyNoFixAsync(Handler("""
            var request = new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("AUDIT_FUNCTION_NAME") };
            request.Payload = input;
            input = input.Trim();
            await Lambda.{|LAMBDA002:InvokeAsync|}(request);
            """), Queue);

    // ---------------------------------------------------------------- send through a queue: JSON template

    private const string JsonTemplateBefore = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Transform": "AWS::Serverless-2016-10-31",
          "Resources": {
            "CheckoutFunction": {
              "Type": "AWS::Serverless::Function",
              "Properties": {
                "Handler": "TestProject::Shop.CheckoutFunction::HandleAsync",
                "Environment": {
                  "Variables": {
                    "AUDIT_FUNCTION_NAME": { "Ref": "AuditFunction" }
                  }
                },
                "Policies": [
                  "AWSLambdaBasicExecutionRole"
                ]
              }
            },
            "AuditFunction": {
              "Type": "AWS::Serverless::Function",
              "Properties": {
                "Handler": "TestProject::Shop.AuditFunction::HandleAsync",
                "Timeout": 10
              }
            }
          }
        }

        """;

    private const string JsonTemplateAfter = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Transform": "AWS::Serverless-2016-10-31",
          "Resources": {
            "AuditQueue": {
              "Type": "AWS::SQS::Queue",
              "Properties": {
                "VisibilityTimeout": 60,
                "RedrivePolicy": {
                  "deadLetterTargetArn": { "Fn::GetAtt": ["AuditDeadLetterQueue", "Arn"] },
                  "maxReceiveCount": 3
                }
              }
            },
            "AuditDeadLetterQueue": {
              "Type": "AWS::SQS::Queue"
            },
            "CheckoutFunction": {
              "Type": "AWS::Serverless::Function",
              "Properties": {
                "Handler": "TestProject::Shop.CheckoutFunction::HandleAsync",
                "Environment": {
                  "Variables": {
                    "AUDIT_QUEUE_URL": { "Ref": "AuditQueue" },
                    "AUDIT_FUNCTION_NAME": { "Ref": "AuditFunction" }
                  }
                },
                "Policies": [
                  { "SQSSendMessagePolicy": { "QueueName": { "Fn::GetAtt": ["AuditQueue", "QueueName"] } } },
                  "AWSLambdaBasicExecutionRole"
                ]
              }
            },
            "AuditFunction": {
              "Type": "AWS::Serverless::Function",
              "Properties": {
                "Events": {
                  "AuditQueue": {
                    "Type": "SQS",
                    "Properties": {
                      "Queue": { "Fn::GetAtt": ["AuditQueue", "Arn"] },
                      "FunctionResponseTypes": ["ReportBatchItemFailures"]
                    }
                  }
                },
                "Handler": "TestProject::Shop.AuditFunction::HandleAsync",
                "Timeout": 10
              }
            }
          }
        }

        """;

    private static Task VerifyQueueWithTemplateAsync(string path, string template, string fixedTemplate)
    {
        var test = new Verify.Test
        {
            TestCode = Handler("""await Lambda.{|LAMBDA002:InvokeAsync|}(new InvokeRequest { FunctionName = Environment.GetEnvironmentVariable("AUDIT_FUNCTION_NAME"), Payload = input });"""),
            FixedCode = Handler(
                """await Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = Environment.GetEnvironmentVariable("AUDIT_QUEUE_URL"), MessageBody = input });""",
                "private static readonly IAmazonSQS Sqs = new AmazonSQSClient();",
                usings: "using Amazon.SQS;\nusing Amazon.SQS.Model;\n"),
            CodeActionEquivalenceKey = Queue,
            MarkupOptions = MarkupOptions.UseFirstDescriptor,
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllCheck,
        };
        test.TestState.AdditionalFiles.Add((path, template));
        test.FixedState.AdditionalFiles.Add((path, fixedTemplate));
        return test.RunAsync();
    }

    [Fact]
    public Task Queue_JsonServerlessTemplate_AddsQueueDeadLetterQueueEventSourcePolicyAndVariable()
        => VerifyQueueWithTemplateAsync("/0/serverless.template", JsonTemplateBefore, JsonTemplateAfter);

    [Fact]
    public Task Queue_JsonTemplateWithoutPoliciesOrEvents_AddsThem()
        => VerifyQueueWithTemplateAsync(
            "/0/serverless.template",
            JsonTemplateBefore.Replace(",\n        \"Policies\": [\n          \"AWSLambdaBasicExecutionRole\"\n        ]", string.Empty),
            JsonTemplateAfter.Replace("""
                        "Handler": "TestProject::Shop.CheckoutFunction::HandleAsync",
                        "Environment": {
                          "Variables": {
                            "AUDIT_QUEUE_URL": { "Ref": "AuditQueue" },
                            "AUDIT_FUNCTION_NAME": { "Ref": "AuditFunction" }
                          }
                        },
                        "Policies": [
                          { "SQSSendMessagePolicy": { "QueueName": { "Fn::GetAtt": ["AuditQueue", "QueueName"] } } },
                          "AWSLambdaBasicExecutionRole"
                        ]
                """, """
                        "Policies": [
                          { "SQSSendMessagePolicy": { "QueueName": { "Fn::GetAtt": ["AuditQueue", "QueueName"] } } }
                        ],
                        "Handler": "TestProject::Shop.CheckoutFunction::HandleAsync",
                        "Environment": {
                          "Variables": {
                            "AUDIT_QUEUE_URL": { "Ref": "AuditQueue" },
                            "AUDIT_FUNCTION_NAME": { "Ref": "AuditFunction" }
                          }
                        }
                """));

    [Fact]
    public Task Queue_JsonTemplatePoliciesNotAList_EditsOnlyTheCode()
    {
        var template = JsonTemplateBefore.Replace("\"Policies\": [\n          \"AWSLambdaBasicExecutionRole\"\n        ]", "\"Policies\": \"AWSLambdaBasicExecutionRole\"");
        Assert.NotEqual(JsonTemplateBefore, template);
        return VerifyQueueWithTemplateAsync("/0/serverless.template", template, template);
    }

    [Fact]
    public void Queue_EditedJsonTemplate_ReadsBackWithTheQueueAndTheEventSource()
    {
        var file = LambdaAnalyzers.Templates.DeploymentFile.Read("/0/serverless.template", Microsoft.CodeAnalysis.Text.SourceText.From(JsonTemplateAfter), System.Threading.CancellationToken.None);
        Assert.NotNull(file);
        var audit = Assert.Single(file!.Functions, f => f.Name == "AuditFunction");
        Assert.Equal("SQS", Assert.Single(audit.Events).Type);
        Assert.Contains(file.Queues, q => q.Name == "AuditQueue");
        Assert.Contains(file.Queues, q => q.Name == "AuditDeadLetterQueue");
        var checkout = Assert.Single(file.Functions, f => f.Name == "CheckoutFunction");
        Assert.Equal("AuditQueue", checkout.GetProperty("Environment")?.Get("Variables")?.Get("AUDIT_QUEUE_URL")?.Get("Ref")?.Value);
        Assert.Equal(2, checkout.GetProperty("Policies")?.Items.Length);
    }
}
