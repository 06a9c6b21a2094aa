using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace LambdaAnalyzers.Tests.Robustness;

/// <summary>
/// Every fix offered on the samples is applied on its own: the project gains no compiler error, the
/// diagnostic goes away, and edited deployment files still parse.
/// </summary>
public sealed class FixIntegrityTests
{
    private readonly ITestOutputHelper _output;

    public FixIntegrityTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task EveryFixOfferedOnTheSamples_KeepsTheBuildAndRemovesItsDiagnostic()
    {
        var applied = 0;
        foreach (var input in AnalyzerHarness.SampleInputs())
        {
            var result = await AnalyzerHarness.AnalyzeAsync(input);
            var outcome = await FixHarness.ApplyEachAsync(input, result.Diagnostics, checkIntegrity: true);
            applied += outcome.FixesApplied;
            Assert.True(outcome.Problems.Count == 0, string.Join("\n", outcome.Problems));
        }

        _output.WriteLine($"{applied} fixes applied and checked");
    }
}
