using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using LambdaAnalyzers.Infrastructure;
using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Templates;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LAMBDA005: an API Gateway API or stage that sets no default throttling: SAM <c>AWS::Serverless::Api</c> and
/// <c>AWS::ApiGateway::Stage</c> without <c>MethodSettings</c> throttling, <c>AWS::Serverless::HttpApi</c> and
/// <c>AWS::ApiGatewayV2::Stage</c> without <c>DefaultRouteSettings</c> throttling, implicit SAM APIs without
/// <c>Globals</c> throttling, Terraform stages, Serverless Framework APIs, and CDK APIs in C#.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class ApiWithoutThrottlingAnalyzer : DiagnosticAnalyzer
{
    internal const string RuleId = "LAMBDA005";
    private static readonly RuleOption RateLimit = new(RuleId, "rate_limit");
    private static readonly RuleOption BurstLimit = new(RuleId, "burst_limit");
    internal const int DefaultRateLimit = 100;
    internal const int DefaultBurstLimit = 200;

    internal const string FixStartProperty = "FixStart";
    internal const string FixLengthProperty = "FixLength";
    internal const string FixTextProperty = "FixText";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LAMBDA005_ApiWithoutThrottling);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start => Guard.Run(start, OnCompilationStart));
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var model = LambdaModel.GetOrCreate(context.Compilation, context.Options);
        if (model.IsTestProject)
        {
            return;
        }

        RegisterCdk(context, model);

        var any = DeploymentFile.HasCandidates(context.Options);

        if (!any || DeploymentOwnership.Create(model, context.Options) is not { } ownership)
        {
            return;
        }

        context.RegisterAdditionalFileAction(fileContext => Guard.Run(fileContext, c => AnalyzeFile(c, model, ownership)));
    }

    static partial void RegisterCdk(CompilationStartAnalysisContext context, LambdaModel model);

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, LambdaModel model, DeploymentOwnership ownership)
    {
        var ct = context.CancellationToken;
        if (!DeploymentFile.IsCandidatePath(context.AdditionalFile.Path)
            || DeploymentFile.GetOrRead(context.AdditionalFile, ct) is not { } file
            || file.Apis.IsEmpty)
        {
            return;
        }

        var rate = context.Options.GetIntRuleOption(context.AdditionalFile, RateLimit, DefaultRateLimit, 1, 1_000_000).ToString(CultureInfo.InvariantCulture);
        var burst = context.Options.GetIntRuleOption(context.AdditionalFile, BurstLimit, DefaultBurstLimit, 0, 1_000_000).ToString(CultureInfo.InvariantCulture);
        var limits = new Limits(rate, burst);

        List<TemplateNode>? methodSettings = null;
        var owns = (bool?)null;
        foreach (var api in file.Apis)
        {
            var (report, change, note) = file.Format switch
            {
                TemplateFormat.Terraform => Terraform(file, api, limits, methodSettings ??= TerraformMethodSettings(model, ct)),
                TemplateFormat.ServerlessFramework when api.ResourceType is ServerlessModel.HttpApiType or ServerlessModel.HttpApiV2Type => (Serverless(file, api), null, " (Serverless Framework API)"),
                _ => CloudFormation(file, api, limits),
            };

            if (!report)
            {
                continue;
            }

            owns ??= ownership.OwnsFile(file, ct);
            if (owns != true)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (change is { } c)
            {
                properties = MissingReservedConcurrencyAnalyzer.AddChange(properties, c, FixStartProperty, FixLengthProperty, FixTextProperty);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.LAMBDA005_ApiWithoutThrottling,
                DeploymentFileDiagnostics.CreateLocation(file.Path, file.Text, api.NameSpan),
                properties,
                api.Name,
                note ?? string.Empty));
        }
    }

    private readonly struct Limits
    {
        public Limits(string rate, string burst)
        {
            Rate = rate;
            Burst = burst;
        }

        public string Rate { get; }

        public string Burst { get; }
    }

    // ---- CloudFormation / SAM ----

    private static (bool Report, TextChange? Change, string? Note) CloudFormation(DeploymentFile file, ApiDefinition api, Limits limits)
    {
        var globals = file.Root?.Get("Globals");
        if (HasUsagePlanThrottle(file, api, globals))
        {
            return (false, null, null);
        }

        switch (api.ResourceType)
        {
            case CloudFormationModel.SamApi when api.IsImplicit:
                // SAM creates ServerlessRestApi for every Api event without RestApiId, whether or not the
                // template also declares an explicit AWS::Serverless::Api: the implicit one is a second API.
                if (HasMethodThrottling(api.Properties?.Get("MethodSettings")))
                {
                    return (false, null, null);
                }

                return (true, ImplicitChange(file, globals, "Api", MethodSettingsLines(limits), limits, rest: true), " (the implicit API SAM creates for Api events)");

            case CloudFormationModel.SamHttpApi when api.IsImplicit:
                if (HasRouteThrottling(api.Properties?.Get("DefaultRouteSettings")) || HasRouteThrottling(api.Properties?.Get("RouteSettings")))
                {
                    return (false, null, null);
                }

                return (true, ImplicitChange(file, globals, "HttpApi", RouteSettingsLines(limits), limits, rest: false), " (the implicit HTTP API SAM creates for HttpApi events)");

            case CloudFormationModel.SamApi:
            case "AWS::ApiGateway::Stage":
                var globalApi = api.ResourceType == CloudFormationModel.SamApi ? globals?.Get("Api")?.Get("MethodSettings") : null;
                if (api.Properties is null || HasMethodThrottling(api.Properties.Get("MethodSettings")) || HasMethodThrottling(globalApi))
                {
                    return (false, null, null);
                }

                return (true, api.Properties.GetEntry("MethodSettings") is null ? AddMethodSettings(file, api.Properties, limits) : null, null);

            case CloudFormationModel.SamHttpApi:
            case "AWS::ApiGatewayV2::Stage":
                var globalHttp = api.ResourceType == CloudFormationModel.SamHttpApi ? globals?.Get("HttpApi") : null;
                if (api.Properties is null
                    || HasRouteThrottling(api.Properties.Get("DefaultRouteSettings"))
                    || HasRouteThrottling(api.Properties.Get("RouteSettings"))
                    || HasRouteThrottling(globalHttp?.Get("DefaultRouteSettings")))
                {
                    return (false, null, null);
                }

                return (true, AddRouteSettings(file, api.Properties, limits), null);

            default:
                // AWS::ApiGateway::RestApi and AWS::ApiGatewayV2::Api: throttling lives on their stages.
                return (false, null, null);
        }
    }

    /// <summary>
    /// A usage plan with a throttle for the API: SAM <c>Auth.UsagePlan.Throttle</c> (also in <c>Globals.Api</c>), or an
    /// <c>AWS::ApiGateway::UsagePlan</c> with <c>Throttle</c> whose <c>ApiStages</c> name the API. Usage-plan limits apply to
    /// API-key clients; a team that set one has chosen its throttling, so the rule stays quiet.
    /// </summary>
    private static bool HasUsagePlanThrottle(DeploymentFile file, ApiDefinition api, TemplateNode? globals)
    {
        if (api.ResourceType is CloudFormationModel.SamApi
            && (api.Properties?.Get("Auth")?.Get("UsagePlan")?.Get("Throttle") is not null
                || globals?.Get("Api")?.Get("Auth")?.Get("UsagePlan")?.Get("Throttle") is not null))
        {
            return true;
        }

        if (api.IsImplicit || api.ResourceType is not (CloudFormationModel.SamApi or "AWS::ApiGateway::Stage"))
        {
            return false;
        }

        var resources = file.Root?.Get("Resources") ?? file.Root?.Get("resources")?.Get("Resources");
        if (resources is not { Kind: TemplateNodeKind.Mapping })
        {
            return false;
        }

        // For a stage, the REST API it belongs to: RestApiId: !Ref ShopApi.
        var restApiId = api.ResourceType == CloudFormationModel.SamApi ? null : api.Properties?.Get("RestApiId");
        foreach (var entry in resources.Entries)
        {
            if (CloudFormationModel.ResourceType(entry.Value) != "AWS::ApiGateway::UsagePlan"
                || entry.Value.Get("Properties") is not { } plan
                || plan.Get("Throttle") is null
                || plan.Get("ApiStages") is not { Kind: TemplateNodeKind.Sequence } stages)
            {
                continue;
            }

            foreach (var stage in stages.Items)
            {
                if (stage.Get("ApiId") is not { } apiId)
                {
                    continue;
                }

                if (CloudFormationModel.References(apiId, api.Name)
                    || (restApiId is { IsIntrinsic: true } && SameText(file, restApiId, apiId)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool SameText(DeploymentFile file, TemplateNode a, TemplateNode b)
        => string.Equals(file.Text.ToString(a.Span), file.Text.ToString(b.Span), StringComparison.Ordinal);

    /// <summary>MethodSettings with a throttling entry; anything not written out (intrinsics) counts as set.</summary>
    internal static bool HasMethodThrottling(TemplateNode? methodSettings)
    {
        if (methodSettings is null)
        {
            return false;
        }

        if (methodSettings.Kind != TemplateNodeKind.Sequence || methodSettings.IsIntrinsic)
        {
            return true;
        }

        foreach (var item in methodSettings.Items)
        {
            if (item.Kind != TemplateNodeKind.Mapping || item.IsIntrinsic
                || item.GetEntry("ThrottlingRateLimit") is not null || item.GetEntry("ThrottlingBurstLimit") is not null)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool HasRouteThrottling(TemplateNode? settings)
    {
        if (settings is null)
        {
            return false;
        }

        if (settings.Kind != TemplateNodeKind.Mapping || settings.IsIntrinsic)
        {
            return true;
        }

        if (settings.GetEntry("ThrottlingRateLimit") is not null || settings.GetEntry("ThrottlingBurstLimit") is not null)
        {
            return true;
        }

        // RouteSettings: { "GET /x": { ThrottlingRateLimit: ... } }
        foreach (var entry in settings.Entries)
        {
            if (entry.Value.Kind == TemplateNodeKind.Mapping
                && (entry.Value.GetEntry("ThrottlingRateLimit") is not null || entry.Value.GetEntry("ThrottlingBurstLimit") is not null))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] MethodSettingsLines(Limits limits) => new[]
    {
        "MethodSettings:",
        "\t- ResourcePath: '/*'",
        "\t  HttpMethod: '*'",
        "\t  ThrottlingRateLimit: " + limits.Rate,
        "\t  ThrottlingBurstLimit: " + limits.Burst,
    };

    private static string[] RouteSettingsLines(Limits limits) => new[]
    {
        "DefaultRouteSettings:",
        "\tThrottlingBurstLimit: " + limits.Burst,
        "\tThrottlingRateLimit: " + limits.Rate,
    };

    private static TextChange? AddMethodSettings(DeploymentFile file, TemplateNode properties, Limits limits)
    {
        if (file.Format == TemplateFormat.CloudFormationJson)
        {
            var unit = TemplateEdits.JsonIndentUnit(file, properties);
            var inner = unit + unit;
            return TemplateEdits.AddJson(file, properties,
                "\"MethodSettings\": [\n" + unit + "{\n" +
                inner + "\"ResourcePath\": \"/*\",\n" +
                inner + "\"HttpMethod\": \"*\",\n" +
                inner + "\"ThrottlingRateLimit\": " + limits.Rate + ",\n" +
                inner + "\"ThrottlingBurstLimit\": " + limits.Burst + "\n" +
                unit + "}\n]");
        }

        return TemplateEdits.AddYaml(file, properties, MethodSettingsLines(limits));
    }

    private static TextChange? AddRouteSettings(DeploymentFile file, TemplateNode properties, Limits limits)
    {
        var existing = properties.Get("DefaultRouteSettings");
        if (file.Format == TemplateFormat.CloudFormationJson)
        {
            if (existing is not null)
            {
                return existing.Kind == TemplateNodeKind.Mapping && !existing.IsIntrinsic
                    ? TemplateEdits.AddJson(file, existing, "\"ThrottlingBurstLimit\": " + limits.Burst + ",\n\"ThrottlingRateLimit\": " + limits.Rate)
                    : null;
            }

            var unit = TemplateEdits.JsonIndentUnit(file, properties);
            return TemplateEdits.AddJson(file, properties,
                "\"DefaultRouteSettings\": {\n" +
                unit + "\"ThrottlingBurstLimit\": " + limits.Burst + ",\n" +
                unit + "\"ThrottlingRateLimit\": " + limits.Rate + "\n}");
        }

        if (existing is not null)
        {
            return existing.Kind == TemplateNodeKind.Mapping && !existing.IsIntrinsic
                ? TemplateEdits.AddYaml(file, existing, new[] { "ThrottlingBurstLimit: " + limits.Burst, "ThrottlingRateLimit: " + limits.Rate })
                : null;
        }

        return TemplateEdits.AddYaml(file, properties, RouteSettingsLines(limits));
    }

    /// <summary>Implicit SAM APIs are configured in <c>Globals.Api</c> / <c>Globals.HttpApi</c>.</summary>
    private static TextChange? ImplicitChange(DeploymentFile file, TemplateNode? globals, string section, string[] lines, Limits limits, bool rest)
    {
        if (globals?.Get(section) is { } existing)
        {
            if (existing.Kind != TemplateNodeKind.Mapping || existing.IsIntrinsic)
            {
                return null;
            }

            if (rest)
            {
                return existing.GetEntry("MethodSettings") is null ? AddMethodSettings(file, existing, limits) : null;
            }

            return AddRouteSettings(file, existing, limits);
        }

        if (file.Format == TemplateFormat.CloudFormationJson)
        {
            if (file.Root is not { } jsonRoot)
            {
                return null;
            }

            var unit = TemplateEdits.JsonIndentUnit(file, jsonRoot);
            var settings = rest
                ? "\"MethodSettings\": [\n" + unit + "{\n" +
                  unit + unit + "\"ResourcePath\": \"/*\",\n" +
                  unit + unit + "\"HttpMethod\": \"*\",\n" +
                  unit + unit + "\"ThrottlingRateLimit\": " + limits.Rate + ",\n" +
                  unit + unit + "\"ThrottlingBurstLimit\": " + limits.Burst + "\n" +
                  unit + "}\n]"
                : TemplateEdits.JsonObjectProperty(
                    "DefaultRouteSettings",
                    "\"ThrottlingBurstLimit\": " + limits.Burst + ",\n\"ThrottlingRateLimit\": " + limits.Rate,
                    unit);
            var sectionJson = TemplateEdits.JsonObjectProperty(section, settings, unit);
            return globals is not null
                ? (globals.Kind == TemplateNodeKind.Mapping ? TemplateEdits.AddJson(file, globals, sectionJson) : null)
                : TemplateEdits.AddJson(file, jsonRoot, TemplateEdits.JsonObjectProperty("Globals", sectionJson, unit));
        }

        if (file.Format != TemplateFormat.CloudFormationYaml)
        {
            return null;
        }

        var nested = new string[lines.Length + 1];
        nested[0] = section + ":";
        for (var i = 0; i < lines.Length; i++)
        {
            nested[i + 1] = "\t" + lines[i];
        }

        if (globals is not null)
        {
            return TemplateEdits.AddYaml(file, globals, nested);
        }

        var root = new string[nested.Length + 1];
        root[0] = "Globals:";
        for (var i = 0; i < nested.Length; i++)
        {
            root[i + 1] = "\t" + nested[i];
        }

        return TemplateEdits.AddYamlRootSection(file, "Resources", root);
    }

    // ---- Terraform ----

    private static List<TemplateNode> TerraformMethodSettings(LambdaModel model, System.Threading.CancellationToken ct)
    {
        var result = new List<TemplateNode>();
        foreach (var other in model.GetDeploymentFiles(ct))
        {
            if (other.Format != TemplateFormat.Terraform || other.Root is null)
            {
                continue;
            }

            foreach (var entry in other.Root.Entries)
            {
                if (entry.Key == "resource" && entry.Value.Labels.Length >= 2 && entry.Value.Labels[0] == "aws_api_gateway_method_settings")
                {
                    result.Add(entry.Value);
                }
            }
        }

        return result;
    }

    private static (bool Report, TextChange? Change, string? Note) Terraform(DeploymentFile file, ApiDefinition api, Limits limits, List<TemplateNode> methodSettings)
    {
        if (api.Properties is not { } body)
        {
            return (false, null, null);
        }

        switch (api.ResourceType)
        {
            case "aws_api_gateway_stage":
                var stageName = body.Get("stage_name");
                foreach (var settings in methodSettings)
                {
                    if (!HasHclThrottling(settings.Get("settings")))
                    {
                        continue;
                    }

                    var target = settings.Get("stage_name");
                    if (target is null
                        || TerraformModel.ReferencesResource(target, "aws_api_gateway_stage", api.Name)
                        || (target.IsLiteral && stageName is { IsLiteral: true } && target.Value == stageName.Value)
                        || !target.IsLiteral && target.Value?.IndexOf("aws_api_gateway_stage.", StringComparison.Ordinal) < 0)
                    {
                        // Matches, or is an expression we cannot follow (a variable, a local): assume it covers the stage.
                        return (false, null, null);
                    }
                }

                return (true, AddTerraformMethodSettings(file, api, limits), null);

            case "aws_apigatewayv2_stage":
                var defaults = body.Get("default_route_settings");
                if (HasHclThrottling(defaults) || HasHclThrottling(body.Get("route_settings")))
                {
                    return (false, null, null);
                }

                var lines = new[] { "throttling_burst_limit = " + limits.Burst, "throttling_rate_limit  = " + limits.Rate };
                if (defaults is not null)
                {
                    return (true, defaults.Kind == TemplateNodeKind.Mapping ? TemplateEdits.AddHcl(file, defaults, lines) : null, null);
                }

                return (true, TemplateEdits.AddHcl(file, body, new[] { "default_route_settings {", "\t" + lines[0], "\t" + lines[1], "}" }), null);

            default:
                return (false, null, null);
        }
    }

    private static bool HasHclThrottling(TemplateNode? block)
    {
        if (block is null)
        {
            return false;
        }

        if (block.Kind != TemplateNodeKind.Mapping)
        {
            return block.Kind == TemplateNodeKind.Scalar && block.Tag is not null; // an expression: cannot see inside
        }

        foreach (var entry in block.Entries)
        {
            if (entry.Key.StartsWith("throttling_", StringComparison.Ordinal) || entry.Key == "dynamic")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A new <c>aws_api_gateway_method_settings</c> resource after the stage, throttling every method.</summary>
    private static TextChange? AddTerraformMethodSettings(DeploymentFile file, ApiDefinition api, Limits limits)
    {
        var body = api.Properties!;
        var text = file.Text;
        if (body.Span.Length < 2 || text[body.Span.End - 1] != '}' || TemplateEdits.Column(text, body.Span.End - 1) != 0)
        {
            return null;
        }

        var nl = TemplateEdits.NewLine(text);
        var stage = "aws_api_gateway_stage." + api.Name;
        var lines = new[]
        {
            string.Empty,
            "resource \"aws_api_gateway_method_settings\" \"" + api.Name + "_throttling\" {",
            "  rest_api_id = " + stage + ".rest_api_id",
            "  stage_name  = " + stage + ".stage_name",
            "  method_path = \"*/*\"",
            string.Empty,
            "  settings {",
            "    throttling_burst_limit = " + limits.Burst,
            "    throttling_rate_limit  = " + limits.Rate,
            "  }",
            "}",
        };
        return new TextChange(new TextSpan(body.Span.End, 0), nl + string.Join(nl, lines));
    }

    // ---- Serverless Framework ----

    private static bool Serverless(DeploymentFile file, ApiDefinition api)
    {
        var root = file.Root;
        var provider = root?.Get("provider");
        if (api.ResourceType == ServerlessModel.HttpApiType && provider?.Get("apiGateway")?.GetEntry("restApiId") is not null)
        {
            return false; // a shared REST API declared elsewhere
        }

        if (api.ResourceType == ServerlessModel.HttpApiV2Type && provider?.Get("httpApi")?.GetEntry("id") is not null)
        {
            return false;
        }

        // serverless-api-gateway-throttling plugin, usage-plan throttles, or stage overrides in resources.
        if (root?.Get("custom")?.GetEntry("apiGatewayThrottling") is not null)
        {
            return false;
        }

        var scope = api.ResourceType == ServerlessModel.HttpApiType ? provider?.Get("apiGateway") : provider?.Get("httpApi");
        return !Mentions(scope, "throttle", 0) && !Mentions(root?.Get("resources"), "Throttling", 0);
    }

    private static bool Mentions(TemplateNode? node, string keyPrefix, int depth)
    {
        if (node is null || depth > 12)
        {
            return false;
        }

        foreach (var entry in node.Entries)
        {
            if (entry.Key.StartsWith(keyPrefix, StringComparison.Ordinal) || Mentions(entry.Value, keyPrefix, depth + 1))
            {
                return true;
            }
        }

        foreach (var item in node.Items)
        {
            if (Mentions(item, keyPrefix, depth + 1))
            {
                return true;
            }
        }

        return false;
    }
}
