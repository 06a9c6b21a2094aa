using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LambdaAnalyzers.Templates;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.CodeFixes.Rules;

/// <summary>
/// The template half of LAMBDA002's "Use a Lambda Destination": in the one SAM template (YAML or JSON) that
/// declares the calling function (by its handler string) and the target, adds to the caller
/// <c>EventInvokeConfig: DestinationConfig: OnSuccess: { Type: Lambda, Destination: !GetAtt Target.Arn }</c>.
/// SAM adds <c>lambda:InvokeFunction</c> on the destination to the function's generated role, so no policy is
/// needed — and a caller with its own <c>Role</c> (which SAM does not touch) gets no edit.
/// It plans an edit only when the template proves the caller is invoked asynchronously: every event source
/// is an asynchronous one (S3, SNS without an SQS subscription, EventBridge/CloudWatch Events, schedules,
/// CloudWatch Logs, IoT rules), with at least one of them or an existing <c>EventInvokeConfig</c>.
/// Any doubt (several matching functions or templates, a synchronous source, a state machine or another
/// function that references the caller, an existing OnSuccess, Globals-level EventInvokeConfig, flow style)
/// means no edit — and then the fix is not offered, because removing the call without the destination would
/// drop the work.
/// </summary>
internal static class DestinationTemplateEditor
{
    private const string ServerlessFunction = "AWS::Serverless::Function";

    /// <summary>Event types whose service invokes the function asynchronously (SAM event types and permission principals).</summary>
    private static readonly HashSet<string> AsynchronousEventTypes = new(StringComparer.Ordinal)
    {
        "S3", "SNS", "EventBridgeRule", "CloudWatchEvent", "Schedule", "ScheduleV2", "CloudWatchLogs", "IoTRule",
    };

    internal sealed class Edit
    {
        public Edit(string path, IReadOnlyList<TextChange> changes, string callerName, string targetName)
        {
            Path = path;
            Changes = changes;
            CallerName = callerName;
            TargetName = targetName;
        }

        public string Path { get; }
        public IReadOnlyList<TextChange> Changes { get; }
        public string CallerName { get; }
        public string TargetName { get; }
    }

    /// <summary>
    /// The edit for the one CloudFormation/SAM template whose function runs the handler
    /// (<paramref name="isThisHandler"/> judges a handler string) and wires the target — through the environment
    /// variable <paramref name="environmentVariable"/> (<c>X: !Ref Target</c>) or by the literal function name
    /// <paramref name="functionName"/> (the target's <c>FunctionName</c>). Null when anything is in doubt.
    /// </summary>
    public static Edit? Plan(
        IEnumerable<(string Path, SourceText Text)> files,
        Func<string, bool> isThisHandler,
        string? environmentVariable,
        string? functionName,
        CancellationToken cancellationToken)
    {
        DeploymentFile? callerFile = null;
        FunctionDefinition? caller = null;
        foreach (var (path, text) in files)
        {
            var file = DeploymentFile.Read(path, text, cancellationToken);
            if (file is not { Format: TemplateFormat.CloudFormationYaml or TemplateFormat.CloudFormationJson, Root: not null })
            {
                continue;
            }

            foreach (var function in file.Functions)
            {
                if (function.Handler?.Value is { } handler && isThisHandler(handler))
                {
                    if (caller is not null)
                    {
                        return null; // Two functions run this handler: which one is invoked how is unclear.
                    }

                    caller = function;
                    callerFile = file;
                }
            }
        }

        return caller is null || callerFile is null ? null : PlanFile(callerFile, caller, environmentVariable, functionName);
    }

    private static Edit? PlanFile(DeploymentFile file, FunctionDefinition caller, string? environmentVariable, string? functionName)
    {
        if (caller.ResourceType != ServerlessFunction
            || caller.Properties is not { IsMapping: true, Entries.Length: > 0 } properties
            || FindTarget(file, caller, properties, environmentVariable, functionName) is not { } target)
        {
            return null;
        }

        // SAM grants the destination to the role it generates; a function with its own role would lack it.
        if (caller.GetProperty("Role") is not null || file.GlobalsFunction?.Get("EventInvokeConfig") is not null)
        {
            return null;
        }

        var existing = properties.Get("EventInvokeConfig");
        if (!IsInvokedAsynchronously(file, caller, existing is not null))
        {
            return null;
        }

        var isJson = file.Format == TemplateFormat.CloudFormationJson;
        var onSuccessYaml = new[] { "OnSuccess:", "\tType: Lambda", "\tDestination: !GetAtt " + target.Name + ".Arn" };
        var onSuccessJsonBody = "\"Type\": \"Lambda\",\n\"Destination\": { \"Fn::GetAtt\": [\"" + target.Name + "\", \"Arn\"] }";

        TextChange? change;
        if (existing is null)
        {
            if (isJson)
            {
                var unit = TemplateEdits.JsonIndentUnit(file, properties);
                change = TemplateEdits.AddJson(file, properties, TemplateEdits.JsonObjectProperty(
                    "EventInvokeConfig",
                    TemplateEdits.JsonObjectProperty("DestinationConfig", TemplateEdits.JsonObjectProperty("OnSuccess", onSuccessJsonBody, unit), unit),
                    unit));
            }
            else
            {
                change = TemplateEdits.AddYaml(file, properties, new[] { "EventInvokeConfig:", "\tDestinationConfig:" }.Concat(onSuccessYaml.Select(l => "\t\t" + l)).ToArray());
            }
        }
        else if (existing is not { IsMapping: true, Entries.Length: > 0 })
        {
            return null;
        }
        else if (existing.Get("DestinationConfig") is not { } destinations)
        {
            if (isJson)
            {
                var unit = TemplateEdits.JsonIndentUnit(file, existing);
                change = TemplateEdits.AddJson(file, existing, TemplateEdits.JsonObjectProperty("DestinationConfig", TemplateEdits.JsonObjectProperty("OnSuccess", onSuccessJsonBody, unit), unit));
            }
            else
            {
                change = TemplateEdits.AddYaml(file, existing, new[] { "DestinationConfig:" }.Concat(onSuccessYaml.Select(l => "\t" + l)).ToArray());
            }
        }
        else if (destinations is { IsMapping: true, Entries.Length: > 0 } && destinations.Get("OnSuccess") is null)
        {
            if (isJson)
            {
                var unit = TemplateEdits.JsonIndentUnit(file, destinations);
                change = TemplateEdits.AddJson(file, destinations, TemplateEdits.JsonObjectProperty("OnSuccess", onSuccessJsonBody, unit));
            }
            else
            {
                change = TemplateEdits.AddYaml(file, destinations, onSuccessYaml);
            }
        }
        else
        {
            // Something already receives the caller's results: returning the payload would change what it gets.
            return null;
        }

        return change is { } c ? new Edit(file.Path, new[] { c }, caller.Name, target.Name) : null;
    }

