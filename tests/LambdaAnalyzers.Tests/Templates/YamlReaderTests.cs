using System.Linq;
using LambdaAnalyzers.Templates;
using static LambdaAnalyzers.Tests.Templates.TemplateTestHelpers;

namespace LambdaAnalyzers.Tests.Templates;

public class YamlReaderTests
{
    [Fact]
    public void BlockMapping_KeysValuesAndSpans()
    {
        var text = """
            AWSTemplateFormatVersion: '2010-09-09'
            Description: Orders service
            Resources:
              OrdersFunction:
                Type: AWS::Serverless::Function
            """;
        var root = Yaml(text);
        Assert.Equal(TemplateNodeKind.Mapping, root.Kind);
        Assert.Equal(new[] { "AWSTemplateFormatVersion", "Description", "Resources" }, root.Entries.Select(e => e.Key));
        root.Get("AWSTemplateFormatVersion")!.AssertScalar(text, "2010-09-09", "2010-09-09");
        Assert.True(root.Get("AWSTemplateFormatVersion")!.IsQuoted);
        Assert.Equal("'2010-09-09'", text.At(root.Get("AWSTemplateFormatVersion")!.Span));
        root.Get("Description")!.AssertScalar(text, "Orders service", "Orders service");
        var function = root.GetEntry("Resources")!.Value.GetEntry("OrdersFunction")!;
        Assert.Equal("OrdersFunction", text.At(function.KeySpan));
        Assert.Equal("OrdersFunction:\n    Type: AWS::Serverless::Function", text.At(function.Span));
        root.Path("Resources/OrdersFunction/Type").AssertScalar(text, "AWS::Serverless::Function", "AWS::Serverless::Function");
    }

    [Fact]
    public void ManyDistinctShortStrings_KeepTheirText_AndRepeatsShareOneString()
    {
        // More distinct keys and values than the parser's string table starts with, so it grows while parsing; nested
        // mappings and sequences also reuse builders that outer collections are still filling.
        var text = string.Join("\n", Enumerable.Range(0, 1500).Select(i => $"key{i}:\n  name: value{i}\n  kind: [Function, 'q{i}']\n  items:\n    - value{i}"));
        var root = Yaml(text);
        Assert.Equal(1500, root.Entries.Length);
        for (var i = 0; i < 1500; i++)
        {
            var entry = root.Entries[i];
            Assert.Equal($"key{i}", entry.Key);
            var name = entry.Value.Get("name")!;
            name.AssertScalar(text, $"value{i}", $"value{i}");
            Assert.Equal(new[] { "Function", $"q{i}" }, entry.Value.Get("kind")!.Items.Select(item => item.Value));
            var item = Assert.Single(entry.Value.Get("items")!.Items);
            Assert.Same(name.Value, item.Value);
        }
    }

    [Fact]
    public void BlockSequence_IndentedAndNotIndentedUnderKey()
    {
        var text = """
            indented:
              - a
              - b
            flush:
            - c
            - d
            after: x
            """;
        var root = Yaml(text);
        Assert.Equal(new[] { "a", "b" }, root.Get("indented")!.Items.Select(i => i.Value));
        Assert.Equal(new[] { "c", "d" }, root.Get("flush")!.Items.Select(i => i.Value));
        Assert.Equal("x", root.Get("after")!.Value);
        Assert.Equal("- c\n- d", text.At(root.Get("flush")!.Span));
    }

    [Fact]
    public void CompactNestedMappingsInSequence()
    {
        var text = """
            events:
              - http:
                  path: /orders/{id}
                  method: get
              - sqs: arn:aws:sqs:us-east-1:123456789012:orders
              - name: a
                value: b
              -
                nested: on next line
              - - inner1
                - inner2
            """;
        var root = Yaml(text);
        var events = root.Get("events")!;
        Assert.Equal(5, events.Items.Length);
        events.Path("0/http/path").AssertScalar(text, "/orders/{id}", "/orders/{id}");
        events.Path("0/http/method").AssertScalar(text, "get", "get");
        events.Path("1/sqs").AssertScalar(text, "arn:aws:sqs:us-east-1:123456789012:orders", "arn:aws:sqs:us-east-1:123456789012:orders");
        Assert.Equal(new[] { "name", "value" }, events.Items[2].Entries.Select(e => e.Key));
        Assert.Equal("b", events.Path("2/value").Value);
        Assert.Equal("on next line", events.Path("3/nested").Value);
        Assert.Equal(new[] { "inner1", "inner2" }, events.Items[4].Items.Select(i => i.Value));
    }

