using System.Collections.Immutable;
using System.Globalization;
using LambdaAnalyzers.Infrastructure;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>LAMBDA004 for CDK in C#: <c>new Function(…)</c> / <c>new DockerImageFunction(…)</c> (and subclasses) whose props set no reserved concurrency.</summary>
public sealed partial class MissingReservedConcurrencyAnalyzer
{
    internal const string PropsStartProperty = "PropsStart";
    private const string ReservedProperty = "ReservedConcurrentExecutions";

    static partial void RegisterCdk(CompilationStartAnalysisContext context, LambdaModel model)
    {
        if (!model.ReferencesCdk)
        {
            return;
        }

        var function = context.Compilation.GetTypeByMetadataName(CdkConstructs.FunctionType);
        var docker = context.Compilation.GetTypeByMetadataName(CdkConstructs.DockerImageFunctionType);
        if (function is null && docker is null)
        {
            return;
        }

        context.RegisterOperationAction(c => Guard.Run(c, ctx => AnalyzeCdk(ctx, function, docker)), OperationKind.ObjectCreation);
    }

    private static void AnalyzeCdk(OperationAnalysisContext context, INamedTypeSymbol? function, INamedTypeSymbol? docker)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var isDocker = CdkConstructs.DerivesFrom(creation.Type, docker);
        if (!isDocker && !CdkConstructs.DerivesFrom(creation.Type, function))
        {
            return;
        }

        if (CdkConstructs.FindPropsArgument(creation, ReservedProperty) is not { } argument
            || CdkConstructs.InlineCreation(argument.Value) is not { } props
            || CdkConstructs.Assigned(props, ReservedProperty) is not null
            || CdkConstructs.UsesEscapeHatch(creation.Syntax))
        {
            return;
        }

        var tree = creation.Syntax.SyntaxTree;
        var isPublic = CdkConstructs.IsPublicFacing(creation);
        if (!isPublic && PublicScopeOnly(context.Options.GetRuleOption(tree, ScopeOption)))
        {
            return;
        }

        var value = context.Options.GetIntRuleOption(tree, ReservedConcurrencyOption, DefaultReservedConcurrency, 1, 1_000_000);
        var handler = CdkConstructs.ConstantString(CdkConstructs.Assigned(props, "Handler"));
        var describe = handler is not null ? "handler " + handler : isDocker ? "container image" : "handler not written literally";
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(ValueProperty, value.ToString(CultureInfo.InvariantCulture))
            .Add(PropsStartProperty, props.Syntax.SpanStart.ToString(CultureInfo.InvariantCulture));

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.LAMBDA004_MissingReservedConcurrency,
            creation.Syntax.GetLocation(),
            isPublic ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info,
            additionalLocations: null,
            properties,
            CdkConstructs.ConstructId(creation) ?? creation.Type?.Name ?? "function",
            describe));
    }
}
