using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LambdaAnalyzers.Tests.Conventions;
using LambdaAnalyzers.Tests.Verifiers;

namespace LambdaAnalyzers.Tests.EndToEnd;

/// <summary>
/// The README's main command: building the samples shows every rule in ShopApp, and none in its
/// well-architected twin. A rule without a sample occurrence fails here.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SamplesTests
{
    private static readonly Regex DiagnosticLine = new(@"^(?<file>[^\s(][^(]*)\(\d+,\d+\): (?<severity>warning|error|info) (?<id>LAMBDA\d{3}):", RegexOptions.Multiline);

    [Fact]
    public async Task SamplesBuild_ShopAppShowsEveryRule_WellArchitectedShopShowsNone()
    {
        var build = await DotnetCli.RunAsync(
            TestReferences.RepoRoot,
            "build samples/Samples.sln --no-incremental -c Release -tl:off -nodeReuse:false -clp:NoSummary",
            TimeSpan.FromMinutes(8));
        Assert.True(build.ExitCode == 0, build.ToString());

        var found = DiagnosticLine.Matches(build.Output)
            .Select(m => (File: m.Groups["file"].Value.Replace('\\', '/'), Id: m.Groups["id"].Value))
            .Distinct()
            .ToList();

        var shop = found.Where(d => d.File.Contains("/samples/ShopApp/", StringComparison.Ordinal)).Select(d => d.Id).ToHashSet();
        var twin = found.Where(d => d.File.Contains("/samples/WellArchitectedShop/", StringComparison.Ordinal)).ToList();

        var missing = RuleConventionTests.AllDescriptors.Select(d => d.Id).Where(id => !shop.Contains(id)).ToList();
        Assert.True(missing.Count == 0, $"ShopApp shows no {string.Join(", ", missing)}:\n{build.Output}");
        Assert.True(twin.Count == 0, "WellArchitectedShop has diagnostics:\n" + string.Join("\n", twin));
    }
}
