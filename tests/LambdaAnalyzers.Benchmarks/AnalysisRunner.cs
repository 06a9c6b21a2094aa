using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Benchmarks;

/// <summary>
/// Builds a fresh in-memory compilation of a generated solution and runs analyzers over it, reading
/// per-analyzer execution time from the driver's telemetry (the roslyn-analyzers perf-test pattern).
/// </summary>
public static class AnalysisRunner
{
    public static ImmutableArray<DiagnosticAnalyzer> PackageAnalyzers { get; } = typeof(LambdaAnalyzers.Rules.ConfiguredHandlerAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract && t.IsPublic)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(() =>
    {
        // The running runtime's own assemblies stand in for reference assemblies: same public surface.
        var directory = System.IO.Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return System.IO.Directory.EnumerateFiles(directory, "*.dll")
            .Where(f => System.IO.Path.GetFileName(f) is var n && (n.StartsWith("System.", StringComparison.Ordinal) || n is "netstandard.dll" or "mscorlib.dll"))
            .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f))
            .ToImmutableArray();
    });

    public static ImmutableArray<MetadataReference> References(bool lambda)
        => lambda
            ? FrameworkReferences.Value
                .Add(MetadataReference.CreateFromFile(typeof(Amazon.Lambda.Core.ILambdaContext).Assembly.Location))
                .Add(MetadataReference.CreateFromFile(typeof(Amazon.Runtime.ConstantClass).Assembly.Location))
            : FrameworkReferences.Value;

    public static CSharpCompilation Compile(GeneratedSolution solution)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = solution.Sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text), parseOptions, s.Path)).ToArray();
        return CSharpCompilation.Create(
            "Shop",
            trees,
            References(solution.IsLambda),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <param name="AllocatedBytes">Bytes allocated by the process while the analysis ran (the driver's and the compiler's
    /// work included, so compare with the floor's figure): allocations are what makes the GC run inside a build.</param>
    public sealed record Run(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyDictionary<string, TimeSpan> ExecutionTimes, IReadOnlyList<string> Exceptions, long AllocatedBytes = 0);

    public static Run Analyze(GeneratedSolution solution, ImmutableArray<DiagnosticAnalyzer> analyzers, CSharpCompilation? compilation = null)
    {
        if (compilation is null)
        {
            compilation = Compile(solution);
            // As csc does before it compiles method bodies (and while analyzers start): parse and declaration
            // diagnostics, which complete every source symbol. Without this, whichever analyzer first lists a type's
            // members or a method's parameters is charged for the compiler's own declaration pass.
            compilation.GetDeclarationDiagnostics();
        }

        var additional = solution.DeploymentFiles.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)).ToImmutableArray();
        var globals = solution.IsLambda
            ? new Dictionary<string, string> { ["build_property.AWSProjectType"] = "Lambda" }
            : new Dictionary<string, string>();
        var options = new AnalyzerOptions(additional, new GlobalOptionsProvider(globals));
        return Analyze(compilation, options, analyzers, CancellationToken.None);
    }

    /// <summary>
    /// Runs the analyzers over any compilation with the given options; an analyzer exception (what the user would see
    /// as AD0001) is collected with its stack instead of becoming a diagnostic.
    /// </summary>
    public static Run Analyze(Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken)
    {
        var exceptions = new List<string>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(options, (ex, analyzer, _) => { lock (exceptions) { exceptions.Add($"{analyzer.GetType().Name}: {ex}"); } }, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var times = new Dictionary<string, TimeSpan>();
        foreach (var analyzer in analyzers)
        {
            var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, cancellationToken).GetAwaiter().GetResult();
            times[analyzer.GetType().Name] = telemetry.ExecutionTime;
        }

        return new Run(diagnostics, times, exceptions, allocated);
    }

    /// <summary>Diagnostics per rule ID compared with what was planted; empty when they match.</summary>
    public static IReadOnlyList<string> CheckCounts(GeneratedSolution solution, ImmutableArray<Diagnostic> diagnostics, IEnumerable<string> ruleIds)
    {
        var problems = new List<string>();
        foreach (var id in ruleIds)
        {
            var actual = diagnostics.Count(d => d.Id == id);
            var expected = solution.Expected.TryGetValue(id, out var e) ? e : 0;
            if (actual != expected)
            {
                var samples = string.Join("\n    ", diagnostics.Where(d => d.Id == id).Take(5).Select(d => d.ToString()));
                problems.Add($"{id}: expected {expected}, got {actual}\n    {samples}");
            }
        }

        foreach (var ad in diagnostics.Where(d => d.Id == "AD0001"))
        {
            problems.Add(ad.ToString());
        }

        return problems;
    }

    public static IEnumerable<string> RuleIds(ImmutableArray<DiagnosticAnalyzer> analyzers)
        => analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(id => id.StartsWith("LAMBDA", StringComparison.Ordinal)).Distinct().OrderBy(id => id, StringComparer.Ordinal);

    /// <summary>An additional file held in memory (shared with the test project's hosts).</summary>
    internal sealed class InMemoryText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Global analyzer options from a dictionary (build_property.* and rule options); none per file.</summary>
    internal sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global;

        public GlobalOptionsProvider(Dictionary<string, string> global) => _global = new Options(global);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value)
            {
                var found = _values.TryGetValue(key, out var v);
                value = v!;
                return found;
            }
        }
    }
}
