using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Benchmarks;

/// <summary>
/// dotnet run -c Release --project tests/LambdaAnalyzers.Benchmarks -- check [--files 1000] [--iterations 5]
///   per-analyzer execution time (driver telemetry), medians, against the empty-bodies floor, in a
///   Lambda and a non-Lambda compilation; asserts the planted diagnostic counts; exit 1 when over target.
/// dotnet run -c Release --project tests/LambdaAnalyzers.Benchmarks -- compare [--files N] [--runs 3]
///   build-level comparison with no package / Meziantou.Analyzer / Roslynator.Analyzers at 1,000 and 4,000 files.
/// dotnet run -c Release --project tests/LambdaAnalyzers.Benchmarks -- bench [BenchmarkDotNet args]
/// dotnet run -c Release --project tests/LambdaAnalyzers.Benchmarks -- sweep &lt;folder&gt; [--project-per-csproj]
///   real-world sweep: every analyzer over a folder of C# and deployment files, no build needed (see Sweep.cs);
///   -c Debug shows the exceptions that Release builds of the analyzers swallow.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "bench")
        {
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Skip(1).ToArray());
            return 0;
        }

        if (args.Length > 0 && args[0] == "check")
        {
            return Check(Option(args, "--files", 1000), Option(args, "--iterations", 5), Option(args, "--target-ms", 100));
        }

        if (args.Length > 0 && args[0] == "compare")
        {
            var sizes = Option(args, "--files", 0) is var single && single > 0 ? new[] { single } : new[] { 1000, 4000 };
            var repoRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
            return BuildComparison.Run(repoRoot, sizes, Option(args, "--runs", 3), Path.Combine(Path.GetTempPath(), "lambda-build-comparison"));
        }

        if (args.Length > 0 && args[0] == "template-timing")
        {
            // One deployment file read N times: the first read is what a build pays (cold JIT), the rest are warm.
            var path = args.Length > 1 ? args[1] : throw new ArgumentException("template-timing <file> [--iterations N]");
            var text = Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(path));
            for (var i = 0; i < Option(args, "--iterations", 10); i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var sw = System.Diagnostics.Stopwatch.StartNew();
                var content = text.ToString();
                var tree = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? LambdaAnalyzers.Templates.JsonReader.Parse(content, default) : LambdaAnalyzers.Templates.YamlReader.Parse(content, default);
                var parse = sw.Elapsed.TotalMilliseconds;
                var file = LambdaAnalyzers.Templates.DeploymentFile.Read(path, text, default);
                var read = sw.Elapsed.TotalMilliseconds - parse;
                Console.WriteLine($"parse {parse:F1} ms, read (parse + model) {read:F1} ms, {(GC.GetAllocatedBytesForCurrentThread() - before) / 1024 / 1024.0:F1} MB allocated, {(tree is null ? "no tree" : "tree")}, {(file is null ? "not a deployment file" : file.Format.ToString())}");
            }

            return 0;
        }

        if (args.Length > 0 && args[0] == "model-timing")
        {
            var solution = GeneratedSolution.Generate(Option(args, "--files", 1000));
            for (var i = 0; i < 3; i++)
            {
                var c = AnalysisRunner.Compile(solution);
                var sw = System.Diagnostics.Stopwatch.StartNew();
                c.GetDeclarationDiagnostics();
                var decl = sw.Elapsed.TotalMilliseconds; sw.Restart();
                var options = new AnalyzerOptions(solution.DeploymentFiles.Select(f => (AdditionalText)new AnalysisRunner.InMemoryText(f.Path, f.Text)).ToImmutableArray());
                var model = LambdaAnalyzers.Lambda.LambdaModel.GetOrCreate(c, options);
                var create = sw.Elapsed.TotalMilliseconds; sw.Restart();
                var types = model.GetSourceTypes(default);
                var src = sw.Elapsed.TotalMilliseconds; sw.Restart();
                var n = 0;
                foreach (var t in types) foreach (var m in t.GetMembers()) n++;
                var members = sw.Elapsed.TotalMilliseconds; sw.Restart();
                foreach (var t in types) foreach (var m in t.GetMembers()) if (m is IMethodSymbol ms) foreach (var p in ms.Parameters) n += p.Type.AllInterfaces.Length;
                var pars = sw.Elapsed.TotalMilliseconds; sw.Restart();
                model.GetDeploymentFiles(default);
                var dep = sw.Elapsed.TotalMilliseconds; sw.Restart();
                model.GetDeclarations(default);
                var index = sw.Elapsed.TotalMilliseconds; sw.Restart();
                model.GetHandlers(default);
                var handlers = sw.Elapsed.TotalMilliseconds; sw.Restart();
                Console.WriteLine($"decl {decl:F0} create {create:F1} src {src:F1} members {members:F1} params {pars:F1} deploy {dep:F1} declaration index {index:F1} handlers {handlers:F1} ({types.Length} types)");
            }

            return 0;
        }

        if (args.Length > 0 && args[0] == "profile")
        {
            // Each analyzer alone on a fresh compilation: per-analyzer telemetry without the others' shared work.
            var solution = GeneratedSolution.Generate(Option(args, "--files", 1000));
            AnalysisRunner.Analyze(GeneratedSolution.Generate(50), AnalysisRunner.PackageAnalyzers);
            var only = Array.IndexOf(args, "--only") is var at && at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
            foreach (var analyzer in AnalysisRunner.PackageAnalyzers.Where(a => only is null || a.GetType().Name.Contains(only, StringComparison.Ordinal)))
            {
                var times = new List<double>();
                for (var i = 0; i < Option(args, "--iterations", 3); i++)
                {
                    times.Add(AnalysisRunner.Analyze(solution, ImmutableArray.Create(analyzer)).ExecutionTimes.Values.Sum(t => t.TotalMilliseconds));
                }

                times.Sort();
                Console.WriteLine($"{analyzer.GetType().Name}: median {times[times.Count / 2]:F1} ms (min {times[0]:F1}, max {times[^1]:F1})");
            }

            return 0;
        }

        if (args.Length > 1 && args[0] == "sweep")
        {
            return Sweep.Run(args[1], args.Contains("--project-per-csproj"), Console.Out);
        }

        Console.Error.WriteLine("usage: sweep <folder> [--project-per-csproj] | check [--files N] [--iterations N] [--target-ms N] | profile [--files N] [--iterations N] | compare [--files N] [--runs N] | bench [BenchmarkDotNet args]");
        return 2;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : fallback;
    }

    private static int Check(int files, int iterations, int targetMs)
    {
        var lambda = GeneratedSolution.Generate(files);
        var plain = GeneratedSolution.Generate(files, lambda: false);
        var ours = AnalysisRunner.PackageAnalyzers;
        var floor = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyBodiesBaselineAnalyzer());
        var walker = ImmutableArray.Create<DiagnosticAnalyzer>(new WalkEveryNodeAnalyzer());
        Console.WriteLine($"{Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        Console.WriteLine($"Lambda solution: {lambda.Sources.Count} files, {lambda.LineCount:N0} lines; non-Lambda: {plain.Sources.Count} files, {plain.LineCount:N0} lines; {iterations} iterations, fresh compilation each");

        // Warm-up: JIT of the driver and of our analyzers.
        AnalysisRunner.Analyze(GeneratedSolution.Generate(50), ours);

        var perAnalyzer = new Dictionary<string, List<double>>();
        var totals = new List<double>();
        var floors = new List<double>();
        var walks = new List<double>();
        var plainTotals = new List<double>();
        var plainFloors = new List<double>();
        var allocations = new List<double>();
        var floorAllocations = new List<double>();
        var problems = new List<string>();
        for (var i = 0; i < iterations; i++)
        {
            var run = AnalysisRunner.Analyze(lambda, ours);
            problems.AddRange(AnalysisRunner.CheckCounts(lambda, run.Diagnostics, AnalysisRunner.RuleIds(ours)));
            problems.AddRange(run.Exceptions);
            foreach (var (name, time) in run.ExecutionTimes)
            {
                (perAnalyzer.TryGetValue(name, out var list) ? list : perAnalyzer[name] = new List<double>()).Add(time.TotalMilliseconds);
            }

            totals.Add(run.ExecutionTimes.Values.Sum(t => t.TotalMilliseconds));
            allocations.Add(run.AllocatedBytes / 1048576.0);
            var floorRun = AnalysisRunner.Analyze(lambda, floor);
            floors.Add(floorRun.ExecutionTimes.Values.Sum(t => t.TotalMilliseconds));
            floorAllocations.Add(floorRun.AllocatedBytes / 1048576.0);
            walks.Add(AnalysisRunner.Analyze(lambda, walker).ExecutionTimes.Values.Sum(t => t.TotalMilliseconds));

            var plainRun = AnalysisRunner.Analyze(plain, ours);
            problems.AddRange(AnalysisRunner.CheckCounts(plain, plainRun.Diagnostics, AnalysisRunner.RuleIds(ours)));
            plainTotals.Add(plainRun.ExecutionTimes.Values.Sum(t => t.TotalMilliseconds));
            plainFloors.Add(AnalysisRunner.Analyze(plain, floor).ExecutionTimes.Values.Sum(t => t.TotalMilliseconds));
        }

        Console.WriteLine();
        Console.WriteLine("| analyzer | median ms | min | max |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, list) in perAnalyzer.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"| {name} | {Median(list):F1} | {list.Min():F1} | {list.Max():F1} |");
        }

        Console.WriteLine($"| **all LambdaAnalyzers** | **{Median(totals):F1}** | {totals.Min():F1} | {totals.Max():F1} |");
        Console.WriteLine($"| empty-bodies floor | {Median(floors):F1} | {floors.Min():F1} | {floors.Max():F1} |");
        Console.WriteLine($"| walk-every-node analyzer | {Median(walks):F1} | {walks.Min():F1} | {walks.Max():F1} |");
        Console.WriteLine($"| non-Lambda: all LambdaAnalyzers | {Median(plainTotals):F1} | {plainTotals.Min():F1} | {plainTotals.Max():F1} |");
        Console.WriteLine($"| non-Lambda: empty-bodies floor | {Median(plainFloors):F1} | {plainFloors.Min():F1} | {plainFloors.Max():F1} |");
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ours / walk-every-node: {Median(totals) / Median(walks):F2}x; non-Lambda ours / floor: {Median(plainTotals) / Math.Max(0.001, Median(plainFloors)):F2}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocated during the analysis (driver and compiler included), median: ours {Median(allocations):F1} MB, empty-bodies floor {Median(floorAllocations):F1} MB"));

        foreach (var problem in problems.Distinct())
        {
            Console.WriteLine("COUNT MISMATCH: " + problem);
        }

        var ok = problems.Count == 0 && Median(totals) <= targetMs;
        Console.WriteLine(ok ? $"OK: {Median(totals):F1} ms <= {targetMs} ms at {files} files" : $"FAIL (target {targetMs} ms at {files} files, or counts)");
        return ok ? 0 : 1;
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

/// <summary>BenchmarkDotNet: each analyzer alone, all together, and the floor, on a fresh compilation per invocation.</summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    private GeneratedSolution _solution = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;

    [Params(1000)]
    public int Files { get; set; }

    [ParamsSource(nameof(AnalyzerNames))]
    public string Analyzer { get; set; } = "All";

    public static IEnumerable<string> AnalyzerNames()
        => new[] { "All", "EmptyBodiesBaseline" }.Concat(AnalysisRunner.PackageAnalyzers.Select(a => a.GetType().Name));

    [GlobalSetup]
    public void Setup()
    {
        _solution = GeneratedSolution.Generate(Files);
        _analyzers = Analyzer switch
        {
            "All" => AnalysisRunner.PackageAnalyzers,
            "EmptyBodiesBaseline" => ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyBodiesBaselineAnalyzer()),
            _ => AnalysisRunner.PackageAnalyzers.Where(a => a.GetType().Name == Analyzer).ToImmutableArray(),
        };

        // A broken analyzer must not win: the planted counts must come out exactly.
        var run = AnalysisRunner.Analyze(_solution, _analyzers);
        var problems = AnalysisRunner.CheckCounts(_solution, run.Diagnostics, AnalysisRunner.RuleIds(_analyzers));
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join("\n", problems));
        }
    }

    [Benchmark]
    public int Analyze() => AnalysisRunner.Analyze(_solution, _analyzers).Diagnostics.Length;
}
