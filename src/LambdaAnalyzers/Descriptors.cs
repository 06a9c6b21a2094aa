using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers;

/// <summary>
/// Every diagnostic the package reports. One factory derives the help link from the ID, so a rule
/// cannot ship without pointing at its documentation page (checked by the convention tests).
/// </summary>
internal static class Descriptors
{
    internal const string HelpLinkBase = "https://github.com/lambda-analyzers/LambdaAnalyzers/blob/main/docs/rules/";

    internal static class Categories
    {
        public const string Design = "Design";
        public const string Reliability = "Reliability";
        public const string Performance = "Performance";
        public const string Security = "Security";
        public const string Usage = "Usage";
    }

    internal static string HelpLink(string id) => HelpLinkBase + id + ".md";

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        bool isEnabledByDefault = true,
        params string[] customTags)
        => new(id, title, messageFormat, category, severity, isEnabledByDefault, description, HelpLink(id), customTags);

    private const string LAMBDA002_Title = "Lambda function invokes another function synchronously";

    private const string LAMBDA002_Description =
        "A function that invokes another with InvocationType RequestResponse (the default when InvocationType is not set) or " +
        "with response streaming waits for it: it is billed for the callee's whole duration on top of its own, inherits the " +
        "callee's latency, throttling and errors, can time out while the callee keeps running, and its retries run the callee's " +
        "work again. Chain functions with events instead: asynchronous invocation (InvocationType.Event), a queue between them, " +
        "a Lambda Destination, or Step Functions when a result is needed.";

    public static readonly DiagnosticDescriptor LAMBDA002_SynchronousInvocation = Create(
        "LAMBDA002",
        LAMBDA002_Title,
        "'{0}' invokes {1} synchronously and is billed while it waits for the response",
        Categories.Reliability,
        DiagnosticSeverity.Warning,
        LAMBDA002_Description);

    public static readonly DiagnosticDescriptor LAMBDA002_SynchronousStreamingInvocation = Create(
        "LAMBDA002",
        LAMBDA002_Title,
        "'{0}' invokes {1} with response streaming, which is synchronous, and is billed while it reads the stream",
        Categories.Reliability,
        DiagnosticSeverity.Warning,
        LAMBDA002_Description);
    public static readonly DiagnosticDescriptor LAMBDA004_MissingReservedConcurrency = Create(
        "LAMBDA004",
        "Lambda function has no reserved concurrency",
        "Function '{0}' ({1}) has no reserved concurrency",
        Categories.Reliability,
        DiagnosticSeverity.Warning,
        "All functions of an account share one regional concurrency pool. A function without reserved concurrency can " +
        "be driven to take all of it - a traffic spike, a retry storm, a recursive loop or a denial-of-wallet attack on a " +
        "public endpoint - and then every other function in the region is throttled. Reserved concurrency caps the " +
        "function and guarantees it its share. Public-facing functions are reported as warnings, the others as information.");

    public static readonly DiagnosticDescriptor LAMBDA005_ApiWithoutThrottling = Create(
        "LAMBDA005",
        "API stage has no throttling",
        "API '{0}' has no default throttling{1}",
        Categories.Reliability,
        DiagnosticSeverity.Warning,
        "An API Gateway stage without throttling passes every request to its Lambda integrations, up to the account-wide " +
        "API Gateway limit. A spike or an attack on one public API then consumes the shared Lambda concurrency pool, " +
        "throttles unrelated functions and bills every invocation. A default rate and burst limit on the stage rejects " +
        "the excess with 429 before a function runs.");
    public static readonly DiagnosticDescriptor LAMBDA001_RouterFunction = Create(
        "LAMBDA001",
        "Lambda function routes several API routes or operations",
        "Handler '{0}' routes {1} {2} ({3}) in one function",
        Categories.Design,
        DiagnosticSeverity.Warning,
        "One function dispatches between several API routes (or operations of its payload) with its own switch or if chain: the " +
        "'Lambda monolith' that AWS lists first among Lambda anti-patterns. Every route shares one IAM role (the union of all " +
        "permissions), one deployment package and cold start, one timeout and memory setting and one concurrency pool, and " +
        "every change redeploys all routes. Let API Gateway route to one function per route instead.");
    public static readonly DiagnosticDescriptor LAMBDA003_InvocationStateOutlivesInvocation = Create(
        "LAMBDA003",
        "Invocation state is kept in storage that outlives the invocation",
        "{0} is written with {1} during an invocation of '{2}'; it outlives the invocation and leaks into later invocations in the same execution environment",
        Categories.Reliability,
        DiagnosticSeverity.Warning,
        "Lambda reuses an execution environment for many invocations, one after another, and discards it without notice. " +
        "Data an invocation writes to a static, or to a field of the handler object (created once per environment), is seen " +
        "by the next caller's invocation, is invisible to every other concurrent environment and vanishes on a cold start. " +
        "Keep SDK clients, connections and configuration there (initialized once); pass per-invocation data explicitly or " +
        "store it in DynamoDB or ElastiCache under a key.");

    public static readonly DiagnosticDescriptor LAMBDA009_HandlerDoesNotResolve = Create(
        "LAMBDA009",
        "Configured Lambda handler does not resolve",
        "Handler '{0}' of function '{1}' does not resolve: {2}",
        Categories.Usage,
        DiagnosticSeverity.Warning,
        "A deployment file names a handler 'Assembly::Namespace.Type::Method' in this project that the Lambda runtime cannot load: " +
        "the type or method does not exist, or the method has a shape the runtime cannot call. The function deploys " +
        "successfully and then fails every invocation with a Runtime.ImportModuleError-style initialization error, " +
        "so the mistake surfaces only in production logs. Renames and moves in C# do not update the template.");
}
