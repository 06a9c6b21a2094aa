using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Templates;

/// <summary>
/// Text edits that add an entry to a mapping of a deployment file in the file's own style: YAML block mappings
/// (indentation of the sibling keys), JSON objects (one property per line or inline, as the object is written) and
/// HCL blocks (indentation of the body). Every method returns null when it cannot edit safely (flow mappings,
/// single-line blocks, empty objects...); callers then offer no fix.
/// </summary>
internal static class TemplateEdits
{
    /// <summary>Adds <c>key: value</c> (YAML), <c>"key": value</c> (JSON) or <c>key = value</c> (HCL) to a mapping.</summary>
    public static TextChange? AddScalar(DeploymentFile file, TemplateNode mapping, string key, string value)
        => file.Format switch
        {
            TemplateFormat.Terraform => AddHcl(file, mapping, new[] { key + " = " + value }),
            TemplateFormat.CloudFormationJson or TemplateFormat.ToolsDefaults => AddJson(file, mapping, "\"" + key + "\": " + value),
            _ => AddYaml(file, mapping, new[] { key + ": " + value }),
        };

    /// <summary>
    /// Adds a YAML entry written as lines relative to the mapping's indentation; each level of nesting in
    /// <paramref name="lines"/> is one leading tab, replaced by the file's indentation unit.
    /// </summary>
    public static TextChange? AddYaml(DeploymentFile file, TemplateNode mapping, IReadOnlyList<string> lines)
    {
        var text = file.Text;
        if (mapping.Kind != TemplateNodeKind.Mapping || mapping.Entries.Length == 0 || mapping.Span.Length == 0 || text[mapping.Span.Start] == '{')
        {
            return null;
        }

        // Entries merged in from an anchor (<<: *defaults) lie elsewhere in the file: only the mapping's own count.
        TemplateEntry? first = null;
        foreach (var entry in mapping.Entries)
        {
            if (mapping.Span.Contains(entry.Span))
            {
                first = entry;
                break;
            }
        }

        if (first is null)
        {
            return null;
        }

        var indent = Column(text, first.Span.Start);
        if (indent < 0)
        {
            return null;
        }

        var nl = NewLine(text);
        var unit = IndentUnit(file);
        var block = Render(lines, new string(' ', indent), unit, nl);

        // After the last entry that fits on one line (so the new key lands among the scalar settings), else first.
        for (var i = mapping.Entries.Length - 1; i >= 0; i--)
        {
            var entry = mapping.Entries[i];
            if (entry.Value.Kind != TemplateNodeKind.Scalar || !mapping.Span.Contains(entry.Span))
            {
                continue;
            }

            var line = text.Lines.GetLineFromPosition(entry.Span.Start);
            if (text.Lines.GetLineFromPosition(entry.Span.End).LineNumber != line.LineNumber || Column(text, entry.Span.Start) != indent)
            {
                continue;
            }

            return new TextChange(new TextSpan(line.End, 0), nl + block);
        }

        var firstLine = text.Lines.GetLineFromPosition(first.Span.Start);
        if (Column(text, first.Span.Start) != indent || IsFlowOrSequenceLine(text, firstLine, first.Span.Start))
        {
            return null;
        }

        return new TextChange(new TextSpan(firstLine.Start, 0), block + nl);
    }

    /// <summary>Adds a JSON property (its text may span lines; continuation lines are indented like the property).</summary>
    public static TextChange? AddJson(DeploymentFile file, TemplateNode mapping, string property)
    {
        var text = file.Text;
        if (mapping.Kind != TemplateNodeKind.Mapping || mapping.Entries.Length == 0 || mapping.Span.Length == 0 || text[mapping.Span.Start] != '{')
        {
            return null;
        }

        var first = mapping.Entries[0];
        var start = first.Span.Start;
        var braceLine = text.Lines.GetLineFromPosition(mapping.Span.Start).LineNumber;
        var firstLine = text.Lines.GetLineFromPosition(start);
        if (firstLine.LineNumber == braceLine)
        {
            return property.IndexOf('\n') >= 0 ? null : new TextChange(new TextSpan(start, 0), property + ", ");
        }

        var indent = Column(text, start);
        if (indent < 0)
        {
            return null;
        }

        var nl = NewLine(text);
        var pad = new string(' ', indent);
        var body = property.Replace("\n", nl + pad);
        return new TextChange(new TextSpan(start, 0), body + "," + nl + pad);
    }

    /// <summary>
    /// Adds an item at the start of a JSON array (its text may span lines; continuation lines are indented like the
    /// item). Null for empty arrays, and for multi-line items in an array written on one line.
    /// </summary>
    public static TextChange? AddJsonItem(DeploymentFile file, TemplateNode sequence, string item)
    {
        var text = file.Text;
        if (sequence.Kind != TemplateNodeKind.Sequence || sequence.Items.Length == 0 || sequence.Span.Length == 0 || text[sequence.Span.Start] != '[')
        {
            return null;
        }

        var start = sequence.Items[0].Span.Start;
        if (text.Lines.GetLineFromPosition(start).LineNumber == text.Lines.GetLineFromPosition(sequence.Span.Start).LineNumber)
        {
            return item.IndexOf('\n') >= 0 ? null : new TextChange(new TextSpan(start, 0), item + ", ");
        }

        var indent = Column(text, start);
        if (indent < 0)
        {
            return null;
        }

        var nl = NewLine(text);
        var pad = new string(' ', indent);
        return new TextChange(new TextSpan(start, 0), item.Replace("\n", nl + pad) + "," + nl + pad);
    }

