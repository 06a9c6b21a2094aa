using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Benchmarks;

/// <summary>
/// The physical floor: registers the same action kinds as the package's analyzers, with empty bodies.
/// (An analyzer that registers nothing is skipped by the driver and binds nothing, so it is no floor.)
/// Keep its registrations in step with the rules (see docs/performance.md).
/// </summary>
#if !FLOOR_WALK_EVERY_NODE
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyBodiesBaselineAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BASE001", "Never reported", "Never reported", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            // LAMBDA004, LAMBDA005, LAMBDA009: deployment files.
            start.RegisterAdditionalFileAction(_ => { });
            // LAMBDA001: functions; LAMBDA003: member bodies; LAMBDA002: calls. (CDK construct checks register
            // operation actions, but only in projects that reference Amazon.CDK — not in the generated solution.)
            start.RegisterSyntaxNodeAction(
                _ => { },
                SyntaxKind.MethodDeclaration,
                SyntaxKind.LocalFunctionStatement,
                SyntaxKind.ParenthesizedLambdaExpression,
                SyntaxKind.SimpleLambdaExpression,
                SyntaxKind.AnonymousMethodExpression,
                SyntaxKind.ConstructorDeclaration,
                SyntaxKind.OperatorDeclaration,
                SyntaxKind.ConversionOperatorDeclaration,
                SyntaxKind.GetAccessorDeclaration,
                SyntaxKind.SetAccessorDeclaration,
                SyntaxKind.InitAccessorDeclaration,
                SyntaxKind.AddAccessorDeclaration,
                SyntaxKind.RemoveAccessorDeclaration,
                SyntaxKind.ArrowExpressionClause,
                SyntaxKind.CompilationUnit,
                SyntaxKind.InvocationExpression);
        });
    }
}

#endif

#if !FLOOR_EMPTY_BODIES
/// <summary>For scale: one analyzer that merely walks every syntax node once.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WalkEveryNodeAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BASE002", "Never reported", "Never reported", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxTreeAction(tree =>
        {
            var count = 0;
            foreach (var node in tree.Tree.GetRoot(tree.CancellationToken).DescendantNodesAndSelf())
            {
                if (node is InvocationExpressionSyntax)
                {
                    count++;
                }
            }

            if (count < 0)
            {
                tree.ReportDiagnostic(Diagnostic.Create(Never, Location.None));
            }
        });
    }
}
#endif
