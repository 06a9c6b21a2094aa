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
    private readonly Func<Diagnostic, SourceText, IReadOnlyList<TextChange>?> _changesFor;
    private readonly string _title;

    public DeploymentFileFixAllProvider(string title, Func<Diagnostic, SourceText, TextChange?> changeFor)
        : this(title, (d, t) => changeFor(d, t) is { } change ? new[] { change } : null)
    {
    }

    /// <summary>For fixes that edit several places of the file per diagnostic (applied as a group).</summary>
    public DeploymentFileFixAllProvider(string title, Func<Diagnostic, SourceText, IReadOnlyList<TextChange>?> changesFor)
    {
        _title = title;
        _changesFor = changesFor;
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
                var newText = ApplyAll(text, group, _changesFor);
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
        => ApplyAll(text, diagnostics, (d, t) => changeFor(d, t) is { } change ? new[] { change } : null);

    /// <summary>
    /// Applies each diagnostic's changes as a group: a group that overlaps an accepted change is skipped whole;
    /// a change identical to an accepted one (one shared setting for many findings) is applied once.
    /// </summary>
    internal static SourceText? ApplyAll(SourceText text, IEnumerable<Diagnostic> diagnostics, Func<Diagnostic, SourceText, IReadOnlyList<TextChange>?> changesFor)
    {
        var accepted = new List<TextChange>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (changesFor(diagnostic, text) is not { Count: > 0 } group || group.Any(c => c.Span.End > text.Length))
            {
                continue;
            }

            var fresh = group.Where(c => !accepted.Any(a => a.Span == c.Span && a.NewText == c.NewText)).ToList();
            if (fresh.Any(c => accepted.Any(a => Overlaps(a.Span, c.Span))) || fresh.Any(c => fresh.Any(o => !ReferenceEquals(o, c) && !o.Equals(c) && Overlaps(o.Span, c.Span))))
            {
                continue;
            }

            accepted.AddRange(fresh);
        }

        return accepted.Count == 0 ? null : text.WithChanges(accepted.OrderBy(c => c.Span.Start).ThenBy(c => c.Span.Length));
    }

    /// <summary>Two edits conflict when they replace overlapping text or one inserts strictly inside the other's span.</summary>
    private static bool Overlaps(TextSpan a, TextSpan b)
        => a.OverlapsWith(b)
           || (a.IsEmpty && b.Start < a.Start && a.Start < b.End)
           || (b.IsEmpty && a.Start < b.Start && b.Start < a.End);
}
