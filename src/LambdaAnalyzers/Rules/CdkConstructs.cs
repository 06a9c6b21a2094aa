using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// CDK in C# (Amazon.CDK.Lib), known by metadata name only: the props object of a construct creation and what
/// its object initializer sets. Props passed as anything but an inline <c>new XProps { … }</c> are unknown, and
/// constructs in a type that uses escape hatches (<c>Node.DefaultChild</c>) are left alone.
/// </summary>
internal static class CdkConstructs
{
    public const string FunctionType = "Amazon.CDK.AWS.Lambda.Function";
    public const string DockerImageFunctionType = "Amazon.CDK.AWS.Lambda.DockerImageFunction";
    public const string RestApiType = "Amazon.CDK.AWS.APIGateway.RestApi";
    public const string StageOptionsType = "Amazon.CDK.AWS.APIGateway.StageOptions";
    public const string HttpApiType = "Amazon.CDK.AWS.Apigatewayv2.HttpApi";

    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The argument whose type has a property named <paramref name="marker"/> (the props object); null when there is none.</summary>
    public static IArgumentOperation? FindPropsArgument(IObjectCreationOperation creation, string marker)
    {
        foreach (var argument in creation.Arguments)
        {
            var type = argument.Parameter?.Type;
            if (type is not null && HasProperty(type, marker))
            {
                return argument;
            }
        }

        return null;
    }

    public static bool HasProperty(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (!current.GetMembers(name).IsEmpty)
            {
                return true;
            }
        }

        foreach (var iface in type.AllInterfaces)
        {
            if (!iface.GetMembers(name).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The inline props creation (<c>new FunctionProps { … }</c>, <c>new() { … }</c>), looking through conversions.</summary>
    public static IObjectCreationOperation? InlineCreation(IOperation? value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value as IObjectCreationOperation;
    }

    /// <summary>The value assigned to a property in the creation's object initializer; null when not assigned.</summary>
    public static IOperation? Assigned(IObjectCreationOperation creation, string property)
    {
        if (creation.Initializer is null)
        {
            return null;
        }

        foreach (var initializer in creation.Initializer.Initializers)
        {
            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation reference } assignment
                && reference.Property.Name == property)
            {
                return assignment.Value;
            }
        }

        return null;
    }

    public static string? ConstantString(IOperation? value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value?.ConstantValue is { HasValue: true, Value: string s } ? s : null;
    }

    public static bool? ConstantBool(IOperation? value)
    {
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value?.ConstantValue is { HasValue: true, Value: bool b } ? b : null;
    }

    /// <summary>The construct id: the string argument after the scope.</summary>
    public static string? ConstructId(IObjectCreationOperation creation)
    {
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Name == "id")
            {
                return ConstantString(argument.Value);
            }
        }

        return null;
    }

    /// <summary>Escape hatches (<c>Node.DefaultChild</c>, <c>AddPropertyOverride</c>) in the enclosing type: the L1 resource may be set there.</summary>
    public static bool UsesEscapeHatch(SyntaxNode node)
    {
        var type = node.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (type is null)
        {
            return false;
        }

        var text = type.ToString();
        return text.IndexOf("DefaultChild", StringComparison.Ordinal) >= 0
            || text.IndexOf("AddPropertyOverride", StringComparison.Ordinal) >= 0;
    }

    /// <summary>
    /// Whether a function construct is visibly exposed: the variable it is assigned to is passed to a Lambda
    /// integration/target, given as a LambdaRestApi handler, or gets a function URL, in the same type.
    /// </summary>
    public static bool IsPublicFacing(IObjectCreationOperation creation)
    {
        string? name = creation.Syntax.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax id } => id.Identifier.ValueText,
            AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax member } => member.Name.Identifier.ValueText,
            _ => null,
        };

        var type = creation.Syntax.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (name is null || type is null)
        {
            return IsPublicUse(creation.Syntax);
        }

        foreach (var identifier in type.DescendantNodes())
        {
            if (identifier is IdentifierNameSyntax id && id.Identifier.ValueText == name && IsPublicUse(id))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPublicUse(SyntaxNode node)
    {
        var parent = node.Parent;
        if (parent is MemberAccessExpressionSyntax member && member.Expression == node)
        {
            return member.Name.Identifier.ValueText is "AddFunctionUrl";
        }

        if (parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax created } })
        {
            var typeName = created is ObjectCreationExpressionSyntax o ? o.Type.ToString() : string.Empty;
            return typeName.EndsWith("LambdaIntegration", StringComparison.Ordinal) || typeName.EndsWith("LambdaTarget", StringComparison.Ordinal);
        }

        return parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Handler" }, Parent: InitializerExpressionSyntax };
    }
}
