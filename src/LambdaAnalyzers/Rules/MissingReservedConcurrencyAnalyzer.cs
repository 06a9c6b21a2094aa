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
/// LAMBDA004: a Lambda function declared in a deployment file (SAM/CloudFormation JSON or YAML, Terraform,
/// serverless.yml) or created by CDK code in C# without reserved concurrency. Warning for public-facing functions
/// (API Gateway, function URL, ALB), information for the others; custom-resource handlers, deployment hooks and
/// macros are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class MissingReservedConcurrencyAnalyzer : DiagnosticAnalyzer
{
    internal const string RuleId = "LAMBDA004";
    private static readonly RuleOption ScopeOption = new(RuleId, "scope");
    private static readonly RuleOption ReservedConcurrencyOption = new(RuleId, "reserved_concurrency");
    internal const int DefaultReservedConcurrency = 10;

    /// <summary>Properties carrying the fix's text change, computed where the file is read.</summary>
    internal const string FixStartProperty = "FixStart";
    internal const string FixLengthProperty = "FixLength";
    internal const string FixTextProperty = "FixText";
    internal const string GlobalsStartProperty = "GlobalsStart";
    internal const string GlobalsTextProperty = "GlobalsText";
    internal const string ValueProperty = "Value";
    internal const string ParameterStartProperty = "ParameterStart";
    internal const string ParameterTextProperty = "ParameterText";
    internal const string ParameterRefStartProperty = "ParameterRefStart";
    internal const string ParameterRefTextProperty = "ParameterRefText";
    internal const string ParameterNameProperty = "ParameterName";

    private static readonly string[] PublicEventTypes = { "Api", "HttpApi", "FunctionUrl", "ALB", "http", "httpApi", "alb", "websocket", "WebSocket" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LAMBDA004_MissingReservedConcurrency);

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

        context.RegisterAdditionalFileAction(fileContext => Guard.Run(fileContext, c => AnalyzeFile(c, ownership)));
    }

    static partial void RegisterCdk(CompilationStartAnalysisContext context, LambdaModel model);

    /// <summary>Whether a function reported with the given events is public-facing (warning) or not (info).</summary>
    internal static bool IsPublicFacing(ImmutableArray<EventSourceDefinition> events)
    {
        foreach (var ev in events)
        {
            if (Array.IndexOf(PublicEventTypes, ev.Type) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    internal static bool PublicScopeOnly(string? scope) => string.Equals(scope, "public", StringComparison.OrdinalIgnoreCase);

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, DeploymentOwnership ownership)
    {
        var ct = context.CancellationToken;
        if (!DeploymentFile.IsCandidatePath(context.AdditionalFile.Path)
            || DeploymentFile.GetOrRead(context.AdditionalFile, ct) is not { } file
            || file.Format == TemplateFormat.ToolsDefaults
            || file.Functions.IsEmpty)
        {
            return;
        }

        var options = context.Options;
        var publicOnly = PublicScopeOnly(options.GetRuleOption(context.AdditionalFile, ScopeOption));
        var value = options.GetIntRuleOption(context.AdditionalFile, ReservedConcurrencyOption, DefaultReservedConcurrency, 1, 1_000_000)
            .ToString(CultureInfo.InvariantCulture);
        var exempt = DeploymentTimeFunctions.Find(file);

        var findings = new List<(FunctionDefinition Function, TemplateNode? Unreserved, bool IsPublic)>();
        foreach (var function in file.Functions)
        {
            if (exempt.Contains(function.Name) || !IsMissing(file, function, out var unreserved))
            {
                continue;
            }

            var isPublic = IsPublicFacing(function.Events);
            if ((publicOnly && !isPublic) || !ownership.OwnsFunction(file, function, ct))
            {
                continue;
            }

            findings.Add((function, unreserved, isPublic));
        }

        if (findings.Count == 0)
        {
            return;
        }

        var samMissing = 0;
        foreach (var finding in findings)
        {
            if (finding.Function.ResourceType == CloudFormationModel.SamFunction)
            {
                samMissing++;
            }
        }

        var globalsChange = samMissing >= 2 ? GlobalsChange(file, value) : null;

        foreach (var (function, unreserved, isPublic) in findings)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(ValueProperty, value);
            if (FunctionChange(file, function, unreserved, value) is { } change)
            {
                properties = AddChange(properties, change, FixStartProperty, FixLengthProperty, FixTextProperty);
            }

            if (unreserved is null && ParameterChanges(file, function, value) is { } parameter)
            {
                properties = properties
                    .Add(ParameterNameProperty, parameter.Name)
                    .Add(ParameterStartProperty, parameter.Declaration.Span.Start.ToString(CultureInfo.InvariantCulture))
                    .Add(ParameterTextProperty, parameter.Declaration.NewText)
                    .Add(ParameterRefStartProperty, parameter.Reference.Span.Start.ToString(CultureInfo.InvariantCulture))
                    .Add(ParameterRefTextProperty, parameter.Reference.NewText);
            }

            if (globalsChange is { } globals && function.ResourceType == CloudFormationModel.SamFunction)
            {
                properties = properties.Add(GlobalsStartProperty, globals.Span.Start.ToString(CultureInfo.InvariantCulture)).Add(GlobalsTextProperty, globals.NewText);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.LAMBDA004_MissingReservedConcurrency,
                DeploymentFileDiagnostics.CreateLocation(file.Path, file.Text, function.NameSpan),
                isPublic ? DiagnosticSeverity.Warning : DiagnosticSeverity.Info,
                additionalLocations: null,
                properties,
                function.Name,
                Describe(function, unreserved)));
        }
    }

    internal static ImmutableDictionary<string, string?> AddChange(ImmutableDictionary<string, string?> properties, TextChange change, string start, string length, string text)
        => properties
            .Add(start, change.Span.Start.ToString(CultureInfo.InvariantCulture))
            .Add(length, change.Span.Length.ToString(CultureInfo.InvariantCulture))
            .Add(text, change.NewText);

    private static string Describe(FunctionDefinition function, TemplateNode? unreserved)
    {
        var what = function.Handler?.Value is { } handler
            ? "handler " + handler
            : string.Equals(function.PackageType, "Image", StringComparison.OrdinalIgnoreCase) ? "container image" : "handler not written literally";
        return unreserved is null ? what : what + "; -1 means unreserved";
    }

    /// <summary>Whether the function sets no reserved concurrency; <paramref name="unreserved"/> is a Terraform <c>-1</c>.</summary>
    internal static bool IsMissing(DeploymentFile file, FunctionDefinition function, out TemplateNode? unreserved)
    {
        unreserved = null;
        switch (function.ResourceType)
        {
            case CloudFormationModel.SamFunction:
            case CloudFormationModel.LambdaFunction:
                return function.Properties is not null && function.GetPropertyEntry("ReservedConcurrentExecutions") is null;

            case TerraformModel.ModuleFunctionType:
                // Only the registry module whose input is known; a local module's own aws_lambda_function is read as a resource.
                if (function.Properties?.GetLiteral("source") is not { } source
                    || source.IndexOf("terraform-aws-modules/lambda", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    return false;
                }

                goto case TerraformModel.FunctionType;

            case TerraformModel.FunctionType:
                var node = function.Properties?.Get("reserved_concurrent_executions");
                if (node is null)
                {
                    return function.Properties is not null;
                }

                if (node.IsLiteral && node.Value?.Trim() == "-1")
                {
                    unreserved = node;
                    return true;
                }

                return false;

            case ServerlessModel.FunctionType:
                return function.Properties?.GetEntry("reservedConcurrency") is null
                    && file.Root?.Get("provider")?.GetEntry("reservedConcurrency") is null;

            default:
                return false;
        }
    }

    private static TextChange? FunctionChange(DeploymentFile file, FunctionDefinition function, TemplateNode? unreserved, string value)
    {
        if (unreserved is not null)
        {
            return new TextChange(unreserved.Span, value);
        }

        if (function.Properties is not { } mapping)
        {
            return null;
        }

        return function.ResourceType switch
        {
            CloudFormationModel.SamFunction or CloudFormationModel.LambdaFunction => TemplateEdits.AddScalar(file, mapping, "ReservedConcurrentExecutions", value),
            TerraformModel.FunctionType or TerraformModel.ModuleFunctionType => TemplateEdits.AddHcl(file, mapping, new[] { "reserved_concurrent_executions = " + value }),
            ServerlessModel.FunctionType => TemplateEdits.AddYaml(file, mapping, new[] { "reservedConcurrency: " + value }),
            _ => null,
        };
    }

    /// <summary>
    /// Where the template already has <c>Parameters</c>: a new Number parameter <c>&lt;Function&gt;ReservedConcurrency</c>
    /// (default the option's value) and a reference to it on the function, so each environment can tune it at deploy time.
    /// </summary>
    private static (string Name, TextChange Declaration, TextChange Reference)? ParameterChanges(DeploymentFile file, FunctionDefinition function, string value)
    {
        if (file.Format is not (TemplateFormat.CloudFormationYaml or TemplateFormat.CloudFormationJson)
            || function.ResourceType is not (CloudFormationModel.SamFunction or CloudFormationModel.LambdaFunction)
            || function.Properties is not { } properties
            || file.Root?.Get("Parameters") is not { Kind: TemplateNodeKind.Mapping, Entries.Length: > 0 } parameters)
        {
            return null;
        }

        var name = function.Name + "ReservedConcurrency";
        for (var i = 2; file.Parameters.Contains(name); i++)
        {
            name = function.Name + "ReservedConcurrency" + i.ToString(CultureInfo.InvariantCulture);
        }

        TextChange? declaration;
        TextChange? reference;
        var description = "Reserved concurrent executions of " + function.Name + " (0 stops it)";
        if (file.Format == TemplateFormat.CloudFormationJson)
        {
            var unit = TemplateEdits.JsonIndentUnit(file, parameters);
            declaration = TemplateEdits.AddJson(file, parameters, TemplateEdits.JsonObjectProperty(
                name, "\"Type\": \"Number\",\n\"Default\": " + value + ",\n\"Description\": \"" + description + "\"", unit));
            reference = TemplateEdits.AddScalar(file, properties, "ReservedConcurrentExecutions", "{ \"Ref\": \"" + name + "\" }");
        }
        else
        {
            declaration = TemplateEdits.AddYaml(file, parameters, new[] { name + ":", "\tType: Number", "\tDefault: " + value, "\tDescription: " + description });
            reference = TemplateEdits.AddScalar(file, properties, "ReservedConcurrentExecutions", "!Ref " + name);
        }

        return declaration is { } d && reference is { } r ? (name, d, r) : null;
    }

    private static TextChange? GlobalsChange(DeploymentFile file, string value)
    {
        if (file.Format is not (TemplateFormat.CloudFormationYaml or TemplateFormat.CloudFormationJson))
        {
            return null;
        }

        if (file.GlobalsFunction is { } globalsFunction)
        {
            return TemplateEdits.AddScalar(file, globalsFunction, "ReservedConcurrentExecutions", value);
        }

        if (file.Format == TemplateFormat.CloudFormationJson)
        {
            if (file.Root is not { } root)
            {
                return null;
            }

            var unit = TemplateEdits.JsonIndentUnit(file, root);
            var function = TemplateEdits.JsonObjectProperty("Function", "\"ReservedConcurrentExecutions\": " + value, unit);
            return root.Get("Globals") is { } jsonGlobals
                ? TemplateEdits.AddJson(file, jsonGlobals, function)
                : TemplateEdits.AddJson(file, root, TemplateEdits.JsonObjectProperty("Globals", function, unit));
        }

        if (file.Root?.Get("Globals") is { } globals)
        {
            return TemplateEdits.AddYaml(file, globals, new[] { "Function:", "\tReservedConcurrentExecutions: " + value });
        }

        return TemplateEdits.AddYamlRootSection(file, "Resources", new[] { "Globals:", "\tFunction:", "\t\tReservedConcurrentExecutions: " + value });
    }
}
