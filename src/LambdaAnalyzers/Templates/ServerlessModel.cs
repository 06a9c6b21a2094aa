using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Templates;

/// <summary>Functions, events and APIs of a Serverless Framework <c>serverless.yml</c>.</summary>
internal static class ServerlessModel
{
    public const string FunctionType = "serverless:function";
    public const string HttpApiType = "serverless:http";
    public const string HttpApiV2Type = "serverless:httpApi";

    public static void Build(TemplateNode root, ModelBuilder model)
    {
        var provider = root.Get("provider");
        var providerRuntime = CloudFormationModel.Literal(provider?.Get("runtime"));
        var serviceArtifact = CloudFormationModel.Literal(root.Get("package")?.Get("artifact"));

        TextSpan? firstHttp = null;
        TextSpan? firstHttpApi = null;
        var functions = root.Get("functions");
        if (functions is { Kind: TemplateNodeKind.Mapping })
        {
            AddFunctions(functions, providerRuntime, serviceArtifact, model, ref firstHttp, ref firstHttpApi);
        }
        else if (functions is { Kind: TemplateNodeKind.Sequence })
        {
            // functions: - name: {...}  (a list of function maps)
            foreach (var item in functions.Items)
            {
                if (item.Kind == TemplateNodeKind.Mapping)
                {
                    AddFunctions(item, providerRuntime, serviceArtifact, model, ref firstHttp, ref firstHttpApi);
                }
            }
        }

        var apiGateway = provider?.GetEntry("apiGateway");
        if (firstHttp is not null || apiGateway is not null)
        {
            model.Apis.Add(new ApiDefinition("ApiGatewayRestApi", apiGateway?.KeySpan ?? firstHttp!.Value, HttpApiType, apiGateway?.Value, isImplicit: true));
        }

        var httpApi = provider?.GetEntry("httpApi");
        if (firstHttpApi is not null || httpApi is not null)
        {
            model.Apis.Add(new ApiDefinition("HttpApi", httpApi?.KeySpan ?? firstHttpApi!.Value, HttpApiV2Type, httpApi?.Value, isImplicit: true));
        }

        // resources: { Resources: {...} } is plain CloudFormation.
        if (root.Get("resources") is { Kind: TemplateNodeKind.Mapping } resources)
        {
            var cfn = new ModelBuilder();
            CloudFormationModel.Build(resources, cfn);
            model.Functions.AddRange(cfn.Functions);
            model.Apis.AddRange(cfn.Apis);
            model.Queues.AddRange(cfn.Queues);
        }
    }

    private static void AddFunctions(
        TemplateNode functions,
        string? providerRuntime,
        string? serviceArtifact,
        ModelBuilder model,
        ref TextSpan? firstHttp,
        ref TextSpan? firstHttpApi)
    {
        foreach (var entry in functions.Entries)
        {
            var fn = entry.Value;
            if (fn.Kind != TemplateNodeKind.Mapping)
            {
                continue;
            }

            var events = ImmutableArray.CreateBuilder<EventSourceDefinition>();
            if (fn.Get("events") is { Kind: TemplateNodeKind.Sequence } eventList)
            {
                foreach (var item in eventList.Items)
                {
                    if (item.Kind != TemplateNodeKind.Mapping || item.Entries.Length == 0)
                    {
                        continue;
                    }

                    var ev = item.Entries[0];
                    var (path, method) = Route(ev.Key, ev.Value);
                    events.Add(new EventSourceDefinition(ev.Key, ev.Key, path, method, item.Span, ev.Value));
                    if (ev.Key == "http")
                    {
                        firstHttp ??= ev.KeySpan;
                    }
                    else if (ev.Key == "httpApi")
                    {
                        firstHttpApi ??= ev.KeySpan;
                    }
                }
            }

            var url = fn.GetEntry("url");
            if (url is not null && !(url.Value.IsLiteral && url.Value.Value == "false"))
            {
                events.Add(new EventSourceDefinition("url", "FunctionUrl", null, null, url.Span, url.Value));
            }

            var handler = fn.Get("handler") is { IsLiteral: true } h ? h : null;
            var runtime = CloudFormationModel.Literal(fn.Get("runtime")) ?? providerRuntime;
            var packageType = fn.Get("image") is not null ? "Image" : "Zip";
            var codeUri = CloudFormationModel.Literal(fn.Get("package")?.Get("artifact")) ?? serviceArtifact;
            model.Functions.Add(new FunctionDefinition(entry.Key, entry.KeySpan, FunctionType, fn, fn, null, handler, runtime, packageType, codeUri, events.ToImmutable()));
        }
    }

    /// <summary>Path and method of http/httpApi/alb/websocket events, short (<c>'GET /x'</c>) or long form.</summary>
    private static (string? Path, string? Method) Route(string type, TemplateNode value)
    {
        if (value.Kind == TemplateNodeKind.Scalar)
        {
            if (type is not ("http" or "httpApi"))
            {
                return (null, null);
            }

            var text = (value.Value ?? string.Empty).Trim();
            var space = text.IndexOf(' ');
            if (space > 0)
            {
                return (text.Substring(space + 1).Trim(), text.Substring(0, space));
            }

            return text == "*" ? ("*", "*") : (text, null);
        }

        if (value.Kind != TemplateNodeKind.Mapping)
        {
            return (null, null);
        }

        switch (type)
        {
            case "alb":
                var conditions = value.Get("conditions");
                return (First(conditions?.Get("path")), First(conditions?.Get("method")));
            case "websocket":
                return (CloudFormationModel.Literal(value.Get("route")), null);
            default:
                return (CloudFormationModel.Literal(value.Get("path")), CloudFormationModel.Literal(value.Get("method")));
        }
    }

    private static string? First(TemplateNode? node) => node switch
    {
        { Kind: TemplateNodeKind.Sequence, Items.Length: > 0 } => CloudFormationModel.Literal(node.Items[0]),
        _ => CloudFormationModel.Literal(node),
    };
}
