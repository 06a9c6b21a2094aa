using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace LambdaAnalyzers.Tests.Robustness;

/// <summary>
/// Half-typed code: random token deletions, duplications, insertions and truncations of the samples'
/// C# files, and character-level damage to their deployment files, as a person typing produces. Every
/// analyzer runs on every mutant, and every fix offered on every 10th mutant is applied; nothing may
/// throw (an analyzer exception is AD0001 for the user). Fixed seed and a bounded count in CI; set
/// LAMBDA_MUTATIONS=10000 for the longer release run.
/// </summary>
public sealed class MutationTests
{
    private const int Seed = 20261123;
    private readonly ITestOutputHelper _output;

    public MutationTests(ITestOutputHelper output) => _output = output;

    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("LAMBDA_MUTATIONS"), out var n) && n > 0 ? n : 400;

    private static readonly string[] CSharpInsertions =
    {
        "{", "}", "(", ")", ";", ".", ",", "=", "=>", "new", "await", "switch", "case", "if", "return", "static", "x", "\"", "?", "[", "]", "<", ">", "!", "default:",
    };

    private static readonly string[] TemplateInsertions =
    {
        "{", "}", "[", "]", "\"", "'", ":", "\t", "- ", "!Ref ", "\n", "  ", "#", "&a ", "*a", "${", "<<EOF\n", "::", "Handler: ", "|\n",
    };

    [Fact]
    public async Task MutatedSamples_NoAnalyzerOrFixThrows()
    {
        var random = new Random(Seed);
        var inputs = AnalyzerHarness.SampleInputs();
        Assert.NotEmpty(inputs);
        var failures = new List<string>();
        var diagnostics = 0;
        var fixes = 0;
        for (var i = 0; i < Count; i++)
        {
            var mutant = Mutate(inputs[i % inputs.Count], random);
            var result = await AnalyzerHarness.AnalyzeAsync(mutant);
            diagnostics += result.Diagnostics.Length;
            failures.AddRange(result.Exceptions.Select(e => $"mutant {i} of {mutant.Name}: {e}"));
            if (i % 10 == 0)
            {
                var outcome = await FixHarness.ApplyEachAsync(mutant, result.Diagnostics, checkIntegrity: false);
                fixes += outcome.FixesApplied;
                failures.AddRange(outcome.Problems.Select(p => $"mutant {i} of {mutant.Name}: {p}"));
            }
        }

        _output.WriteLine($"{Count} mutated inputs (seed {Seed}), {diagnostics} diagnostics, {fixes} fixes applied, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
    }

    internal static AnalyzerHarness.Input Mutate(AnalyzerHarness.Input input, Random random)
    {
        var sources = input.Sources.ToList();
        var deployment = input.DeploymentFiles.ToList();
        var operations = 1 + random.Next(3);
        for (var op = 0; op < operations; op++)
        {
            if (deployment.Count > 0 && random.Next(10) < 3)
            {
                var index = random.Next(deployment.Count);
                deployment[index] = (deployment[index].Path, MutateText(deployment[index].Text, random));
            }
            else if (sources.Count > 0)
            {
                var index = random.Next(sources.Count);
                sources[index] = (sources[index].Path, MutateCSharp(sources[index].Text, random));
            }
        }

        return input with { Sources = sources, DeploymentFiles = deployment };
    }

    private static string MutateCSharp(string text, Random random)
    {
        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().ToList();
        if (tokens.Count == 0)
        {
            return text;
        }

        var token = tokens[random.Next(tokens.Count)];
        var span = token.Span;
        return random.Next(4) switch
        {
            0 => text.Remove(span.Start, span.Length),
            1 => text.Insert(span.Start, token.Text + " "),
            2 => text.Insert(span.Start, CSharpInsertions[random.Next(CSharpInsertions.Length)] + " "),
            _ => text.Substring(0, span.Start),
        };
    }

    private static string MutateText(string text, Random random)
    {
        if (text.Length == 0)
        {
            return TemplateInsertions[random.Next(TemplateInsertions.Length)];
        }

        var position = random.Next(text.Length);
        return random.Next(4) switch
        {
            0 => text.Remove(position, Math.Min(1 + random.Next(20), text.Length - position)),
            1 => text.Insert(position, TemplateInsertions[random.Next(TemplateInsertions.Length)]),
            2 => text.Insert(position, new StringBuilder().Append(text, position, Math.Min(40, text.Length - position)).ToString()),
            _ => text.Substring(0, position),
        };
    }
}
