using System;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// A .NET class-library handler string, <c>Assembly::Namespace.Type::Method</c>, parsed the way the
/// Lambda runtime parses it (split in three on <c>::</c>, each part trimmed). Strings without
/// <c>::</c> (executable assemblies, custom runtimes, other languages) are not class-library handlers.
/// </summary>
internal readonly struct HandlerString
{
    private const string Separator = "::";

    private HandlerString(string text, string assemblyName, string typeName, string methodName)
    {
        Text = text;
        AssemblyName = assemblyName;
        TypeName = typeName;
        MethodName = methodName;
    }

    public string Text { get; }
    public string AssemblyName { get; }
    /// <summary>Full metadata type name; nested types use <c>+</c>.</summary>
    public string TypeName { get; }
    /// <summary>A method name, or a reflection signature such as <c>System.String Get(System.String)</c>.</summary>
    public string MethodName { get; }

    /// <summary>True when the method part is a reflection signature rather than a plain name.</summary>
    public bool MethodIsSignature => MethodName.IndexOf('(') >= 0;

    public string TypeSimpleName
    {
        get
        {
            var cut = Math.Max(TypeName.LastIndexOf('.'), TypeName.LastIndexOf('+'));
            return cut < 0 ? TypeName : TypeName.Substring(cut + 1);
        }
    }

    public string Namespace
    {
        get
        {
            var outer = TypeName.IndexOf('+') is var plus && plus >= 0 ? TypeName.Substring(0, plus) : TypeName;
            var dot = outer.LastIndexOf('.');
            return dot < 0 ? string.Empty : outer.Substring(0, dot);
        }
    }

    public static bool TryParse(string? text, out HandlerString handler)
    {
        handler = default;
        if (text is null || text.IndexOf(Separator, StringComparison.Ordinal) < 0)
        {
            return false;
        }

        var first = text.IndexOf(Separator, StringComparison.Ordinal);
        var second = text.IndexOf(Separator, first + Separator.Length, StringComparison.Ordinal);
        if (second < 0)
        {
            return false;
        }

        var assembly = text.Substring(0, first).Trim();
        var type = text.Substring(first + Separator.Length, second - first - Separator.Length).Trim();
        var method = text.Substring(second + Separator.Length).Trim();
        if (assembly.Length == 0 || type.Length == 0 || method.Length == 0)
        {
            return false;
        }

        handler = new HandlerString(text, assembly, type, method);
        return true;
    }

    public static string Format(string assemblyName, string typeName, string methodName)
        => assemblyName + Separator + typeName + Separator + methodName;

    public override string ToString() => Text;
}
