using System.Threading.Tasks;
using LambdaAnalyzers.CodeFixes.Rules;
using Test = LambdaAnalyzers.Tests.Verifiers.CodeFixVerifier<LambdaAnalyzers.Rules.InvocationStateAnalyzer, LambdaAnalyzers.CodeFixes.Rules.InvocationStateCodeFixProvider>.Test;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>LAMBDA003 fixes: move a one-invocation field into a local; initialize a request-independent value once.</summary>
public sealed class InvocationStateCodeFixTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.SQS;

        """;

    private static Task VerifyAsync(string before, string after, string key)
        => new Test { TestCode = Usings + before, FixedCode = Usings + after, CodeActionEquivalenceKey = key }.RunAsync();

    [Fact]
    public Task StaticFieldUsedOnlyInHandler_MoveToLocal()
        => VerifyAsync("""
            public class Function
            {
                private static string? _lastUser;

                public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|LAMBDA003:_lastUser = request.Headers["x-user"]|};
                    context.Logger.LogLine(_lastUser);
                    return _lastUser;
                }
            }
            """, """
            public class Function
            {
                public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    string? lastUser = request.Headers["x-user"];
                    context.Logger.LogLine(lastUser);
                    return lastUser;
                }
            }
            """, InvocationStateCodeFixProvider.MoveToLocalKey);

    [Fact]
    public Task HandlerFieldQualifiedWithThis_MoveToLocal()
        => VerifyAsync("""
            public class Function
            {
                private string? _body;
                private int _other;

                public int Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|LAMBDA003:this._body = request.Body|};
                    return this._body!.Length + _other;
                }
            }
            """, """
            public class Function
            {
                private int _other;

                public int Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    string? body = request.Body;
                    return body!.Length + _other;
                }
            }
            """, InvocationStateCodeFixProvider.MoveToLocalKey);

    [Fact]
    public Task LocalNameTaken_MoveToLocalWithSuffix()
        => VerifyAsync("""
            public class Function
            {
                private static string? _user;

                public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|LAMBDA003:_user = request.Body|};
                    var user = "x";
                    return user + _user;
                }
            }
            """, """
            public class Function
            {
                public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    string? user2 = request.Body;
                    var user = "x";
                    return user + user2;
                }
            }
            """, InvocationStateCodeFixProvider.MoveToLocalKey);

    [Fact]
    public Task ReadonlyListClearedThenFilled_MoveToLocalWithInitializer()
        => VerifyAsync("""
            public class Function
            {
                private readonly List<string> _lines = new();

                public int Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    _lines.Clear();
                    {|LAMBDA003:_lines.Add(request.Body)|};
                    return _lines.Count;
                }
            }
            """, """
            public class Function
            {
                public int Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    List<string> lines = new();
                    lines.Clear();
                    lines.Add(request.Body);
                    return lines.Count;
                }
            }
            """, InvocationStateCodeFixProvider.MoveToLocalKey);

    [Fact]
    public Task FieldReadInAnotherMethod_NoMoveToLocal()
    {
        const string source = """
            public class Function
            {
                private static string? _lastUser;

                public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|LAMBDA003:_lastUser = request.Body|};
                    return Describe();
                }

                private static string Describe() => _lastUser ?? "";
            }
            """;
        return VerifyAsync(source, source, InvocationStateCodeFixProvider.MoveToLocalKey);
    }

    [Fact]
    public Task SessionCacheReadBeforeWrite_NoFix()
    {
        const string source = """
            public class Function
            {
                private static readonly Dictionary<string, string> Sessions = new();

                public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var user = request.Body;
                    if (!Sessions.TryGetValue(user, out var session))
                    {
                        session = Guid.NewGuid().ToString();
                        {|LAMBDA003:Sessions[user] = session|};
                    }

                    return session;
                }
            }
            """;
        return VerifyAsync(source, source, InvocationStateCodeFixProvider.MoveToLocalKey);
    }

    [Fact]
    public Task ClientCreatedEveryInvocation_InitializeOnce()
        => VerifyAsync("""
            public class Function
            {
                private static IAmazonSQS? _sqs;

                public Task Handle(string input, ILambdaContext context)
                {
                    {|LAMBDA003:_sqs = new AmazonSQSClient()|};
                    return Send(input);
                }

                private static Task Send(string body) => _sqs!.SendMessageAsync("queue", body);
            }
            """, """
            public class Function
            {
                private static readonly IAmazonSQS? _sqs = new AmazonSQSClient();

                public Task Handle(string input, ILambdaContext context)
                {
                    return Send(input);
                }

                private static Task Send(string body) => _sqs!.SendMessageAsync("queue", body);
            }
            """, InvocationStateCodeFixProvider.InitializeOnceKey);

    [Fact]
    public Task FieldWrittenElsewhereToo_NoInitializeOnce()
    {
        const string source = """
            public class Function
            {
                private static IAmazonSQS? _sqs;

                public void Handle(string input, ILambdaContext context)
                {
                    {|LAMBDA003:_sqs = new AmazonSQSClient()|};
                    Reset();
                }

                private static void Reset() => _sqs = null;
            }
            """;
        return VerifyAsync(source, source, InvocationStateCodeFixProvider.InitializeOnceKey);
    }

    [Fact]
    public Task ValueFromRequest_NoInitializeOnce()
    {
        const string source = """
            public class Function
            {
                private static string? _table;

                public string Handle(string input, ILambdaContext context)
                {
                    {|LAMBDA003:_table = input|};
                    return Read();
                }

                private static string Read() => _table!;
            }
            """;
        return VerifyAsync(source, source, InvocationStateCodeFixProvider.InitializeOnceKey);
    }

    [Fact]
    public Task TwoFieldsInOneHandler_FixAllInitializeOnce()
        => new Test
        {
            TestCode = Usings + """
                public class Function
                {
                    private static IAmazonSQS? _sqs;
                    private static string? _queueUrl;

                    public Task Handle(string input, ILambdaContext context)
                    {
                        {|LAMBDA003:_sqs = new AmazonSQSClient()|};
                        {|LAMBDA003:_queueUrl = Environment.GetEnvironmentVariable("QUEUE_URL") ?? "orders"|};
                        return Send(input);
                    }

                    private static Task Send(string body) => _sqs!.SendMessageAsync(_queueUrl, body);
                }
                """,
            FixedCode = Usings + """
                public class Function
                {
                    private static readonly IAmazonSQS? _sqs = new AmazonSQSClient();
                    private static readonly string? _queueUrl = Environment.GetEnvironmentVariable("QUEUE_URL") ?? "orders";

                    public Task Handle(string input, ILambdaContext context)
                    {
                        return Send(input);
                    }

                    private static Task Send(string body) => _sqs!.SendMessageAsync(_queueUrl, body);
                }
                """,
            CodeActionEquivalenceKey = InvocationStateCodeFixProvider.InitializeOnceKey,
        }.RunAsync();

    [Fact]
    public Task TwoFieldsUsedOnlyInHandler_FixAllMoveToLocal()
        => new Test
        {
            TestCode = Usings + """
                public class Function
                {
                    private static string? _user;
                    private static string? _path;

                    public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    {
                        {|LAMBDA003:_user = request.Body|};
                        {|LAMBDA003:_path = request.Path|};
                        return _user + _path;
                    }
                }
                """,
            FixedCode = Usings + """
                public class Function
                {
                    public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    {
                        string? user = request.Body;
                        string? path = request.Path;
                        return user + path;
                    }
                }
                """,
            CodeActionEquivalenceKey = InvocationStateCodeFixProvider.MoveToLocalKey,
        }.RunAsync();

    [Fact]
    public Task ValueMixingInputAndEnvironment_NoInitializeOnce()
        => VerifyAsync("""
            public class Function
            {
                private string? _table;

                public string Handle(string input, ILambdaContext context)
                {
                    {|LAMBDA003:_table = Environment.GetEnvironmentVariable("TABLE") + "-" + input.Length.ToString()|};
                    return Describe();
                }

                private string Describe() => _table!;
            }
            """, """
            public class Function
            {
                private string? _table;

                public string Handle(string input, ILambdaContext context)
                {
                    {|LAMBDA003:_table = Environment.GetEnvironmentVariable("TABLE") + "-" + input.Length.ToString()|};
                    return Describe();
                }

                private string Describe() => _table!;
            }
            """, InvocationStateCodeFixProvider.InitializeOnceKey);

    [Fact]
    public Task HandlerInstanceFieldWithConfigValue_InitializeOnce()
        => VerifyAsync("""
            public class Function
            {
                private string? _table;

                public string Handle(string input, ILambdaContext context)
                {
                    {|LAMBDA003:_table = Environment.GetEnvironmentVariable("TABLE") ?? "orders"|};
                    return Describe();
                }

                private string Describe() => _table!;
            }
            """, """
            public class Function
            {
                private readonly string? _table = Environment.GetEnvironmentVariable("TABLE") ?? "orders";

                public string Handle(string input, ILambdaContext context)
                {
                    return Describe();
                }

                private string Describe() => _table!;
            }
            """, InvocationStateCodeFixProvider.InitializeOnceKey);

    [Fact]
    public Task TimestampEveryInvocation_NoInitializeOnce()
    {
        const string source = """
            public class Function
            {
                private static DateTime _lastRun;

                public void Handle(string input, ILambdaContext context)
                {
                    {|LAMBDA003:_lastRun = DateTime.UtcNow|};
                    Log();
                }

                private static void Log() => Console.WriteLine(_lastRun);
            }
            """;
        return VerifyAsync(source, source, InvocationStateCodeFixProvider.InitializeOnceKey);
    }

    [Fact]
    public Task PublicField_NoMoveToLocal()
    {
        const string source = """
            public class Function
            {
                public static string? LastUser;

                public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|LAMBDA003:LastUser = request.Body|};
                    return LastUser;
                }
            }
            """;
        return VerifyAsync(source, source, InvocationStateCodeFixProvider.MoveToLocalKey);
    }

    [Fact]
    public Task ValueReadsStaticDeclaredLater_NoInitializeOnce()
    {
        const string source = """
            public class Function
            {
                private static IAmazonSQS? _sqs;
                private static readonly Amazon.RegionEndpoint Region = Amazon.RegionEndpoint.EUWest1;

                public void Handle(string input, ILambdaContext context)
                {
                    {|LAMBDA003:_sqs = new AmazonSQSClient(Region)|};
                    Use();
                }

                private static void Use() => _sqs!.ToString();
            }
            """;
        return VerifyAsync(source, source, InvocationStateCodeFixProvider.InitializeOnceKey);
    }
}
