using System.Linq;
using LambdaAnalyzers.Templates;
using Microsoft.CodeAnalysis.Text;
using static LambdaAnalyzers.Tests.Templates.TemplateTestHelpers;

namespace LambdaAnalyzers.Tests.Templates;

public class JsonReaderTests
{
    [Fact]
    public void ObjectsArraysAndLiterals_WithExactSpans()
    {
        var text = """
            {
              "name": "orders",
              "count": 12.5e3,
              "enabled": true,
              "none": null,
              "list": [1, "two", {"three": 3}]
            }
            """;
        var root = Json(text);
        Assert.Equal(new[] { "name", "count", "enabled", "none", "list" }, root.Entries.Select(e => e.Key));
        var name = root.GetEntry("name")!;
        Assert.Equal("name", text.At(name.KeySpan));
        Assert.Equal("\"name\": \"orders\"", text.At(name.Span));
        name.Value.AssertScalar(text, "orders", "orders");
        Assert.Equal("\"orders\"", text.At(name.Value.Span));
        Assert.True(name.Value.IsQuoted);
        root.Get("count")!.AssertScalar(text, "12.5e3", "12.5e3");
        Assert.False(root.Get("count")!.IsQuoted);
        Assert.Equal("true", root.Get("enabled")!.Value);
        Assert.Equal("null", root.Get("none")!.Value);
        var list = root.Get("list")!;
        Assert.Equal("[1, \"two\", {\"three\": 3}]", text.At(list.Span));
        Assert.Equal("3", list.Path("2/three").Value);
        Assert.Equal(text.Length, root.Span.End);
    }

    [Fact]
    public void Escapes_AreDecodedAndValueSpanIsRaw()
    {
        var text = """{"h": "A::B.C::\"M\"\n\u0041\\\/"}""";
        var h = Json(text).Get("h")!;
        Assert.Equal("A::B.C::\"M\"\nA\\/", h.Value);
        Assert.Equal("A::B.C::\\\"M\\\"\\n\\u0041\\\\\\/", text.At(h.ValueSpan));
    }

    [Fact]
    public void CommentsAndTrailingCommas()
    {
        var text = """
            // leading comment
            {
              /* block
                 comment */
              "a": 1, // trailing
              "b": [1, 2, 3,],
              "c": {"d": true,},
            }
            """;
        var root = Json(text);
        Assert.Equal("1", root.Get("a")!.Value);
        Assert.Equal(3, root.Get("b")!.Items.Length);
        Assert.Equal("true", root.Path("c/d").Value);
    }

    [Fact]
    public void DuplicateKeys_AreKept()
    {
        var root = Json("""{"a": 1, "a": 2}""");
        Assert.Equal(2, root.Entries.Length);
        Assert.Equal("1", root.Get("a")!.Value);
    }

    [Fact]
    public void Malformed_ReturnsPartialTree()
    {
        var root = Json("""{"a": 1, "b": [1, 2""");
        Assert.Equal("1", root.Get("a")!.Value);
        Assert.Equal(2, root.Get("b")!.Items.Length);

        var unclosedString = Json("{\"a\": \"oops\n, \"b\": 2}");
        Assert.Equal("oops", unclosedString.Get("a")!.Value);

        var missingColon = Json("""{"a" 1}""");
        Assert.Empty(missingColon.Entries);
    }

    [Fact]
    public void EmptyOrGarbage_IsNull()
    {
        Assert.Null(JsonReader.Parse(SourceText.From(""), default));
        Assert.Null(JsonReader.Parse(SourceText.From("   // nothing"), default));
        Assert.Null(JsonReader.Parse(SourceText.From("}"), default));
    }

    [Fact]
    public void JsonIntrinsics_AreRecognised()
    {
        var root = Json("""{"a": {"Ref": "X"}, "b": {"Fn::GetAtt": ["Q", "Arn"]}, "c": {"Ref": "X", "Other": 1}}""");
        Assert.True(root.Get("a")!.IsIntrinsic);
        Assert.True(root.Get("b")!.IsIntrinsic);
        Assert.False(root.Get("c")!.IsIntrinsic);
    }
}
