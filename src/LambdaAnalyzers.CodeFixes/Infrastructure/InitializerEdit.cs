using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.CodeFixes.Infrastructure;

/// <summary>
/// Adds member assignments to an object initializer as text, in the initializer's own layout: on one line when it
/// is written on one line, else one assignment per line with the indentation of the last member, keeping or
/// omitting the trailing comma as the code does.
/// </summary>
internal static class InitializerEdit
{
    public static BaseObjectCreationExpressionSyntax? FindCreation(SyntaxNode root, int start)
        => root.FindToken(start).Parent?.AncestorsAndSelf().OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault(n => n.SpanStart == start);

    public static TextChange? Add(SourceText text, BaseObjectCreationExpressionSyntax creation, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return null;
        }

        var initializer = creation.Initializer;
        if (initializer is null)
        {
            // new FunctionProps() → new FunctionProps() { … }; target-typed new() likewise.
            return creation.ContainsDiagnostics ? null : new TextChange(new TextSpan(creation.Span.End, 0), " { " + string.Join(", ", items) + " }");
        }

        if (initializer.IsMissing || initializer.CloseBraceToken.IsMissing || !initializer.IsKind(SyntaxKind.ObjectInitializerExpression))
        {
            return null;
        }

        var expressions = initializer.Expressions;
        if (expressions.Count == 0)
        {
            return new TextChange(initializer.Span, "{ " + string.Join(", ", items) + " }");
        }

        var last = expressions[expressions.Count - 1];
        var hasTrailingComma = expressions.SeparatorCount == expressions.Count;
        var openLine = text.Lines.GetLineFromPosition(initializer.OpenBraceToken.SpanStart).LineNumber;
        var closeLine = text.Lines.GetLineFromPosition(initializer.CloseBraceToken.SpanStart).LineNumber;
        if (openLine == closeLine)
        {
            return hasTrailingComma
                ? new TextChange(new TextSpan(expressions.GetSeparator(expressions.Count - 1).Span.End, 0), " " + string.Join(", ", items) + ",")
                : new TextChange(new TextSpan(last.Span.End, 0), ", " + string.Join(", ", items));
        }

        var nl = NewLine(text);
        var indent = IndentOf(text, last.SpanStart) ?? (IndentOf(text, initializer.CloseBraceToken.SpanStart) ?? string.Empty) + "    ";
        if (hasTrailingComma)
        {
            var afterComma = expressions.GetSeparator(expressions.Count - 1).Span.End;
            return new TextChange(new TextSpan(afterComma, 0), string.Concat(items.Select(i => nl + indent + i + ",")));
        }

        return new TextChange(new TextSpan(last.Span.End, 0), "," + string.Join(",", items.Select(i => nl + indent + i)));
    }

    private static string? IndentOf(SourceText text, int position)
    {
        var line = text.Lines.GetLineFromPosition(position);
        for (var i = line.Start; i < position; i++)
        {
            if (text[i] != ' ' && text[i] != '\t')
            {
                return null;
            }
        }

        return text.ToString(TextSpan.FromBounds(line.Start, position));
    }

    private static string NewLine(SourceText text)
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
}
