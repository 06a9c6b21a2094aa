using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Templates;

/// <summary>
/// Functions, events, APIs and queues of one Terraform file. Each file is read alone: a reference to a resource in
/// another file is not resolved. Events are found from the resources that point at a function
/// (<c>aws_lambda_event_source_mapping</c>, <c>aws_lambda_function_url</c>, <c>aws_lambda_permission</c>,
/// <c>aws_lb_target_group_attachment</c>, API Gateway integrations); their path and method are best effort.
/// </summary>
internal static class TerraformModel
{
    public const string FunctionType = "aws_lambda_function";
    public const string ModuleFunctionType = "module";

    private static readonly string[] ApiTypes =
    {
        "aws_api_gateway_rest_api", "aws_api_gateway_stage", "aws_apigatewayv2_api", "aws_apigatewayv2_stage", "aws_api_gateway_method_settings",
    };

    public static void Build(TemplateNode root, ModelBuilder model)
    {
        var resources = new List<Block>();
        var data = new List<Block>();
        foreach (var entry in root.Entries)
        {
            var node = entry.Value;
            if (node.Kind != TemplateNodeKind.Mapping)
            {
                continue;
            }

            switch (entry.Key)
            {
                case "resource" when node.Labels.Length >= 2:
                    resources.Add(new Block(node.Labels[0], node.Labels[1], node.LabelSpans[1], entry, node));
                    break;
                case "data" when node.Labels.Length >= 2:
                    data.Add(new Block(node.Labels[0], node.Labels[1], node.LabelSpans[1], entry, node));
                    break;
                case "variable" when node.Labels.Length >= 1:
                    model.Parameters.Add(node.Labels[0]);
                    break;
                case "module" when node.Labels.Length >= 1:
                    model.Modules.Add(new ModuleReference(node.Labels[0], node.LabelSpans[0], Literal(node.Get("source")), node));
                    if (node.Get("handler") is not null)
                    {
                        model.Functions.Add(ModuleFunction(node));
                    }

                    break;
            }
        }

        foreach (var block in resources)
        {
            if (block.Type == FunctionType)
            {
                model.Functions.Add(Function(block, resources, data));
            }
            else if (block.Type == "aws_sqs_queue")
            {
                model.Queues.Add(new QueueDefinition(block.Name, block.NameSpan, block.Body));
            }
            else if (Array.IndexOf(ApiTypes, block.Type) >= 0)
            {
                model.Apis.Add(new ApiDefinition(block.Name, block.NameSpan, block.Type, block.Body, isImplicit: false));
            }
        }
    }

    private static FunctionDefinition Function(Block function, List<Block> resources, List<Block> data)
    {
        var body = function.Body;
        var handler = body.Get("handler") is { IsLiteral: true } h ? h : null;
        var packageTypeNode = body.Get("package_type");
        var packageType = packageTypeNode is null ? (body.Get("image_uri") is null ? "Zip" : "Image") : Literal(packageTypeNode);

        var events = ImmutableArray.CreateBuilder<EventSourceDefinition>();
        var functionName = Literal(body.Get("function_name"));
        bool PointsAtFunction(TemplateNode? node) =>
            node is not null && (ReferencesResource(node, FunctionType, function.Name)
                || (functionName is not null && node.IsLiteral && node.Value == functionName));

        foreach (var other in resources)
        {
            var b = other.Body;
            switch (other.Type)
            {
                case "aws_lambda_event_source_mapping" when PointsAtFunction(b.Get("function_name")):
                    events.Add(Event(other, CloudFormationModel.ArnKind(b.Get("event_source_arn")?.Value), null, null));
                    break;
                case "aws_lambda_function_url" when PointsAtFunction(b.Get("function_name")):
                    events.Add(Event(other, "FunctionUrl", null, null));
                    break;
                case "aws_lambda_permission" when PointsAtFunction(b.Get("function_name")):
                    if (CloudFormationModel.PrincipalKind(Literal(b.Get("principal"))) is { } kind)
                    {
                        events.Add(Event(other, kind, null, null));
                    }

                    break;
                case "aws_lb_target_group_attachment" when PointsAtFunction(b.Get("target_id")):
                    events.Add(Event(other, "ALB", null, null));
                    break;
                case "aws_apigatewayv2_integration" when PointsAtFunction(b.Get("integration_uri")):
                    AddHttpApiRoutes(other, resources, events);
                    break;
                case "aws_api_gateway_integration" when PointsAtFunction(b.Get("uri")):
                    events.Add(Event(other, "Api", RestApiPath(b.Get("resource_id"), resources), RestApiMethod(b.Get("http_method"), resources)));
                    break;
            }
        }

        return new FunctionDefinition(
            function.Name,
            function.NameSpan,
            FunctionType,
            body,
            body,
            null,
            handler,
            Literal(body.Get("runtime")),
            packageType,
            CodeUri(body, data),
            events.ToImmutable());
    }

