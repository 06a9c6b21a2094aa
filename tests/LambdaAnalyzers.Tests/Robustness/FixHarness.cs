using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaAnalyzers.CodeFixes.Rules;
using LambdaAnalyzers.Templates;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Tests.Robustness;

/// <summary>
/// Applies every code fix the package offers for a set of diagnostics, one at a time, the way the IDE
/// would, and reports what each did: exceptions, new compiler errors, the diagnostic not going away, a
/// deployment file that no longer parses.
/// </summary>
internal static class FixHarness
{
    public static ImmutableArray<CodeFixProvider> AllFixers { get; } = typeof(ConfiguredHandlerCodeFixProvider).Assembly.GetTypes()
        .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public sealed record Outcome(int FixesApplied, IReadOnlyList<string> Problems);

    /// <summary>The IDE offers a provider only for the document kinds its export declares (default: C# documents).</summary>
    private static bool SupportsDocumentKind(CodeFixProvider fixer, string kind)
    {
        var export = (ExportCodeFixProviderAttribute?)Attribute.GetCustomAttribute(fixer.GetType(), typeof(ExportCodeFixProviderAttribute));
        var kinds = export?.DocumentKinds;
        return kinds is null || kinds.Length == 0 ? kind == nameof(TextDocumentKind.Document) : kinds.Contains(kind);
    }

    public static async Task<Outcome> ApplyEachAsync(AnalyzerHarness.Input input, ImmutableArray<Diagnostic> diagnostics, bool checkIntegrity)
    {
        var problems = new List<string>();
        var applied = 0;
        var (solution, projectId) = CreateSolution(input);
        var project = solution.GetProject(projectId)!;
        var baselineErrors = checkIntegrity ? await CountErrorsAsync(project) : 0;

        foreach (var diagnostic in diagnostics)
        {
            var kind = diagnostic.Location.IsInSource ? nameof(TextDocumentKind.Document) : nameof(TextDocumentKind.AdditionalDocument);
            foreach (var fixer in AllFixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id) && SupportsDocumentKind(f, kind)))
            {
                var actions = new List<CodeAction>();
                try
                {
                    var context = CreateContext(project, diagnostic, actions);
                    if (context is null)
                    {
                        continue;
                    }

                    await fixer.RegisterCodeFixesAsync(context.Value);
                    foreach (var action in actions)
                    {
                        var operations = await action.GetOperationsAsync(CancellationToken.None);
                        var changed = operations.OfType<ApplyChangesOperation>().SingleOrDefault()?.ChangedSolution;
                        applied++;
                        if (changed is null || !checkIntegrity)
                        {
                            continue;
                        }

                        problems.AddRange(await CheckIntegrityAsync(changed.GetProject(projectId)!, diagnostic, action, baselineErrors));
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    problems.Add($"{fixer.GetType().Name} threw on {diagnostic}: {ex}");
                }
            }
        }

        return new Outcome(applied, problems);
    }

    private static CodeFixContext? CreateContext(Project project, Diagnostic diagnostic, List<CodeAction> actions)
    {
        void Register(CodeAction action, ImmutableArray<Diagnostic> _) => actions.Add(action);
        if (diagnostic.Location.IsInSource)
        {
            var document = project.Documents.FirstOrDefault(d => d.FilePath == diagnostic.Location.SourceTree!.FilePath);
            return document is null ? null : new CodeFixContext(document, diagnostic, Register, CancellationToken.None);
        }

        var path = diagnostic.Location.GetLineSpan().Path;
        var additional = project.AdditionalDocuments.FirstOrDefault(d => d.FilePath == path);
        return additional is null ? null : new CodeFixContext(additional, diagnostic, Register, CancellationToken.None);
    }

    private static async Task<IEnumerable<string>> CheckIntegrityAsync(Project fixedProject, Diagnostic diagnostic, CodeAction action, int baselineErrors)
    {
        var problems = new List<string>();
        var errors = await CountErrorsAsync(fixedProject);
        if (errors > baselineErrors)
        {
            problems.Add($"'{action.Title}' for {diagnostic.Id} added {errors - baselineErrors} compiler error(s)");
        }

        foreach (var document in fixedProject.AdditionalDocuments)
        {
            var text = await document.GetTextAsync();
            var original = fixedProject.Solution.Workspace.CurrentSolution.GetAdditionalDocument(document.Id);
            var originalText = original is null ? null : await original.GetTextAsync();
            if (originalText is not null && DeploymentFile.Read(document.FilePath!, originalText, CancellationToken.None) is not null
                && DeploymentFile.Read(document.FilePath!, text, CancellationToken.None) is null)
            {
                problems.Add($"'{action.Title}' for {diagnostic.Id} left {document.FilePath} unparseable");
            }
        }

        var input = new AnalyzerHarness.Input(
            "fixed",
            fixedProject.Documents.Select(d => (d.FilePath!, d.GetTextAsync().Result.ToString())).ToList(),
            fixedProject.AdditionalDocuments.Select(d => (d.FilePath!, d.GetTextAsync().Result.ToString())).ToList(),
            fixedProject.CompilationOptions!.OutputKind);
        var after = await AnalyzerHarness.AnalyzeAsync(input);
        if (after.Diagnostics.Any(d => d.Id == diagnostic.Id && d.Location.GetLineSpan().Equals(diagnostic.Location.GetLineSpan())))
        {
            problems.Add($"'{action.Title}' did not remove {diagnostic}");
        }

        return problems;
    }

    private static async Task<int> CountErrorsAsync(Project project)
    {
        var compilation = await project.GetCompilationAsync();
        return compilation!.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
    }

    private static (Solution Solution, ProjectId ProjectId) CreateSolution(AnalyzerHarness.Input input)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "Shop",
            "Shop",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(input.OutputKind),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: AnalyzerHarness.References));
        foreach (var (path, text) in input.Sources)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        foreach (var (path, text) in input.DeploymentFiles)
        {
            solution = solution.AddAdditionalDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(path), SourceText.From(text), filePath: path);
        }

        solution = solution.AddAnalyzerConfigDocument(
            DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From("is_global = true\nbuild_property.AWSProjectType = Lambda\n"), filePath: "/.globalconfig");
        workspace.TryApplyChanges(solution);
        return (workspace.CurrentSolution, projectId);
    }
}
