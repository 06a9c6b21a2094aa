using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.InvocationStateAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>LAMBDA003: invocation state written to statics and to the handler object.</summary>
public sealed class InvocationStateTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Concurrent;
        using System.Net.Http;
        using System.Text;
        using System.Threading;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.Lambda.SQSEvents;
        using Amazon.SQS;

        """;

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(Usings + source, expected);

    /// <summary>A class-library project whose SAM template names <paramref name="handler"/> as a function's handler.</summary>
    private static Task VerifyWithTemplateAsync(string source, string handler)
    {
        var test = new Verify.Test { TestCode = source };
        test.TestState.AdditionalFiles.Add(("/repo/template.yaml", $$"""
            Resources:
              Raw:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {{handler}}
                  Runtime: dotnet8
            """));
        return test.RunAsync();
    }

    private static Task VerifyExecutableAsync(string source)
    {
        var test = new Verify.Test { TestCode = source };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync();
    }

    // ---- Reports: static storage -------------------------------------------------------------

    [Fact]
    public Task StaticFieldAssignedFromRequest_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static string? _lastUser;

                public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var user = request.Headers["x-user"];
                    {|#0:_lastUser = user|};
                    return _lastUser;
                }
            }
            """,
            Verify.Diagnostic("LAMBDA003").WithLocation(0).WithArguments("Static field 'Function._lastUser'", "a value computed from the request", "Function.Handle"));

    [Fact]
    public Task StaticFieldHoldsContext_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static ILambdaContext? Current;

                public void Handle(string input, ILambdaContext context)
                {
                    {|#0:Current = context|};
                }
            }
            """,
            Verify.Diagnostic("LAMBDA003").WithLocation(0).WithArguments("Static field 'Function.Current'", "the ILambdaContext", "Function.Handle"));

    [Fact]
    public Task StaticAutoPropertyHoldsRequest_Reports()
        => VerifyAsync("""
            public static class RequestHolder
            {
                public static SQSEvent? Event { get; set; }
            }

            public class Function
            {
                public Task Handle(SQSEvent input, ILambdaContext context)
                {
                    {|#0:RequestHolder.Event = input|};
                    return Task.CompletedTask;
                }
            }
            """,
            Verify.Diagnostic("LAMBDA003").WithLocation(0).WithArguments("Static property 'RequestHolder.Event'", "the request", "Function.Handle"));

    [Fact]
    public Task ReadonlyStaticDictionaryKeyedByUser_Reports()
        => VerifyAsync("""
            public class SessionFunction
            {
                private static readonly Dictionary<string, string> Sessions = new();

                public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var userId = request.Headers["x-user-id"];
                    if (!Sessions.TryGetValue(userId, out var session))
                    {
                        session = Guid.NewGuid().ToString();
                        {|LAMBDA003:Sessions[userId] = session|};
                    }

                    Sessions.Remove(userId);
                    return session;
                }
            }
            """);

    [Theory]
    [InlineData("Items.Add(request.Body)")]
    [InlineData("Queue.Enqueue(request.Body)")]
    [InlineData("Stack.Push(request.Body)")]
    [InlineData("Log.Append(request.Body)")]
    [InlineData("Cache.TryAdd(request.Path, request.Body)")]
    [InlineData("Cache.AddOrUpdate(request.Path, request.Body, (k, v) => v)")]
    [InlineData("Cache.GetOrAdd(request.Path, request.Body)")]
    [InlineData("Cache.TryRemove(request.Path, out _)")]
    public Task CollectionMutationWithRequestData_Reports(string mutation)
        => VerifyAsync($$"""
            public class Function
            {
                private static readonly List<string> Items = new();
                private static readonly Queue<string> Queue = new();
                private static readonly Stack<string> Stack = new();
                private static readonly StringBuilder Log = new();
                private static readonly ConcurrentDictionary<string, string> Cache = new();

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|LAMBDA003:{{mutation}}|};
                }
            }
            """);

    [Fact]
    public Task IncrementOfStaticCounter_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static int _invocations;

                public void Handle(string input, ILambdaContext context)
                {
                    {|#0:_invocations++|};
                }
            }
            """,
            Verify.Diagnostic("LAMBDA003").WithLocation(0).WithArguments("Static field 'Function._invocations'", "a value that accumulates across invocations", "Function.Handle"));

    [Fact]
    public Task CompoundAssignmentOfRequestAmount_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static decimal _total;

                public void Handle(decimal amount, ILambdaContext context)
                {
                    {|LAMBDA003:_total += amount|};
                }
            }
            """);

    [Fact]
    public Task InterlockedIncrement_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static long _count;

                public void Handle(string input, ILambdaContext context)
                {
                    {|LAMBDA003:Interlocked.Increment(ref _count)|};
                }
            }
            """);

    [Fact]
    public Task OutArgumentIntoStatic_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static int _limit;

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|LAMBDA003:int.TryParse(request.Body, out _limit)|};
                }
            }
            """);

    [Fact]
    public Task WriteInHelperCalledByHandler_Reports()
        => VerifyAsync("""
            public static class UserState
            {
                public static string? CurrentUser;

                public static void Remember(string user) => {|#0:CurrentUser = user|};
            }

            public class Function
            {
                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    => UserState.Remember(request.Headers["x-user"]);
            }
            """,
            Verify.Diagnostic("LAMBDA003").WithLocation(0).WithArguments("Static field 'UserState.CurrentUser'", "a value passed in by the caller", "Function.Handle"));

    [Fact]
    public Task LazyAssignmentOfRequestValue_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static string? _tenant;

                public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|LAMBDA003:_tenant ??= request.Headers["x-tenant"]|};
                    return _tenant;
                }
            }
            """);

    [Fact]
    public Task NullCheckedAssignmentOfContextLogger_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static ILambdaLogger? _logger;

                public void Handle(string input, ILambdaContext context)
                {
                    if (_logger == null)
                    {
                        {|LAMBDA003:_logger = context.Logger|};
                    }
                }
            }
            """);

    [Fact]
    public Task TopLevelBootstrapLambdaWritesStatic_Reports()
        => VerifyExecutableAsync("""
            using System;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            var handler = (string input, ILambdaContext context) =>
            {
                {|LAMBDA003:State.LastInput = input|};
                return input.ToUpperInvariant();
            };

            await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

            static class State
            {
                public static string? LastInput;
            }
            """);

    [Fact]
    public Task HandlerObjectCreatedOnceInMain_FieldWrite_Reports()
        => VerifyExecutableAsync("""
            using System;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            var function = new Function();
            await LambdaBootstrapBuilder.Create<string, string>(function.Handle, new DefaultLambdaJsonSerializer()).Build().RunAsync();

            public class Function
            {
                private string? _lastInput;

                public string Handle(string input, ILambdaContext context)
                {
                    {|LAMBDA003:_lastInput = input|};
                    return _lastInput;
                }
            }
            """);

    [Fact]
    public Task ContextTakingObjectCreatedPerInvocation_FieldWrite_NoDiagnostic()
        => VerifyAsync("""
            public class Function
            {
                public string Handle(string input, ILambdaContext context) => new Step().Run(input, context);
            }

            public class Step
            {
                private string? _last;

                public string Run(string input, ILambdaContext context)
                {
                    _last = input;
                    return _last;
                }
            }
            """);

    [Fact]
    public Task UnconditionalClientCreationEveryInvocation_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static IAmazonSQS? _sqs;

                public void Handle(string input, ILambdaContext context)
                {
                    {|#0:_sqs = new AmazonSQSClient()|};
                }
            }
            """,
            Verify.Diagnostic("LAMBDA003").WithLocation(0).WithArguments("Static field 'Function._sqs'", "a value the invocation computed", "Function.Handle"));

    [Fact]
    public Task SameFieldWrittenTwice_ReportsFirstOnly()
        => VerifyAsync("""
            public class Function
            {
                private static string? _user;

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|LAMBDA003:_user = request.Body|};
                    _user = request.Path;
                }
            }
            """);

    // ---- Reports: handler object -------------------------------------------------------------

    [Fact]
    public Task HandlerInstanceFieldFromRequest_Reports()
        => VerifyAsync("""
            public class Function
            {
                private string? _lastOrder;

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|#0:_lastOrder = request.Body|};
                }
            }
            """,
            Verify.Diagnostic("LAMBDA003").WithLocation(0).WithArguments(
                "Handler-object field 'Function._lastOrder' (the runtime creates the handler once per execution environment)",
                "a value computed from the request",
                "Function.Handle"));

    [Fact]
    public Task HandlerInstanceListMutatedWithRequest_Reports()
        => VerifyAsync("""
            public class Function
            {
                private readonly List<SQSEvent.SQSMessage> _seen = new();

                public void Handle(SQSEvent input, ILambdaContext context)
                {
                    foreach (var record in input.Records)
                    {
                        {|LAMBDA003:_seen.Add(record)|};
                    }
                }
            }
            """);

    [Fact]
    public Task AnnotationsHandlerInstanceProperty_Reports()
        => VerifyAsync("""
            using Amazon.Lambda.Annotations;

            public class Functions
            {
                private string? CurrentUser { get; set; }

                [LambdaFunction]
                public string Greet(string name)
                {
                    {|LAMBDA003:CurrentUser = name|};
                    return "Hello " + CurrentUser;
                }
            }
            """);

    [Fact]
    public Task FieldOfServiceKeptByHandler_Reports()
        => VerifyAsync("""
            public sealed class CartService
            {
                private readonly List<string> _items = new();
                private string? _owner;

                public void AddItem(string owner, string item)
                {
                    {|LAMBDA003:_owner = owner|};
                    {|LAMBDA003:_items.Add(item)|};
                }
            }

            public class Function
            {
                private readonly CartService _cart = new();

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    => _cart.AddItem(request.Headers["x-user"], request.Body);
            }
            """);

    [Fact]
    public Task PropertyOfObjectInStaticReadonlyField_Reports()
        => VerifyAsync("""
            public sealed class Settings
            {
                public string? LastCaller { get; set; }
            }

            public class Function
            {
                private static readonly Settings Current = new();

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|LAMBDA003:Current.LastCaller = request.Headers["x-user"]|};
                }
            }
            """);

    // ---- Reports past the syntax pre-filters (storage names and input-free writes are decided from declarations) ----

    [Fact]
    public Task AutoPropertyDeclaredInHandlerBaseClass_Reports()
        => VerifyAsync("""
            public abstract class FunctionBase
            {
                protected string? LastUser { get; set; }
            }

            public class Function : FunctionBase
            {
                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|LAMBDA003:LastUser = request.Headers["x-user"]|};
                }
            }
            """);

    [Fact]
    public Task AutoPropertyOfHandlerTakingAliasedContext_Reports()
        => VerifyAsync("""
            using Ctx = Amazon.Lambda.Core.ILambdaContext;

            public class Function
            {
                private string? LastInput { get; set; }

                public void Handle(string input, Ctx context)
                {
                    {|LAMBDA003:LastInput = input|};
                }
            }
            """);

    [Fact]
    public Task AutoPropertyOfHandlerTakingCustomContextInterface_Reports()
        => VerifyAsync("""
            public interface IShopContext : ILambdaContext
            {
            }

            public class Function
            {
                private string? LastInput { get; set; }

                public void Handle(string input, IShopContext context)
                {
                    {|LAMBDA003:LastInput = input|};
                }
            }
            """);

    [Fact]
    public Task AutoPropertyOfHandlerNamedOnlyByTemplate_Reports()
        => VerifyWithTemplateAsync("""
            using System.IO;

            namespace Shop;

            public class Raw
            {
                private Stream? LastInput { get; set; }

                public Stream Accept(Stream input)
                {
                    {|LAMBDA003:LastInput = input|};
                    return input;
                }
            }
            """, "TestProject::Shop.Raw::Accept");

    [Fact]
    public Task ElementWriteKeyedByLambdaParameter_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static readonly Dictionary<string, string> Latest = new();

                public void Handle(SQSEvent input, ILambdaContext context)
                    => input.Records.ForEach(record => {|LAMBDA003:Latest[record.MessageId] = record.Body|});
            }
            """);

    [Fact]
    public Task ElementWriteFromForeachVariable_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static readonly Dictionary<string, string> Latest = new();

                public void Handle(SQSEvent input, ILambdaContext context)
                {
                    foreach (var record in input.Records)
                    {
                        {|LAMBDA003:Latest[record.MessageId] = record.Body|};
                    }
                }
            }
            """);

    [Fact]
    public Task LazyAssignFromLocal_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static string? _tenant;

                public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var tenant = request.Headers["x-tenant"];
                    {|LAMBDA003:_tenant ??= tenant|};
                    return _tenant;
                }
            }
            """);

    [Fact]
    public Task ElementIncrementKeyedByParameter_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static readonly Dictionary<string, int> Hits = new();

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|LAMBDA003:Hits[request.Path]++|};
                }
            }
            """);

    [Fact]
    public Task CollectionWritesFromEnvironmentAndConstants_DoNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static readonly Dictionary<string, string> Settings = new();
                private static string? _table;

                private static string Table => _table ??= Environment.GetEnvironmentVariable("TABLE") ?? "orders";

                public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    if (!Settings.ContainsKey("region"))
                    {
                        Settings["region"] = Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1";
                    }

                    Settings.TryAdd("table", Table);
                    return Settings["region"] + request.Path;
                }
            }
            """);

    [Fact]
    public Task WritableStaticSharingItsNameWithAReadonlyString_Reports()
        => VerifyAsync("""
            public static class Config
            {
                public static readonly string Name = Environment.GetEnvironmentVariable("NAME") ?? "shop";
                public static string Region => Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1";
            }

            public class Function
            {
                private static string? Name;
                private static string? Region;

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|LAMBDA003:Name = request.Path|};
                    {|LAMBDA003:Region = request.Body|};
                }
            }
            """);

    [Fact]
    public Task StaticStringPropertyWithPrivateSetter_Reports()
        => VerifyAsync("""
            public class Function
            {
                public static string? LastPath { get; private set; }

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    => {|LAMBDA003:LastPath = request.Path|};
            }
            """);

    [Fact]
    public Task StaticReadonlyStringArrayElementSet_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static readonly string[] LastPaths = new string[1];

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    => {|LAMBDA003:LastPaths[0] = request.Path|};
            }
            """);

    // ---- Reports past the name-local syntax check (only the statements around a storage name are walked) ----

    [Fact]
    public Task IncrementInDoWhileCondition_AfterTheNameInAComment_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static int _attempts;

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    // _attempts counts retries
                    var log = "_attempts";
                    do
                    {
                        context.Logger.LogLine(log);
                    }
                    while ({|LAMBDA003:_attempts++|} < 3);
                }
            }
            """);

    [Fact]
    public Task ConditionalMutatorInLambdaArgument_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static HashSet<string>? _seen = new();

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var headers = new List<string> { "x-user" };
                    headers.ForEach(header => {|LAMBDA003:_seen?.Add(request.Headers[header])|});
                }
            }
            """);

    [Fact]
    public Task ConditionalMutator_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static HashSet<string>? _seen = new();

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|LAMBDA003:_seen?.Add(request.Path)|};
                }
            }
            """);

    [Fact]
    public Task ConditionalMutatorWithConstant_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static HashSet<string>? _regions = new();

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    _regions?.Add("us-east-1");
                }
            }
            """);

    [Fact]
    public Task MutatorPassedAsMethodGroup_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static readonly List<string> Seen = new();

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var paths = new List<string>(request.Headers.Keys);
                    paths.ForEach({|#0:Seen.Add|});
                }
            }
            """,
            Verify.Diagnostic("LAMBDA003").WithLocation(0).WithArguments("Static field 'Function.Seen'", "a value computed from the request", "Function.Handle"));

    [Fact]
    public Task MutatorPassedAsMethodGroupToStaticCall_Reports()
        => VerifyAsync("""
            public class Function
            {
                private readonly List<string> _seen = new();

                public void Handle(string[] input, ILambdaContext context)
                    => Array.ForEach(input, {|LAMBDA003:_seen.Add|});
            }
            """);

    [Fact]
    public Task MutatorPassedAsMethodGroupWithConfiguration_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static readonly string[] Defaults = { "x-user", "x-tenant" };
                private static readonly List<string> Allowed = new();

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    Array.ForEach(Defaults, Allowed.Add);
                    var fromEnvironment = (Environment.GetEnvironmentVariable("HEADERS") ?? "").Split(',');
                    Array.ForEach(fromEnvironment, Allowed.Add);
                }
            }
            """);

    [Fact]
    public Task MutatorOfLocalOrNonCollectionPassedAsMethodGroup_DoesNotReport()
        => VerifyAsync("""
            using System.Diagnostics.Metrics;

            public class Function
            {
                private static readonly Counter<int> Sizes = new Meter("shop").CreateCounter<int>("sizes");

                public int Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var seen = new List<string>();
                    new List<string>(request.Headers.Keys).ForEach(seen.Add);
                    new List<int> { request.Body.Length }.ForEach(Sizes.Add);
                    return seen.Count;
                }
            }
            """);

    [Fact]
    public Task VerbatimIdentifierWrite_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static string? _lastUser;

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    if (request.Headers is { } headers)
                    {
                        foreach (var header in headers)
                        {
                            {|LAMBDA003:@_lastUser = header.Value|};
                        }
                    }
                }
            }
            """);

    [Fact]
    public Task StorageNameOnlyInStringsCommentsAndNameof_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static string? _lastUser;

                public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    // _lastUser = request.Path would leak between users
                    var text = "_lastUser = " + request.Path;
                    return nameof(_lastUser) + text;
                }
            }
            """);

    // ---- Does not report ---------------------------------------------------------------------

    [Fact]
    public Task LazyClientWithCoalesceAssignment_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static IAmazonSQS? _sqs;

                public void Handle(string input, ILambdaContext context)
                {
                    _sqs ??= new AmazonSQSClient();
                    _sqs.Config.ToString();
                }
            }
            """);

    [Fact]
    public Task LazyEnvironmentVariableWithNullCheck_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static string? _queueUrl;

                public void Handle(string input, ILambdaContext context)
                {
                    if (_queueUrl == null)
                    {
                        _queueUrl = Environment.GetEnvironmentVariable("QUEUE_URL");
                    }
                }
            }
            """);

    [Fact]
    public Task LazyHttpClientWithIsNullAndEarlyReturn_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static HttpClient? _http;

                private static HttpClient Http()
                {
                    if (_http is not null)
                    {
                        return _http;
                    }

                    _http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
                    return _http;
                }

                public Task Handle(string input, ILambdaContext context) => Http().GetAsync(input);
            }
            """);

    [Fact]
    public Task DoubleCheckedLockingSecret_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static readonly object Gate = new();
                private static string? _secret;

                private static string LoadSecret() => "s3cr3t";

                public string Handle(string input, ILambdaContext context)
                {
                    if (_secret == null)
                    {
                        lock (Gate)
                        {
                            if (_secret == null)
                            {
                                _secret = LoadSecret();
                            }
                        }
                    }

                    return _secret;
                }
            }
            """);

    [Fact]
    public Task LazyConfigurationLoadedAsyncWithFlag_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static bool _initialized;
                private static Dictionary<string, string>? _config;

                private static Task<Dictionary<string, string>> LoadAsync() => Task.FromResult(new Dictionary<string, string>());

                public async Task Handle(string input, ILambdaContext context)
                {
                    if (!_initialized)
                    {
                        _config = await LoadAsync();
                        _initialized = true;
                    }
                }
            }
            """);

    [Fact]
    public Task LazyClientInHelperWithParameterRegion_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static IAmazonSQS? _sqs;

                private static IAmazonSQS Client(string region)
                    => _sqs ??= new AmazonSQSClient(Amazon.RegionEndpoint.GetBySystemName(region));

                public void Handle(string input, ILambdaContext context) => Client(input);
            }
            """);

    [Fact]
    public Task ClientCacheKeyedByRegion_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static readonly ConcurrentDictionary<string, IAmazonSQS> Clients = new();

                public void Handle(string region, ILambdaContext context)
                {
                    var client = Clients.GetOrAdd(region, r => new AmazonSQSClient(Amazon.RegionEndpoint.GetBySystemName(r)));
                }
            }
            """);

    [Fact]
    public Task CacheKeyedByConstant_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static readonly ConcurrentDictionary<string, string> Settings = new();

                public string Handle(string input, ILambdaContext context)
                    => Settings.GetOrAdd("table", _ => Environment.GetEnvironmentVariable("TABLE") ?? "orders");
            }
            """);

    [Fact]
    public Task ColdStartFlag_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static bool _coldStart = true;

                public void Handle(string input, ILambdaContext context)
                {
                    var cold = _coldStart;
                    _coldStart = false;
                    context.Logger.LogLine(cold ? "cold" : "warm");
                }
            }
            """);

    [Fact]
    public Task LazyOfTAndLazyInitializer_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static readonly Lazy<IAmazonSQS> Sqs = new(() => new AmazonSQSClient());
                private static HttpClient? _http;

                public void Handle(string input, ILambdaContext context)
                {
                    var sqs = Sqs.Value;
                    LazyInitializer.EnsureInitialized(ref _http, () => new HttpClient());
                }
            }
            """);

    [Fact]
    public Task InitializationInConstructorsAndInitializers_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static readonly IAmazonSQS Sqs;
                private static string Table = Environment.GetEnvironmentVariable("TABLE") ?? "t";
                private readonly Dictionary<string, string> _routes = new();
                private string _name;

                static Function()
                {
                    Sqs = new AmazonSQSClient();
                    Table = Table.ToUpperInvariant();
                }

                public Function()
                {
                    _routes["a"] = "b";
                    _name = "orders";
                }

                public void Handle(string input, ILambdaContext context) => context.Logger.LogLine(_name + Table);
            }
            """);

    [Fact]
    public Task MainBeforeBootstrap_DoesNotReport()
        => VerifyExecutableAsync("""
            using System;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            State.Table = Environment.GetEnvironmentVariable("TABLE");
            var handler = (string input, ILambdaContext context) => input + State.Table;
            await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

            static class State
            {
                public static string? Table;
            }
            """);

    [Fact]
    public Task LocalsAndNewObjectsOnly_DoesNotReport()
        => VerifyAsync("""
            public sealed class Order
            {
                public string? Id { get; set; }
                public void Rename(string id) => Id = id;
            }

            public class Function
            {
                private readonly Order? _template = null;

                public Order Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var order = new Order { Id = request.Body };
                    order.Id = request.Path;
                    var list = new List<string>();
                    list.Add(request.Body);
                    return order;
                }
            }
            """);

    [Fact]
    public Task InstanceFieldOfNonHandlerObjectCreatedPerInvocation_DoesNotReport()
        => VerifyAsync("""
            public sealed class RequestScope
            {
                private string? _user;
                public void SetUser(string user) => _user = user;
            }

            public class Function
            {
                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    => new RequestScope().SetUser(request.Body);
            }
            """);

    [Fact]
    public Task StaticWriteInCodeNotReachableFromHandler_DoesNotReport()
        => VerifyAsync("""
            public static class Admin
            {
                public static string? Last;
                public static void Set(string value) => Last = value;
            }

            public class Function
            {
                public string Handle(string input, ILambdaContext context) => input;
            }
            """);

    [Fact]
    public Task NonLambdaProject_DoesNotReport()
        => new Verify.Test
        {
            AwsProjectType = null,
            TestCode = """
                using System.Collections.Generic;

                public class Registry
                {
                    private static readonly Dictionary<string, string> Sessions = new();

                    public void Handle(string user, string session) => Sessions[user] = session;
                }
                """,
        }.RunAsync();

    [Fact]
    public Task TestProject_DoesNotReport()
        => new Verify.Test
        {
            IsTestProject = true,
            TestCode = Usings + """
                public class Function
                {
                    private static string? _last;
                    public void Handle(string input, ILambdaContext context) => _last = input;
                }
                """,
        }.RunAsync();

    [Fact]
    public Task GeneratedCode_DoesNotReport()
        => Verify.VerifyAsync("// <auto-generated/>\n" + Usings + """
            public class Function
            {
                private static string? _last;
                public void Handle(string input, ILambdaContext context) => _last = input;
            }
            """);

    [Fact]
    public Task GeneratedCodeAttribute_DoesNotReport()
        => Verify.VerifyAsync(Usings + """
            [System.CodeDom.Compiler.GeneratedCode("tool", "1.0")]
            public class Function
            {
                private static string? _last;
                public void Handle(string input, ILambdaContext context) => _last = input;
            }
            """);

    [Fact]
    public Task AllowedTypesOption_DoesNotReport()
        => new Verify.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    private static readonly ConcurrentDictionary<string, string> Cache = new();
                    public void Handle(APIGatewayProxyRequest request, ILambdaContext context) => Cache[request.Path] = request.Body;
                }
                """,
            GlobalOptions = "dotnet_diagnostic.LAMBDA003.allowed_types = System.Collections.Concurrent.ConcurrentDictionary\n",
        }.RunAsync();

    [Fact]
    public Task AllowedFieldsOption_DoesNotReport()
        => new Verify.Test
        {
            TestCode = Usings + """
                public class Function
                {
                    private static readonly Dictionary<string, string> ResponseCache = new();
                    private static string? _other;
                    public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    {
                        ResponseCache[request.Path] = request.Body;
                        {|LAMBDA003:_other = request.Body|};
                    }
                }
                """,
            GlobalOptions = "dotnet_diagnostic.LAMBDA003.allowed_fields = Function.ResponseCache\n",
        }.RunAsync();

    [Fact]
    public Task PartialHandlerClass_Reports()
        => new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    Usings + """
                        public partial class Function
                        {
                            private string? _user;
                        }
                        """,
                    Usings + """
                        public partial class Function
                        {
                            public void Handle(APIGatewayProxyRequest request, ILambdaContext context) => {|LAMBDA003:_user = request.Body|};
                        }
                        """,
                },
            },
        }.RunAsync();

    [Fact]
    public Task PartialHandlerMethod_ReportsOnce()
        => new Verify.Test
        {
            TestState =
            {
                Sources =
                {
                    Usings + """
                        public partial class Function
                        {
                            private static string? _user;
                            public partial void Handle(APIGatewayProxyRequest request, ILambdaContext context);
                        }
                        """,
                    Usings + """
                        public partial class Function
                        {
                            public partial void Handle(APIGatewayProxyRequest request, ILambdaContext context) => {|LAMBDA003:_user = request.Body|};
                        }
                        """,
                },
            },
        }.RunAsync();

    // ---- More shapes ---------------------------------------------------------------------------

    [Fact]
    public Task WriteInLocalFunctionOfHandler_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static string? _last;

                public void Handle(string input, ILambdaContext context)
                {
                    Remember();

                    void Remember() => {|LAMBDA003:_last = input|};
                }
            }
            """);

    [Fact]
    public Task AccumulationInsideLambdaOfHandler_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static readonly ConcurrentBag<string> Seen = new();

                public void Handle(SQSEvent input, ILambdaContext context)
                {
                    input.Records.ForEach(record => {|LAMBDA003:Seen.Add(record.Body)|});
                }
            }
            """);

    [Fact]
    public Task DeconstructionIntoStatics_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static string? _path;
                private static string? _body;

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|LAMBDA003:{|LAMBDA003:(_path, _body) = (request.Path, request.Body)|}|};
                }
            }
            """);

    [Fact]
    public Task VolatileWriteOfRequestValue_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static string? _tenant;

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|LAMBDA003:Volatile.Write(ref _tenant, request.Headers["x-tenant"])|};
                    var current = Volatile.Read(ref _tenant);
                }
            }
            """);

    [Fact]
    public Task ValueFromPatternVariable_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static APIGatewayProxyRequest? _last;

                public void Handle(object input, ILambdaContext context)
                {
                    if (input is APIGatewayProxyRequest request)
                    {
                        {|#0:_last = request|};
                    }
                }
            }
            """,
            Verify.Diagnostic("LAMBDA003").WithLocation(0).WithArguments("Static field 'Function._last'", "a value computed from the request", "Function.Handle"));

    [Fact]
    public Task StaticArrayElementFromRequest_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static readonly string[] Recent = new string[10];

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|LAMBDA003:Recent[0] = request.Body|};
                }
            }
            """);

    [Fact]
    public Task ServiceStaticWrittenThroughInterfaceCall_Reports()
        => VerifyAsync("""
            public interface IAudit
            {
                void Record(string user);
            }

            public sealed class Audit : IAudit
            {
                private static readonly List<string> Users = new();

                public void Record(string user) => {|LAMBDA003:Users.Add(user)|};
            }

            public class Function
            {
                private readonly IAudit _audit = new Audit();

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context) => _audit.Record(request.Body);
            }
            """);

    [Fact]
    public Task ConfiguredHandlerInTemplateWritesStatic_Reports()
        => VerifyWithTemplateAsync("""
            using System.IO;

            namespace Shop;

            public class Raw
            {
                private static Stream? _lastInput;

                public Stream Handle(Stream input)
                {
                    {|LAMBDA003:_lastInput = input|};
                    return input;
                }
            }
            """, "TestProject::Shop.Raw::Handle");

    [Fact]
    public Task MetricsCounterAddWithRequestTag_DoesNotReport()
        => VerifyAsync("""
            using System.Diagnostics.Metrics;

            public class Function
            {
                private static readonly Meter Meter = new("shop");
                private static readonly Counter<long> Orders = Meter.CreateCounter<long>("orders");

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    => Orders.Add(1, new KeyValuePair<string, object?>("path", request.Path));
            }
            """);

    [Fact]
    public Task AsyncLocalValue_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static readonly AsyncLocal<string?> CorrelationId = new();

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    => CorrelationId.Value = context.AwsRequestId;
            }
            """);

    [Fact]
    public Task MembersOfLibraryObjectsInStatics_DoesNotReport()
        => VerifyAsync("""
            using System.Text.Json;

            public class Function
            {
                private static readonly JsonSerializerOptions Options = new();
                private static readonly HttpClient Http = new();

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    Options.PropertyNameCaseInsensitive = true;
                    Http.Timeout = TimeSpan.FromSeconds(3);
                }
            }
            """);

    [Fact]
    public Task ConstructorInjectedHandler_DoesNotReport()
        => VerifyAsync("""
            using Amazon.Lambda.Annotations;

            public interface IOrderService
            {
                Task SaveAsync(string body);
            }

            public sealed class OrderService : IOrderService
            {
                private readonly IAmazonSQS _sqs;
                public OrderService(IAmazonSQS sqs) => _sqs = sqs;
                public Task SaveAsync(string body) => _sqs.SendMessageAsync("q", body);
            }

            public class Functions
            {
                private readonly IOrderService _orders;

                public Functions() : this(new OrderService(new AmazonSQSClient())) { }

                public Functions(IOrderService orders) => _orders = orders;

                [LambdaFunction]
                public Task Save(string body) => _orders.SaveAsync(body);
            }
            """);

    [Fact]
    public Task OnlyStaticReadonlyClients_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static readonly IAmazonSQS Sqs = new AmazonSQSClient();
                private static readonly string QueueUrl = Environment.GetEnvironmentVariable("QUEUE_URL") ?? string.Empty;

                public Task Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    => Sqs.SendMessageAsync(QueueUrl, request.Body);
            }
            """);

    [Fact]
    public Task LazyClientFromContextValues_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private IAmazonSQS? _sqs;

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    if (_sqs is null)
                    {
                        _sqs = new AmazonSQSClient(Amazon.RegionEndpoint.GetBySystemName(context.InvokedFunctionArn.Split(':')[3]));
                    }
                }
            }
            """);

    [Fact]
    public Task TryGetValueThenCacheConstantKey_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static readonly Dictionary<string, string> Config = new();

                private static string Load(string name) => Environment.GetEnvironmentVariable(name) ?? "";

                public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    if (!Config.TryGetValue("table", out var table))
                    {
                        table = Load("TABLE");
                        Config["table"] = table;
                    }

                    Config.Clear();
                    return table;
                }
            }
            """);

    [Fact]
    public Task StaticStringBuilderClearedEachInvocation_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static readonly StringBuilder Buffer = new();

                public string Handle(string input, ILambdaContext context)
                {
                    Buffer.Clear();
                    return Buffer.ToString();
                }
            }
            """);

    [Fact]
    public Task ReturnCoalesceAssignmentLazyClient_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static HttpClient? _http;

                private static HttpClient Http => _http ?? (_http = new HttpClient());

                public Task Handle(string input, ILambdaContext context) => Http.GetAsync(input);
            }
            """);

    [Fact]
    public Task InterlockedCompareExchangeLazyInit_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static IAmazonSQS? _sqs;

                public void Handle(string input, ILambdaContext context)
                {
                    Interlocked.CompareExchange(ref _sqs, new AmazonSQSClient(), null);
                }
            }
            """);

    [Fact]
    public Task DataClassAlsoHeldStaticallyMutatedPerInvocation_DoesNotReport()
        => VerifyAsync("""
            public class Order
            {
                public static readonly Order Empty = new();
                public string? Id { get; private set; }
                public void Rename(string id) => Id = id;
            }

            public class Function
            {
                public Order Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var order = new Order();
                    order.Rename(request.Body);
                    return order;
                }
            }
            """);

    [Fact]
    public Task ExpiringTokenCache_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static string? _token;
                private static DateTime _expires;

                private static Task<string> FetchTokenAsync() => Task.FromResult("t");

                public async Task<string> Handle(string input, ILambdaContext context)
                {
                    if (_token == null || _expires < DateTime.UtcNow)
                    {
                        _token = await FetchTokenAsync();
                        _expires = DateTime.UtcNow.AddMinutes(5);
                    }

                    return _token;
                }
            }
            """);

    [Fact]
    public Task BaseClassKeepsContextInProperty_Reports()
        => VerifyAsync("""
            public abstract class FunctionBase
            {
                protected ILambdaContext? Context { get; private set; }

                public string Handle(string input, ILambdaContext context)
                {
                    {|LAMBDA003:Context = context|};
                    return Run(input);
                }

                protected abstract string Run(string input);
            }

            public sealed class Function : FunctionBase
            {
                protected override string Run(string input) => input;
            }
            """);

    [Fact]
    public Task SingletonServiceFieldFromRequest_Reports()
        => VerifyAsync("""
            public interface IServiceCollection { }

            public static class ServiceCollectionExtensions
            {
                public static IServiceCollection AddSingleton<TService, TImplementation>(this IServiceCollection services) => services;
            }

            public interface IRecentOrders
            {
                void Remember(string orderId);
            }

            public sealed class RecentOrders : IRecentOrders
            {
                private readonly List<string> _ids = new();

                public void Remember(string orderId) => {|LAMBDA003:_ids.Add(orderId)|};
            }

            public static class Startup
            {
                public static void ConfigureServices(IServiceCollection services) => services.AddSingleton<IRecentOrders, RecentOrders>();
            }

            public class Function
            {
                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    => Resolve().Remember(request.Body);

                private static IRecentOrders Resolve() => throw new NotSupportedException();
            }
            """);

    [Fact]
    public Task LazyFunctionNameFromContext_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static string? _functionName;
                private static string? _logGroup;

                public void Handle(string input, ILambdaContext context)
                {
                    _functionName ??= context.FunctionName;
                    if (_logGroup == null)
                    {
                        _logGroup = context.LogGroupName + "/" + context.FunctionVersion;
                    }
                }
            }
            """);

    [Fact]
    public Task LazyRequestIdFromContext_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static string? _firstRequestId;

                public void Handle(string input, ILambdaContext context)
                {
                    {|#0:_firstRequestId ??= context.AwsRequestId|};
                }
            }
            """,
            Verify.Diagnostic("LAMBDA003").WithLocation(0).WithArguments("Static field 'Function._firstRequestId'", "a value computed from the ILambdaContext", "Function.Handle"));

    [Fact]
    public Task TupleElementOfStaticFromRequest_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static (string? User, int Count) _last;

                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|#0:_last.User = request.Body|};
                }
            }
            """,
            Verify.Diagnostic("LAMBDA003").WithLocation(0).WithArguments("Static field 'Function._last'", "a value computed from the request", "Function.Handle"));

    [Fact]
    public Task GenericHolderStatic_Reports()
        => VerifyAsync("""
            public static class Holder<T>
            {
                public static T? Last;
            }

            public class Function
            {
                public void Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    => {|LAMBDA003:Holder<APIGatewayProxyRequest>.Last = request|};
            }
            """);

    [Fact]
    public Task SecretCacheKeyedByHelperParameterWithConstantCallers_DoesNotReport()
        => VerifyAsync("""
            public class Function
            {
                private static readonly Dictionary<string, string> Secrets = new();
                private static readonly string ApiKeyId = Environment.GetEnvironmentVariable("API_KEY_ID") ?? "api";

                private static Task<string> FetchAsync(string id) => Task.FromResult(id);

                private static async Task<string> GetSecretAsync(string secretId)
                {
                    if (Secrets.TryGetValue(secretId, out var value))
                    {
                        return value;
                    }

                    value = await FetchAsync(secretId);
                    Secrets[secretId] = value;
                    return value;
                }

                public async Task<string> Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var db = await GetSecretAsync("prod/db");
                    var api = await GetSecretAsync(ApiKeyId);
                    var other = await GetSecretAsync(Environment.GetEnvironmentVariable("OTHER") ?? "other");
                    return db + api + other;
                }
            }
            """);

    [Fact]
    public Task CacheKeyedByHelperParameterWithRequestCaller_Reports()
        => VerifyAsync("""
            public class Function
            {
                private static readonly Dictionary<string, string> Profiles = new();

                private static string Load(string userId)
                {
                    if (!Profiles.TryGetValue(userId, out var profile))
                    {
                        profile = "profile of " + userId;
                        {|LAMBDA003:Profiles[userId] = profile|};
                    }

                    return profile;
                }

                public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    => Load("admin") + Load(request.Headers["x-user"]);
            }
            """);
}
