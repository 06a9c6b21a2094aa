using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Templates;

internal enum TemplateFormat
{
    Unknown,
    CloudFormationJson,
    CloudFormationYaml,
    ServerlessFramework,
    Terraform,
    ToolsDefaults,
}

/// <summary>A Lambda function declared by a deployment file.</summary>
internal sealed class FunctionDefinition
{
    private readonly TemplateNode? _globals;

    internal FunctionDefinition(
        string name,
        TextSpan nameSpan,
        string resourceType,
        TemplateNode? resource,
        TemplateNode? properties,
        TemplateNode? globals,
        TemplateNode? handler,
        string? runtime,
        string? packageType,
        string? codeUri,
        ImmutableArray<EventSourceDefinition> events)
    {
        Name = name;
        NameSpan = nameSpan;
        ResourceType = resourceType;
        Resource = resource;
        Properties = properties;
        _globals = globals;
        Handler = handler;
        Runtime = runtime;
        PackageType = packageType;
        CodeUri = codeUri;
        Events = events;
    }

    /// <summary>CloudFormation logical id, Terraform resource name, serverless function key, or for tools-defaults the function name or project.</summary>
    public string Name { get; }

    /// <summary>The declaring key or label, inside quotes (where diagnostics about the function are reported).</summary>
    public TextSpan NameSpan { get; }

    /// <summary>
    /// <c>AWS::Serverless::Function</c>, <c>AWS::Lambda::Function</c>, <c>aws_lambda_function</c>, <c>module</c>
    /// (a Terraform module block with a <c>handler</c>), <c>serverless:function</c> or <c>tools-defaults</c>.
    /// </summary>
    public string ResourceType { get; }

    /// <summary>
    /// The declaring node: the CloudFormation resource mapping (with <c>Type</c>, <c>Metadata</c>...), the HCL block,
    /// the serverless function mapping, or the tools-defaults root.
    /// </summary>
    public TemplateNode? Resource { get; }

    /// <summary>CloudFormation <c>Properties</c>, HCL block body, serverless function mapping, tools-defaults root.</summary>
    public TemplateNode? Properties { get; }

    /// <summary>The handler scalar when it is a literal string; null when absent or computed (<c>!Sub</c>, HCL interpolation...).</summary>
    public TemplateNode? Handler { get; }

    public string? Runtime { get; }

    /// <summary><c>Zip</c> or <c>Image</c>; null when written as a non-literal.</summary>
    public string? PackageType { get; }

    public string? CodeUri { get; }

    public ImmutableArray<EventSourceDefinition> Events { get; }

    /// <summary>Whether the function is in the SAM <c>Globals.Function</c> section's scope.</summary>
    public bool UsesGlobals => _globals is not null;

    /// <summary>The function's own property, else (SAM functions only) the one in <c>Globals.Function</c>.</summary>
    public TemplateNode? GetProperty(string name) => GetPropertyEntry(name)?.Value;

    public TemplateEntry? GetPropertyEntry(string name) => Properties?.GetEntry(name) ?? _globals?.GetEntry(name);

    public override string ToString() => ResourceType + " " + Name;
}

internal sealed class EventSourceDefinition
{
    internal EventSourceDefinition(string name, string type, string? path, string? method, TextSpan span, TemplateNode? node)
    {
        Name = name;
        Type = type;
        Path = path;
        Method = method;
        Span = span;
        Node = node;
    }

    /// <summary>SAM event name; serverless event key; Terraform/CloudFormation resource name of the linking resource.</summary>
    public string Name { get; }

    /// <summary>
    /// SAM event type (Api, HttpApi, SQS, Kinesis, DynamoDB, S3, SNS, Schedule, ScheduleV2, EventBridgeRule,
    /// CloudWatchEvent...), serverless event key (http, httpApi, sqs, stream, schedule, s3, sns, alb, websocket...),
    /// <c>FunctionUrl</c>, <c>ALB</c>, or <c>EventSourceMapping</c> when the source kind is unknown.
    /// </summary>
    public string Type { get; }

    public string? Path { get; }

    public string? Method { get; }

    public TextSpan Span { get; }

    /// <summary>The event's node: SAM event mapping, serverless event value, the linking resource's block.</summary>
    public TemplateNode? Node { get; }

    public override string ToString() => Type + " " + Name + (Path is null ? string.Empty : " " + Method + " " + Path);
}

internal sealed class ApiDefinition
{
    internal ApiDefinition(string name, TextSpan nameSpan, string resourceType, TemplateNode? properties, bool isImplicit)
    {
        Name = name;
        NameSpan = nameSpan;
        ResourceType = resourceType;
        Properties = properties;
        IsImplicit = isImplicit;
    }

    public string Name { get; }

    public TextSpan NameSpan { get; }

    /// <summary>
    /// CloudFormation type, Terraform resource type, or for serverless <c>serverless:http</c> / <c>serverless:httpApi</c>.
    /// </summary>
    public string ResourceType { get; }

    /// <summary>Resource properties; for implicit APIs the SAM <c>Globals.Api</c>/<c>Globals.HttpApi</c> or serverless provider section.</summary>
    public TemplateNode? Properties { get; }

    /// <summary>Created by SAM or the Serverless Framework from function events rather than declared.</summary>
    public bool IsImplicit { get; }

    public override string ToString() => ResourceType + " " + Name;
}

internal sealed class QueueDefinition
{
    internal QueueDefinition(string name, TextSpan nameSpan, TemplateNode? properties)
    {
        Name = name;
        NameSpan = nameSpan;
        Properties = properties;
    }

    public string Name { get; }

    public TextSpan NameSpan { get; }

    public TemplateNode? Properties { get; }

    public override string ToString() => "queue " + Name;
}

/// <summary>A Terraform <c>module</c> block.</summary>
internal sealed class ModuleReference
{
    internal ModuleReference(string name, TextSpan nameSpan, string? source, TemplateNode block)
    {
        Name = name;
        NameSpan = nameSpan;
        Source = source;
        Block = block;
    }

    public string Name { get; }

    public TextSpan NameSpan { get; }

    /// <summary>The literal <c>source</c>, e.g. <c>./modules/lambda</c> or <c>terraform-aws-modules/lambda/aws</c>.</summary>
    public string? Source { get; }

    public TemplateNode Block { get; }
}
