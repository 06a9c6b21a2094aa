using System;
using System.Linq;
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
        var byTypeAndName = new Dictionary<(string Type, string Name), Block>();
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
                case "data" when node.Labels.Length >= 2:
                    var type = entry.Key == "data" ? "data." + node.Labels[0] : node.Labels[0];
                    var block = new Block(type, node.Labels[1], node.LabelSpans[1], entry, node);
                    if (entry.Key == "resource")
                    {
                        resources.Add(block);
                    }

                    if (!byTypeAndName.ContainsKey((type, block.Name)))
                    {
                        byTypeAndName.Add((type, block.Name), block);
                    }

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

        var linked = IndexLinkedEvents(resources, byTypeAndName);
        foreach (var block in resources)
        {
            if (block.Type == FunctionType)
            {
                model.Functions.Add(Function(block, linked, byTypeAndName));
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

    private static FunctionDefinition Function(Block function, LinkedEventIndex linked, Dictionary<(string Type, string Name), Block> blocks)
    {
        var body = function.Body;
        var handler = body.Get("handler") is { IsLiteral: true } h ? h : null;
        var packageTypeNode = body.Get("package_type");
        var packageType = packageTypeNode is null ? (body.Get("image_uri") is null ? "Zip" : "Image") : Literal(packageTypeNode);
        var events = ImmutableArray.CreateBuilder<EventSourceDefinition>();
        linked.AddTo(function.Name, Literal(body.Get("function_name")), events);
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
            CodeUri(body, blocks),
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
    private static string? CodeUri(TemplateNode body, Dictionary<(string Type, string Name), Block> blocks)
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

        foreach (var name in ReferencedNames(filename, "data.archive_file"))
        {
            if (blocks.TryGetValue(("data.archive_file", name), out var archive))
            {
                return Literal(archive.Body.Get("source_dir")) ?? Literal(archive.Body.Get("source_file")) ?? Literal(archive.Body.Get("output_path"));
            }
        }

        return null;
    }

    /// <summary>
    /// The names <c>type.NAME</c> an expression or template mentions (e.g. <c>orders</c> in
    /// <c>aws_lambda_function.orders.arn</c>). Literal strings mention nothing.
    /// </summary>
    internal static IEnumerable<string> ReferencedNames(TemplateNode node, string type)
    {
        if (node.Kind != TemplateNodeKind.Scalar || node.Value is not { } text || node.Tag is null)
        {
            yield break;
        }

        var prefix = type + ".";
        for (var i = text.IndexOf(prefix, StringComparison.Ordinal); i >= 0; i = text.IndexOf(prefix, i + 1, StringComparison.Ordinal))
        {
            if (i > 0 && (IsNameChar(text[i - 1]) || text[i - 1] == '.'))
            {
                continue;
            }

            var start = i + prefix.Length;
            var end = start;
            while (end < text.Length && IsNameChar(text[end]))
            {
                end++;
            }

            if (end > start)
            {
                yield return text.Substring(start, end - start);
            }
        }
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-';

    private static string? Literal(TemplateNode? node) => CloudFormationModel.Literal(node);

    /// <summary>
    /// Indexes the resources that point at functions: event source mappings, function URLs, permissions, load
    /// balancer attachments and API Gateway integrations (with the route, path and method they serve).
    /// </summary>
    private static LinkedEventIndex IndexLinkedEvents(List<Block> resources, Dictionary<(string Type, string Name), Block> blocks)
    {
        var routesByIntegration = new Dictionary<string, List<Block>>(StringComparer.Ordinal);
        foreach (var route in resources)
        {
            if (route.Type == "aws_apigatewayv2_route" && route.Body.Get("target") is { } target)
            {
                foreach (var integration in ReferencedNames(target, "aws_apigatewayv2_integration"))
                {
                    if (!routesByIntegration.TryGetValue(integration, out var list))
                    {
                        routesByIntegration.Add(integration, list = new List<Block>());
                    }

                    list.Add(route);
                }
            }
        }

        var index = new LinkedEventIndex();
        foreach (var other in resources)
        {
            var b = other.Body;
            switch (other.Type)
            {
                case "aws_lambda_event_source_mapping":
                    index.Add(b.Get("function_name"), FunctionReferences, Event(other, CloudFormationModel.ArnKind(b.Get("event_source_arn")?.Value), null, null));
                    break;
                case "aws_lambda_function_url":
                    index.Add(b.Get("function_name"), FunctionReferences, Event(other, "FunctionUrl", null, null));
                    break;
                case "aws_lambda_permission":
                    if (CloudFormationModel.PrincipalKind(Literal(b.Get("principal"))) is { } kind)
                    {
                        index.Add(b.Get("function_name"), FunctionReferences, Event(other, kind, null, null));
                    }

                    break;
                case "aws_lb_target_group_attachment":
                    index.Add(b.Get("target_id"), FunctionReferences, Event(other, "ALB", null, null));
                    break;
                case "aws_apigatewayv2_integration":
                    if (routesByIntegration.TryGetValue(other.Name, out var routes))
                    {
                        foreach (var route in routes)
                        {
                            var (path, method) = RouteKey(Literal(route.Body.Get("route_key")));
                            index.Add(b.Get("integration_uri"), FunctionReferences, Event(route, "HttpApi", path, method));
                        }
                    }
                    else
                    {
                        index.Add(b.Get("integration_uri"), FunctionReferences, Event(other, "HttpApi", null, null));
                    }

                    break;
                case "aws_api_gateway_integration":
                    index.Add(b.Get("uri"), FunctionReferences, Event(other, "Api", RestApiPath(b.Get("resource_id"), blocks), RestApiMethod(b.Get("http_method"), blocks)));
                    break;
            }
        }

        return index;
    }

    private static IEnumerable<string> FunctionReferences(TemplateNode node) => ReferencedNames(node, FunctionType);

    private static (string? Path, string? Method) RouteKey(string? routeKey)
    {
        if (routeKey is null)
        {
            return (null, null);
        }

        var space = routeKey.IndexOf(' ');
        return space > 0 ? (routeKey.Substring(space + 1), routeKey.Substring(0, space)) : (routeKey, null);
    }

    /// <summary>Builds <c>/a/b</c> from <c>aws_api_gateway_resource</c> path parts and their parents (same file only).</summary>
    private static string? RestApiPath(TemplateNode? resourceId, Dictionary<(string Type, string Name), Block> blocks)
    {
        var path = string.Empty;
        var current = resourceId;
        for (var guard = 0; guard < 32 && current is not null; guard++)
        {
            if (current.Value?.EndsWith("root_resource_id", StringComparison.Ordinal) == true)
            {
                return path.Length == 0 ? "/" : path;
            }

            Block? match = null;
            foreach (var name in ReferencedNames(current, "aws_api_gateway_resource"))
            {
                if (blocks.TryGetValue(("aws_api_gateway_resource", name), out match))
                {
                    break;
                }
            }

            if (match is null || Literal(match.Body.Get("path_part")) is not { } part)
            {
                return null;
            }

            path = "/" + part + path;
            current = match.Body.Get("parent_id");
        }

        return null;
    }

    private static string? RestApiMethod(TemplateNode? httpMethod, Dictionary<(string Type, string Name), Block> blocks)
    {
        if (httpMethod is null)
        {
            return null;
        }

        if (httpMethod.IsLiteral)
        {
            return httpMethod.Value;
        }

        foreach (var name in ReferencedNames(httpMethod, "aws_api_gateway_method"))
        {
            if (blocks.TryGetValue(("aws_api_gateway_method", name), out var method))
            {
                return Literal(method.Body.Get("http_method"));
            }
        }

        return null;
    }

    private static EventSourceDefinition Event(Block source, string type, string? path, string? method) =>
        new(source.Name, type, path, method, source.Entry.Span, source.Body);

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

    /// <summary>True when an expression refers to the Terraform resource <c>type.name</c>.</summary>
    internal static bool ReferencesResource(TemplateNode node, string type, string name)
        => ReferencedNames(node, type).Contains(name, StringComparer.Ordinal);
}
