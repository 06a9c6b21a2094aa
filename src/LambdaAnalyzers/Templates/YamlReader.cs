using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

using System.Runtime.CompilerServices;

namespace LambdaAnalyzers.Templates;

/// <summary>
/// Reads the YAML that CloudFormation/SAM templates and serverless.yml files use: block and flow collections,
/// plain, quoted and block scalars, comments, tags, anchors, aliases and merge keys. Only the first document is
/// read. Malformed input gives a best-effort partial tree. Never throws except on cancellation; every scan is
/// linear and nesting is bounded by <see cref="TemplateLimits.MaxDepth"/>.
/// </summary>
internal static class YamlReader
{
    public static TemplateNode? Parse(SourceText text, CancellationToken cancellationToken)
    {
        if (text.Length > TemplateLimits.MaxLength)
        {
            return null;
        }

        return Parse(text.ToString(), cancellationToken);
    }

    internal static TemplateNode? Parse(string text, CancellationToken cancellationToken)
    {
        if (text.Length > TemplateLimits.MaxLength)
        {
            return null;
        }

        return new Parser(text, cancellationToken).ParseDocument();
    }

    private sealed class Parser
    {
        private const int MaxMergedEntries = 100_000;

        private readonly string _s;
        private readonly CancellationToken _ct;
        private readonly List<int> _lineStarts = new();
        private readonly Dictionary<string, TemplateNode> _anchors = new(StringComparer.Ordinal);
        private int _end;
        private int _pos;
        private int _steps;
        private bool _aborted;
        private bool _flowUnclosed;
        private int _aliasEnd;
        private int _mergeBudget = MaxMergedEntries;

        // Allocation matters more than it seems: in a build the GC runs while the compiler's whole heap is live, and
        // a collection is charged to whichever callback allocated last. Builders are reused (a mapping's entries are
        // copied out when it ends), and short keys and plain values, which repeat through a template (Type,
        // Properties, Runtime, AWS::Serverless::Function...), are one string each.
        private readonly Stack<ImmutableArray<TemplateEntry>.Builder> _entryBuilders = new();
        private readonly Stack<ImmutableArray<TemplateNode>.Builder> _itemBuilders = new();
        private string?[] _strings = new string?[512];
        private int _stringCount;

        // AggressiveOptimization (512; not in netstandard2.0's enum): csc runs the reader once per process, where the
        // hot loops would otherwise stay unoptimized tier-0 code for the whole build.
        private const MethodImplOptions Optimized = (MethodImplOptions)512;

