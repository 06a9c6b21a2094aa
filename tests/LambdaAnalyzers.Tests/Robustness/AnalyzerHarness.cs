using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Lambda;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Tests.Robustness;

/// <summary>
/// Runs every analyzer of the package over arbitrary inputs (no build, missing references tolerated)
/// and collects diagnostics and analyzer exceptions. Shared by the mutation and concurrency tests.
/// </summary>
internal static class AnalyzerHarness
{
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(ConfiguredHandlerAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static ImmutableArray<MetadataReference> References { get; } =
        TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult()
            .AddRange(TestReferences.Lambda)
            .Add(MetadataReference.CreateFromFile(typeof(Amazon.S3.IAmazonS3).Assembly.Location))
            .Add(MetadataReference.CreateFromFile(typeof(Amazon.DynamoDBv2.IAmazonDynamoDB).Assembly.Location));

    public sealed record Input(string Name, IReadOnlyList<(string Path, string Text)> Sources, IReadOnlyList<(string Path, string Text)> DeploymentFiles, OutputKind OutputKind);

    public sealed record Result(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions);

    public static CSharpCompilation Compile(Input input)
    {
        var trees = input.Sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, new CSharpParseOptions(LanguageVersion.Latest), s.Path)).ToList();
        return CSharpCompilation.Create("Shop", trees, References, new CSharpCompilationOptions(input.OutputKind));
    }

    public static async Task<Result> AnalyzeAsync(Input input, bool concurrent = false, CSharpCompilation? compilation = null)
    {
        compilation ??= Compile(input);
        var additional = input.DeploymentFiles
            .Select(f => (AdditionalText)new LambdaAnalyzers.Benchmarks.AnalysisRunner.InMemoryText(f.Path, f.Text))
            .ToImmutableArray();
        var globals = new Dictionary<string, string> { ["build_property.AWSProjectType"] = "Lambda" };
        var options = new AnalyzerOptions(additional, new LambdaAnalyzers.Benchmarks.AnalysisRunner.GlobalOptionsProvider(globals));
        var exceptions = new ConcurrentBag<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            AllAnalyzers,
            new CompilationWithAnalyzersOptions(
                options,
                onAnalyzerException: (ex, _, _) => exceptions.Add(ex),
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Add(new InvalidOperationException(diagnostic.ToString()));
        }

        return new Result(diagnostics.Where(d => d.Id != "AD0001").ToImmutableArray(), exceptions.ToList());
    }

    /// <summary>The samples as analyzer inputs: each application's C# files and deployment files.</summary>
    public static IReadOnlyList<Input> SampleInputs()
    {
        var root = TestReferences.RepoRoot;
        var inputs = new List<Input>();
        foreach (var app in new[] { "samples/ShopApp", "samples/WellArchitectedShop", "tests/Lambda.StandIn.Smoke" })
        {
            var folder = Path.Combine(root, app);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
                .OrderBy(f => f, StringComparer.Ordinal)
                .ToList();
            var sources = files.Where(f => f.EndsWith(".cs", StringComparison.Ordinal)).Select(f => (f, File.ReadAllText(f))).ToList();
            var deployment = files.Where(f => LambdaAnalyzers.Templates.DeploymentFile.IsCandidatePath(f)).Select(f => (f, File.ReadAllText(f))).ToList();
            inputs.Add(new Input(app, sources, deployment, OutputKind.DynamicallyLinkedLibrary));
        }

        return inputs;
    }
}
