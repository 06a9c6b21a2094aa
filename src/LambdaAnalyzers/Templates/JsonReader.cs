using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Templates;

/// <summary>
/// Reads JSON (RFC 8259) plus what real deployment files contain: <c>//</c> and <c>/* */</c> comments and trailing
/// commas. Malformed input ends the read: the tree built so far is returned. Never throws except on cancellation.
/// </summary>
internal static class JsonReader
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
        private readonly string _s;
        private readonly CancellationToken _ct;
        private int _pos;
        private int _steps;
        private bool _failed;

        public Parser(string s, CancellationToken ct)
        {
            _s = s;
            _ct = ct;
        }

        public TemplateNode? ParseDocument()
        {
            SkipTrivia();
            return _pos < _s.Length ? ParseValue(0) : null;
        }

        private void Step()
        {
            if ((++_steps & TemplateLimits.CancellationCheckMask) == 0)
            {
                _ct.ThrowIfCancellationRequested();
            }
        }

        private TemplateNode? ParseValue(int depth)
        {
            Step();
            SkipTrivia();
            if (_pos >= _s.Length)
            {
                _failed = true;
                return null;
            }

            switch (_s[_pos])
            {
                case '{':
                    return ParseObject(depth);
                case '[':
                    return ParseArray(depth);
                case '"':
                case '\'':
                    return ParseString(out _, out _);
                default:
                    return ParseLiteral();
            }
        }

        private TemplateNode? ParseObject(int depth)
        {
            if (depth >= TemplateLimits.MaxDepth)
            {
                _failed = true;
                return null;
            }

            var start = _pos++;
            var entries = ImmutableArray.CreateBuilder<TemplateEntry>();
            while (true)
            {
                Step();
                SkipTrivia();
                if (_pos >= _s.Length)
                {
                    _failed = true;
                    break;
                }

                var c = _s[_pos];
                if (c == '}')
                {
                    _pos++;
                    break;
                }

                string key;
                TextSpan keySpan;
                var keyStart = _pos;
                if (c == '"' || c == '\'')
                {
                    var keyNode = ParseString(out key, out keySpan);
                    if (_failed || keyNode is null)
                    {
                        break;
                    }
                }
                else if (IsBareWordChar(c))
                {
                    // Tolerated: unquoted keys (JSON5 style).
                    while (_pos < _s.Length && IsBareWordChar(_s[_pos]))
                    {
                        _pos++;
                    }

                    keySpan = TextSpan.FromBounds(keyStart, _pos);
                    key = _s.Substring(keyStart, _pos - keyStart);
                }
                else
                {
                    _failed = true;
                    break;
                }

                SkipTrivia();
                if (_pos >= _s.Length || _s[_pos] != ':')
                {
                    _failed = true;
                    break;
                }

                _pos++;
                var value = ParseValue(depth + 1);
                if (value is null)
                {
                    break;
                }

                entries.Add(new TemplateEntry(key, keySpan, value, TextSpan.FromBounds(keyStart, value.Span.End)));
                if (_failed)
                {
                    break;
                }

                SkipTrivia();
                if (_pos < _s.Length && _s[_pos] == ',')
                {
                    _pos++;
                }
                else if (_pos >= _s.Length || _s[_pos] != '}')
                {
                    _failed = true;
                    break;
                }
            }

            return TemplateNode.Mapping(TextSpan.FromBounds(start, _pos), entries.ToImmutable(), null);
        }

        private TemplateNode? ParseArray(int depth)
        {
            if (depth >= TemplateLimits.MaxDepth)
            {
                _failed = true;
                return null;
            }

            var start = _pos++;
            var items = ImmutableArray.CreateBuilder<TemplateNode>();
            while (true)
            {
                Step();
                SkipTrivia();
                if (_pos >= _s.Length)
                {
                    _failed = true;
                    break;
                }

                if (_s[_pos] == ']')
                {
                    _pos++;
                    break;
                }

                var item = ParseValue(depth + 1);
                if (item is null)
                {
                    break;
                }

                items.Add(item);
                if (_failed)
                {
                    break;
                }

                SkipTrivia();
                if (_pos < _s.Length && _s[_pos] == ',')
                {
                    _pos++;
                }
                else if (_pos >= _s.Length || _s[_pos] != ']')
                {
                    _failed = true;
                    break;
                }
            }

            return TemplateNode.Sequence(TextSpan.FromBounds(start, _pos), items.ToImmutable(), null);
        }

        /// <summary>Reads a string at the quote; an unclosed string ends at the end of its line and fails the read.</summary>
        private TemplateNode ParseString(out string value, out TextSpan valueSpan)
        {
            var quote = _s[_pos];
            var start = _pos++;
            var contentStart = _pos;
            StringBuilder? sb = null;
            var runStart = _pos;
            var closed = false;
            while (_pos < _s.Length)
            {
                var c = _s[_pos];
                if (c == quote)
                {
                    closed = true;
                    break;
                }

                if (c == '\n' || c == '\r')
                {
                    break;
                }

                if (c == '\\' && _pos + 1 < _s.Length)
                {
                    sb ??= new StringBuilder();
                    sb.Append(_s, runStart, _pos - runStart);
                    _pos = Escapes.Decode(_s, _pos, sb);
                    runStart = _pos;
                    continue;
                }

                _pos++;
            }

            var contentEnd = _pos;
            if (sb is null)
            {
                value = _s.Substring(contentStart, contentEnd - contentStart);
            }
            else
            {
                sb.Append(_s, runStart, contentEnd - runStart);
                value = sb.ToString();
            }

            if (closed)
            {
                _pos++;
            }
            else
            {
                _failed = true;
            }

            valueSpan = TextSpan.FromBounds(contentStart, contentEnd);
            return TemplateNode.Scalar(TextSpan.FromBounds(start, _pos), valueSpan, value, isQuoted: true, tag: null);
        }

        private TemplateNode? ParseLiteral()
        {
            var start = _pos;
            while (_pos < _s.Length && IsBareWordChar(_s[_pos]))
            {
                _pos++;
            }

            if (_pos == start)
            {
                _failed = true;
                return null;
            }

            var span = TextSpan.FromBounds(start, _pos);
            return TemplateNode.Scalar(span, span, _s.Substring(start, _pos - start), isQuoted: false, tag: null);
        }

        private static bool IsBareWordChar(char c) =>
            c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '+' or '.' or '_' or '$';

        private void SkipTrivia()
        {
            while (_pos < _s.Length)
            {
                var c = _s[_pos];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF')
                {
                    _pos++;
                }
                else if (c == '/' && _pos + 1 < _s.Length && _s[_pos + 1] == '/')
                {
                    while (_pos < _s.Length && _s[_pos] != '\n' && _s[_pos] != '\r')
                    {
                        _pos++;
                    }
                }
                else if (c == '/' && _pos + 1 < _s.Length && _s[_pos + 1] == '*')
                {
                    var end = _s.IndexOf("*/", _pos + 2, System.StringComparison.Ordinal);
                    _pos = end < 0 ? _s.Length : end + 2;
                }
                else
                {
                    break;
                }
            }
        }
    }
}