    [Fact]
    public void FlowCollections_SingleAndMultiLine()
    {
        var text = """
            a: {x: 1, y: [p, q], "z": 'w'}
            b: [one, "two", {k: v}]
            c: [
              first,
              second,   # comment
            ]
            d: {}
            e: []
            """;
        var root = Yaml(text);
        root.Path("a/x").AssertScalar(text, "1", "1");
        Assert.Equal(new[] { "p", "q" }, root.Path("a/y").Items.Select(i => i.Value));
        root.Path("a/z").AssertScalar(text, "w", "w");
        Assert.Equal("{x: 1, y: [p, q], \"z\": 'w'}", text.At(root.Get("a")!.Span));
        Assert.Equal(new[] { "one", "two" }, root.Get("b")!.Items.Take(2).Select(i => i.Value));
        Assert.Equal("v", root.Path("b/2/k").Value);
        Assert.Equal(new[] { "first", "second" }, root.Get("c")!.Items.Select(i => i.Value));
        Assert.Empty(root.Get("d")!.Entries);
        Assert.Equal(TemplateNodeKind.Mapping, root.Get("d")!.Kind);
        Assert.Empty(root.Get("e")!.Items);
        Assert.Equal(TemplateNodeKind.Sequence, root.Get("e")!.Kind);
    }

    [Fact]
    public void FlowMapping_KeysWithDoubleColons()
    {
        var text = "Arn: {Fn::GetAtt: [OrdersQueue, Arn]}\n";
        var root = Yaml(text);
        var arn = root.Get("Arn")!;
        Assert.True(arn.IsIntrinsic);
        Assert.Equal("Fn::GetAtt", arn.Entries[0].Key);
        Assert.Equal(new[] { "OrdersQueue", "Arn" }, arn.Entries[0].Value.Items.Select(i => i.Value));
    }

    [Fact]
    public void QuotedScalars_EscapesAndSpansInsideQuotes()
    {
        var text = """
            single: 'it''s here'
            double: "tab\there \"quoted\" \u00e9 \x41 back\\slash"
            empty: ""
            colon: "a: b"
            """;
        var root = Yaml(text);
        root.Get("single")!.AssertScalar(text, "it's here", "it''s here");
        root.Get("double")!.AssertScalar(text, "tab\there \"quoted\" é A back\\slash", "tab\\there \\\"quoted\\\" \\u00e9 \\x41 back\\\\slash");
        root.Get("empty")!.AssertScalar(text, "", "");
        Assert.True(root.Get("empty")!.IsQuoted);
        root.Get("colon")!.AssertScalar(text, "a: b", "a: b");
    }

    [Fact]
    public void QuotedScalars_MultiLineFolding()
    {
        var text = "a: \"first\n  second\n\n  third\"\nb: 'x\n  y'\nc: \"joined\\\n   here\"\n";
        var root = Yaml(text);
        Assert.Equal("first second\nthird", root.Get("a")!.Value);
        Assert.Equal("first\n  second\n\n  third", text.At(root.Get("a")!.ValueSpan));
        Assert.Equal("x y", root.Get("b")!.Value);
        Assert.Equal("joinedhere", root.Get("c")!.Value);
    }

    [Fact]
    public void LiteralBlockScalar_KeepsLines()
    {
        var text = """
            script: |
              echo one
                indented
              echo two
            next: value
            """;
        var root = Yaml(text);
        var script = root.Get("script")!;
        Assert.Equal("echo one\n  indented\necho two\n", script.Value);
        Assert.Equal("echo one\n    indented\n  echo two", text.At(script.ValueSpan));
        Assert.Equal("|\n  echo one\n    indented\n  echo two", text.At(script.Span));
        Assert.Equal("value", root.Get("next")!.Value);
    }

    [Theory]
    [InlineData("|", "a\nb\n")]
    [InlineData("|-", "a\nb")]
    [InlineData("|+", "a\nb\n\n")]
    [InlineData(">", "a b\n")]
    [InlineData(">-", "a b")]
    [InlineData(">+", "a b\n\n")]
    [InlineData("|2", "a\nb\n")]
    [InlineData("|2-", "a\nb")]
    [InlineData("|-2", "a\nb")]
    public void BlockScalar_ChompingAndIndentIndicators(string header, string expected)
    {
        var text = "k: " + header + "\n  a\n  b\n\nz: 1\n";
        var root = Yaml(text);
        Assert.Equal(expected, root.Get("k")!.Value);
        Assert.Equal("a\n  b", text.At(root.Get("k")!.ValueSpan));
        Assert.Equal("1", root.Get("z")!.Value);
    }

