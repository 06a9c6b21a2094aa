using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// Deployment-file fixes whose text change the analyzer computed while reading the file and stored in the
/// diagnostic's properties (start, length, new text): the fix applies it after checking it still fits the text.
/// </summary>
internal static class PropertyChange
{
    public static TextChange? Read(Diagnostic diagnostic, SourceText text, string startKey, string? lengthKey, string textKey)
    {
        if (!diagnostic.Properties.TryGetValue(startKey, out var startText)
            || !int.TryParse(startText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start)
            || !diagnostic.Properties.TryGetValue(textKey, out var newText) || newText is null)
        {
            return null;
        }

        var length = 0;
        if (lengthKey is not null
            && (!diagnostic.Properties.TryGetValue(lengthKey, out var lengthText)
                || !int.TryParse(lengthText, NumberStyles.Integer, CultureInfo.InvariantCulture, out length)))
        {
            return null;
        }

        return start >= 0 && length >= 0 && start + length <= text.Length ? new TextChange(new TextSpan(start, length), newText) : null;
    }

    public static async Task<Solution> ApplyAsync(TextDocument document, Diagnostic diagnostic, System.Func<Diagnostic, SourceText, TextChange?> changeFor, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        if (DeploymentFileFixAllProvider.ApplyAll(text, new[] { diagnostic }, changeFor) is not { } newText)
        {
            return document.Project.Solution;
        }

        return document is Document sourceDocument
            ? sourceDocument.Project.Solution.WithDocumentText(sourceDocument.Id, newText)
            : document.Project.Solution.WithAdditionalDocumentText(document.Id, newText);
    }
}

/// <summary>Chooses the deployment-file fix-all by the equivalence key of the action being fixed.</summary>
internal sealed class KeyedFixAllProvider : FixAllProvider
{
    private readonly IReadOnlyDictionary<string, FixAllProvider> _byKey;

    public KeyedFixAllProvider(IReadOnlyDictionary<string, FixAllProvider> byKey) => _byKey = byKey;

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
        => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        => fixAllContext.CodeActionEquivalenceKey is { } key && _byKey.TryGetValue(key, out var provider)
            ? provider.GetFixAsync(fixAllContext)
            : Task.FromResult<CodeAction?>(null);
}