    /// <summary>Adds lines at the end of an HCL block body, after a blank line (a separate alignment group for terraform fmt).</summary>
    public static TextChange? AddHcl(DeploymentFile file, TemplateNode block, IReadOnlyList<string> lines)
    {
        var text = file.Text;
        if (block.Kind != TemplateNodeKind.Mapping || block.Span.Length < 2 || text[block.Span.End - 1] != '}' || text[block.Span.Start] != '{')
        {
            return null;
        }

        var closeLine = text.Lines.GetLineFromPosition(block.Span.End - 1);
        var closeColumn = Column(text, block.Span.End - 1);
        if (closeColumn < 0 || closeLine.LineNumber == text.Lines.GetLineFromPosition(block.Span.Start).LineNumber)
        {
            return null;
        }

        var unit = "  ";
        var indent = block.Entries.Length > 0 && Column(text, block.Entries[0].Span.Start) is var c && c > closeColumn
            ? new string(' ', c)
            : new string(' ', closeColumn) + unit;
        var nl = NewLine(text);
        var previous = closeLine.LineNumber > 0 ? text.Lines[closeLine.LineNumber - 1] : closeLine;
        var separator = block.Entries.Length > 0 && text.ToString(previous.Span).Trim().Length > 0 ? nl : string.Empty;
        return new TextChange(new TextSpan(closeLine.Start, 0), separator + Render(lines, indent, unit, nl) + nl);
    }

    /// <summary>Inserts a top-level YAML section before the root entry <paramref name="beforeKey"/> (e.g. Globals before Resources).</summary>
    public static TextChange? AddYamlRootSection(DeploymentFile file, string beforeKey, IReadOnlyList<string> lines)
    {
        if (file.Root?.GetEntry(beforeKey) is not { } anchor || Column(file.Text, anchor.Span.Start) != 0)
        {
            return null;
        }

        var nl = NewLine(file.Text);
        var line = file.Text.Lines.GetLineFromPosition(anchor.Span.Start);
        return new TextChange(new TextSpan(line.Start, 0), Render(lines, string.Empty, IndentUnit(file), nl) + nl + nl);
    }

    /// <summary>The indentation unit of a YAML file: the column of the first key under <c>Resources</c>/<c>functions</c>, else two spaces.</summary>
    public static string IndentUnit(DeploymentFile file)
    {
        foreach (var key in new[] { "Resources", "functions", "provider", "Globals" })
        {
            if (file.Root?.Get(key) is { Kind: TemplateNodeKind.Mapping, Entries.Length: > 0 } section
                && Column(file.Text, section.Entries[0].Span.Start) is > 0 and var column
                && Column(file.Text, file.Root.GetEntry(key)!.Span.Start) == 0)
            {
                return new string(' ', column);
            }
        }

        return "  ";
    }

    /// <summary>The indentation step of a JSON object: its first property's column minus the indentation of the brace's line.</summary>
    public static string JsonIndentUnit(DeploymentFile file, TemplateNode mapping)
    {
        var text = file.Text;
        if (mapping.Entries.Length > 0 && Column(text, mapping.Entries[0].Span.Start) is var column && column > 0)
        {
            var braceLine = text.Lines.GetLineFromPosition(mapping.Span.Start);
            var braceIndent = 0;
            while (braceLine.Start + braceIndent < text.Length && text[braceLine.Start + braceIndent] == ' ')
            {
                braceIndent++;
            }

            if (column > braceIndent)
            {
                return new string(' ', column - braceIndent);
            }
        }

        return "  ";
    }

    /// <summary>A JSON property whose value is an object: <c>"key": {</c>, the body indented one unit, <c>}</c> (lines joined with \n).</summary>
    public static string JsonObjectProperty(string key, string body, string unit)
        => "\"" + key + "\": {\n" + IndentLines(body, unit) + "\n}";

    public static string IndentLines(string body, string unit)
        => unit + body.Replace("\n", "\n" + unit);

    public static string NewLine(SourceText text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                return i > 0 && text[i - 1] == '\r' ? "\r\n" : "\n";
            }
        }

        return "\n";
    }

    /// <summary>The column of a position when only spaces precede it on its line; -1 otherwise.</summary>
    internal static int Column(SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position);
        for (var i = line.Start; i < position; i++)
        {
            if (text[i] != ' ')
            {
                return -1;
            }
        }

        return position - line.Start;
    }

    private static bool IsFlowOrSequenceLine(SourceText text, TextLine line, int position)
    {
        for (var i = line.Start; i < position; i++)
        {
            if (text[i] is '-' or '{' or '[')
            {
                return true;
            }
        }

        return false;
    }

    private static string Render(IReadOnlyList<string> lines, string indent, string unit, string nl)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(nl);
            }

            var line = lines[i];
            var depth = 0;
            while (depth < line.Length && line[depth] == '\t')
            {
                depth++;
            }

            sb.Append(indent);
            for (var d = 0; d < depth; d++)
            {
                sb.Append(unit);
            }

            sb.Append(line, depth, line.Length - depth);
        }

        return sb.ToString();
    }
}
