using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>How the handler model recognised an entry point.</summary>
internal enum HandlerKind
{
    /// <summary>A method whose parameters end with <c>ILambdaContext</c> and that the runtime could call.</summary>
    ContextParameter,
    /// <summary>A <c>[LambdaFunction]</c> method (Amazon.Lambda.Annotations).</summary>
    Annotations,
    /// <summary>A delegate, lambda or method group passed to <c>LambdaBootstrapBuilder.Create</c> / <c>HandlerWrapper.GetHandlerWrapper</c>.</summary>
    Bootstrap,
    /// <summary>A method named by a handler string in a deployment file.</summary>
    Configured,
    /// <summary>
    /// No ILambdaContext, but the runtime's shape and a Lambda signal: a method-level <c>[LambdaSerializer]</c>,
    /// or a Lambda event type (<c>Amazon.Lambda.*Events</c>, e.g. <c>CloudWatchEvent&lt;T&gt;</c>, <c>SQSEvent</c>) as its input.
    /// </summary>
    EventSignature,
}

/// <summary>One Lambda entry point of the compilation.</summary>
internal sealed class LambdaHandler
{
    public LambdaHandler(IMethodSymbol method, HandlerKind kind, SyntaxNode? lambdaSyntax = null)
    {
        Method = method;
        Kind = kind;
        LambdaSyntax = lambdaSyntax;
    }

    /// <summary>The handler method; for bootstrap lambdas, the lambda's own method symbol.</summary>
    public IMethodSymbol Method { get; }

    public HandlerKind Kind { get; }

    /// <summary>For lambdas passed to the bootstrap: the lambda expression.</summary>
    public SyntaxNode? LambdaSyntax { get; }

    /// <summary>A readable name for messages: <c>Type.Method</c>, or the enclosing method for lambdas.</summary>
    public string DisplayName
    {
        get
        {
            var method = Method;
            while (method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction && method.ContainingSymbol is IMethodSymbol outer)
            {
                method = outer;
            }

            var name = method.Name == WellKnownMemberNames.TopLevelStatementsEntryPointMethodName ? "top-level handler" : method.Name;
            return method.ContainingType is { } type && method.Name != WellKnownMemberNames.TopLevelStatementsEntryPointMethodName
                ? type.Name + "." + name
                : name;
        }
    }
}