        public Parser(string s, CancellationToken ct)
        {
            _s = s;
            _ct = ct;
            _end = s.Length;
            _lineStarts.Add(0);
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                if (c == '\n' || (c == '\r' && (i + 1 >= s.Length || s[i + 1] != '\n')))
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        private ImmutableArray<TemplateEntry>.Builder RentEntries()
            => _entryBuilders.Count > 0 ? _entryBuilders.Pop() : ImmutableArray.CreateBuilder<TemplateEntry>();

        private ImmutableArray<TemplateNode>.Builder RentItems()
            => _itemBuilders.Count > 0 ? _itemBuilders.Pop() : ImmutableArray.CreateBuilder<TemplateNode>();

        private ImmutableArray<TemplateEntry> Return(ImmutableArray<TemplateEntry>.Builder builder)
        {
            var result = builder.ToImmutable();
            builder.Clear();
            _entryBuilders.Push(builder);
            return result;
        }

        private ImmutableArray<TemplateNode> Return(ImmutableArray<TemplateNode>.Builder builder)
        {
            var result = builder.ToImmutable();
            builder.Clear();
            _itemBuilders.Push(builder);
            return result;
        }

        /// <summary><c>_s.Substring(start, length)</c>, the same string object for the same short text.</summary>
        [MethodImpl(Optimized)]
        private string Text(int start, int length)
        {
            if (length == 0)
            {
                return string.Empty;
            }

            if (length > 48)
            {
                return _s.Substring(start, length);
            }

            var mask = _strings.Length - 1;
            var slot = (int)(Hash(_s, start, length) & (uint)mask);
            while (_strings[slot] is { } known)
            {
                if (known.Length == length && string.CompareOrdinal(known, 0, _s, start, length) == 0)
                {
                    return known;
                }

                slot = (slot + 1) & mask;
            }

            var text = _s.Substring(start, length);
            _strings[slot] = text;
            if (++_stringCount * 2 > _strings.Length)
            {
                GrowStrings();
            }

            return text;
        }

        /// <summary>FNV-1a over a range of characters.</summary>
        [MethodImpl(Optimized)]
        private static uint Hash(string s, int start, int length)
        {
            var hash = 2166136261u;
            for (var i = start; i < start + length; i++)
            {
                hash = (hash ^ s[i]) * 16777619u;
            }

            return hash;
        }

        private void GrowStrings()
        {
            var old = _strings;
            _strings = new string?[old.Length * 2];
            var mask = _strings.Length - 1;
            foreach (var text in old)
            {
                if (text is null)
                {
                    continue;
                }

                var slot = (int)(Hash(text, 0, text.Length) & (uint)mask);
                while (_strings[slot] is not null)
                {
                    slot = (slot + 1) & mask;
                }

                _strings[slot] = text;
            }
        }

        // ---------------------------------------------------------------- document

        [MethodImpl(Optimized)]
        public TemplateNode? ParseDocument()
        {
            var lineStart = _s.Length > 0 && _s[0] == '\uFEFF' ? 1 : 0;
            var docStart = -1;
            var explicitStart = false;
            while (lineStart < _s.Length)
            {
                Step();
                var p = SkipWs(lineStart, _s.Length);
                if (p >= _s.Length)
                {
                    break;
                }

                var c = _s[p];
                if (IsBreak(c) || c == '#' || (p == lineStart && c == '%'))
                {
                    lineStart = NextLineStart(p);
                    continue;
                }

                if (p == lineStart && IsDocumentMarker(p))
                {
                    explicitStart = _s[p] == '-';
                    docStart = explicitStart ? p + 3 : NextLineStart(p);
                    if (!explicitStart)
                    {
                        // A leading "..." ends an empty document; keep looking for content.
                        lineStart = docStart;
                        continue;
                    }
                }
                else
                {
                    docStart = lineStart;
                }

                break;
            }

            if (docStart < 0)
            {
                return null;
            }

            // The first document ends at the next "---" or "..." line.
            var scan = NextLineStart(docStart);
            while (scan < _s.Length)
            {
                Step();
                if (IsDocumentMarker(scan))
                {
                    _end = scan;
                    break;
                }

                scan = NextLineStart(scan);
            }

            _pos = docStart;
            var root = ParseAfterIndicator(-1, 0, mappingValue: false);
            if (root is { Kind: TemplateNodeKind.Scalar, Tag: null, Span.Length: 0 })
            {
                return null;
            }

            return root;
        }

        [MethodImpl(Optimized)]
        private bool IsDocumentMarker(int p)
        {
            if (p + 3 > _s.Length)
            {
                return false;
            }

            var c = _s[p];
            if ((c != '-' && c != '.') || _s[p + 1] != c || _s[p + 2] != c)
            {
                return false;
            }

            return p + 3 == _s.Length || IsWsOrBreak(_s[p + 3]);
        }

        // ---------------------------------------------------------------- block context

        /// <summary>
        /// Parses the node that follows an indicator (<c>key:</c>, <c>- </c>, <c>---</c>) at <see cref="_pos"/>.
        /// Leaves <see cref="_pos"/> at the first content character of the next content line (or the end).
        /// </summary>
        [MethodImpl(Optimized)]
        private TemplateNode? ParseAfterIndicator(int parentIndent, int depth, bool mappingValue)
        {
            _pos = SkipWs(_pos, _end);
            var emptyPos = _pos;
            if (AtEndOfLineOrComment(_pos))
            {
                return ParseNextLines(parentIndent, depth, mappingValue, emptyPos);
            }

            return ParseNodeHere(parentIndent, depth, allowBlockCollection: !mappingValue, mappingValue);
        }

        /// <summary>The node is on the following lines, or it is empty.</summary>
        [MethodImpl(Optimized)]
        private TemplateNode? ParseNextLines(int parentIndent, int depth, bool mappingValue, int emptyPos)
        {
            if (FindNextContentLine(_pos, out var contentPos, out var indent))
            {
                if (indent > parentIndent)
                {
                    _pos = contentPos;
                    return ParseNodeHere(parentIndent, depth, allowBlockCollection: true, mappingValue: false);
                }

                if (indent == parentIndent && mappingValue && IsSequenceIndicator(contentPos))
                {
                    // An indentless sequence as a mapping value.
                    _pos = contentPos;
                    return ParseBlockSequence(indent, depth);
                }
            }

            var empty = EmptyScalar(emptyPos);
            FinishLine();
            return empty;
        }

        /// <summary>Parses a node whose first character is at <see cref="_pos"/>.</summary>
        [MethodImpl(Optimized)]
        private TemplateNode? ParseNodeHere(int parentIndent, int depth, bool allowBlockCollection, bool mappingValue)
        {
            Step();
            if (depth > TemplateLimits.MaxDepth)
            {
                _aborted = true;
                return null;
            }

            var start = _pos;
            var c = _s[_pos];
            if (c == '!' || c == '&')
            {
                ReadProperties(flow: false, out var tag, out var anchor);
                var propEnd = _pos;
                _pos = SkipWs(_pos, _end);
                TemplateNode? inner;
                if (AtEndOfLineOrComment(_pos))
                {
                    inner = ParseNextLines(parentIndent, depth + 1, mappingValue, propEnd);
                }
                else
                {
                    // "- &anchor key: value" anchors the compact mapping; "key: !Tag value" tags a scalar.
                    inner = ParseNodeHere(parentIndent, depth + 1, allowBlockCollection, mappingValue);
                }

                return inner is null ? null : ApplyProperties(inner, start, tag, anchor);
            }

            var column = Column(_pos);
            var next = _pos + 1 < _end ? _s[_pos + 1] : '\n';
            if (allowBlockCollection && (c == '-' || c == '?') && IsWsOrBreak(next))
            {
                return c == '-' ? ParseBlockSequence(column, depth) : ParseBlockMapping(column, depth);
            }

            switch (c)
            {
                case '[':
                case '{':
                {
                    var flow = ParseFlowCollection(depth, parentIndent);
                    if (flow is not null)
                    {
                        FinishInline();
                    }

                    return flow;
                }

                case '|':
                case '>':
                    return ParseBlockScalar(parentIndent);

                case '*':
                {
                    var alias = ParseAlias(flow: false);
                    FinishInline();
                    return alias;
                }

                case '"':
                case '\'':
                {
                    if (allowBlockCollection && IsQuotedKey(_pos))
                    {
                        return ParseBlockMapping(column, depth);
                    }

                    var quoted = ParseQuoted(parentIndent);
                    FinishInline();
                    return quoted;
                }

                default:
                    if (allowBlockCollection && IsPlainKey(_pos))
                    {
                        return ParseBlockMapping(column, depth);
                    }

                    return ParsePlain(parentIndent, flow: false);
            }
        }

        [MethodImpl(Optimized)]
        private TemplateNode? ParseBlockMapping(int indent, int depth)
        {
            if (depth >= TemplateLimits.MaxDepth)
            {
                _aborted = true;
                return null;
            }

            var start = _pos;
            var lastEnd = _pos;
            var entries = RentEntries();
            List<(int Index, TemplateNode Source)>? merges = null;
            while (!_aborted && _pos < _end)
            {
                Step();
                var entryStart = _pos;
                var c = _s[_pos];
                var next = _pos + 1 < _end ? _s[_pos + 1] : '\n';
                if (c == '-' && IsWsOrBreak(next))
                {
                    break;
                }

                if (c == '?' && IsWsOrBreak(next))
                {
                    // Complex keys are tolerated, not modelled: skip the key and its value.
                    SkipMoreIndented(indent);
                    if (_pos < _end && Column(_pos) == indent && _s[_pos] == ':'
                        && (_pos + 1 >= _end || IsWsOrBreak(_s[_pos + 1])))
                    {
                        SkipMoreIndented(indent);
                    }
                }
                else if (ReadKey(out var key, out var keySpan))
                {
                    var value = ParseAfterIndicator(indent, depth + 1, mappingValue: true);
                    if (value is null)
                    {
                        break;
                    }

                    var end = SiteEnd(value, entryStart);
                    lastEnd = Math.Max(lastEnd, end);
                    if (key == "<<" && !value.IsQuoted && value.Kind != TemplateNodeKind.Scalar)
                    {
                        (merges ??= new()).Add((entries.Count, value));
                    }
                    else
                    {
                        entries.Add(new TemplateEntry(key, keySpan, value, TextSpan.FromBounds(entryStart, end)));
                    }
                }
                else
                {
                    // Not a "key: value" line: skip it.
                    SkipMoreIndented(indent);
                }

                if (_aborted || _pos >= _end)
                {
                    break;
                }

                var column = Column(_pos);
                if (column > indent)
                {
                    // Stray, more indented content after a complete value: skip it.
                    while (_pos < _end && Column(_pos) > indent)
                    {
                        FinishLine();
                    }

                    if (_pos >= _end)
                    {
                        break;
                    }

                    column = Column(_pos);
                }

                if (column != indent)
                {
                    break;
                }
            }

            var result = merges is null ? Return(entries) : ApplyMerges(Return(entries), merges);
            return TemplateNode.Mapping(TextSpan.FromBounds(start, lastEnd), result, null);
        }

        /// <summary>Reads <c>key:</c> (plain or quoted, optionally with node properties) and moves past the colon.</summary>
        [MethodImpl(Optimized)]
        private bool ReadKey(out string key, out TextSpan keySpan)
        {
            key = string.Empty;
            keySpan = default;
            var p = _pos;
            if (_s[p] == '!' || _s[p] == '&')
            {
                _pos = p;
                ReadProperties(flow: false, out _, out _);
                p = SkipWs(_pos, _end);
                if (p >= _end || IsBreak(_s[p]))
                {
                    _pos = p;
                    return false;
                }
            }

            var c = _s[p];
            if (c == '"' || c == '\'')
            {
                var close = FindClosingQuoteOnLine(p);
                if (close < 0)
                {
                    _pos = p;
                    return false;
                }

                var colon = SkipWs(close + 1, _end);
                if (colon >= _end || _s[colon] != ':')
                {
                    _pos = p;
                    return false;
                }

                _pos = p;
                var node = ParseQuoted(int.MaxValue);
                key = node.Value ?? string.Empty;
                keySpan = node.ValueSpan;
                _pos = colon + 1;
                return true;
            }

            var end = ScanPlainLine(p, flow: false, out var stoppedAtColon);
            if (!stoppedAtColon)
            {
                _pos = p;
                return false;
            }

            keySpan = TextSpan.FromBounds(p, end);
            key = Text(p, end - p);
            var colonPos = SkipWs(end, _end);
            _pos = colonPos + 1;
            return true;
        }

        [MethodImpl(Optimized)]
        private TemplateNode? ParseBlockSequence(int indent, int depth)
        {
            if (depth >= TemplateLimits.MaxDepth)
            {
                _aborted = true;
                return null;
            }

            var start = _pos;
            var lastEnd = _pos;
            var items = RentItems();
            while (!_aborted && _pos < _end)
            {
                Step();
                var itemStart = _pos;
                _pos++; // the dash
                var item = ParseAfterIndicator(indent, depth + 1, mappingValue: false);
                if (item is null)
                {
                    break;
                }

                items.Add(item);
                lastEnd = Math.Max(lastEnd, SiteEnd(item, itemStart));
                if (_aborted || _pos >= _end)
                {
                    break;
                }

                var column = Column(_pos);
                if (column > indent)
                {
                    while (_pos < _end && Column(_pos) > indent)
                    {
                        FinishLine();
                    }

                    if (_pos >= _end)
                    {
                        break;
                    }

                    column = Column(_pos);
                }

                if (column != indent || !IsSequenceIndicator(_pos))
                {
                    break;
                }
            }

            return TemplateNode.Sequence(TextSpan.FromBounds(start, lastEnd), Return(items), null);
        }

        /// <summary>Literal (<c>|</c>) and folded (<c>&gt;</c>) scalars with chomping and indentation indicators.</summary>
        private TemplateNode ParseBlockScalar(int parentIndent)
        {
            var start = _pos;
            var literal = _s[_pos] == '|';
            _pos++;
            var chomp = 0; // -1 strip, 0 clip, +1 keep
            var explicitIndent = 0;
            for (var i = 0; i < 2 && _pos < _end; i++)
            {
                var c = _s[_pos];
                if (c == '-' || c == '+')
                {
                    chomp = c == '-' ? -1 : 1;
                    _pos++;
                }
                else if (c >= '1' && c <= '9')
                {
                    explicitIndent = c - '0';
                    _pos++;
                }
            }

            var headerEnd = _pos;
            var baseIndent = Math.Max(parentIndent, 0);
            var lineStart = NextLineStart(_pos);

            // Find the content indentation.
            var contentIndent = -1;
            if (explicitIndent > 0)
            {
                contentIndent = (parentIndent < 0 ? 0 : baseIndent) + explicitIndent;
            }
            else
            {
                for (var ls = lineStart; ls < _end; ls = NextLineStart(ls))
                {
                    Step();
                    var p = SkipSpaces(ls, _end);
                    if (p >= _end)
                    {
                        break;
                    }

                    if (IsBreak(_s[p]) || IsOnlyWsToEol(p))
                    {
                        continue;
                    }

                    contentIndent = p - ls;
                    break;
                }

                if (contentIndent <= parentIndent)
                {
                    contentIndent = -1;
                }
            }

            // Collect the lines.
            var lines = new List<(int Start, int End, bool Blank)>();
            var after = lineStart;
            if (contentIndent >= 0)
            {
                for (var ls = lineStart; ls < _end; ls = NextLineStart(ls))
                {
                    Step();
                    var p = SkipSpaces(ls, _end);
                    var lineEnd = LineEnd(ls);
                    var spaces = p - ls;
                    if (p >= lineEnd || IsOnlyWsToEol(p))
                    {
                        var contentStart = Math.Min(ls + contentIndent, lineEnd);
                        lines.Add((contentStart, lineEnd, spaces <= contentIndent || !literal));
                        after = NextLineStart(ls);
                        continue;
                    }

                    if (spaces < contentIndent)
                    {
                        break;
                    }

                    lines.Add((ls + contentIndent, lineEnd, false));
                    after = NextLineStart(ls);
                }
            }

            // Trailing blank lines belong to chomping, not to the content.
            var lastContent = lines.Count - 1;
            while (lastContent >= 0 && lines[lastContent].Blank)
            {
                lastContent--;
            }

            var sb = new StringBuilder();
            var pendingBreaks = 0;
            var previousWasText = false;
            var first = true;
            for (var i = 0; i <= lastContent; i++)
            {
                var (ls, le, blank) = lines[i];
                if (blank)
                {
                    pendingBreaks++;
                    continue;
                }

                var moreIndented = ls < le && (_s[ls] == ' ' || _s[ls] == '\t');
                if (first)
                {
                    sb.Append('\n', pendingBreaks);
                }
                else if (literal)
                {
                    sb.Append('\n', pendingBreaks + 1);
                }
                else if (previousWasText && !moreIndented)
                {
                    if (pendingBreaks == 0)
                    {
                        sb.Append(' ');
                    }
                    else
                    {
                        sb.Append('\n', pendingBreaks);
                    }
                }
                else
                {
                    sb.Append('\n', pendingBreaks + 1);
                }

                sb.Append(_s, ls, le - ls);
                previousWasText = !moreIndented;
                pendingBreaks = 0;
                first = false;
            }

            if (lastContent >= 0)
            {
                var hasBreak = lines[lastContent].End < _end;
                if (chomp == 0 && hasBreak)
                {
                    sb.Append('\n');
                }
                else if (chomp > 0 && hasBreak)
                {
                    sb.Append('\n', 1 + (lines.Count - 1 - lastContent));
                }
            }

            TextSpan valueSpan;
            if (lastContent >= 0)
            {
                var firstContent = 0;
                while (lines[firstContent].Blank)
                {
                    firstContent++;
                }

                valueSpan = TextSpan.FromBounds(lines[firstContent].Start, lines[lastContent].End);
            }
            else
            {
                valueSpan = new TextSpan(headerEnd, 0);
                after = contentIndent >= 0 ? after : lineStart;
            }

            var node = TemplateNode.Scalar(TextSpan.FromBounds(start, valueSpan.End), valueSpan, sb.ToString(), isQuoted: false, tag: null);
            _pos = Math.Min(after, _end);
            GoToContentLine(_pos);
            return node;
        }

        /// <summary>A plain scalar, possibly continued on more indented lines.</summary>
        [MethodImpl(Optimized)]
        private TemplateNode ParsePlain(int parentIndent, bool flow)
        {
            var start = _pos;
            var end = ScanPlainLine(_pos, flow, out _);
            if (end == start)
            {
                // Not a plain scalar (e.g. a stray indicator): an empty node, skip the character.
                var empty = EmptyScalar(start);
                _pos = start + 1;
                if (!flow)
                {
                    FinishLine();
                }

                return empty;
            }

            StringBuilder? sb = null;
            var lastEnd = end;
            while (true)
            {
                Step();
                var rest = flow ? SkipFlowSpaceOnLine(lastEnd) : SkipWs(lastEnd, _end);
                if (rest >= _end || !IsBreak(_s[rest]))
                {
                    break;
                }

                // Count the line breaks up to the next non-blank line.
                var breaks = 0;
                var p = rest;
                int lineStart;
                while (true)
                {
                    lineStart = NextLineStart(p);
                    breaks++;
                    p = SkipWs(lineStart, _end);
                    if (p >= _end || !IsBreak(_s[p]))
                    {
                        break;
                    }
                }

                if (p >= _end || p - lineStart <= parentIndent || _s[p] == '#' || IsDocumentMarker(lineStart))
                {
                    break;
                }

                if (flow && IsFlowIndicator(_s[p]))
                {
                    break;
                }

                var lineEnd = ScanPlainLine(p, flow, out var stoppedAtColon);
                if (stoppedAtColon || lineEnd == p)
                {
                    break;
                }

                sb ??= new StringBuilder().Append(_s, start, end - start);
                if (breaks == 1)
                {
                    sb.Append(' ');
                }
                else
                {
                    sb.Append('\n', breaks - 1);
                }

                sb.Append(_s, p, lineEnd - p);
                lastEnd = lineEnd;
            }

            var span = TextSpan.FromBounds(start, lastEnd);
            var node = TemplateNode.Scalar(span, span, sb?.ToString() ?? Text(start, end - start), isQuoted: false, tag: null);
            _pos = lastEnd;
            if (!flow)
            {
                FinishLine();
            }

            return node;
        }

        /// <summary>End of the plain scalar text on this line (trailing spaces excluded).</summary>
        [MethodImpl(Optimized)]
        private int ScanPlainLine(int p, bool flow, out bool stoppedAtColon)
        {
            stoppedAtColon = false;
            var lastNonSpace = p;
            var i = p;
            while (i < _end)
            {
                var c = _s[i];
                if (IsBreak(c))
                {
                    break;
                }

                if (c == ':')
                {
                    var n = i + 1 < _end ? _s[i + 1] : '\n';
                    if (IsWsOrBreak(n) || (flow && IsFlowIndicator(n)))
                    {
                        stoppedAtColon = true;
                        break;
                    }
                }
                else if (c == '#' && i > p && IsWs(_s[i - 1]))
                {
                    break;
                }
                else if (flow && IsFlowIndicator(c))
                {
                    break;
                }

                i++;
                if (!IsWs(c))
                {
                    lastNonSpace = i;
                }
            }

            return lastNonSpace;
        }

        [MethodImpl(Optimized)]
        private bool IsPlainKey(int p)
        {
            ScanPlainLine(p, flow: false, out var stoppedAtColon);
            return stoppedAtColon;
        }

        [MethodImpl(Optimized)]
        private bool IsQuotedKey(int p)
        {
            var close = FindClosingQuoteOnLine(p);
            if (close < 0)
            {
                return false;
            }

            var colon = SkipWs(close + 1, _end);
            return colon < _end && _s[colon] == ':';
        }

        [MethodImpl(Optimized)]
        private int FindClosingQuoteOnLine(int p)
        {
            var quote = _s[p];
            for (var i = p + 1; i < _end; i++)
            {
                var c = _s[i];
                if (IsBreak(c))
                {
                    return -1;
                }

                if (quote == '"' && c == '\\')
                {
                    i++;
                    continue;
                }

                if (c == quote)
                {
                    if (quote == '\'' && i + 1 < _end && _s[i + 1] == '\'')
                    {
                        i++;
                        continue;
                    }

                    return i;
                }
            }

            return -1;
        }

        // ---------------------------------------------------------------- flow context

        private TemplateNode? ParseFlowCollection(int depth, int minIndent)
        {
            if (depth >= TemplateLimits.MaxDepth)
            {
                _aborted = true;
                return null;
            }

            var start = _pos;
            var isMapping = _s[_pos] == '{';
            var close = isMapping ? '}' : ']';
            _pos++;
            var entries = isMapping ? RentEntries() : null;
            var items = isMapping ? null : RentItems();
            List<(int Index, TemplateNode Source)>? merges = null;
            while (!_aborted)
            {
                Step();
                var loopStart = _pos;
                if (!SkipFlowSpace(minIndent))
                {
                    break; // unclosed
                }

                var c = _s[_pos];
                if (c == close)
                {
                    _pos++;
                    break;
                }

                if (c == ']' || c == '}')
                {
                    break; // mismatched closer: leave it to the enclosing collection
                }

                if (c == ',')
                {
                    _pos++;
                    continue;
                }

                var entryStart = _pos;
                if (c == '?' && _pos + 1 < _end && IsWsOrBreak(_s[_pos + 1]))
                {
                    _pos++;
                    SkipFlowSpace(minIndent);
                }

                var first = ParseFlowNode(depth + 1, minIndent);
                if (first is null)
                {
                    break;
                }

                var afterFirst = SiteEnd(first, entryStart);
                var hasValue = false;
                TemplateNode? value = null;
                if (SkipFlowSpace(minIndent) && _s[_pos] == ':')
                {
                    _pos++;
                    hasValue = true;
                    value = ParseFlowNode(depth + 1, minIndent);
                    if (value is null)
                    {
                        break;
                    }
                }

                if (isMapping && hasValue && value is { Kind: not TemplateNodeKind.Scalar } && !first.IsQuoted
                    && first.Kind == TemplateNodeKind.Scalar && first.Value == "<<")
                {
                    (merges ??= new()).Add((entries!.Count, value));
                }
                else if (isMapping || hasValue)
                {
                    value ??= EmptyScalar(afterFirst);
                    var key = first.Kind == TemplateNodeKind.Scalar ? first.Value ?? string.Empty : _s.Substring(first.Span.Start, first.Span.Length);
                    var keySpan = first.Kind == TemplateNodeKind.Scalar ? first.ValueSpan : first.Span;
                    if (first.Span.Start < entryStart)
                    {
                        keySpan = TextSpan.FromBounds(entryStart, afterFirst);
                    }

                    var entry = new TemplateEntry(key, keySpan, value, TextSpan.FromBounds(entryStart, Math.Max(afterFirst, SiteEnd(value, entryStart))));
                    if (isMapping)
                    {
                        entries!.Add(entry);
                    }
                    else
                    {
                        items!.Add(TemplateNode.Mapping(entry.Span, ImmutableArray.Create(entry), null));
                    }
                }
                else
                {
                    items!.Add(first);
                }

                if (_aborted || !SkipFlowSpace(minIndent))
                {
                    break;
                }

                if (_s[_pos] == ',')
                {
                    _pos++;
                }
                else if (_s[_pos] != close && _pos == loopStart)
                {
                    _pos++; // guarantee progress on junk
                }
            }

            var span = TextSpan.FromBounds(start, Math.Min(_pos, _end));
            return isMapping
                ? TemplateNode.Mapping(span, merges is null ? Return(entries!) : ApplyMerges(Return(entries!), merges), null)
                : TemplateNode.Sequence(span, Return(items!), null);
        }

        private TemplateNode? ParseFlowNode(int depth, int minIndent)
        {
            if (!SkipFlowSpace(minIndent))
            {
                return EmptyScalar(Math.Min(_pos, _end));
            }

            var start = _pos;
            string? tag = null;
            string? anchor = null;
            if (_s[_pos] == '!' || _s[_pos] == '&')
            {
                ReadProperties(flow: true, out tag, out anchor);
                var propEnd = _pos;
                if (!SkipFlowSpace(minIndent))
                {
                    return ApplyProperties(EmptyScalar(propEnd), start, tag, anchor);
                }

                if (IsFlowEnd(_pos))
                {
                    return ApplyProperties(EmptyScalar(propEnd), start, tag, anchor);
                }
            }

            TemplateNode? node;
            var c = _s[_pos];
            if (c == '[' || c == '{')
            {
                node = ParseFlowCollection(depth, minIndent);
            }
            else if (c == '"' || c == '\'')
            {
                node = ParseQuoted(minIndent);
            }
            else if (c == '*')
            {
                node = ParseAlias(flow: true);
            }
            else if (IsFlowEnd(_pos))
            {
                node = EmptyScalar(_pos);
            }
            else
            {
                node = ParsePlain(minIndent, flow: true);
            }

            return node is null ? null : ApplyProperties(node, start, tag, anchor);
        }

        private bool IsFlowEnd(int p)
        {
            var c = _s[p];
            if (c == ',' || c == ']' || c == '}')
            {
                return true;
            }

            return c == ':' && (p + 1 >= _end || IsWsOrBreak(_s[p + 1]) || IsFlowIndicator(_s[p + 1]));
        }

        /// <summary>
        /// Skips spaces, line breaks and comments inside a flow collection. False at the end of input or at a line
        /// indented no more than the enclosing block (an unclosed collection).
        /// </summary>
        private bool SkipFlowSpace(int minIndent)
        {
            if (_flowUnclosed)
            {
                return false;
            }

            while (_pos < _end)
            {
                var c = _s[_pos];
                if (IsWs(c))
                {
                    _pos++;
                }
                else if (IsBreak(c))
                {
                    var lineStart = NextLineStart(_pos);
                    var p = SkipWs(lineStart, _end);
                    if (p < _end && !IsBreak(_s[p]) && _s[p] != '#' && p - lineStart <= minIndent
                        && _s[p] != ']' && _s[p] != '}')
                    {
                        _pos = lineStart;
                        _flowUnclosed = true;
                        return false;
                    }

                    _pos = lineStart;
                }
                else if (c == '#' && (_pos == 0 || IsWsOrBreak(_s[_pos - 1])))
                {
                    _pos = LineEnd(_pos);
                }
                else
                {
                    return true;
                }
            }

            return false;
        }

        private int SkipFlowSpaceOnLine(int p)
        {
            while (p < _end && IsWs(_s[p]))
            {
                p++;
            }

            return p;
        }

        // ---------------------------------------------------------------- scalars shared by both contexts

        /// <summary>
        /// Single- or double-quoted scalar at <see cref="_pos"/>, possibly over several lines. An unclosed one ends at
        /// the end of its first line.
        /// </summary>
        [MethodImpl(Optimized)]
        private TemplateNode ParseQuoted(int minIndent)
        {
            var start = _pos;
            var quote = _s[_pos];
            var contentStart = _pos + 1;
            var close = -1;
            for (var i = contentStart; i < _end; i++)
            {
                var c = _s[i];
                if (quote == '"' && c == '\\')
                {
                    i++;
                    continue;
                }

                if (c == quote)
                {
                    if (quote == '\'' && i + 1 < _end && _s[i + 1] == '\'')
                    {
                        i++;
                        continue;
                    }

                    close = i;
                    break;
                }

                if (IsBreak(c))
                {
                    var lineStart = NextLineStart(i);
                    var p = SkipWs(lineStart, _end);
                    if (p < _end && !IsBreak(_s[p]) && p - lineStart <= minIndent)
                    {
                        break;
                    }

                    i = lineStart - 1;
                }
            }

            if (close < 0)
            {
                var lineEnd = LineEnd(contentStart);
                var raw = TextSpan.FromBounds(contentStart, lineEnd);
                _pos = lineEnd;
                return TemplateNode.Scalar(TextSpan.FromBounds(start, lineEnd), raw, Decode(quote, contentStart, lineEnd), isQuoted: true, tag: null);
            }

            _pos = close + 1;
            return TemplateNode.Scalar(
                TextSpan.FromBounds(start, close + 1),
                TextSpan.FromBounds(contentStart, close),
                Decode(quote, contentStart, close),
                isQuoted: true,
                tag: null);
        }

        private string Decode(char quote, int start, int end)
        {
            StringBuilder? sb = null;
            var keep = 0; // characters of sb that line folding must not trim (escaped)
            for (var i = start; i < end;)
            {
                var c = _s[i];
                if (quote == '"' && c == '\\')
                {
                    sb ??= new StringBuilder().Append(_s, start, i - start);
                    if (i + 1 < end && IsBreak(_s[i + 1]))
                    {
                        // Escaped line break: join without a space.
                        var lineStart = NextLineStart(i + 1);
                        i = SkipWs(Math.Min(lineStart, end), end);
                        continue;
                    }

                    i = Math.Min(Escapes.Decode(_s, i, sb), end);
                    keep = sb.Length;
                    continue;
                }

                if (quote == '\'' && c == '\'' && i + 1 < end && _s[i + 1] == '\'')
                {
                    sb ??= new StringBuilder().Append(_s, start, i - start);
                    sb.Append('\'');
                    i += 2;
                    continue;
                }

                if (IsBreak(c))
                {
                    sb ??= new StringBuilder().Append(_s, start, i - start);
                    while (sb.Length > keep && IsWs(sb[sb.Length - 1]))
                    {
                        sb.Length--;
                    }

                    var breaks = 0;
                    while (i < end && IsBreak(_s[i]))
                    {
                        breaks++;
                        i = SkipWs(NextLineStart(i), end);
                    }

                    if (breaks == 1)
                    {
                        sb.Append(' ');
                    }
                    else
                    {
                        sb.Append('\n', breaks - 1);
                    }

                    keep = sb.Length;
                    continue;
                }

                sb?.Append(c);
                i++;
            }

            return sb?.ToString() ?? Text(start, end - start);
        }

        private TemplateNode ParseAlias(bool flow)
        {
            var start = _pos;
            _pos++;
            while (_pos < _end && !IsWsOrBreak(_s[_pos]) && !(flow && IsFlowIndicator(_s[_pos])))
            {
                _pos++;
            }

            _aliasEnd = _pos;
            var name = _s.Substring(start + 1, _pos - start - 1);
            if (_anchors.TryGetValue(name, out var target))
            {
                return target;
            }

            var span = TextSpan.FromBounds(start, _pos);
            return TemplateNode.Scalar(span, span, string.Empty, isQuoted: false, tag: null);
        }

        private void ReadProperties(bool flow, out string? tag, out string? anchor)
        {
            tag = null;
            anchor = null;
            while (_pos < _end && (_s[_pos] == '!' || _s[_pos] == '&'))
            {
                var start = _pos;
                var isTag = _s[_pos] == '!';
                _pos++;
                if (isTag && _pos < _end && _s[_pos] == '<')
                {
                    while (_pos < _end && _s[_pos] != '>' && !IsBreak(_s[_pos]))
                    {
                        _pos++;
                    }

                    if (_pos < _end && _s[_pos] == '>')
                    {
                        _pos++;
                    }
                }
                else
                {
                    while (_pos < _end && !IsWsOrBreak(_s[_pos]) && !(flow && IsFlowIndicator(_s[_pos])))
                    {
                        _pos++;
                    }
                }

                if (isTag)
                {
                    tag = _s.Substring(start, _pos - start);
                }
                else
                {
                    anchor = _s.Substring(start + 1, _pos - start - 1);
                }

                var p = SkipWs(_pos, _end);
                if (p < _end && (_s[p] == '!' || _s[p] == '&'))
                {
                    _pos = p;
                }
                else
                {
                    break;
                }
            }
        }

        private TemplateNode ApplyProperties(TemplateNode node, int start, string? tag, string? anchor)
        {
            if (tag is not null && node.Span.End >= start)
            {
                node = node.WithProperties(tag, start);
            }
            else if (tag is null && anchor is not null && node.Span.End >= start && node.Span.Start > start)
            {
                node = node.WithProperties(null, start);
            }

            if (anchor is not null && anchor.Length > 0)
            {
                _anchors[anchor] = node;
            }

            return node;
        }

        private ImmutableArray<TemplateEntry> ApplyMerges(ImmutableArray<TemplateEntry> entries, List<(int Index, TemplateNode Source)> merges)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                seen.Add(entry.Key);
            }

