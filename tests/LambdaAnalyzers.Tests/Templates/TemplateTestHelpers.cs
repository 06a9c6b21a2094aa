using LambdaAnalyzers.Templates;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Tests.Templates;

internal static class TemplateTestHelpers
{
    public static TemplateNode Yaml(string text)
    {
        var node = YamlReader.Parse(SourceText.From(text), default);
        Assert.NotNull(node);
        return node!;
    }

    public static TemplateNode Json(string text)
    {
        var node = JsonReader.Parse(SourceText.From(text), default);
        Assert.NotNull(node);
        return node!;
    }

    public static TemplateNode Hcl(string text)
    {
        var node = HclReader.Parse(SourceText.From(text), default);
        Assert.NotNull(node);
        return node!;
    }

    public static DeploymentFile Read(string path, string text)
    {
        var file = DeploymentFile.Read(path, SourceText.From(text), default);
        Assert.NotNull(file);
        return file!;
    }

    /// <summary>The file text under a span.</summary>
    public static string At(this string text, TextSpan span) => text.Substring(span.Start, span.Length);

    /// <summary>Follows a path of mapping keys and sequence indexes ("Resources/Fn/Properties/Events/0").</summary>
    public static TemplateNode Path(this TemplateNode node, string path)
    {
        var current = node;
        foreach (var part in path.Split('/'))
        {
            if (current.Kind == TemplateNodeKind.Sequence && int.TryParse(part, out var index))
            {
                Assert.True(index < current.Items.Length, $"no item {index} in {path}");
                current = current.Items[index];
            }
            else
            {
                var next = current.Get(part);
                Assert.True(next is not null, $"no key '{part}' in {path}");
                current = next!;
            }
        }

        return current;
    }

    /// <summary>Asserts a scalar's decoded value and the raw text its ValueSpan covers.</summary>
    public static void AssertScalar(this TemplateNode node, string text, string value, string raw)
    {
        Assert.Equal(TemplateNodeKind.Scalar, node.Kind);
        Assert.Equal(value, node.Value);
        Assert.Equal(raw, text.At(node.ValueSpan));
    }
}
