using System.Text;

namespace LambdaAnalyzers.Templates;

/// <summary>Backslash escapes of JSON, YAML double-quoted scalars and HCL strings (YAML's set is the superset).</summary>
internal static class Escapes
{
    /// <summary>Decodes the escape whose backslash is at <paramref name="pos"/>; returns the position after it.</summary>
    public static int Decode(string s, int pos, StringBuilder sb)
    {
        if (pos + 1 >= s.Length)
        {
            sb.Append('\\');
            return pos + 1;
        }

        var c = s[pos + 1];
        switch (c)
        {
            case 'n': sb.Append('\n'); return pos + 2;
            case 't': sb.Append('\t'); return pos + 2;
            case 'r': sb.Append('\r'); return pos + 2;
            case 'b': sb.Append('\b'); return pos + 2;
            case 'f': sb.Append('\f'); return pos + 2;
            case '0': sb.Append('\0'); return pos + 2;
            case 'a': sb.Append('\a'); return pos + 2;
            case 'v': sb.Append('\v'); return pos + 2;
            case 'e': sb.Append('\u001B'); return pos + 2;
            case 'N': sb.Append('\u0085'); return pos + 2;
            case '_': sb.Append('\u00A0'); return pos + 2;
            case 'L': sb.Append('\u2028'); return pos + 2;
            case 'P': sb.Append('\u2029'); return pos + 2;
            case 'x': return AppendHex(s, pos, 2, sb);
            case 'u': return AppendHex(s, pos, 4, sb);
            case 'U': return AppendHex(s, pos, 8, sb);
            default:
                // \" \\ \/ \' \<space> \<tab> and anything unknown: the character itself.
                sb.Append(c);
                return pos + 2;
        }
    }

    private static int AppendHex(string s, int pos, int digits, StringBuilder sb)
    {
        var value = 0L;
        var i = 0;
        for (; i < digits && pos + 2 + i < s.Length; i++)
        {
            var d = HexValue(s[pos + 2 + i]);
            if (d < 0)
            {
                break;
            }

            value = (value * 16) + d;
        }

        if (i < digits)
        {
            // Malformed: keep the letter, as written.
            sb.Append(s[pos + 1]);
            return pos + 2;
        }

        if (value <= 0xFFFF)
        {
            sb.Append((char)value);
        }
        else if (value <= 0x10FFFF)
        {
            sb.Append(char.ConvertFromUtf32((int)value));
        }
        else
        {
            sb.Append('\uFFFD');
        }

        return pos + 2 + digits;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
