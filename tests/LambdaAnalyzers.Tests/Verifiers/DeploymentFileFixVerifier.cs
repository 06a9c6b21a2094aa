using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using LambdaAnalyzers.Templates;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Tests.Verifiers;

/// <summary>
/// Code-fix tests for diagnostics located in deployment files. Microsoft.CodeAnalysis.Testing 1.1.4
/// does not offer fixes for diagnostics in additional documents, so this harness does what the IDE
/// does: analyze, build a <see cref="CodeFixContext"/> on the additional document, apply the action
/// with the equivalence key (or the fix-all provider), re-analyze, and compare. It also checks that the
/// fixed file still parses. Markup: <c>{|LAMBDAnnn:text|}</c> marks expected diagnostics, before and after.
/// </summary>
internal static class DeploymentFileFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    private static readonly Regex Markup = new(@"\{\|(?<id>[A-Z]+[0-9]+):(?<body>.*?)\|\}", RegexOptions.Singleline);

    public static async Task VerifyAsync(string source, string path, string before, string after, string equivalenceKey, bool fixAll = false, string globalConfig = "")
    {
        var (beforeText, beforeSpans) = Parse(before);
        var (afterText, afterSpans) = Parse(after);
        var solution = CreateSolution(source, path, beforeText, globalConfig, out var projectId);

        var diagnostics = await AnalyzeAsync(solution.GetProject(projectId)!, path);
        AssertSpans(beforeSpans, diagnostics, "before the fix");

        var fixer = new TCodeFix();
        if (fixAll)
        {
            var project = solution.GetProject(projectId)!;
            var context = new FixAllContext(project, fixer, FixAllScope.Project, equivalenceKey, fixer.FixableDiagnosticIds, new FixedDiagnosticProvider(diagnostics), CancellationToken.None);
            var action = await fixer.GetFixAllProvider()!.GetFixAsync(context);
            if (action is not null)
            {
                solution = await ApplyAsync(action);
            }
        }
        else
        {
            for (var iteration = 0; iteration < 10; iteration++)
            {
                var project = solution.GetProject(projectId)!;
                diagnostics = await AnalyzeAsync(project, path);
                var document = project.AdditionalDocuments.Single(d => d.FilePath == path);
                CodeAction? chosen = null;
                foreach (var diagnostic in diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)))
                {
                    var actions = new List<CodeAction>();
                    var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
                    await fixer.RegisterCodeFixesAsync(context);
                    chosen = actions.FirstOrDefault(a => a.EquivalenceKey == equivalenceKey);
                    if (chosen is not null)
                    {
                        break;
                    }
                }

                if (chosen is null)
                {
                    break;
                }

                solution = await ApplyAsync(chosen);
            }
        }

        var fixedProject = solution.GetProject(projectId)!;
        var fixedDocument = fixedProject.AdditionalDocuments.Single(d => d.FilePath == path);
        var fixedText = (await fixedDocument.GetTextAsync()).ToString();
        Assert.Equal(afterText.ReplaceLineEndings("\n"), fixedText.ReplaceLineEndings("\n"));

        var remaining = await AnalyzeAsync(fixedProject, path);
        AssertSpans(afterSpans, remaining, "after the fix");

        if (DeploymentFile.Read(path, SourceText.From(beforeText), CancellationToken.None) is not null)
        {
            Assert.NotNull(DeploymentFile.Read(path, SourceText.From(fixedText), CancellationToken.None));
        }

        var compilation = await fixedProject.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    private static (string Text, List<(string Id, TextSpan Span)> Spans) Parse(string markup)
    {
        var spans = new List<(string, TextSpan)>();
        var text = new System.Text.StringBuilder();
        var last = 0;
        foreach (Match match in Markup.Matches(markup))
        {
            text.Append(markup, last, match.Index - last);
            var body = match.Groups["body"].Value;
            spans.Add((match.Groups["id"].Value, new TextSpan(text.Length, body.Length)));
            text.Append(body);
            last = match.Index + match.Length;
        }

        text.Append(markup, last, markup.Length - last);
        return (text.ToString(), spans);
    }

    private static void AssertSpans(List<(string Id, TextSpan Span)> expected, ImmutableArray<Diagnostic> actual, string when)
    {
        var actualSpans = actual.Select(d => (d.Id, d.Location.SourceSpan)).OrderBy(s => s.SourceSpan.Start).ToList();
        Assert.True(
            expected.OrderBy(s => s.Span.Start).SequenceEqual(actualSpans),
            $"Diagnostics {when}: expected [{string.Join(", ", expected)}], actual [{string.Join(", ", actual.Select(d => d.ToString()))}]");
    }

    private static Solution CreateSolution(string source, string path, string template, string globalConfig, out ProjectId projectId)
    {
        var workspace = new AdhocWorkspace();
        projectId = ProjectId.CreateNewId();
        var references = TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult().AddRange(TestReferences.Lambda);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "TestProject",
                "TestProject",
                LanguageNames.CSharp,
                filePath: "/0/TestProject.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: references))
            .AddDocument(DocumentId.CreateNewId(projectId), "Test0.cs", SourceText.From(source), filePath: "/0/Test0.cs")
            .AddAdditionalDocument(DocumentId.CreateNewId(projectId), System.IO.Path.GetFileName(path), SourceText.From(template), filePath: path)
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(TestReferences.GlobalConfig("Lambda", false, globalConfig)), filePath: "/.globalconfig");
        return solution;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, string path)
    {
        var compilation = await project.GetCompilationAsync();
        var withAnalyzers = compilation!.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()), project.AnalyzerOptions);
        var all = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        return all.Where(d => d.Location.Kind == LocationKind.ExternalFile && d.Location.GetLineSpan().Path == path).ToImmutableArray();
    }

    private static async Task<Solution> ApplyAsync(CodeAction action)
    {
        var operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    private sealed class FixedDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public FixedDiagnosticProvider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult(_diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(_diagnostics.Where(d => !d.Location.IsInSource));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }
}
