using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using LambdaAnalyzers.Templates;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.CodeFixes.Rules;

/// <summary>
/// The template half of LAMBDA002's "Send through a queue": in a SAM template — YAML (block style) or JSON
/// (serverless.template) — where the calling function passes the target to the code as
/// <c>ENV_VAR: !Ref TargetFunction</c> / <c>"ENV_VAR": { "Ref": "TargetFunction" }</c>, adds the queue with a
/// dead-letter queue, the caller's <c>&lt;STEM&gt;_QUEUE_URL</c> variable and <c>SQSSendMessagePolicy</c>, and the
/// target's SQS event source. Plain text insertions (YAML at line ends, JSON before the first member of each
/// object), so comments and layout stay; any shape it does not recognise (flow style, single-line JSON objects,
/// Globals-only environment, name clashes, several candidates) means no edit.
/// </summary>
internal static class QueueTemplateEditor
{
    private const string ServerlessFunction = "AWS::Serverless::Function";

    internal sealed class Edit
    {
        public Edit(string path, IReadOnlyList<TextChange> changes, string queueName)
        {
            Path = path;
            Changes = changes;
            QueueName = queueName;
        }

        public string Path { get; }
        public IReadOnlyList<TextChange> Changes { get; }
        public string QueueName { get; }
    }

    /// <summary>The edit for the one template that wires <paramref name="environmentVariable"/> to a function; null otherwise.</summary>
    public static Edit? Plan(IEnumerable<(string Path, SourceText Text)> files, string environmentVariable, string stem, CancellationToken cancellationToken)
    {
        Edit? found = null;
        foreach (var (path, text) in files)
        {
            var file = DeploymentFile.Read(path, text, cancellationToken);
            if (file is not { Format: TemplateFormat.CloudFormationYaml or TemplateFormat.CloudFormationJson, Root: { } root })
            {
                continue;
            }

            foreach (var caller in file.Functions)
            {
                if (caller.ResourceType != ServerlessFunction
                    || caller.Properties?.Get("Environment")?.Get("Variables") is not { IsMapping: true } variables
                    || variables.Get(environmentVariable) is not { } wired
                    || DestinationTemplateEditor.RefTarget(wired) is not { } targetName)
                {
                    continue;
                }

                var target = file.Functions.FirstOrDefault(f => f.Name == targetName && f.ResourceType == ServerlessFunction);
                if (target is null || target == caller)
                {
                    continue;
                }

                if (found is not null)
                {
                    return null; // Two candidates: do not guess.
                }

                found = file.Format == TemplateFormat.CloudFormationJson
                    ? PlanJsonFile(file, root, caller, variables, target, stem)
                    : PlanFile(file, root, caller, variables, target, stem);
                if (found is null)
                {
                    return null;
                }
            }
        }

        return found;
    }

