using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using LambdaAnalyzers.CodeFixes.Infrastructure;
using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace LambdaAnalyzers.CodeFixes.Rules;

/// <summary>LAMBDA004 in CDK code: adds <c>ReservedConcurrentExecutions = n</c> to the function's props initializer.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CdkReservedConcurrencyCodeFixProvider)), Shared]
public sealed class CdkReservedConcurrencyCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "LAMBDA004.AddReservedConcurrencyToProps";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(MissingReservedConcurrencyAnalyzer.RuleId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Location.IsInSource
                || !diagnostic.Properties.TryGetValue(MissingReservedConcurrencyAnalyzer.PropsStartProperty, out var startText)
                || !int.TryParse(startText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start)
                || !diagnostic.Properties.TryGetValue(MissingReservedConcurrencyAnalyzer.ValueProperty, out var value)
                || root is null
                || InitializerEdit.FindCreation(root, start) is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create($"Reserve {value} concurrent executions for this function", ct => ApplyAsync(document, start, value!, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> ApplyAsync(Document document, int start, string value, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var text = await document.GetTextAsync(ct).ConfigureAwait(false);
        if (root is null || InitializerEdit.FindCreation(root, start) is not { } creation
            || InitializerEdit.Add(text, creation, new[] { "ReservedConcurrentExecutions = " + value }) is not { } change)
        {
            return document;
        }

        return document.WithText(text.WithChanges(change));
    }
}
