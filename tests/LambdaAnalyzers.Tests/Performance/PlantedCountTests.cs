using System.Collections.Generic;
using System.Linq;
using LambdaAnalyzers.Benchmarks;
using Xunit.Abstractions;

namespace LambdaAnalyzers.Tests.Performance;

/// <summary>
/// The benchmarks' correctness half, run in CI: on a generated solution with known planted violations
/// (and clean code a naive rule would flag), every rule reports exactly what was planted, and nothing in a
/// compilation without Lambda types. Timings are not asserted here (shared machines are noisy); see
/// docs/performance.md for the measured figures.
/// </summary>
public sealed class PlantedCountTests
{
    private readonly ITestOutputHelper _output;

    public PlantedCountTests(ITestOutputHelper output) => _output = output;

    [Theory]
    [InlineData(200)]
    [InlineData(20)]
    public void GeneratedLambdaSolution_ReportsExactlyThePlantedViolations(int files)
    {
        var solution = GeneratedSolution.Generate(files);
        var run = AnalysisRunner.Analyze(solution, AnalysisRunner.PackageAnalyzers);
        Assert.Empty(run.Exceptions);
        var ids = AnalysisRunner.RuleIds(AnalysisRunner.PackageAnalyzers).ToList();
        Assert.Contains("LAMBDA009", ids);
        foreach (var id in ids)
        {
            _output.WriteLine($"{id}: planted {solution.Expected.GetValueOrDefault(id)}, reported {run.Diagnostics.Count(d => d.Id == id)}");
        }

        var problems = AnalysisRunner.CheckCounts(solution, run.Diagnostics, ids);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void GeneratedSolution_PlantsEveryRule()
    {
        var solution = GeneratedSolution.Generate(200);
        Assert.All(solution.Expected, pair => Assert.True(pair.Value > 0, pair.Key));
        Assert.Equal(201, solution.Sources.Count);
        Assert.Empty(AnalysisRunner.Compile(solution).GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public void GeneratedNonLambdaSolution_ReportsNothing()
    {
        var solution = GeneratedSolution.Generate(200, lambda: false);
        Assert.Empty(AnalysisRunner.Compile(solution).GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var run = AnalysisRunner.Analyze(solution, AnalysisRunner.PackageAnalyzers);
        Assert.Empty(run.Exceptions);
        Assert.Empty(run.Diagnostics.Where(d => d.Id.StartsWith("LAMBDA", System.StringComparison.Ordinal)));
    }
}
