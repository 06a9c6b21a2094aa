using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using LambdaAnalyzers.Templates;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Tests.Templates;

/// <summary>No input may make a reader throw, hang, recurse without bound or return spans outside the file.</summary>
public class RobustnessTests
{
    private static readonly (string Path, string Text)[] Samples =
    {
        ("template.yaml", TemplateSamples.SamInitTemplate),
        ("serverless.template", TemplateSamples.AnnotationsTemplate),
        ("serverless.yml", TemplateSamples.ServerlessYml),
        ("main.tf", TemplateSamples.TerraformMain),
        ("aws-lambda-tools-defaults.json", TemplateSamples.ToolsDefaults),
    };

    private const string Noise = "{}[]:,\"'\\\n\r\t #&*!|>-?%$<=()/.abc01 ";

    [Fact]
    public void Fuzz_RandomEditsOfSamples_NeverThrowAndStayFast()
    {
        var random = new Random(20240611);
        var stopwatch = Stopwatch.StartNew();
        var cases = 0;
        for (var i = 0; i < 3000; i++)
        {
            var (path, original) = Samples[i % Samples.Length];
            var text = Mutate(original, random);
            var source = SourceText.From(text);

            var file = DeploymentFile.Read(path, source, default);
            if (file?.Root is { } root)
            {
                AssertWellFormed(root, text.Length);
            }

            // Every reader on every input, not only the one the file name picks.
            foreach (var node in new[] { JsonReader.Parse(source, default), YamlReader.Parse(source, default), HclReader.Parse(source, default) })
            {
                if (node is not null)
                {
                    AssertWellFormed(node, text.Length);
                }
            }

            cases++;
        }

        stopwatch.Stop();
        Assert.Equal(3000, cases);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"fuzzing took {stopwatch.Elapsed}");
    }

    public static IEnumerable<object[]> Pathological()
    {
        yield return new object[] { "deep-brackets", new string('[', 10_000) };
        yield return new object[] { "deep-braces", new string('{', 10_000) };
        yield return new object[] { "deep-closed", new string('[', 10_000) + new string(']', 10_000) };
        yield return new object[] { "deep-json-objects", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) };
        yield return new object[] { "deep-yaml-indent", string.Concat(Enumerable.Range(0, 3_000).Select(i => new string(' ', i) + "a:\n")) };
        yield return new object[] { "deep-yaml-dashes", string.Concat(Enumerable.Repeat("- ", 10_000)) + "x" };
        yield return new object[] { "deep-yaml-tags", "a:\n" + string.Concat(Enumerable.Repeat("  !t\n", 10_000)) };
        yield return new object[] { "deep-hcl-blocks", string.Concat(Enumerable.Repeat("a {\n", 10_000)) };
        yield return new object[] { "deep-hcl-parens", "a = " + new string('(', 10_000) };
        yield return new object[] { "deep-hcl-interpolation", "a = " + string.Concat(Enumerable.Repeat("\"${", 10_000)) };
        yield return new object[] { "unclosed-double", string.Concat(Enumerable.Repeat("k: \"open\n", 20_000)) };
        yield return new object[] { "unclosed-single", string.Concat(Enumerable.Repeat("- 'open\n", 20_000)) };
        yield return new object[] { "unclosed-json", "{\"a\": \"" + new string('x', 100_000) };
        yield return new object[] { "unclosed-heredoc", "a = <<EOF\n" + string.Concat(Enumerable.Repeat("line\n", 20_000)) };
        yield return new object[] { "unclosed-comment", "/*" + new string('x', 100_000) };
        yield return new object[] { "many-colons", "a: " + string.Concat(Enumerable.Repeat("b: ", 100_000)) };
        yield return new object[] { "long-plain", "a: " + string.Concat(Enumerable.Repeat("word ", 100_000)) };
        yield return new object[] { "many-continuations", "a: x\n" + string.Concat(Enumerable.Repeat("  more text\n", 50_000)) };
        yield return new object[] { "many-stray-lines", "a: 1\n" + string.Concat(Enumerable.Repeat("    stray\n", 50_000)) };
        yield return new object[] { "tabs", "a:\n\tb: 1\n\t\t- c\n\t d: [\t]\n" };
        yield return new object[] { "only-separators", new string(':', 50_000) + new string('-', 50_000) + new string('"', 3) };
        yield return new object[] { "nul-and-unicode", "a: \0\u2028\uFEFF\uD800 b\n\"\\U0011FFFF\\uD800\": x\n" };
        yield return new object[] { "billion-laughs", BillionLaughs() };
        yield return new object[] { "merge-storm", MergeStorm() };
    }

    [Theory]
    [MemberData(nameof(Pathological))]
    public void PathologicalInputs_AreBoundedForEveryReader(string name, string text)
    {
        var source = SourceText.From(text);
        var stopwatch = Stopwatch.StartNew();
        foreach (var node in new[] { JsonReader.Parse(source, default), YamlReader.Parse(source, default), HclReader.Parse(source, default) })
        {
            if (node is not null)
            {
                AssertWellFormed(node, text.Length);
            }
        }

        foreach (var path in new[] { "t.json", "t.yaml", "t.tf", "serverless.yml", "aws-lambda-tools-defaults.json" })
        {
            DeploymentFile.Read(path, source, default);
        }

        stopwatch.Stop();
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"{name} took {stopwatch.Elapsed}");
    }

    [Fact]
    public void DeepNesting_StopsAtTheDepthLimitWithAPartialTree()
    {
        var yaml = YamlReader.Parse(SourceText.From(new string('[', 10_000)), default);
        Assert.NotNull(yaml);
        Assert.InRange(Depth(yaml!), 1, TemplateLimits.MaxDepth + 1);

        var json = JsonReader.Parse(SourceText.From(new string('[', 10_000)), default);
        Assert.NotNull(json);
        Assert.InRange(Depth(json!), 1, TemplateLimits.MaxDepth + 1);

        var hcl = HclReader.Parse(SourceText.From("a = " + new string('[', 10_000)), default);
        Assert.NotNull(hcl);
        Assert.InRange(Depth(hcl!), 1, TemplateLimits.MaxDepth + 2);
    }

    [Fact]
    public void FiveMegabyteInput_IsIgnored()
    {
        var big = new StringBuilder("Resources:\n");
        while (big.Length < 5 * 1024 * 1024)
        {
            big.Append("  Q").Append(big.Length).Append(":\n    Type: AWS::SQS::Queue\n");
        }

        var source = SourceText.From(big.ToString());
        var stopwatch = Stopwatch.StartNew();
        Assert.Null(DeploymentFile.Read("template.yaml", source, default));
        Assert.Null(YamlReader.Parse(source, default));
        Assert.Null(JsonReader.Parse(source, default));
        Assert.Null(HclReader.Parse(source, default));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void LargeRealisticTemplate_ReadsInLinearTime()
    {
        var yaml = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n");
        for (var i = 0; yaml.Length < 3 * 1024 * 1024; i++)
        {
            yaml.Append("  Fn").Append(i).Append(":\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: A::B.C::D\n      Events:\n        E:\n          Type: SQS\n          Properties: {Queue: !GetAtt Q.Arn, BatchSize: 10}\n");
        }

        var stopwatch = Stopwatch.StartNew();
        var file = DeploymentFile.Read("template.yaml", SourceText.From(yaml.ToString()), default);
        stopwatch.Stop();
        Assert.NotNull(file);
        Assert.True(file!.Functions.Length > 10_000);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"took {stopwatch.Elapsed}");
    }

    [Fact]
    public void BillionLaughs_AliasesAreSharedNotExpanded()
    {
        var root = YamlReader.Parse(SourceText.From(BillionLaughs()), default);
        Assert.NotNull(root);
        var last = root!.Entries[root.Entries.Length - 1].Value;
        Assert.Equal(9, last.Items.Length);
        Assert.Same(root.Entries[root.Entries.Length - 2].Value, last.Items[0]);
    }

    private static string BillionLaughs()
    {
        var sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var c = 'b'; c <= 'i'; c++)
        {
            var p = (char)(c - 1);
            sb.Append(c).Append(": &").Append(c).Append(" [");
            sb.Append(string.Join(",", Enumerable.Repeat("*" + p, 9)));
            sb.Append("]\n");
        }

        return sb.ToString();
    }

    private static string MergeStorm()
    {
        var sb = new StringBuilder("base: &b\n");
        for (var i = 0; i < 2_000; i++)
        {
            sb.Append("  k").Append(i).Append(": v\n");
        }

        for (var i = 0; i < 2_000; i++)
        {
            sb.Append("m").Append(i).Append(":\n  <<: *b\n");
        }

        return sb.ToString();
    }

    private static string Mutate(string text, Random random)
    {
        var sb = new StringBuilder(text);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && sb.Length > 0; e++)
        {
            var at = random.Next(sb.Length);
            switch (random.Next(5))
            {
                case 0:
                    sb.Length = at; // truncate
                    break;
                case 1:
                    for (var k = random.Next(1, 8); k > 0; k--)
                    {
                        sb.Insert(at, Noise[random.Next(Noise.Length)]);
                    }

                    break;
                case 2:
                    sb.Remove(at, Math.Min(random.Next(1, 40), sb.Length - at));
                    break;
                case 3:
                    var length = Math.Min(random.Next(1, 200), sb.Length - at);
                    sb.Insert(random.Next(sb.Length), sb.ToString(at, length));
                    break;
                default:
                    var other = random.Next(sb.Length);
                    (sb[at], sb[other]) = (sb[other], sb[at]);
                    break;
            }
        }

        return sb.ToString();
    }

    private static void AssertWellFormed(TemplateNode root, int length)
    {
        var visited = new HashSet<TemplateNode>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<TemplateNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!visited.Add(node))
            {
                continue;
            }

            Assert.True(visited.Count < 5_000_000, "tree too large");
            Assert.InRange(node.Span.End, 0, length);
            if (node.Kind == TemplateNodeKind.Scalar)
            {
                Assert.NotNull(node.Value);
                Assert.True(node.Span.Contains(node.ValueSpan) || node.ValueSpan.IsEmpty, $"value span {node.ValueSpan} outside {node.Span}");
            }
            else
            {
                Assert.Null(node.Value);
            }

            foreach (var label in node.LabelSpans)
            {
                Assert.InRange(label.End, 0, length);
            }

            foreach (var entry in node.Entries)
            {
                Assert.NotNull(entry.Key);
                Assert.InRange(entry.Span.End, 0, length);
                Assert.True(entry.Span.Contains(entry.KeySpan), $"key span {entry.KeySpan} outside {entry.Span}");
                stack.Push(entry.Value);
            }

            foreach (var item in node.Items)
            {
                stack.Push(item);
            }
        }
    }

    private static int Depth(TemplateNode node)
    {
        var max = 0;
        var stack = new Stack<(TemplateNode Node, int Depth)>();
        stack.Push((node, 1));
        while (stack.Count > 0)
        {
            var (n, d) = stack.Pop();
            max = Math.Max(max, d);
            foreach (var e in n.Entries)
            {
                stack.Push((e.Value, d + 1));
            }

            foreach (var i in n.Items)
            {
                stack.Push((i, d + 1));
            }
        }

        return max;
    }
}
