using System.Collections.Immutable;
using LambdaAnalyzers.Infrastructure;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LAMBDA002: Lambda code (a handler, or code reachable from one, in a Lambda project) that invokes
/// another function synchronously — <c>InvokeAsync</c>/<c>Invoke</c> with InvocationType unset or
/// RequestResponse, or <c>InvokeWithResponseStreamAsync</c>. The request is tracked to where it is built
/// (inline, a local configured before the call, a small factory method); when its InvocationType cannot be
/// known the rule stays silent.
/// </summary>
[DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
public sealed class SynchronousLambdaInvocationAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: an upper-case stem naming the target (PAYMENT), when it is known.</summary>
    internal const string TargetStemProperty = "TargetStem";

    /// <summary>Diagnostic property: the environment variable FunctionName is read from, when it is one.</summary>
    internal const string TargetVariableProperty = "TargetVariable";

    /// <summary>Diagnostic property: present when the call is InvokeWithResponseStreamAsync.</summary>
    internal const string StreamingProperty = "Streaming";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.LAMBDA002_SynchronousInvocation,
        Descriptors.LAMBDA002_SynchronousStreamingInvocation);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start => Guard.Run(start, OnCompilationStart));
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // The model's reference check is free; resolving the SDK types is not (it binds every reference).
        var model = LambdaModel.GetOrCreate(context.Compilation, context.Options);
        if (model.IsTestProject || !model.ReferencesAws || LambdaInvokeSymbols.Create(context.Compilation) is not { } symbols)
        {
            return;
        }

        // A syntax action, not an operation action: an operation action makes the driver build the operation tree
        // of every method body in the project. Only calls named like an invoke are bound.
        context.RegisterSyntaxNodeAction(
            syntaxContext => Guard.Run(syntaxContext, c => AnalyzeInvocation(c, symbols, model)),
            SyntaxKind.InvocationExpression);
    }

    private static void AnalyzeInvocation(SyntaxNodeAnalysisContext context, LambdaInvokeSymbols symbols, LambdaModel model)
    {
        var syntax = (InvocationExpressionSyntax)context.Node;
        if (SyntaxHelpers.GetInvokedName(syntax) is not ("InvokeAsync" or "Invoke" or "InvokeWithResponseStreamAsync"))
        {
            return;
        }

        var cancellationToken = context.CancellationToken;
        if (context.ContainingSymbol is not { } member || !model.IsLambdaProject(cancellationToken))
        {
            return;
        }

        // A call directly in a member's body (no lambda or local function around it) runs as that member: when the
        // member is not invocation code (a console tool, a test helper), the call's operation tree is not built.
        if (!IsInNestedFunction(syntax) && !model.IsInvocationCode(member, cancellationToken))
        {
            return;
        }

        if (context.SemanticModel.GetOperation(syntax, cancellationToken) is not IInvocationOperation invocation
            || !symbols.IsInvoke(invocation.TargetMethod, out var streaming)
            || invocation.Arguments.Length == 0)
        {
            return;
        }

        IOperation? request = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == 0)
            {
                request = argument.Value;
            }
        }

        if (request is null)
        {
            return;
        }

        var info = LambdaInvokeRequests.Analyze(request, invocation.Syntax.SpanStart, symbols, context.Compilation, cancellationToken);
        // Does this call run during an invocation? Already answered above for a call in the member's own body (cached);
        // for one in a lambda, local function or query, the function that runs it is known only from the operation tree.
        if (info.Mode != InvocationMode.Synchronous || !model.IsInvocationCode(EnclosingFunction(invocation, member), cancellationToken))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty;
        var target = LambdaInvokeRequests.DescribeTarget(info.FunctionName, symbols, context.Compilation, out var isEnvironmentVariable, cancellationToken);
        string description;
        if (target is null)
        {
            description = "another Lambda function";
        }
        else
        {
            description = isEnvironmentVariable ? $"the function named by env var {target}" : $"function '{target}'";
            if (LambdaInvokeRequests.TargetStem(target, isEnvironmentVariable) is { } stem)
            {
                properties = properties.Add(TargetStemProperty, stem);
            }

            if (isEnvironmentVariable)
            {
                properties = properties.Add(TargetVariableProperty, target);
            }
        }

        if (streaming)
        {
            properties = properties.Add(StreamingProperty, "true");
        }

        context.ReportDiagnostic(Diagnostic.Create(
            streaming ? Descriptors.LAMBDA002_SynchronousStreamingInvocation : Descriptors.LAMBDA002_SynchronousInvocation,
            GetLocation(invocation),
            properties,
            DisplayName(member),
            description));
    }

    private static bool IsInNestedFunction(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or QueryExpressionSyntax:
                    return true; // a query's clauses are lambdas too
                case MemberDeclarationSyntax or CompilationUnitSyntax:
                    return false;
            }
        }

        return false;
    }

    private static ISymbol EnclosingFunction(IOperation operation, ISymbol containingSymbol)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation anonymous:
                    return anonymous.Symbol;
                case ILocalFunctionOperation local:
                    return local.Symbol;
            }
        }

        return containingSymbol;
    }

    private static Location GetLocation(IInvocationOperation invocation)
    {
        if (invocation.Syntax is InvocationExpressionSyntax syntax)
        {
            switch (syntax.Expression)
            {
                case MemberAccessExpressionSyntax access:
                    return access.Name.GetLocation();
                case MemberBindingExpressionSyntax binding:
                    return binding.Name.GetLocation();
                case SimpleNameSyntax name:
                    return name.GetLocation();
            }
        }

        return invocation.Syntax.GetLocation();
    }

    private static string DisplayName(ISymbol symbol)
    {
        if (symbol is IMethodSymbol { Name: WellKnownMemberNames.TopLevelStatementsEntryPointMethodName })
        {
            return "top-level statements";
        }

        var name = symbol is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor } ? ".ctor" : symbol.Name;
        if (symbol is IMethodSymbol { AssociatedSymbol: { } associated })
        {
            name = associated.Name;
        }

        return symbol.ContainingType is { } type ? type.Name + "." + name : name;
    }
}