    [Fact]
    public void FoldedBlockScalar_FoldsParagraphsAndKeepsMoreIndentedLines()
    {
        var text = "d: >\n  one\n  two\n\n  three\n    code\n  four\n";
        var root = Yaml(text);
        Assert.Equal("one two\nthree\n  code\nfour\n", root.Get("d")!.Value);
    }

    [Fact]
    public void BlockScalar_ExplicitIndentKeepsLeadingSpaces()
    {
        var text = "k: |4\n      six\n    four\n";
        Assert.Equal("  six\nfour\n", Yaml(text).Get("k")!.Value);
    }

    [Fact]
    public void BlockScalar_InSequenceAndWithComment()
    {
        var text = "- |  # comment\n  line\n- >-\n  folded\n  text\n";
        var root = Yaml(text);
        Assert.Equal("line\n", root.Items[0].Value);
        Assert.Equal("folded text", root.Items[1].Value);
    }

    [Fact]
    public void MultiLinePlainScalar_Folds()
    {
        var text = """
            Description: This is a long
              description over
              three lines
            Other: x
            """;
        var root = Yaml(text);
        var d = root.Get("Description")!;
        Assert.Equal("This is a long description over three lines", d.Value);
        Assert.Equal("This is a long\n  description over\n  three lines", text.At(d.ValueSpan));
        Assert.Equal("x", root.Get("Other")!.Value);
    }

    [Fact]
    public void Comments_Everywhere()
    {
        var text = """
            # leading comment
            a: 1 # trailing
            # between
            b:   # after key
              # inside
              c: value#not-a-comment # comment
            d: [x, # in flow
              y]
            """;
        var root = Yaml(text);
        Assert.Equal("1", root.Get("a")!.Value);
        root.Path("b/c").AssertScalar(text, "value#not-a-comment", "value#not-a-comment");
        Assert.Equal(new[] { "x", "y" }, root.Get("d")!.Items.Select(i => i.Value));
    }

    [Fact]
    public void DocumentStartAndDirectives_FirstDocumentOnly()
    {
        var text = """
            %YAML 1.2
            %TAG ! tag:example.com,2024:
            ---
            first: 1
            ---
            second: 2
            """;
        var root = Yaml(text);
        Assert.Equal("1", root.Get("first")!.Value);
        Assert.Null(root.Get("second"));
    }

    [Fact]
    public void DocumentEndMarker_EndsDocument()
    {
        var root = Yaml("a: 1\n...\nb: 2\n");
        Assert.Single(root.Entries);
    }

    [Fact]
    public void Tags_OnScalarsSequencesAndBlockScalars()
    {
        var text = """
            Ref: !Ref OrdersTable
            GetAtt: !GetAtt OrdersQueue.Arn
            Sub: !Sub 'arn:aws:s3:::${Bucket}/*'
            SubBlock: !Sub |
              line ${AWS::Region}
            If: !If [IsProd, 10, 1]
            Join: !Join [ "", [ "a", !Ref B ] ]
            Select: !Select [0, !GetAZs '']
            Multi: !If
              - IsProd
              - !Ref Prod
              - !Ref Dev
            Plain: text
            """;
        var root = Yaml(text);
        var r = root.Get("Ref")!;
        Assert.Equal("!Ref", r.Tag);
        Assert.True(r.IsIntrinsic);
        Assert.False(r.IsLiteral);
        r.AssertScalar(text, "OrdersTable", "OrdersTable");
        Assert.Equal("!Ref OrdersTable", text.At(r.Span));
        Assert.Equal("OrdersQueue.Arn", root.Get("GetAtt")!.Value);
        root.Get("Sub")!.AssertScalar(text, "arn:aws:s3:::${Bucket}/*", "arn:aws:s3:::${Bucket}/*");
        Assert.Equal("!Sub", root.Get("SubBlock")!.Tag);
        Assert.Equal("line ${AWS::Region}\n", root.Get("SubBlock")!.Value);
        var ifNode = root.Get("If")!;
        Assert.Equal("!If", ifNode.Tag);
        Assert.Equal(new[] { "IsProd", "10", "1" }, ifNode.Items.Select(i => i.Value));
        var join = root.Get("Join")!;
        Assert.Equal("!Join", join.Tag);
        Assert.Equal("", join.Items[0].Value);
        Assert.Equal("!Ref", join.Items[1].Items[1].Tag);
        join.Items[1].Items[1].AssertScalar(text, "B", "B");
        Assert.Equal("!Ref B", text.At(join.Items[1].Items[1].Span));
        join.Items[1].Items[0].AssertScalar(text, "a", "a");
        Assert.Equal("!Join [ \"\", [ \"a\", !Ref B ] ]", text.At(join.Span));
        Assert.Equal(join.Span, join.ValueSpan);
        var select = root.Get("Select")!;
        Assert.Equal("!GetAZs", select.Items[1].Tag);
        Assert.Equal("", select.Items[1].Value);
        var multi = root.Get("Multi")!;
        Assert.Equal("!If", multi.Tag);
        Assert.Equal(TemplateNodeKind.Sequence, multi.Kind);
        Assert.Equal("Prod", multi.Items[1].Value);
        Assert.Equal("!Ref", multi.Items[2].Tag);
        Assert.False(root.Get("Plain")!.IsIntrinsic);
    }