            var result = ImmutableArray.CreateBuilder<TemplateEntry>(entries.Length);
            var m = 0;
            for (var i = 0; i <= entries.Length; i++)
            {
                while (m < merges.Count && merges[m].Index == i)
                {
                    var source = merges[m].Source;
                    if (source.Kind == TemplateNodeKind.Mapping)
                    {
                        AddMerged(source, seen, result);
                    }
                    else
                    {
                        foreach (var item in source.Items)
                        {
                            if (item.Kind == TemplateNodeKind.Mapping)
                            {
                                AddMerged(item, seen, result);
                            }
                        }
                    }

                    m++;
                }

                if (i < entries.Length)
                {
                    result.Add(entries[i]);
                }
            }

            return result.ToImmutable();
        }

        private void AddMerged(TemplateNode source, HashSet<string> seen, ImmutableArray<TemplateEntry>.Builder result)
        {
            foreach (var entry in source.Entries)
            {
                if (_mergeBudget <= 0)
                {
                    return;
                }

                _mergeBudget--;
                if (seen.Add(entry.Key))
                {
                    result.Add(entry);
                }
            }
        }

        // ---------------------------------------------------------------- lines and positions

        private TemplateNode EmptyScalar(int p)
        {
            var span = new TextSpan(p, 0);
            return TemplateNode.Scalar(span, span, string.Empty, isQuoted: false, tag: null);
        }

