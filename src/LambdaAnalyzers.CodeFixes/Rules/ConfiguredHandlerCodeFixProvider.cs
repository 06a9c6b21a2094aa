using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.CodeFixes.Rules;

/// <summary>
/// LAMBDA009: rewrites the handler string in the deployment file to the one plausible method the
/// analyzer found (it puts the corrected string in the diagnostic's properties only when exactly one
/// candidate exists). Edits the additional document in place; nothing else in the file changes.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConfiguredHandlerCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) }), Shared]
public sealed class ConfiguredHandlerCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "LAMBDA009.RewriteHandler";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("LAMBDA009");

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ConfiguredHandlerAnalyzer.SuggestionProperty, out var suggestion) || string.IsNullOrEmpty(suggestion))
            {
                continue;
            }

            var document = context.TextDocument;
            var span = diagnostic.Location.SourceSpan;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Change handler to '{suggestion}'",
                    ct => ReplaceAsync(document, span, suggestion!, ct),
                    EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Solution> ReplaceAsync(TextDocument document, TextSpan span, string replacement, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        if (span.End > text.Length)
        {
            return document.Project.Solution;
        }

        var newText = text.WithChanges(new TextChange(span, replacement));
        return document is Document sourceDocument
            ? sourceDocument.Project.Solution.WithDocumentText(sourceDocument.Id, newText)
            : document.Project.Solution.WithAdditionalDocumentText(document.Id, newText);
    }
}
