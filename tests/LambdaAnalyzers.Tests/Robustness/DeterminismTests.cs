using System.Linq;
using System.Threading.Tasks;

namespace LambdaAnalyzers.Tests.Robustness;

/// <summary>
/// Analyzers run with EnableConcurrentExecution: the same compilation analyzed many times in parallel,
/// with the driver's concurrent analysis on, gives the same diagnostics every time.
/// </summary>
public sealed class DeterminismTests
{
    [Fact]
    public async Task ParallelConcurrentAnalysis_GivesSameDiagnosticsEveryRun()
    {
        foreach (var input in AnalyzerHarness.SampleInputs())
        {
            var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                // A fresh compilation per run: nothing cached from another run can hide a race.
                var result = await AnalyzerHarness.AnalyzeAsync(input, concurrent: true);
                Assert.Empty(result.Exceptions);
                return string.Join("\n", result.Diagnostics.Select(d => d.ToString()).OrderBy(s => s, System.StringComparer.Ordinal));
            })));
            Assert.All(runs, run => Assert.Equal(runs[0], run));
        }
    }

    [Fact]
    public async Task ShopApp_HasDiagnostics_SoTheComparisonMeansSomething()
    {
        var shop = AnalyzerHarness.SampleInputs().Single(i => i.Name == "samples/ShopApp");
        var result = await AnalyzerHarness.AnalyzeAsync(shop);
        Assert.Contains(result.Diagnostics, d => d.Id == "LAMBDA009");
    }
}