    private static Edit? PlanFile(DeploymentFile file, TemplateNode root, FunctionDefinition caller, TemplateNode variables, FunctionDefinition target, string stem)
    {
        var text = file.Text;
        if (root.Get("Resources") is not { IsMapping: true } resources
            || resources.Entries.Length == 0
            || caller.Properties is not { IsMapping: true, Entries.Length: > 0 } callerProperties
            || target.Properties is not { IsMapping: true, Entries.Length: > 0 } targetProperties
            || variables.Entries.Length == 0
            || !IsBlock(text, resources) || !IsBlock(text, callerProperties) || !IsBlock(text, targetProperties) || !IsBlock(text, variables))
        {
            return null;
        }

        if (Names(resources, variables, target, stem) is not { } names)
        {
            return null;
        }

        var (queue, deadLetters, variable) = names;

        var resourceIndent = Column(text, resources.Entries[0].KeySpan.Start);
        var propertyIndent = Column(text, callerProperties.Entries[0].KeySpan.Start);
        var callerEntry = resources.GetEntry(caller.Name);
        if (callerEntry is null || propertyIndent <= resourceIndent)
        {
            return null;
        }

        // The indentation step of the file: Properties' keys relative to the resource's own keys.
        var resourceKeyIndent = callerEntry.Value.Entries.Length > 0 ? Column(text, callerEntry.Value.Entries[0].KeySpan.Start) : -1;
        var unit = resourceKeyIndent > resourceIndent ? resourceKeyIndent - resourceIndent : 2;
        var newline = text.Lines.Count > 1 && text.ToString(TextSpan.FromBounds(text.Lines[0].End, text.Lines[0].EndIncludingLineBreak)) == "\r\n" ? "\r\n" : "\n";

        var inserts = new List<(int Position, string Text)>();

        // 1. The caller's variable.
        var variableIndent = Column(text, variables.Entries[0].KeySpan.Start);
        inserts.Add((LineEnd(text, variables.Entries.Last().Span.End), $"{newline}{Spaces(variableIndent)}{variable}: !Ref {queue}"));

        // 2. The caller's permission.
        var policy = $"SQSSendMessagePolicy:{newline}{{0}}QueueName: !GetAtt {queue}.QueueName";
        if (callerProperties.Get("Policies") is { } policies)
        {
            if (!policies.IsSequence || policies.Items.Length == 0 || !IsBlock(text, policies))
            {
                return null;
            }

            var itemColumn = Column(text, policies.Items[0].Span.Start);
            var dashColumn = DashColumn(text, policies.Items[0].Span.Start);
            if (dashColumn < 0)
            {
                return null;
            }

            inserts.Add((LineEnd(text, policies.Items.Last().Span.End),
                $"{newline}{Spaces(dashColumn)}- " + string.Format(CultureInfo.InvariantCulture, policy, Spaces(itemColumn + unit))));
        }
        else
        {
            inserts.Add((LineEnd(text, callerProperties.Entries.Last().Span.End),
                $"{newline}{Spaces(propertyIndent)}Policies:{newline}{Spaces(propertyIndent + unit)}- " + string.Format(CultureInfo.InvariantCulture, policy, Spaces(propertyIndent + unit + 2 + unit))));
        }

        // 3. The target's event source.
        var targetPropertyIndent = Column(text, targetProperties.Entries[0].KeySpan.Start);
        var eventBody = $"{{0}}{queue}:{newline}{{1}}Type: SQS{newline}{{1}}Properties:{newline}{{2}}Queue: !GetAtt {queue}.Arn{newline}{{2}}FunctionResponseTypes:{newline}{{2}}  - ReportBatchItemFailures";
        if (targetProperties.Get("Events") is { } events)
        {
            if (!events.IsMapping || events.Entries.Length == 0 || !IsBlock(text, events))
            {
                return null;
            }

            var eventIndent = Column(text, events.Entries[0].KeySpan.Start);
            inserts.Add((LineEnd(text, events.Entries.Last().Span.End),
                newline + string.Format(CultureInfo.InvariantCulture, eventBody, Spaces(eventIndent), Spaces(eventIndent + unit), Spaces(eventIndent + 2 * unit))));
        }
        else
        {
            var eventIndent = targetPropertyIndent + unit;
            inserts.Add((LineEnd(text, targetProperties.Entries.Last().Span.End),
                $"{newline}{Spaces(targetPropertyIndent)}Events:{newline}" + string.Format(CultureInfo.InvariantCulture, eventBody, Spaces(eventIndent), Spaces(eventIndent + unit), Spaces(eventIndent + 2 * unit))));
        }

        // 4. The queues.
        var visibility = VisibilityTimeout(target);
        var r = Spaces(resourceIndent);
        var u1 = Spaces(resourceIndent + unit);
        var u2 = Spaces(resourceIndent + 2 * unit);
        var u3 = Spaces(resourceIndent + 3 * unit);
        inserts.Add((LineEnd(text, resources.Entries.Last().Span.End),
            $"{newline}{newline}{r}{queue}:{newline}{u1}Type: AWS::SQS::Queue{newline}{u1}Properties:{newline}{u2}VisibilityTimeout: {visibility.ToString(CultureInfo.InvariantCulture)}{newline}" +
            $"{u2}RedrivePolicy:{newline}{u3}deadLetterTargetArn: !GetAtt {deadLetters}.Arn{newline}{u3}maxReceiveCount: 3{newline}{newline}" +
            $"{r}{deadLetters}:{newline}{u1}Type: AWS::SQS::Queue"));

        return new Edit(file.Path, Merge(inserts), queue);
    }