    [Fact]
    public void Tag_WithoutValueAndOnNextLine()
    {
        var text = "a: !Ref\n  Target\nb: !GetAZs\nc: 1\n";
        var root = Yaml(text);
        Assert.Equal("Target", root.Get("a")!.Value);
        Assert.Equal("!Ref", root.Get("a")!.Tag);
        Assert.Equal("!GetAZs", root.Get("b")!.Tag);
        Assert.Equal("", root.Get("b")!.Value);
        Assert.Equal("1", root.Get("c")!.Value);
    }

    [Fact]
    public void AnchorsAliasesAndMergeKeys()
    {
        var text = """
            base: &defaults
              Runtime: dotnet8
              MemorySize: 512
            value: &v hello
            copy: *v
            fn:
              <<: *defaults
              MemorySize: 1024
            list:
              - *defaults
            """;
        var root = Yaml(text);
        var defaults = root.Get("base")!;
        Assert.Same(defaults, root.Path("list/0"));
        root.Get("copy")!.AssertScalar(text, "hello", "hello");
        Assert.Same(root.Get("value"), root.Get("copy"));
        var fn = root.Get("fn")!;
        Assert.Equal("dotnet8", fn.Get("Runtime")!.Value);
        Assert.Equal("1024", fn.Get("MemorySize")!.Value);
        Assert.Equal(2, fn.Entries.Length);
        Assert.Null(fn.Get("<<"));
        Assert.Equal("copy: *v", text.At(root.GetEntry("copy")!.Span));
    }

    [Fact]
    public void MergeKey_WithSequenceOfAliases()
    {
        var text = "a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  w: 0\n";
        var c = Yaml(text).Get("c")!;
        Assert.Equal(new[] { "x", "y", "z", "w" }, c.Entries.Select(e => e.Key));
        Assert.Equal("1", c.Get("y")!.Value);
    }

    [Fact]
    public void MergeKey_InFlowMapping()
    {
        var root = Yaml("a: &a {x: 1, y: 1}\nb: {<<: *a, y: 2}\n");
        var b = root.Get("b")!;
        Assert.Equal(new[] { "x", "y" }, b.Entries.Select(e => e.Key));
        Assert.Equal("2", b.Get("y")!.Value);
    }

    [Fact]
    public void AnchoredCompactMappingInSequence()
    {
        var text = "- &first name: a\n- *first\n";
        var root = Yaml(text);
        Assert.Equal("a", root.Path("0/name").Value);
        Assert.Same(root.Items[0], root.Items[1]);
        Assert.Equal("&first name: a", text.At(root.Items[0].Span));
    }

    [Fact]
    public void UnknownAlias_IsEmptyScalar()
    {
        var root = Yaml("a: *missing\nb: 1\n");
        Assert.Equal("", root.Get("a")!.Value);
        Assert.Equal("1", root.Get("b")!.Value);
    }

    [Fact]
    public void QuotedKeysAndKeysWithSpaces()
    {
        var text = """
            "quoted key": 1
            'single': 2
            key with spaces: 3
            "Fn::Sub": x
            """;
        var root = Yaml(text);
        var entry = root.GetEntry("quoted key")!;
        Assert.Equal("quoted key", text.At(entry.KeySpan));
        Assert.Equal("\"quoted key\": 1", text.At(entry.Span));
        Assert.Equal("2", root.Get("single")!.Value);
        Assert.Equal("key with spaces", text.At(root.GetEntry("key with spaces")!.KeySpan));
        Assert.Equal("3", root.Get("key with spaces")!.Value);
        Assert.True(root.Get("Fn::Sub") is not null);
    }

