using System;
using System.Linq;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace LambdaAnalyzers.Templates;

/// <summary>Functions, APIs, queues and parameters of a CloudFormation / SAM template (JSON or YAML).</summary>
internal static class CloudFormationModel
{
    public const string SamFunction = "AWS::Serverless::Function";
    public const string LambdaFunction = "AWS::Lambda::Function";
    public const string SamApi = "AWS::Serverless::Api";
    public const string SamHttpApi = "AWS::Serverless::HttpApi";
    public const string SqsQueue = "AWS::SQS::Queue";

    private static readonly string[] ApiTypes =
    {
        SamApi, SamHttpApi, "AWS::ApiGateway::RestApi", "AWS::ApiGateway::Stage", "AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Stage",
    };

    public static void Build(TemplateNode root, ModelBuilder model)
    {
        var globals = root.Get("Globals");
        var globalsFunction = globals?.Get("Function") is { Kind: TemplateNodeKind.Mapping } gf ? gf : null;
        model.GlobalsFunction = globalsFunction;

        if (root.Get("Parameters") is { Kind: TemplateNodeKind.Mapping } parameters)
        {
            foreach (var entry in parameters.Entries)
            {
                model.Parameters.Add(entry.Key);
            }
        }

        if (root.Get("Resources") is not { Kind: TemplateNodeKind.Mapping } resources)
        {
            return;
        }

        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in resources.Entries)
        {
            if (ResourceType(entry.Value) is { } type && !byId.ContainsKey(entry.Key))
            {
                byId.Add(entry.Key, type);
            }
        }

        var linked = IndexLinkedEvents(resources, byId);
        TemplateEntry? implicitRestEvent = null;
        TemplateEntry? implicitHttpEvent = null;
        foreach (var entry in resources.Entries)
        {
            var type = ResourceType(entry.Value);
            if (type is SamFunction or LambdaFunction)
            {
                var isSam = type == SamFunction;
                var function = BuildFunction(entry, type, isSam ? globalsFunction : null, linked);
                model.Functions.Add(function);
                if (isSam)
                {
                    FindImplicitApiEvents(entry.Value.Get("Properties"), ref implicitRestEvent, ref implicitHttpEvent);
                }
            }
            else if (type == SqsQueue)
            {
                model.Queues.Add(new QueueDefinition(entry.Key, entry.KeySpan, Properties(entry.Value)));
            }
            else if (type is not null && Array.IndexOf(ApiTypes, type) >= 0)
            {
                model.Apis.Add(new ApiDefinition(entry.Key, entry.KeySpan, type, Properties(entry.Value), isImplicit: false));
            }
        }

        if (implicitRestEvent is not null && !byId.ContainsKey("ServerlessRestApi"))
        {
            model.Apis.Add(new ApiDefinition("ServerlessRestApi", implicitRestEvent.KeySpan, SamApi, Mapping(globals?.Get("Api")), isImplicit: true));
        }