    /// <summary>The JSON twin of <see cref="PlanFile"/>: each addition goes before the first member of its object or array.</summary>
    private static Edit? PlanJsonFile(DeploymentFile file, TemplateNode root, FunctionDefinition caller, TemplateNode variables, FunctionDefinition target, string stem)
    {
        if (root.Get("Resources") is not { IsMapping: true, Entries.Length: > 0 } resources
            || caller.Properties is not { IsMapping: true, Entries.Length: > 0 } callerProperties
            || target.Properties is not { IsMapping: true, Entries.Length: > 0 } targetProperties
            || variables.Entries.Length == 0
            || Names(resources, variables, target, stem) is not { } names)
        {
            return null;
        }

        var (queue, deadLetters, variable) = names;

        var unit = TemplateEdits.JsonIndentUnit(file, resources);
        string GetAtt(string id, string attribute) => $"{{ \"Fn::GetAtt\": [\"{id}\", \"{attribute}\"] }}";
        var changes = new List<TextChange?>();

        // 1. The caller's variable.
        changes.Add(TemplateEdits.AddJson(file, variables, $"\"{variable}\": {{ \"Ref\": \"{queue}\" }}"));

        // 2. The caller's permission.
        var policy = $"{{ \"SQSSendMessagePolicy\": {{ \"QueueName\": {GetAtt(queue, "QueueName")} }} }}";
        changes.Add(callerProperties.Get("Policies") is { } policies
            ? policies.IsSequence ? TemplateEdits.AddJsonItem(file, policies, policy) : null
            : TemplateEdits.AddJson(file, callerProperties, "\"Policies\": [\n" + unit + policy + "\n]"));

        // 3. The target's event source.
        var eventProperty = TemplateEdits.JsonObjectProperty(
            queue,
            "\"Type\": \"SQS\",\n" + TemplateEdits.JsonObjectProperty("Properties", $"\"Queue\": {GetAtt(queue, "Arn")},\n\"FunctionResponseTypes\": [\"ReportBatchItemFailures\"]", unit),
            unit);
        changes.Add(targetProperties.Get("Events") is { } events
            ? events is { IsMapping: true, Entries.Length: > 0 } ? TemplateEdits.AddJson(file, events, eventProperty) : null
            : TemplateEdits.AddJson(file, targetProperties, TemplateEdits.JsonObjectProperty("Events", eventProperty, unit)));

        // 4. The queues.
        var queueBody = "\"Type\": \"AWS::SQS::Queue\",\n" + TemplateEdits.JsonObjectProperty(
            "Properties",
            $"\"VisibilityTimeout\": {VisibilityTimeout(target).ToString(CultureInfo.InvariantCulture)},\n"
            + TemplateEdits.JsonObjectProperty("RedrivePolicy", $"\"deadLetterTargetArn\": {GetAtt(deadLetters, "Arn")},\n\"maxReceiveCount\": 3", unit),
            unit);
        changes.Add(TemplateEdits.AddJson(file, resources,
            TemplateEdits.JsonObjectProperty(queue, queueBody, unit) + ",\n" + TemplateEdits.JsonObjectProperty(deadLetters, "\"Type\": \"AWS::SQS::Queue\"", unit)));

        if (changes.Any(c => c is null))
        {
            return null;
        }

        return new Edit(file.Path, Merge(changes.Select(c => (c!.Value.Span.Start, c.Value.NewText!)).ToList()), queue);
    }

    /// <summary>The queue, dead-letter queue and variable names; null when any is taken.</summary>
    private static (string Queue, string DeadLetters, string Variable)? Names(TemplateNode resources, TemplateNode variables, FunctionDefinition target, string stem)
    {
        var baseName = target.Name.EndsWith("Function", StringComparison.Ordinal) && target.Name.Length > "Function".Length
            ? target.Name.Substring(0, target.Name.Length - "Function".Length)
            : target.Name;
        var queue = baseName + "Queue";
        var deadLetters = baseName + "DeadLetterQueue";
        var variable = stem + "_QUEUE_URL";
        return resources.GetEntry(queue) is not null || resources.GetEntry(deadLetters) is not null || variables.GetEntry(variable) is not null
            ? null
            : (queue, deadLetters, variable);
    }

    /// <summary>At least six times the consumer's timeout (function or Globals, default 3 s), as AWS recommends; 30 s to 12 h.</summary>
    private static int VisibilityTimeout(FunctionDefinition target)
    {
        var timeout = int.TryParse(target.GetProperty("Timeout") is { IsLiteral: true, Value: { } t } ? t : "3", NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds : 900;
        return Math.Max(30, Math.Min(43200, 6 * timeout));
    }

    /// <summary>One change per position; insertions at the same position keep the order they were planned in.</summary>
    private static List<TextChange> Merge(List<(int Position, string Text)> inserts)
        => inserts
            .Select((insert, index) => (insert.Position, insert.Text, index))
            .GroupBy(i => i.Position)
            .OrderBy(g => g.Key)
            .Select(g => new TextChange(new TextSpan(g.Key, 0), string.Concat(g.OrderBy(i => i.index).Select(i => i.Text))))
            .ToList();

    private static string Spaces(int count) => new(' ', Math.Max(0, count));

    private static int Column(SourceText text, int position) => position - text.Lines.GetLineFromPosition(position).Start;

    private static int LineEnd(SourceText text, int position) => text.Lines.GetLineFromPosition(Math.Max(0, position - 1)).End;

    /// <summary>Block style: the node does not start with a flow bracket.</summary>
    private static bool IsBlock(SourceText text, TemplateNode node)
        => node.Span.Length > 0 && text[node.Span.Start] is not ('{' or '[');

    /// <summary>The column of the "- " that introduces a block sequence item starting at <paramref name="itemStart"/>.</summary>
    private static int DashColumn(SourceText text, int itemStart)
    {
        var line = text.Lines.GetLineFromPosition(itemStart);
        for (var position = itemStart - 1; position >= line.Start; position--)
        {
            var c = text[position];
            if (c == '-')
            {
                return position - line.Start;
            }

            if (c != ' ')
            {
                return -1;
            }
        }

        return -1;
    }
}
