using System.Collections.Immutable;

namespace LambdaAnalyzers.Templates;

/// <summary>The function described by <c>aws-lambda-tools-defaults.json</c> (Amazon.Lambda.Tools) and the template it points at.</summary>
internal static class ToolsDefaultsModel
{
    public const string FunctionType = "tools-defaults";

    public static void Build(TemplateNode root, string path, ModelBuilder model)
    {
        var template = root.Get("template");
        if (template is { IsLiteral: true, Value.Length: > 0 })
        {
            model.ReferencedTemplates.Add((template.Value!, template.ValueSpan));
        }
        else if (template is { Kind: TemplateNodeKind.Sequence })
        {
            foreach (var item in template.Items)
            {
                if (item is { IsLiteral: true, Value.Length: > 0 })
                {
                    model.ReferencedTemplates.Add((item.Value!, item.ValueSpan));
                }
            }
        }

        var handlerEntry = root.GetEntry("function-handler");
        var nameEntry = root.GetEntry("function-name");
        if (handlerEntry is null && nameEntry is null)
        {
            return;
        }

        var name = CloudFormationModel.Literal(nameEntry?.Value);
        if (string.IsNullOrEmpty(name))
        {
            name = DeploymentFile.DirectoryName(path);
        }

        var packageTypeNode = root.Get("package-type");
        var packageType = packageTypeNode is null ? "Zip" : CloudFormationModel.Literal(packageTypeNode);
        model.Functions.Add(new FunctionDefinition(
            name!,
            (nameEntry ?? handlerEntry)!.KeySpan,
            FunctionType,
            root,
            root,
            null,
            handlerEntry?.Value is { IsLiteral: true } handler ? handler : null,
            CloudFormationModel.Literal(root.Get("function-runtime")),
            packageType,
            null,
            ImmutableArray<EventSourceDefinition>.Empty));
    }
}
