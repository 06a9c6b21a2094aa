using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaAnalyzers.CodeFixes.Infrastructure;
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

    private static readonly FixAllProvider FixAll = new DeploymentFileFixAllProvider("Rewrite handlers that do not resolve", ChangeFor);

    /// <summary>The handler lives in a deployment file, where BatchFixer cannot edit; see <see cref="DeploymentFileFixAllProvider"/>.</summary>
    public override FixAllProvider GetFixAllProvider() => FixAll;

    internal static TextChange? ChangeFor(Diagnostic diagnostic, SourceText text)
        => diagnostic.Properties.TryGetValue(ConfiguredHandlerAnalyzer.SuggestionProperty, out var suggestion) && !string.IsNullOrEmpty(suggestion)
            ? new TextChange(diagnostic.Location.SourceSpan, suggestion!)
            : null;

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ConfiguredHandlerAnalyzer.SuggestionProperty, out var suggestion) || string.IsNullOrEmpty(suggestion))
            {
                continue;
            }

            var document = context.TextDocument;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Change handler to '{suggestion}'",
                    ct => ReplaceAsync(document, diagnostic, ct),
                    EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Solution> ReplaceAsync(TextDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        if (DeploymentFileFixAllProvider.ApplyAll(text, new[] { diagnostic }, ChangeFor) is not { } newText)
        {
            return document.Project.Solution;
        }

        return document is Document sourceDocument
            ? sourceDocument.Project.Solution.WithDocumentText(sourceDocument.Id, newText)
            : document.Project.Solution.WithAdditionalDocumentText(document.Id, newText);
    }
}
