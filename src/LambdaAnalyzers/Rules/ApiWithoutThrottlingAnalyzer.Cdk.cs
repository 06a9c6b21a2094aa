using System.Collections.Immutable;
using System.Globalization;
using LambdaAnalyzers.Infrastructure;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>LAMBDA005 for CDK in C#: <c>new RestApi</c>/<c>new LambdaRestApi</c> without stage throttling; <c>new HttpApi</c> with an unthrottled default stage.</summary>
public sealed partial class ApiWithoutThrottlingAnalyzer
{
    internal const string PropsStartProperty = "PropsStart";
    internal const string StageOptionsStartProperty = "StageOptionsStart";
    internal const string RateProperty = "Rate";
    internal const string BurstProperty = "Burst";

    static partial void RegisterCdk(CompilationStartAnalysisContext context, LambdaModel model)
    {
        if (!model.ReferencesCdk)
        {
            return;
        }

        var restApi = context.Compilation.GetTypeByMetadataName(CdkConstructs.RestApiType);
        var httpApi = context.Compilation.GetTypeByMetadataName(CdkConstructs.HttpApiType);
        if (restApi is null && httpApi is null)
        {
            return;
        }

        context.RegisterOperationAction(c => Guard.Run(c, ctx => AnalyzeCdk(ctx, restApi, httpApi)), OperationKind.ObjectCreation);
    }

    private static void AnalyzeCdk(OperationAnalysisContext context, INamedTypeSymbol? restApi, INamedTypeSymbol? httpApi)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        var isRest = CdkConstructs.DerivesFrom(creation.Type, restApi);
        if (!isRest && !CdkConstructs.DerivesFrom(creation.Type, httpApi))
        {
            return;
        }

        if (CdkConstructs.UsesEscapeHatch(creation.Syntax))
        {
            return;
        }

        var tree = creation.Syntax.SyntaxTree;
        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(RateProperty, context.Options.GetIntRuleOption(tree, RateLimit, DefaultRateLimit, 1, 1_000_000).ToString(CultureInfo.InvariantCulture))
            .Add(BurstProperty, context.Options.GetIntRuleOption(tree, BurstLimit, DefaultBurstLimit, 0, 1_000_000).ToString(CultureInfo.InvariantCulture));

        var argument = CdkConstructs.FindPropsArgument(creation, isRest ? "DeployOptions" : "CreateDefaultStage");
        IObjectCreationOperation? props = null;
        if (argument is not null && argument.ArgumentKind != ArgumentKind.DefaultValue)
        {
            props = CdkConstructs.InlineCreation(argument.Value);
            if (props is null)
            {
                // Props from a variable or a call, or an explicit null: unknown.
                if (!(argument.Value.ConstantValue is { HasValue: true, Value: null }))
                {
                    return;
                }
            }
        }

        if (isRest)
        {
            if (props is not null && CdkConstructs.ConstantBool(CdkConstructs.Assigned(props, "Deploy")) == false)
            {
                return; // no stage is deployed by this construct
            }

            var deployOptions = props is null ? null : CdkConstructs.Assigned(props, "DeployOptions");
            if (deployOptions is not null)
            {
                if (CdkConstructs.InlineCreation(deployOptions) is not { } stageOptions)
                {
                    return;
                }

                if (CdkConstructs.Assigned(stageOptions, "ThrottlingRateLimit") is not null
                    || CdkConstructs.Assigned(stageOptions, "ThrottlingBurstLimit") is not null
                    || CdkConstructs.Assigned(stageOptions, "MethodOptions") is not null)
                {
                    return;
                }

                properties = properties.Add(StageOptionsStartProperty, stageOptions.Syntax.SpanStart.ToString(CultureInfo.InvariantCulture));
            }
            else if (props is not null)
            {
                properties = properties.Add(PropsStartProperty, props.Syntax.SpanStart.ToString(CultureInfo.InvariantCulture));
            }
        }
        else
        {
            // An HttpApi's default stage has no throttle option; throttled stages are added with AddStage/HttpStage.
            if (props is not null && CdkConstructs.ConstantBool(CdkConstructs.Assigned(props, "CreateDefaultStage")) == false)
            {
                return;
            }

            var type = creation.Syntax.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>();
            if (type is not null && type.ToString().IndexOf("Throttle", System.StringComparison.Ordinal) >= 0)
            {
                return;
            }
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.LAMBDA005_ApiWithoutThrottling,
            creation.Syntax.GetLocation(),
            properties,
            CdkConstructs.ConstructId(creation) ?? creation.Type?.Name ?? "api",
            isRest ? " (CDK: set DeployOptions throttling)" : " (CDK: the default stage of an HttpApi is not throttled)"));
    }
}
