using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using LambdaAnalyzers.CodeFixes.Infrastructure;
using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.CodeFixes.Rules;

/// <summary>
/// LAMBDA004 in deployment files: adds the reserved concurrency setting to the function (SAM/CloudFormation
/// <c>ReservedConcurrentExecutions</c>, Terraform <c>reserved_concurrent_executions</c>, serverless.yml
/// <c>reservedConcurrency</c>) with the value of <c>dotnet_diagnostic.LAMBDA004.reserved_concurrency</c>; for SAM
/// templates where several functions lack it, also offers to set it once in <c>Globals.Function</c>. The analyzer
/// computes the edit in the file's own indentation; the fix applies it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MissingReservedConcurrencyCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) }), Shared]
public sealed class MissingReservedConcurrencyCodeFixProvider : CodeFixProvider
{
    public const string AddToFunctionKey = "LAMBDA004.AddReservedConcurrency";
    public const string AddToGlobalsKey = "LAMBDA004.AddReservedConcurrencyToGlobals";
    public const string AddParameterKey = "LAMBDA004.AddReservedConcurrencyParameter";

    private static readonly FixAllProvider FixAll = new KeyedFixAllProvider(new Dictionary<string, FixAllProvider>
    {
        [AddToFunctionKey] = new DeploymentFileFixAllProvider("Add reserved concurrency to every function", FunctionChange),
        [AddToGlobalsKey] = new DeploymentFileFixAllProvider("Set reserved concurrency once in Globals", GlobalsChange),
        [AddParameterKey] = new DeploymentFileFixAllProvider("Add a reserved concurrency parameter for every function", ParameterChanges),
    });

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(MissingReservedConcurrencyAnalyzer.RuleId);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    internal static TextChange? FunctionChange(Diagnostic diagnostic, SourceText text)
        => PropertyChange.Read(diagnostic, text, MissingReservedConcurrencyAnalyzer.FixStartProperty, MissingReservedConcurrencyAnalyzer.FixLengthProperty, MissingReservedConcurrencyAnalyzer.FixTextProperty);

    internal static TextChange? GlobalsChange(Diagnostic diagnostic, SourceText text)
        => PropertyChange.Read(diagnostic, text, MissingReservedConcurrencyAnalyzer.GlobalsStartProperty, null, MissingReservedConcurrencyAnalyzer.GlobalsTextProperty);

    internal static IReadOnlyList<TextChange>? ParameterChanges(Diagnostic diagnostic, SourceText text)
        => PropertyChange.Read(diagnostic, text, MissingReservedConcurrencyAnalyzer.ParameterStartProperty, null, MissingReservedConcurrencyAnalyzer.ParameterTextProperty) is { } declaration
           && PropertyChange.Read(diagnostic, text, MissingReservedConcurrencyAnalyzer.ParameterRefStartProperty, null, MissingReservedConcurrencyAnalyzer.ParameterRefTextProperty) is { } reference
            ? new[] { declaration, reference }
            : null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Location.Kind != LocationKind.ExternalFile)
            {
                continue;
            }

            diagnostic.Properties.TryGetValue(MissingReservedConcurrencyAnalyzer.ValueProperty, out var value);
            var document = context.TextDocument;
            if (diagnostic.Properties.ContainsKey(MissingReservedConcurrencyAnalyzer.FixTextProperty))
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Reserve {value} concurrent executions for this function", ct => PropertyChange.ApplyAsync(document, diagnostic, FunctionChange, ct), AddToFunctionKey),
                    diagnostic);
            }

            if (diagnostic.Properties.TryGetValue(MissingReservedConcurrencyAnalyzer.ParameterNameProperty, out var parameter))
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Add parameter '{parameter}' (default {value}) for this function's reserved concurrency", ct => ApplyGroupAsync(document, diagnostic, ct), AddParameterKey),
                    diagnostic);
            }

            if (diagnostic.Properties.ContainsKey(MissingReservedConcurrencyAnalyzer.GlobalsTextProperty))
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Reserve {value} concurrent executions for every SAM function (Globals)", ct => PropertyChange.ApplyAsync(document, diagnostic, GlobalsChange, ct), AddToGlobalsKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static async Task<Solution> ApplyGroupAsync(TextDocument document, Diagnostic diagnostic, System.Threading.CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return DeploymentFileFixAllProvider.ApplyAll(text, new[] { diagnostic }, ParameterChanges) is { } newText
            ? document.Project.Solution.WithAdditionalDocumentText(document.Id, newText)
            : document.Project.Solution;
    }
}