        if (implicitHttpEvent is not null && !byId.ContainsKey("ServerlessHttpApi"))
        {
            model.Apis.Add(new ApiDefinition("ServerlessHttpApi", implicitHttpEvent.KeySpan, SamHttpApi, Mapping(globals?.Get("HttpApi")), isImplicit: true));
        }
    }

    private static FunctionDefinition BuildFunction(
        TemplateEntry entry,
        string type,
        TemplateNode? globals,
        LinkedEventIndex linked)
    {
        var resource = entry.Value;
        var properties = Properties(resource);
        TemplateNode? Get(string name) => properties?.Get(name) ?? globals?.Get(name);

        var handler = Get("Handler") is { IsLiteral: true } h ? h : null;
        var runtime = Literal(Get("Runtime"));

        string? packageType;
        var packageTypeNode = Get("PackageType");
        if (packageTypeNode is not null)
        {
            packageType = Literal(packageTypeNode);
        }
        else
        {
            var isImage = type == SamFunction
                ? Get("ImageUri") is not null || resource.Get("Metadata")?.Get("Dockerfile") is not null
                : properties?.Get("Code")?.Get("ImageUri") is not null;
            packageType = isImage ? "Image" : "Zip";
        }

        var codeUri = type == SamFunction ? Literal(Get("CodeUri")) : Literal(properties?.Get("Code"));

        var events = ImmutableArray.CreateBuilder<EventSourceDefinition>();
        if (properties?.Get("Events") is { Kind: TemplateNodeKind.Mapping } samEvents)
        {
            foreach (var ev in samEvents.Entries)
            {
                var evProperties = ev.Value.Get("Properties");
                events.Add(new EventSourceDefinition(
                    ev.Key,
                    Literal(ev.Value.Get("Type")) ?? string.Empty,
                    Literal(evProperties?.Get("Path")),
                    Literal(evProperties?.Get("Method")),
                    ev.Span,
                    ev.Value));
            }
        }

        var urlConfig = properties?.GetEntry("FunctionUrlConfig") ?? globals?.GetEntry("FunctionUrlConfig");
        if (urlConfig is not null)
        {
            events.Add(new EventSourceDefinition("FunctionUrl", "FunctionUrl", null, null, urlConfig.Span, urlConfig.Value));
        }

        linked.AddTo(entry.Key, Literal(properties?.Get("FunctionName")), events);

        return new FunctionDefinition(entry.Key, entry.KeySpan, type, resource, properties, globals, handler, runtime, packageType, codeUri, events.ToImmutable());
    }

    /// <summary>Indexes the resources that point at functions: URLs, event source mappings, permissions, ALB target groups.</summary>
    private static LinkedEventIndex IndexLinkedEvents(TemplateNode resources, Dictionary<string, string> byId)
    {
        var index = new LinkedEventIndex();
        foreach (var entry in resources.Entries)
        {
            var properties = Properties(entry.Value);
            if (properties is null)
            {
                continue;
            }

            switch (ResourceType(entry.Value))
            {
                case "AWS::Lambda::Url":
                    index.Add(properties.Get("TargetFunctionArn"), ReferencedIds, Event(entry, "FunctionUrl"));
                    break;

                case "AWS::Lambda::EventSourceMapping":
                    index.Add(properties.Get("FunctionName"), ReferencedIds, Event(entry, EventSourceKind(properties.Get("EventSourceArn"), byId)));
                    break;

                case "AWS::Lambda::Permission":
                    if (PrincipalKind(Literal(properties.Get("Principal"))) is { } principalKind)
                    {
                        index.Add(properties.Get("FunctionName"), ReferencedIds, Event(entry, principalKind));
                    }

                    break;

                case "AWS::ElasticLoadBalancingV2::TargetGroup":
                    if (properties.Get("Targets") is { Kind: TemplateNodeKind.Sequence } targets)
                    {
                        var alb = Event(entry, "ALB");
                        foreach (var target in targets.Items)
                        {
                            index.Add(target.Get("Id"), ReferencedIds, alb);
                        }
                    }

                    break;
            }
        }

        return index;
    }

    private static EventSourceDefinition Event(TemplateEntry resource, string type) =>
        new(resource.Key, type, null, null, resource.Span, resource.Value);

    private static string EventSourceKind(TemplateNode? arn, Dictionary<string, string> byId)
    {
        if (arn is null)
        {
            return "EventSourceMapping";
        }

        foreach (var id in ReferencedIds(arn))
        {
            if (byId.TryGetValue(id, out var type))
            {
                switch (type)
                {
                    case SqsQueue: return "SQS";
                    case "AWS::Kinesis::Stream": return "Kinesis";
                    case "AWS::DynamoDB::Table": return "DynamoDB";
                    case "AWS::MSK::Cluster": return "MSK";
                    case "AWS::AmazonMQ::Broker": return "MQ";
                }
            }
        }

        return ArnKind(Text(arn));
    }

    /// <summary>Event kind from an ARN or reference text (Terraform and CloudFormation alike).</summary>
    internal static string ArnKind(string? text)
    {
        if (text is null)
        {
            return "EventSourceMapping";
        }

        if (text.IndexOf(":sqs:", StringComparison.Ordinal) >= 0 || text.IndexOf("aws_sqs_queue", StringComparison.Ordinal) >= 0)
        {
            return "SQS";
        }

        if (text.IndexOf(":kinesis:", StringComparison.Ordinal) >= 0 || text.IndexOf("aws_kinesis_stream", StringComparison.Ordinal) >= 0)
        {
            return "Kinesis";
        }

        if (text.IndexOf(":dynamodb:", StringComparison.Ordinal) >= 0 || text.IndexOf("aws_dynamodb_table", StringComparison.Ordinal) >= 0)
        {
            return "DynamoDB";
        }

        if (text.IndexOf(":kafka:", StringComparison.Ordinal) >= 0 || text.IndexOf("aws_msk_cluster", StringComparison.Ordinal) >= 0)
        {
            return "MSK";
        }

        if (text.IndexOf(":mq:", StringComparison.Ordinal) >= 0 || text.IndexOf("aws_mq_broker", StringComparison.Ordinal) >= 0)
        {
            return "MQ";
        }

        return "EventSourceMapping";
    }

    /// <summary>The event kind a Lambda permission's principal stands for; null for principals that are not event sources.</summary>
    internal static string? PrincipalKind(string? principal) => principal switch
    {
        "apigateway.amazonaws.com" => "Api",
        "s3.amazonaws.com" => "S3",
        "sns.amazonaws.com" => "SNS",
        "events.amazonaws.com" => "EventBridgeRule",
        "scheduler.amazonaws.com" => "ScheduleV2",
        "elasticloadbalancing.amazonaws.com" => "ALB",
        "logs.amazonaws.com" => "CloudWatchLogs",
        "iot.amazonaws.com" => "IoTRule",
        "cognito-idp.amazonaws.com" => "Cognito",
        "alexa-appkit.amazon.com" => "AlexaSkill",
        _ => null,
    };

    /// <summary>
    /// The logical ids an intrinsic refers to: <c>!Ref X</c>, <c>!GetAtt X.Arn</c>, <c>!GetAtt [X, Arn]</c>,
    /// <c>{"Ref": "X"}</c>, <c>{"Fn::GetAtt": ["X", "Arn"]}</c>, <c>!Sub "${X.Arn}"</c>.
    /// </summary>
    internal static IEnumerable<string> ReferencedIds(TemplateNode node)
    {
        string tag;
        TemplateNode argument;
        if (node.Tag is { Length: > 1 } t && t[0] == '!')
        {
            tag = t.Substring(1);
            argument = node;
        }
        else if (node.Kind == TemplateNodeKind.Mapping && node.Entries.Length == 1)
        {
            var key = node.Entries[0].Key;
            tag = key.StartsWith("Fn::", StringComparison.Ordinal) ? key.Substring(4) : key;
            argument = node.Entries[0].Value;
        }
        else
        {
            yield break;
        }

        switch (tag)
        {
            case "Ref":
                if (argument.Kind == TemplateNodeKind.Scalar && argument.Value is { Length: > 0 } id)
                {
                    yield return id;
                }

                break;

            case "GetAtt":
                if (argument.Kind == TemplateNodeKind.Scalar && argument.Value is { } value)
                {
                    var dot = value.IndexOf('.');
                    if (dot > 0)
                    {
                        yield return value.Substring(0, dot);
                    }
                }
                else if (argument.Kind == TemplateNodeKind.Sequence && argument.Items.Length > 0 && argument.Items[0].Value is { Length: > 0 } first)
                {
                    yield return first;
                }

                break;

            case "Sub":
                var template = argument.Kind == TemplateNodeKind.Sequence && argument.Items.Length > 0 ? argument.Items[0].Value : argument.Value;
                if (template is null)
                {
                    break;
                }

                for (var i = template.IndexOf("${", StringComparison.Ordinal); i >= 0; i = template.IndexOf("${", i + 2, StringComparison.Ordinal))
                {
                    var end = template.IndexOf('}', i + 2);
                    if (end < 0)
                    {
                        break;
                    }

                    var name = template.Substring(i + 2, end - i - 2);
                    var dot = name.IndexOf('.');
                    yield return dot > 0 ? name.Substring(0, dot) : name;
                }

                break;
        }
    }

    private static void FindImplicitApiEvents(TemplateNode? properties, ref TemplateEntry? rest, ref TemplateEntry? http)
    {
        if (properties?.Get("Events") is not { Kind: TemplateNodeKind.Mapping } events)
        {
            return;
        }

        foreach (var ev in events.Entries)
        {
            var type = Literal(ev.Value.Get("Type"));
            var evProperties = ev.Value.Get("Properties");
            if (type == "Api" && rest is null && evProperties?.Get("RestApiId") is null)
            {
                rest = ev;
            }
            else if (type == "HttpApi" && http is null && evProperties?.Get("ApiId") is null)
            {
                http = ev;
            }
        }
    }

    internal static string? ResourceType(TemplateNode resource) =>
        resource.Kind == TemplateNodeKind.Mapping ? Literal(resource.Get("Type")) : null;

    private static TemplateNode? Properties(TemplateNode resource) => Mapping(resource.Get("Properties"));

    private static TemplateNode? Mapping(TemplateNode? node) => node is { Kind: TemplateNodeKind.Mapping } ? node : null;

    internal static string? Literal(TemplateNode? node) => node is { IsLiteral: true } ? node.Value : null;

    private static string? Text(TemplateNode node)
    {
        if (node.Kind == TemplateNodeKind.Scalar)
        {
            return node.Value;
        }

        foreach (var entry in node.Entries)
        {
            if (Text(entry.Value) is { } inner)
            {
                return inner;
            }
        }

        return node.Items.Length > 0 ? Text(node.Items[0]) : null;
    }

    /// <summary>True when an intrinsic (Ref, GetAtt, Sub) in <paramref name="node"/> refers to the resource.</summary>
    internal static bool References(TemplateNode node, string logicalId)
        => ReferencedIds(node).Contains(logicalId, StringComparer.Ordinal);
}
