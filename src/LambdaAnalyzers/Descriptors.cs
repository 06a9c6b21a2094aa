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
