using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Templates;

internal enum TemplateNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}

/// <summary>
/// One node of a deployment file (JSON, YAML or HCL), with the exact spans it occupies in the file.
/// Scalars always have a non-null <see cref="Value"/>; mappings and sequences have a null one.
/// </summary>
internal sealed class TemplateNode
{
    /// <summary>Tag given to HCL expressions that are not literals (references, calls, conditionals...).</summary>
    public const string HclExpressionTag = "hcl:expr";

    /// <summary>Tag given to HCL strings and heredocs that contain <c>${...}</c> or <c>%{...}</c>.</summary>
    public const string HclTemplateTag = "hcl:template";

    private TemplateNode(
        TemplateNodeKind kind,
        TextSpan span,
        string? tag,
        string? value,
        TextSpan valueSpan,
        bool isQuoted,
        ImmutableArray<TemplateEntry> entries,
        ImmutableArray<TemplateNode> items,
        ImmutableArray<string> labels,
        ImmutableArray<TextSpan> labelSpans)
    {
        Kind = kind;
        Span = span;
        Tag = tag;
        Value = value;
        ValueSpan = valueSpan;
        IsQuoted = isQuoted;
        Entries = entries;
        Items = items;
        Labels = labels;
        LabelSpans = labelSpans;
    }

    public TemplateNodeKind Kind { get; }

    /// <summary>The whole node in the file, including its tag and quotes.</summary>
    public TextSpan Span { get; }

    /// <summary>YAML tag as written (<c>!Ref</c>, <c>!GetAtt</c>...), <see cref="HclExpressionTag"/> or <see cref="HclTemplateTag"/> for HCL; otherwise null.</summary>
    public string? Tag { get; }

    /// <summary>Scalars: the decoded value; HCL non-literals: the raw expression text. Null for mappings and sequences.</summary>
    public string? Value { get; }

    /// <summary>Scalars: the content in the file (inside the quotes). Other kinds: same as <see cref="Span"/>.</summary>
    public TextSpan ValueSpan { get; }

    public bool IsQuoted { get; }

    /// <summary>Mapping entries in file order; duplicate keys are kept.</summary>
    public ImmutableArray<TemplateEntry> Entries { get; }

    public ImmutableArray<TemplateNode> Items { get; }

    /// <summary>HCL block labels, e.g. <c>["aws_lambda_function", "orders"]</c>.</summary>
    public ImmutableArray<string> Labels { get; }

    /// <summary>Spans of <see cref="Labels"/> (inside the quotes), same order.</summary>
    public ImmutableArray<TextSpan> LabelSpans { get; }

    /// <summary>
    /// A CloudFormation intrinsic function: a YAML short-form tag (<c>!Ref</c>, <c>!Sub</c>...) or a mapping with a
    /// single <c>Ref</c> or <c>Fn::*</c> key.
    /// </summary>
    public bool IsIntrinsic
    {
        get
        {
            if (Tag is { } tag)
            {
                return IsIntrinsicTag(tag);
            }

            if (Kind == TemplateNodeKind.Mapping && Entries.Length == 1)
            {
                var key = Entries[0].Key;
                return key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal);
            }

            return false;
        }
    }

    /// <summary>A scalar whose value is plain text: no intrinsic, no HCL expression or interpolation.</summary>
    public bool IsLiteral =>
        Kind == TemplateNodeKind.Scalar
        && (Tag is null || Tag == "!!str" || Tag == "tag:yaml.org,2002:str");

    public TemplateEntry? GetEntry(string key)
    {
        foreach (var entry in Entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                return entry;
            }
        }

        return null;
    }

    public bool IsScalar => Kind == TemplateNodeKind.Scalar;

    public bool IsMapping => Kind == TemplateNodeKind.Mapping;

    public bool IsSequence => Kind == TemplateNodeKind.Sequence;

    /// <summary>The value of a literal scalar child, or null.</summary>
    public string? GetLiteral(string key) => Get(key) is { IsLiteral: true } node ? node.Value : null;

    public TemplateNode? Get(string key) => GetEntry(key)?.Value;

    public override string ToString() => Kind switch
    {
        TemplateNodeKind.Scalar => (Tag is null ? string.Empty : Tag + " ") + Value,
        TemplateNodeKind.Mapping => (Tag is null ? string.Empty : Tag + " ") + "{" + Entries.Length + " entries}",
        _ => (Tag is null ? string.Empty : Tag + " ") + "[" + Items.Length + " items]",
    };

    internal static bool IsIntrinsicTag(string tag) => tag switch
    {
        "!Ref" or "!Sub" or "!GetAtt" or "!If" or "!Join" or "!Select" or "!Split" or "!FindInMap"
            or "!ImportValue" or "!Base64" or "!Cidr" or "!GetAZs" or "!Equals" or "!And" or "!Or" or "!Not"
            or "!Condition" or "!Transform" or "!ToJsonString" or "!Length" or "!GetParam" => true,
        _ => false,
    };

    internal static TemplateNode Scalar(TextSpan span, TextSpan valueSpan, string value, bool isQuoted, string? tag) =>
        new(TemplateNodeKind.Scalar, span, tag, value, valueSpan, isQuoted,
            ImmutableArray<TemplateEntry>.Empty, ImmutableArray<TemplateNode>.Empty,
            ImmutableArray<string>.Empty, ImmutableArray<TextSpan>.Empty);

    internal static TemplateNode Mapping(TextSpan span, ImmutableArray<TemplateEntry> entries, string? tag) =>
        new(TemplateNodeKind.Mapping, span, tag, null, span, false,
            entries, ImmutableArray<TemplateNode>.Empty,
            ImmutableArray<string>.Empty, ImmutableArray<TextSpan>.Empty);

    internal static TemplateNode Block(TextSpan span, ImmutableArray<TemplateEntry> entries, ImmutableArray<string> labels, ImmutableArray<TextSpan> labelSpans) =>
        new(TemplateNodeKind.Mapping, span, null, null, span, false,
            entries, ImmutableArray<TemplateNode>.Empty, labels, labelSpans);

    internal static TemplateNode Sequence(TextSpan span, ImmutableArray<TemplateNode> items, string? tag) =>
        new(TemplateNodeKind.Sequence, span, tag, null, span, false,
            ImmutableArray<TemplateEntry>.Empty, items,
            ImmutableArray<string>.Empty, ImmutableArray<TextSpan>.Empty);

    /// <summary>The same node with a different tag and span (YAML node properties written before the content).</summary>
    internal TemplateNode WithProperties(string? tag, int start)
    {
        var span = TextSpan.FromBounds(Math.Min(start, Span.Start), Span.End);
        var valueSpan = Kind == TemplateNodeKind.Scalar ? ValueSpan : span;
        return new TemplateNode(Kind, span, tag ?? Tag, Value, valueSpan, IsQuoted, Entries, Items, Labels, LabelSpans);
    }
}

internal sealed class TemplateEntry
{
    public TemplateEntry(string key, TextSpan keySpan, TemplateNode value, TextSpan span)
    {
        Key = key;
        KeySpan = keySpan;
        Value = value;
        Span = span;
    }

    public string Key { get; }

    /// <summary>The key's text in the file, without quotes.</summary>
    public TextSpan KeySpan { get; }

    public TemplateNode Value { get; }

    /// <summary>From the start of the key (its opening quote if any) to the end of the value.</summary>
    public TextSpan Span { get; }

    public override string ToString() => Key + ": " + Value;
}
