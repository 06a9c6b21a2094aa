using System.Linq;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The Lambda types the rules know, resolved by metadata name once per compilation. The analyzers
/// never reference Amazon.Lambda.* assemblies: users bring those packages and we only know names.
/// A null member means the compilation does not reference that package.
/// </summary>
internal sealed class LambdaTypes
{
    public const string ILambdaContextName = "Amazon.Lambda.Core.ILambdaContext";
    public const string LambdaSerializerAttributeName = "Amazon.Lambda.Core.LambdaSerializerAttribute";
    public const string LambdaFunctionAttributeName = "Amazon.Lambda.Annotations.LambdaFunctionAttribute";
    public const string LambdaBootstrapBuilderName = "Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder";
    public const string HandlerWrapperName = "Amazon.Lambda.RuntimeSupport.HandlerWrapper";
    public const string AbstractAspNetCoreFunctionName = "Amazon.Lambda.AspNetCoreServer.AbstractAspNetCoreFunction`2";

    private LambdaTypes()
    {
    }

    private LambdaTypes(Compilation compilation)
    {
        ILambdaContext = compilation.GetTypeByMetadataName(ILambdaContextName);
        LambdaSerializerAttribute = compilation.GetTypeByMetadataName(LambdaSerializerAttributeName);
        LambdaFunctionAttribute = compilation.GetTypeByMetadataName(LambdaFunctionAttributeName);
        LambdaBootstrapBuilder = compilation.GetTypeByMetadataName(LambdaBootstrapBuilderName);
        HandlerWrapper = compilation.GetTypeByMetadataName(HandlerWrapperName);
        AbstractAspNetCoreFunction = compilation.GetTypeByMetadataName(AbstractAspNetCoreFunctionName);
        Stream = compilation.GetTypeByMetadataName("System.IO.Stream");
        Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ParamArrayAttribute = compilation.GetTypeByMetadataName("System.ParamArrayAttribute");
    }

    public INamedTypeSymbol? ILambdaContext { get; }
    public INamedTypeSymbol? LambdaSerializerAttribute { get; }
    public INamedTypeSymbol? LambdaFunctionAttribute { get; }
    public INamedTypeSymbol? LambdaBootstrapBuilder { get; }
    public INamedTypeSymbol? HandlerWrapper { get; }
    public INamedTypeSymbol? AbstractAspNetCoreFunction { get; }
    public INamedTypeSymbol? Stream { get; }
    public INamedTypeSymbol? Task { get; }
    public INamedTypeSymbol? TaskOfT { get; }
    public INamedTypeSymbol? ParamArrayAttribute { get; }

    /// <summary>True when any Lambda programming-model package is referenced.</summary>
    public bool HasLambdaReferences =>
        ILambdaContext is not null || LambdaFunctionAttribute is not null || LambdaBootstrapBuilder is not null || AbstractAspNetCoreFunction is not null;

    /// <summary>No Lambda package referenced: nothing resolves, and nothing was looked up.</summary>
    public static LambdaTypes Empty { get; } = new();

    public static LambdaTypes Create(Compilation compilation) => new(compilation);

    public bool IsLambdaContext(ITypeSymbol? type)
        => type is not null && ILambdaContext is not null &&
           (SymbolEqualityComparer.Default.Equals(type, ILambdaContext)
            || (type is { SpecialType: SpecialType.None, TypeKind: TypeKind.Class or TypeKind.Interface or TypeKind.Struct }
                && type.AllInterfaces.Contains(ILambdaContext, SymbolEqualityComparer.Default)));

    public bool DerivesFromAspNetCoreFunction(INamedTypeSymbol type)
    {
        if (AbstractAspNetCoreFunction is null)
        {
            return false;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, AbstractAspNetCoreFunction))
            {
                return true;
            }
        }

        return false;
    }
}
