using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Templates;

/// <summary>
/// Reads HCL native syntax (Terraform <c>.tf</c> files) into a <see cref="TemplateNode"/> tree. A body is a
/// mapping whose entries are its attributes and blocks in file order; a block entry's key is the block type and
/// its value a mapping carrying the block's <see cref="TemplateNode.Labels"/>. Literal strings, numbers, bools,
/// null, lists and objects become scalars, sequences and mappings; strings and heredocs with interpolation are
/// tagged <see cref="TemplateNode.HclTemplateTag"/>; every other expression is a scalar tagged
/// <see cref="TemplateNode.HclExpressionTag"/> whose value is the raw text. Never throws except on cancellation.
/// </summary>
internal static class HclReader
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

        return new Parser(text, cancellationToken).ParseFile();
    }

    private enum Context
    {
        Body,
        List,
        Object,
    }

    private sealed class Parser
    {
        private readonly string _s;
        private readonly CancellationToken _ct;
        private int _pos;
        private int _steps;
        private bool _aborted;

        public Parser(string s, CancellationToken ct)
        {
            _s = s;
            _ct = ct;
        }

        public TemplateNode ParseFile()
        {
            if (_s.Length > 0 && _s[0] == '\uFEFF')
            {
                _pos = 1;
            }

            var entries = ParseBody(0, inBlock: false);
            return TemplateNode.Mapping(new TextSpan(0, _s.Length), entries, null);
        }

        private void Step()
        {
            if ((++_steps & TemplateLimits.CancellationCheckMask) == 0)
            {
                _ct.ThrowIfCancellationRequested();
            }
        }

        // ---------------------------------------------------------------- bodies

        private ImmutableArray<TemplateEntry> ParseBody(int depth, bool inBlock)
        {
            var entries = ImmutableArray.CreateBuilder<TemplateEntry>();
            while (!_aborted)
            {
                Step();
                SkipTrivia(newlines: true);
                if (_pos >= _s.Length)
                {
                    break;
                }

                var c = _s[_pos];
                if (c == '}')
                {
                    if (inBlock)
                    {
                        break;
                    }

                    _pos++;
                    continue;
                }

                if (!IsIdStart(c))
                {
                    SkipLine();
                    continue;
                }

                var nameStart = _pos;
                ReadIdentifier();
                var nameSpan = TextSpan.FromBounds(nameStart, _pos);
                var name = _s.Substring(nameStart, _pos - nameStart);
                SkipTrivia(newlines: false);
                if (_pos < _s.Length && _s[_pos] == '=' && Peek(1) != '=')
                {
                    _pos++;
                    var value = ParseExpression(Context.Body, depth + 1);
                    if (value is null)
                    {
                        break;
                    }

                    entries.Add(new TemplateEntry(name, nameSpan, value, TextSpan.FromBounds(nameStart, value.Span.End)));
                    SkipTrivia(newlines: false);
                    if (_pos < _s.Length && !IsBreak(_s[_pos]) && _s[_pos] != '}')
                    {
                        SkipLine();
                    }

                    continue;
                }

                var labels = ImmutableArray.CreateBuilder<string>();
                var labelSpans = ImmutableArray.CreateBuilder<TextSpan>();
                while (_pos < _s.Length)
                {
                    if (_s[_pos] == '"')
                    {
                        var label = ParseTemplateString(depth + 1);
                        labels.Add(label.Value ?? string.Empty);
                        labelSpans.Add(label.ValueSpan);
                    }
                    else if (IsIdStart(_s[_pos]))
                    {
                        var labelStart = _pos;
                        ReadIdentifier();
                        labels.Add(_s.Substring(labelStart, _pos - labelStart));
                        labelSpans.Add(TextSpan.FromBounds(labelStart, _pos));
                    }
                    else
                    {
                        break;
                    }

                    SkipTrivia(newlines: false);
                }

                if (_pos >= _s.Length || _s[_pos] != '{')
                {
                    SkipLine();
                    continue;
                }

                if (depth >= TemplateLimits.MaxDepth)
                {
                    _aborted = true;
                    break;
                }

                var braceStart = _pos++;
                var body = ParseBody(depth + 1, inBlock: true);
                if (_pos < _s.Length && _s[_pos] == '}')
                {
                    _pos++;
                }

                var block = TemplateNode.Block(TextSpan.FromBounds(braceStart, _pos), body, labels.ToImmutable(), labelSpans.ToImmutable());
                entries.Add(new TemplateEntry(name, nameSpan, block, TextSpan.FromBounds(nameStart, _pos)));
            }

            return entries.ToImmutable();
        }

        // ---------------------------------------------------------------- expressions

        private TemplateNode? ParseExpression(Context context, int depth)
        {
            SkipTrivia(newlines: context == Context.List);
            var start = _pos;
            if (_pos >= _s.Length || IsTerminator(context, _s[_pos]))
            {
                var empty = new TextSpan(_pos, 0);
                return TemplateNode.Scalar(empty, empty, string.Empty, isQuoted: false, TemplateNode.HclExpressionTag);
            }

            var primary = ParsePrimary(context, depth);
            if (primary is null || _aborted)
            {
                return null;
            }

            var afterPrimary = _pos;
            SkipTrivia(newlines: context == Context.List);
            if (_pos >= _s.Length || IsTerminator(context, _s[_pos]))
            {
                return primary;
            }

            // More follows (an operator, an index, an attribute access...): the whole thing is an expression.
            _pos = afterPrimary;
            var end = SkipExpressionRest(context, depth, afterPrimary);
            if (_aborted)
            {
                return null;
            }

            return Expression(start, end);
        }

        private TemplateNode? ParsePrimary(Context context, int depth)
        {
            var start = _pos;
            var c = _s[_pos];
            if (c == '"')
            {
                return ParseTemplateString(depth + 1);
            }

            if (c == '<' && Peek(1) == '<' && TryParseHeredoc(out var heredoc))
            {
                return heredoc;
            }

            if ((c == '[' || c == '{') && !IsForExpression())
            {
                return c == '[' ? ParseList(depth + 1) : ParseObject(depth + 1);
            }

            if (IsDigit(c) || (c == '-' && IsDigit(Peek(1))))
            {
                _pos++;
                while (_pos < _s.Length && (IsDigit(_s[_pos]) || _s[_pos] == '.'
                    || ((_s[_pos] == 'e' || _s[_pos] == 'E') && (IsDigit(Peek(1)) || Peek(1) == '+' || Peek(1) == '-'))
                    || ((_s[_pos] == '+' || _s[_pos] == '-') && (_s[_pos - 1] == 'e' || _s[_pos - 1] == 'E'))))
                {
                    _pos++;
                }

                if (_pos >= _s.Length || !IsIdChar(_s[_pos]))
                {
                    var span = TextSpan.FromBounds(start, _pos);
                    return TemplateNode.Scalar(span, span, _s.Substring(start, _pos - start), isQuoted: false, tag: null);
                }
            }
            else if (IsIdStart(c))
            {
                ReadIdentifier();
                var word = _s.Substring(start, _pos - start);
                var span = TextSpan.FromBounds(start, _pos);
                return word is "true" or "false" or "null"
                    ? TemplateNode.Scalar(span, span, word, isQuoted: false, tag: null)
                    : Expression(start, _pos);
            }

            _pos = start;
            var end = SkipExpressionRest(context, depth, start);
            if (_aborted)
            {
                return null;
            }

            if (end == start)
            {
                // A lone stray character: consume it so that the caller progresses.
                _pos = start + 1;
                end = _pos;
            }

            return Expression(start, end);
        }

        private TemplateNode Expression(int start, int end)
        {
            var span = TextSpan.FromBounds(start, end);
            return TemplateNode.Scalar(span, span, _s.Substring(start, end - start), isQuoted: false, TemplateNode.HclExpressionTag);
        }

        /// <summary>
        /// Moves to the end of the expression (the next terminator outside brackets). Returns the end of its last
        /// significant character.
        /// </summary>
        private int SkipExpressionRest(Context context, int depth, int lastEnd)
        {
            var brackets = 0;
            while (_pos < _s.Length && !_aborted)
            {
                Step();
                var c = _s[_pos];
                if (brackets == 0 && IsTerminator(context, c))
                {
                    break;
                }

                if (c == '#' || (c == '/' && Peek(1) == '/'))
                {
                    SkipToLineEnd();
                    continue;
                }

                if (c == '/' && Peek(1) == '*')
                {
                    SkipBlockComment();
                    continue;
                }

                if (c == '"')
                {
                    ParseTemplateString(depth + 1);
                    lastEnd = _pos;
                    continue;
                }

                if (c == '<' && Peek(1) == '<' && TryParseHeredoc(out _))
                {
                    lastEnd = _pos;
                    continue;
                }

                if (c == '(' || c == '[' || c == '{')
                {
                    brackets++;
                }
                else if ((c == ')' || c == ']' || c == '}') && brackets > 0)
                {
                    brackets--;
                }

                _pos++;
                if (!IsWs(c) && !IsBreak(c))
                {
                    lastEnd = _pos;
                }
            }

            return lastEnd;
        }

        private bool IsTerminator(Context context, char c) => context switch
        {
            Context.Body => IsBreak(c) || c == '}',
            Context.List => c == ',' || c == ']' || c == '}' || c == ')',
            _ => c == ',' || c == '}' || IsBreak(c) || c == ']' || c == ')',
        };

        private bool IsForExpression()
        {
            var p = _pos + 1;
            while (p < _s.Length && (IsWs(_s[p]) || IsBreak(_s[p])))
            {
                p++;
            }

            return p + 3 < _s.Length && _s[p] == 'f' && _s[p + 1] == 'o' && _s[p + 2] == 'r'
                && (IsWs(_s[p + 3]) || IsBreak(_s[p + 3]));
        }

        private TemplateNode? ParseList(int depth)
        {
            if (depth >= TemplateLimits.MaxDepth)
            {
                _aborted = true;
                return null;
            }

            var start = _pos++;
            var items = ImmutableArray.CreateBuilder<TemplateNode>();
            while (!_aborted)
            {
                Step();
                SkipTrivia(newlines: true);
                if (_pos >= _s.Length)
                {
                    break;
                }

                var c = _s[_pos];
                if (c == ']')
                {
                    _pos++;
                    break;
                }

                if (c == ',')
                {
                    _pos++;
                    continue;
                }

                if (c == '}' || c == ')')
                {
                    break;
                }

                var item = ParseExpression(Context.List, depth);
                if (item is null)
                {
                    break;
                }

                items.Add(item);
            }

            return TemplateNode.Sequence(TextSpan.FromBounds(start, _pos), items.ToImmutable(), null);
        }

        private TemplateNode? ParseObject(int depth)
        {
            if (depth >= TemplateLimits.MaxDepth)
            {
                _aborted = true;
                return null;
            }

            var start = _pos++;
            var entries = ImmutableArray.CreateBuilder<TemplateEntry>();
            while (!_aborted)
            {
                Step();
                SkipTrivia(newlines: true);
                if (_pos >= _s.Length)
                {
                    break;
                }

                var c = _s[_pos];
                if (c == '}')
                {
                    _pos++;
                    break;
                }

                if (c == ',')
                {
                    _pos++;
                    continue;
                }

                if (c == ']' || c == ')')
                {
                    break;
                }

                var keyStart = _pos;
                string key;
                TextSpan keySpan;
                if (c == '"')
                {
                    var keyNode = ParseTemplateString(depth + 1);
                    key = keyNode.Value ?? string.Empty;
                    keySpan = keyNode.ValueSpan;
                }
                else if (IsIdStart(c) || c == '(')
                {
                    if (c == '(')
                    {
                        // A parenthesised key expression: up to the matching parenthesis on this line.
                        var parens = 0;
                        while (_pos < _s.Length && !IsBreak(_s[_pos]))
                        {
                            var k = _s[_pos++];
                            if (k == '(')
                            {
                                parens++;
                            }
                            else if (k == ')' && --parens == 0)
                            {
                                break;
                            }
                        }
                    }
                    else
                    {
                        while (_pos < _s.Length && (IsIdChar(_s[_pos]) || _s[_pos] == '.'))
                        {
                            _pos++;
                        }
                    }

                    keySpan = TextSpan.FromBounds(keyStart, _pos);
                    key = _s.Substring(keyStart, _pos - keyStart);
                }
                else
                {
                    _pos++;
                    continue;
                }

                if (_aborted)
                {
                    break;
                }

                SkipTrivia(newlines: false);
                if (_pos >= _s.Length || (_s[_pos] != '=' && _s[_pos] != ':'))
                {
                    if (_pos == keyStart)
                    {
                        _pos++;
                    }

                    continue;
                }

                _pos++;
                var value = ParseExpression(Context.Object, depth);
                if (value is null)
                {
                    break;
                }

                entries.Add(new TemplateEntry(key, keySpan, value, TextSpan.FromBounds(keyStart, value.Span.End)));
            }

            return TemplateNode.Mapping(TextSpan.FromBounds(start, _pos), entries.ToImmutable(), null);
        }

        /// <summary>
        /// A quoted template at the quote. Without interpolation the value is decoded; with it, the value is the raw
        /// content and the tag is <see cref="TemplateNode.HclTemplateTag"/>. An unclosed string ends at its line end.
        /// </summary>
        private TemplateNode ParseTemplateString(int depth)
        {
            var start = _pos++;
            var contentStart = _pos;
            var interpolated = false;
            StringBuilder? sb = null;
            var closed = false;
            while (_pos < _s.Length && !_aborted)
            {
                var c = _s[_pos];
                if (c == '"')
                {
                    closed = true;
                    break;
                }

                if (IsBreak(c))
                {
                    break;
                }

                if (c == '\\')
                {
                    sb ??= new StringBuilder().Append(_s, contentStart, _pos - contentStart);
                    _pos = Escapes.Decode(_s, _pos, sb);
                    continue;
                }

                if ((c == '$' || c == '%') && Peek(1) == c && Peek(2) == '{')
                {
                    sb ??= new StringBuilder().Append(_s, contentStart, _pos - contentStart);
                    sb.Append(c).Append('{');
                    _pos += 3;
                    continue;
                }

                if ((c == '$' || c == '%') && Peek(1) == '{')
                {
                    interpolated = true;
                    _pos++;
                    SkipInterpolation(depth);
                    continue;
                }

                sb?.Append(c);
                _pos++;
            }

            var contentEnd = Math.Min(_pos, _s.Length);
            if (closed)
            {
                _pos++;
            }

            var valueSpan = TextSpan.FromBounds(contentStart, contentEnd);
            var value = interpolated || sb is null ? _s.Substring(contentStart, contentEnd - contentStart) : sb.ToString();
            return TemplateNode.Scalar(TextSpan.FromBounds(start, _pos), valueSpan, value, isQuoted: true,
                interpolated ? TemplateNode.HclTemplateTag : null);
        }

        /// <summary>At the brace of <c>${</c> or <c>%{</c>: moves past the matching close brace.</summary>
        private void SkipInterpolation(int depth)
        {
            if (depth >= TemplateLimits.MaxDepth)
            {
                _aborted = true;
                return;
            }

            var braces = 0;
            while (_pos < _s.Length && !_aborted)
            {
                Step();
                var c = _s[_pos];
                if (c == '"')
                {
                    ParseTemplateString(depth + 1);
                    continue;
                }

                if (c == '{')
                {
                    braces++;
                }
                else if (c == '}')
                {
                    braces--;
                    if (braces == 0)
                    {
                        _pos++;
                        return;
                    }
                }

                _pos++;
            }
        }

        /// <summary><c>&lt;&lt;EOF</c> or <c>&lt;&lt;-EOF</c> up to the line holding only the delimiter.</summary>
        private bool TryParseHeredoc(out TemplateNode heredoc)
        {
            heredoc = null!;
            var start = _pos;
            var p = _pos + 2;
            var indented = p < _s.Length && _s[p] == '-';
            if (indented)
            {
                p++;
            }

            var idStart = p;
            while (p < _s.Length && IsIdChar(_s[p]))
            {
                p++;
            }

            if (p == idStart)
            {
                return false;
            }

            var delimiter = _s.Substring(idStart, p - idStart);
            while (p < _s.Length && IsWs(_s[p]))
            {
                p++;
            }

            if (p < _s.Length && !IsBreak(_s[p]))
            {
                return false;
            }

            var contentStart = NextLineStart(p);
            var lines = new List<(int Start, int End)>();
            var lineStart = contentStart;
            var end = _s.Length;
            while (lineStart < _s.Length)
            {
                Step();
                var lineEnd = LineEnd(lineStart);
                var t0 = lineStart;
                while (t0 < lineEnd && IsWs(_s[t0]))
                {
                    t0++;
                }

                var t1 = lineEnd;
                while (t1 > t0 && IsWs(_s[t1 - 1]))
                {
                    t1--;
                }

                if (t1 - t0 == delimiter.Length && string.CompareOrdinal(_s, t0, delimiter, 0, delimiter.Length) == 0)
                {
                    end = t1;
                    break;
                }

                lines.Add((lineStart, lineEnd));
                lineStart = NextLineStart(lineEnd);
            }

            var strip = 0;
            if (indented)
            {
                strip = int.MaxValue;
                foreach (var (ls, le) in lines)
                {
                    var q = ls;
                    while (q < le && IsWs(_s[q]))
                    {
                        q++;
                    }

                    if (q < le)
                    {
                        strip = Math.Min(strip, q - ls);
                    }
                }

                if (strip == int.MaxValue)
                {
                    strip = 0;
                }
            }

            var sb = new StringBuilder();
            foreach (var (ls, le) in lines)
            {
                var from = Math.Min(ls + strip, le);
                sb.Append(_s, from, le - from).Append('\n');
            }

            var raw = sb.ToString();
            var interpolated = ContainsInterpolation(raw);
            var value = interpolated ? raw : raw.Replace("$${", "${").Replace("%%{", "%{");
            var valueSpan = lines.Count == 0
                ? new TextSpan(Math.Min(contentStart, _s.Length), 0)
                : TextSpan.FromBounds(lines[0].Start + Math.Min(strip, lines[0].End - lines[0].Start), lines[lines.Count - 1].End);
            _pos = end;
            heredoc = TemplateNode.Scalar(TextSpan.FromBounds(start, end), valueSpan, value, isQuoted: true,
                interpolated ? TemplateNode.HclTemplateTag : null);
            return true;
        }

        private static bool ContainsInterpolation(string text)
        {
            for (var i = 0; i + 1 < text.Length; i++)
            {
                var c = text[i];
                if ((c == '$' || c == '%') && text[i + 1] == '{' && (i == 0 || text[i - 1] != c))
                {
                    return true;
                }
            }

            return false;
        }

        // ---------------------------------------------------------------- lexical helpers

        private void ReadIdentifier()
        {
            while (_pos < _s.Length && IsIdChar(_s[_pos]))
            {
                _pos++;
            }
        }

        private void SkipTrivia(bool newlines)
        {
            while (_pos < _s.Length)
            {
                var c = _s[_pos];
                if (IsWs(c) || (newlines && IsBreak(c)))
                {
                    _pos++;
                }
                else if (c == '#' || (c == '/' && Peek(1) == '/'))
                {
                    SkipToLineEnd();
                }
                else if (c == '/' && Peek(1) == '*')
                {
                    SkipBlockComment();
                }
                else
                {
                    break;
                }
            }
        }

        private void SkipBlockComment()
        {
            var end = _s.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
            _pos = end < 0 ? _s.Length : end + 2;
        }

        private void SkipToLineEnd() => _pos = LineEnd(_pos);

        private void SkipLine()
        {
            var before = _pos;
            _pos = NextLineStart(_pos);
            if (_pos == before && _pos < _s.Length)
            {
                _pos++;
            }
        }

        private int LineEnd(int p)
        {
            while (p < _s.Length && !IsBreak(_s[p]))
            {
                p++;
            }

            return p;
        }

        private int NextLineStart(int p)
        {
            p = LineEnd(p);
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

        private char Peek(int offset) => _pos + offset < _s.Length ? _s[_pos + offset] : '\0';

        private static bool IsWs(char c) => c == ' ' || c == '\t' || c == '\uFEFF';

        private static bool IsBreak(char c) => c == '\n' || c == '\r';

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private static bool IsIdStart(char c) => char.IsLetter(c) || c == '_';

        private static bool IsIdChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-';
    }
}