    [Fact]
    public void ComplexKeys_AreSkipped()
    {
        var text = "? [a, b]\n: value\nafter: 1\n";
        var root = Yaml(text);
        Assert.Equal("1", root.Get("after")!.Value);
    }

    [Fact]
    public void DuplicateKeys_AreKeptInOrder()
    {
        var root = Yaml("a: 1\nb: 2\na: 3\n");
        Assert.Equal(new[] { "a", "b", "a" }, root.Entries.Select(e => e.Key));
        Assert.Equal("1", root.Get("a")!.Value);
    }

    [Fact]
    public void EmptyValues()
    {
        var text = "a:\nb: # comment\nc: ~\nd:\n";
        var root = Yaml(text);
        Assert.Equal("", root.Get("a")!.Value);
        Assert.Equal(0, root.Get("a")!.Span.Length);
        Assert.Equal("", root.Get("b")!.Value);
        Assert.Equal("~", root.Get("c")!.Value);
        Assert.Equal(4, root.Entries.Length);
    }

    [Fact]
    public void CrLfLineEndings()
    {
        var text = "a: 1\r\nb:\r\n  - x\r\n  - y\r\nc: |\r\n  l1\r\n  l2\r\n";
        var root = Yaml(text);
        Assert.Equal("1", root.Get("a")!.Value);
        Assert.Equal(new[] { "x", "y" }, root.Get("b")!.Items.Select(i => i.Value));
        Assert.Equal("l1\nl2\n", root.Get("c")!.Value);
    }

    [Fact]
    public void Tabs_DoNotThrow()
    {
        var text = "a:\n\tb: 1\n\tc: 2\nd: 3\n";
        var root = YamlReader.Parse(Microsoft.CodeAnalysis.Text.SourceText.From(text), default);
        Assert.NotNull(root);
        Assert.Equal("3", root!.Get("d")!.Value);
    }

    [Fact]
    public void UnclosedQuote_EndsAtLineEnd()
    {
        var text = "a: \"unclosed\nb: 2\n";
        var root = Yaml(text);
        Assert.Equal("unclosed", root.Get("a")!.Value);
        Assert.Equal("2", root.Get("b")!.Value);
    }

    [Fact]
    public void UnclosedFlow_StopsAtNextKey()
    {
        var text = "a: [x, y\nb: 2\n";
        var root = Yaml(text);
        Assert.Equal(new[] { "x", "y" }, root.Get("a")!.Items.Select(i => i.Value));
        Assert.Equal("2", root.Get("b")!.Value);
    }

    [Fact]
    public void JsonStyleDocument()
    {
        var text = """{"Resources": {"F": {"Type": "AWS::Lambda::Function"}}}""";
        var root = Yaml(text);
        Assert.Equal("AWS::Lambda::Function", root.Path("Resources/F/Type").Value);
    }

    [Fact]
    public void EmptyAndCommentOnlyDocuments_AreNull()
    {
        Assert.Null(YamlReader.Parse(Microsoft.CodeAnalysis.Text.SourceText.From(""), default));
        Assert.Null(YamlReader.Parse(Microsoft.CodeAnalysis.Text.SourceText.From("# only\n\n"), default));
        Assert.Null(YamlReader.Parse(Microsoft.CodeAnalysis.Text.SourceText.From("---\n"), default));
    }

    [Fact]
    public void SequenceItemWithAnchorAndTagOnOwnLine()
    {
        var text = "- &first\n  a: 1\n- !Ref\n  Thing\n- *first\n";
        var root = Yaml(text);
        Assert.Equal("1", root.Path("0/a").Value);
        Assert.Equal("Thing", root.Items[1].Value);
        Assert.Same(root.Items[0], root.Items[2]);
    }

    [Fact]
    public void NestedSequenceIndentation_BackToParent()
    {
        var text = """
            a:
              b:
                - x
                - y:
                    z: 1
              c: 2
            d: 3
            """;
        var root = Yaml(text);
        Assert.Equal("1", root.Path("a/b/1/y/z").Value);
        Assert.Equal("2", root.Path("a/c").Value);
        Assert.Equal("3", root.Get("d")!.Value);
    }
}