    private static FunctionDefinition ModuleFunction(TemplateNode module)
    {
        var packageTypeNode = module.Get("package_type");
        return new FunctionDefinition(
            module.Labels[0],
            module.LabelSpans[0],
            ModuleFunctionType,
            module,
            module,
            null,
            module.Get("handler") is { IsLiteral: true } h ? h : null,
            Literal(module.Get("runtime")),
            packageTypeNode is null ? "Zip" : Literal(packageTypeNode),
            Literal(module.Get("source_path")) ?? Literal(module.Get("local_existing_package")),
            ImmutableArray<EventSourceDefinition>.Empty);
    }

    /// <summary><c>filename</c>, or the <c>source_dir</c>/<c>source_file</c> of the <c>archive_file</c> data source it names.</summary>
    private static string? CodeUri(TemplateNode body, List<Block> data)
    {
        var filename = body.Get("filename");
        if (filename is null)
        {
            return null;
        }

        if (filename.IsLiteral)
        {
            return filename.Value;
        }

        foreach (var block in data)
        {
            if (block.Type == "archive_file" && ReferencesResource(filename, "data.archive_file", block.Name))
            {
                return Literal(block.Body.Get("source_dir")) ?? Literal(block.Body.Get("source_file")) ?? Literal(block.Body.Get("output_path"));
            }
        }

        return null;
    }

    private static void AddHttpApiRoutes(Block integration, List<Block> resources, ImmutableArray<EventSourceDefinition>.Builder events)
    {
        var found = false;
        foreach (var route in resources)
        {
            if (route.Type == "aws_apigatewayv2_route" && route.Body.Get("target") is { } target
                && ReferencesResource(target, "aws_apigatewayv2_integration", integration.Name))
            {
                var routeKey = Literal(route.Body.Get("route_key"));
                string? path = null;
                string? method = null;
                if (routeKey is not null)
                {
                    var space = routeKey.IndexOf(' ');
                    (method, path) = space > 0 ? (routeKey.Substring(0, space), routeKey.Substring(space + 1)) : (null, routeKey);
                }

                events.Add(Event(route, "HttpApi", path, method));
                found = true;
            }
        }

        if (!found)
        {
            events.Add(Event(integration, "HttpApi", null, null));
        }
    }

    /// <summary>Builds <c>/a/b</c> from <c>aws_api_gateway_resource</c> path parts and their parents (same file only).</summary>
    private static string? RestApiPath(TemplateNode? resourceId, List<Block> resources)
    {
        if (resourceId is null)
        {
            return null;
        }

        if (resourceId.Value?.EndsWith("root_resource_id", StringComparison.Ordinal) == true)
        {
            return "/";
        }

        var path = string.Empty;
        var current = resourceId;
        for (var guard = 0; guard < 32 && current is not null; guard++)
        {
            Block? match = null;
            foreach (var r in resources)
            {
                if (r.Type == "aws_api_gateway_resource" && ReferencesResource(current, "aws_api_gateway_resource", r.Name))
                {
                    match = r;
                    break;
                }
            }

            if (match is null)
            {
                return current.Value?.EndsWith("root_resource_id", StringComparison.Ordinal) == true ? (path.Length == 0 ? "/" : path) : null;
            }

            var part = Literal(match.Body.Get("path_part"));
            if (part is null)
            {
                return null;
            }

            path = "/" + part + path;
            current = match.Body.Get("parent_id");
        }

        return null;
    }

    private static string? RestApiMethod(TemplateNode? httpMethod, List<Block> resources)
    {
        if (httpMethod is null)
        {
            return null;
        }

        if (httpMethod.IsLiteral)
        {
            return httpMethod.Value;
        }

        foreach (var r in resources)
        {
            if (r.Type == "aws_api_gateway_method" && ReferencesResource(httpMethod, "aws_api_gateway_method", r.Name))
            {
                return Literal(r.Body.Get("http_method"));
            }
        }

        return null;
    }

    private static EventSourceDefinition Event(Block source, string type, string? path, string? method) =>
        new(source.Name, type, path, method, source.Entry.Span, source.Body);

    /// <summary>Whether an expression or template mentions <c>type.name</c> (e.g. <c>aws_lambda_function.orders.arn</c>).</summary>
    internal static bool ReferencesResource(TemplateNode node, string type, string name)
    {
        if (node.Kind != TemplateNodeKind.Scalar || node.Value is not { } text || node.Tag is null)
        {
            return false;
        }

        var needle = type + "." + name;
        for (var i = text.IndexOf(needle, StringComparison.Ordinal); i >= 0; i = text.IndexOf(needle, i + 1, StringComparison.Ordinal))
        {
            var before = i == 0 ? ' ' : text[i - 1];
            var afterIndex = i + needle.Length;
            var after = afterIndex < text.Length ? text[afterIndex] : ' ';
            if (!IsNameChar(before) && before != '.' && !IsNameChar(after))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-';

    private static string? Literal(TemplateNode? node) => CloudFormationModel.Literal(node);

    private sealed class Block
    {
        public Block(string type, string name, TextSpan nameSpan, TemplateEntry entry, TemplateNode body)
        {
            Type = type;
            Name = name;
            NameSpan = nameSpan;
            Entry = entry;
            Body = body;
        }

        public string Type { get; }

        public string Name { get; }

        public TextSpan NameSpan { get; }

        public TemplateEntry Entry { get; }

        public TemplateNode Body { get; }
    }
}
