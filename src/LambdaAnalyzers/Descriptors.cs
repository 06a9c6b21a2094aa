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