        private int SiteEnd(TemplateNode node, int siteStart) => node.Span.End >= siteStart ? node.Span.End : _aliasEnd;

        [MethodImpl(Optimized)]
        private void Step()
        {
            if ((++_steps & TemplateLimits.CancellationCheckMask) == 0)
            {
                _ct.ThrowIfCancellationRequested();
            }
        }

        [MethodImpl(Optimized)]
        private int Column(int p)
        {
            var lo = 0;
            var hi = _lineStarts.Count - 1;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) / 2;
                if (_lineStarts[mid] <= p)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return p - _lineStarts[lo];
        }

        /// <summary>Skips the rest of the current line and then blank and comment lines.</summary>
        [MethodImpl(Optimized)]
        private void FinishLine()
        {
            _pos = FindNextContentLine(_pos, out var contentPos, out _) ? contentPos : _end;
        }

        /// <summary>
        /// After a node that ended on its line (flow collection, quoted scalar, alias): skips the rest of the line.
        /// An unclosed flow collection stops at the start of the line that ended it; that line is kept.
        /// </summary>
        [MethodImpl(Optimized)]
        private void FinishInline()
        {
            if (_flowUnclosed)
            {
                _flowUnclosed = false;
                GoToContentLine(_pos);
                return;
            }

            FinishLine();
        }

        /// <summary>Moves to the first content line at or after the line that starts at <paramref name="lineStart"/>.</summary>
        [MethodImpl(Optimized)]
        private void GoToContentLine(int lineStart)
        {
            if (lineStart >= _end)
            {
                _pos = _end;
                return;
            }

            var p = SkipWs(lineStart, _end);
            if (p < _end && !IsBreak(_s[p]) && _s[p] != '#')
            {
                _pos = p;
                return;
            }

            _pos = lineStart;
            FinishLine();
        }

        /// <summary>The first content character of the first non-blank, non-comment line after the line of <paramref name="from"/>.</summary>
        [MethodImpl(Optimized)]
        private bool FindNextContentLine(int from, out int contentPos, out int indent)
        {
            var lineStart = NextLineStart(from);
            while (lineStart < _end)
            {
                Step();
                var p = SkipWs(lineStart, _end);
                if (p >= _end)
                {
                    break;
                }

                var c = _s[p];
                if (!IsBreak(c) && c != '#')
                {
                    contentPos = p;
                    indent = p - lineStart;
                    return true;
                }

                lineStart = NextLineStart(p);
            }

            contentPos = _end;
            indent = -1;
            return false;
        }

        /// <summary>Skips the current line and every following line indented more than <paramref name="indent"/>.</summary>
        private void SkipMoreIndented(int indent)
        {
            FinishLine();
            while (_pos < _end && Column(_pos) > indent)
            {
                FinishLine();
            }
        }

        [MethodImpl(Optimized)]
        private int NextLineStart(int p)
        {
            while (p < _s.Length && !IsBreak(_s[p]))
            {
                p++;
            }

            if (p < _s.Length && _s[p] == '\r')
            {
                p++;
            }

            if (p < _s.Length && _s[p] == '\n')
            {
                p++;
            }

            return p;
        }

        [MethodImpl(Optimized)]
        private int LineEnd(int p)
        {
            while (p < _end && !IsBreak(_s[p]))
            {
                p++;
            }

            return p;
        }

        [MethodImpl(Optimized)]
        private int SkipWs(int p, int limit)
        {
            while (p < limit && IsWs(_s[p]))
            {
                p++;
            }

            return p;
        }

        [MethodImpl(Optimized)]
        private int SkipSpaces(int p, int limit)
        {
            while (p < limit && _s[p] == ' ')
            {
                p++;
            }

            return p;
        }

        [MethodImpl(Optimized)]
        private bool IsOnlyWsToEol(int p)
        {
            p = SkipWs(p, _end);
            return p >= _end || IsBreak(_s[p]);
        }

        private bool AtEndOfLineOrComment(int p) => p >= _end || IsBreak(_s[p]) || _s[p] == '#';

        private bool IsSequenceIndicator(int p) =>
            p < _end && _s[p] == '-' && (p + 1 >= _end || IsWsOrBreak(_s[p + 1]));

        private static bool IsWs(char c) => c == ' ' || c == '\t';

        private static bool IsBreak(char c) => c == '\n' || c == '\r';

        private static bool IsWsOrBreak(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r';

        private static bool IsFlowIndicator(char c) => c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
    }
}
