using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// Fix-all for diagnostics located in deployment files (additional documents). Roslyn's BatchFixer
/// merges changes of source documents only, so it would do nothing here. This provider collects the
/// project's diagnostics with the fix's ids, asks the rule for one text change per diagnostic, and
/// applies the non-overlapping changes to each file in one edit.
/// </summary>
internal sealed class DeploymentFileFixAllProvider : FixAllProvider
{
    private readonly Func<Diagnostic, SourceText, TextChange?> _changeFor;
    private readonly string _title;

    public DeploymentFileFixAllProvider(string title, Func<Diagnostic, SourceText, TextChange?> changeFor)
    {
        _title = title;
        _changeFor = changeFor;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
        => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var projects = fixAllContext.Scope == FixAllScope.Solution
            ? fixAllContext.Solution.Projects.ToList()
            : new List<Project> { fixAllContext.Project };

        var solution = fixAllContext.Solution;
        var changed = false;
        foreach (var project in projects)
        {
            var diagnostics = await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
            foreach (var group in diagnostics
                         .Where(d => fixAllContext.DiagnosticIds.Contains(d.Id) && d.Location.Kind == LocationKind.ExternalFile)
                         .GroupBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal))
            {
                var document = FindAdditionalDocument(solution.GetProject(project.Id), group.Key);
                if (document is null)
                {
                    continue;
                }

                var text = await document.GetTextAsync(fixAllContext.CancellationToken).ConfigureAwait(false);
                var newText = ApplyAll(text, group, _changeFor);
                if (newText is not null)
                {
                    solution = solution.WithAdditionalDocumentText(document.Id, newText);
                    changed = true;
                }
            }
        }

        if (!changed)
        {
            return null;
        }

        var result = solution;
        return CodeAction.Create(_title, _ => Task.FromResult(result), fixAllContext.CodeActionEquivalenceKey);
    }

    internal static TextDocument? FindAdditionalDocument(Project? project, string path)
        => project?.AdditionalDocuments.FirstOrDefault(d => string.Equals(d.FilePath, path, StringComparison.Ordinal));

    /// <summary>Applies one change per diagnostic; overlapping changes after the first are skipped.</summary>
    internal static SourceText? ApplyAll(SourceText text, IEnumerable<Diagnostic> diagnostics, Func<Diagnostic, SourceText, TextChange?> changeFor)
    {
        var changes = new List<TextChange>();
        // Order by the edit, not by the diagnostic: an edit may lie elsewhere in the file than its diagnostic.
        var ordered = new List<TextChange>();
        foreach (var diagnostic in diagnostics)
        {
            if (changeFor(diagnostic, text) is { } candidate && candidate.Span.End <= text.Length)
            {
                ordered.Add(candidate);
            }
        }

        foreach (var change in ordered.OrderBy(c => c.Span.Start).ThenBy(c => c.Span.Length))
        {
            if (changes.Count > 0 && changes[changes.Count - 1].Span.End > change.Span.Start)
            {
                continue;
            }

            // Several diagnostics may ask for the same edit (one shared setting for many findings): apply it once.
            if (changes.Exists(c => c.Span == change.Span && c.NewText == change.NewText))
            {
                continue;
            }

            changes.Add(change);
        }

        return changes.Count == 0 ? null : text.WithChanges(changes);
    }
}
