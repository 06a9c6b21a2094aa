using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaAnalyzers.Infrastructure;

internal static class SyntaxHelpers
{
    /// <summary>The simple name an invocation calls: <c>Foo</c> for <c>Foo()</c>, <c>a.Foo()</c>, <c>a?.Foo&lt;T&gt;()</c>.</summary>
    public static string? GetInvokedName(InvocationExpressionSyntax invocation)
        => GetRightmostName(invocation.Expression);

    public static string? GetRightmostName(ExpressionSyntax expression)
        => expression switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            _ => null,
        };

    /// <summary>The simple name of a type as written: <c>Foo</c> for <c>Foo</c>, <c>N.Foo</c>, <c>Foo&lt;T&gt;</c>.</summary>
    public static string? GetTypeName(TypeSyntax type)
        => type switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            NullableTypeSyntax nullable => GetTypeName(nullable.ElementType),
            _ => null,
        };

    public static ExpressionSyntax SkipParenthesesAndCasts(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    break;
                default:
                    return expression;
            }
        }
    }
}