    /// <summary>The target function of the same template, wired by environment variable or named by FunctionName.</summary>
    private static FunctionDefinition? FindTarget(DeploymentFile file, FunctionDefinition caller, TemplateNode properties, string? environmentVariable, string? functionName)
    {
        string? targetId = null;
        if (environmentVariable is not null
            && properties.Get("Environment")?.Get("Variables") is { IsMapping: true } variables
            && variables.Get(environmentVariable) is { } value)
        {
            targetId = RefTarget(value);
        }

        FunctionDefinition? target = null;
        if (targetId is not null)
        {
            target = file.Functions.FirstOrDefault(f => f.Name == targetId);
        }
        else if (functionName is not null)
        {
            var named = file.Functions.Where(f => f.GetProperty("FunctionName") is { IsLiteral: true, Value: { } name } && name == functionName).ToList();
            target = named.Count == 1 ? named[0] : null;
        }

        return target is null || target == caller ? null : target;
    }

    /// <summary>The logical id of <c>!Ref X</c> / <c>{ "Ref": "X" }</c> (a function's name); null for anything else.</summary>
    internal static string? RefTarget(TemplateNode value)
    {
        if (value is { Tag: "!Ref", IsScalar: true, Value: { Length: > 0 } id })
        {
            return id;
        }

        return value is { IsMapping: true, Entries.Length: 1 } && value.Entries[0] is { Key: "Ref", Value: { IsScalar: true, Value: { Length: > 0 } refId } }
            ? refId
            : null;
    }

    /// <summary>
    /// Every way the template shows the caller being invoked is asynchronous, and there is at least one (an
    /// event source, or an EventInvokeConfig the author wrote because the function is invoked asynchronously).
    /// A state machine or another function that references the caller may invoke it synchronously: no.
    /// </summary>
    private static bool IsInvokedAsynchronously(DeploymentFile file, FunctionDefinition caller, bool hasEventInvokeConfig)
    {
        foreach (var source in caller.Events)
        {
            if (!AsynchronousEventTypes.Contains(source.Type))
            {
                return false;
            }

            // SNS with SqsSubscription: SNS -> SQS -> event source mapping, which invokes synchronously.
            if (source.Type == "SNS" && source.Node?.Get("Properties")?.Get("SqsSubscription") is { } subscription
                && !(subscription.IsLiteral && string.Equals(subscription.Value, "false", StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        if (caller.Events.Length == 0 && !hasEventInvokeConfig)
        {
            return false;
        }

        if (file.Root?.Get("Resources") is { IsMapping: true } resources)
        {
            foreach (var entry in resources.Entries)
            {
                if (entry.Key == caller.Name || CloudFormationModel.ResourceType(entry.Value) is not { } type)
                {
                    continue;
                }

                var watched = type.EndsWith("StateMachine", StringComparison.Ordinal)
                    ? entry.Value
                    : type is CloudFormationModel.SamFunction or CloudFormationModel.LambdaFunction
                        ? entry.Value.Get("Properties")?.Get("Environment")
                        : null;
                if (watched is not null && ContainsReference(watched, caller.Name, depth: 0))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool ContainsReference(TemplateNode node, string logicalId, int depth)
    {
        if (depth > 32)
        {
            return true; // Too deep to judge: assume it does.
        }

        if (node.IsIntrinsic && CloudFormationModel.References(node, logicalId))
        {
            return true;
        }

        if (node.IsScalar)
        {
            // Step Functions definitions name functions inside strings (DefinitionSubstitutions, ${Caller.Arn}).
            return node.Value is { } value && value.IndexOf(logicalId, StringComparison.Ordinal) >= 0 && value.IndexOf("${", StringComparison.Ordinal) >= 0;
        }

        foreach (var entry in node.Entries)
        {
            if (ContainsReference(entry.Value, logicalId, depth + 1))
            {
                return true;
            }
        }

        foreach (var item in node.Items)
        {
            if (ContainsReference(item, logicalId, depth + 1))
            {
                return true;
            }
        }

        return false;
    }
}
