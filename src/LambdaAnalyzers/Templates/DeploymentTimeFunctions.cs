using System;
using System.Collections.Generic;

namespace LambdaAnalyzers.Templates;

/// <summary>
/// Functions that run only while a stack deploys: CloudFormation custom-resource handlers (<c>ServiceToken</c>),
/// SAM deployment-preference hooks (<c>PreTraffic</c>/<c>PostTraffic</c>), CloudFormation macros, and Terraform
/// <c>aws_lambda_invocation</c> targets. Rules about production traffic leave them alone.
/// </summary>
internal static class DeploymentTimeFunctions
{
    public static HashSet<string> Find(DeploymentFile file)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        if (file.Functions.IsEmpty || file.Root is not { } root)
        {
            return result;
        }

        if (file.Format == TemplateFormat.Terraform)
        {
            foreach (var entry in root.Entries)
            {
                if (entry.Key == "resource" && entry.Value.Labels.Length >= 2 && entry.Value.Labels[0] == "aws_lambda_invocation"
                    && entry.Value.Get("function_name") is { } target)
                {
                    foreach (var function in file.Functions)
                    {
                        if (TerraformModel.ReferencesResource(target, TerraformModel.FunctionType, function.Name))
                        {
                            result.Add(function.Name);
                        }
                    }
                }
            }

            return result;
        }

        var resources = root.Get("Resources") ?? root.Get("resources")?.Get("Resources");
        if (resources is not { Kind: TemplateNodeKind.Mapping })
        {
            return result;
        }

        var pointers = new List<TemplateNode>();
        foreach (var entry in resources.Entries)
        {
            var type = CloudFormationModel.ResourceType(entry.Value) ?? string.Empty;
            var properties = entry.Value.Get("Properties");
            if (type.StartsWith("Custom::", StringComparison.Ordinal) || type == "AWS::CloudFormation::CustomResource")
            {
                Add(pointers, properties?.Get("ServiceToken"));
            }
            else if (type == "AWS::CloudFormation::Macro")
            {
                Add(pointers, properties?.Get("FunctionName"));
            }
            else if (type == CloudFormationModel.SamFunction)
            {
                AddHooks(pointers, properties?.Get("DeploymentPreference"));
            }
        }

        AddHooks(pointers, file.GlobalsFunction?.Get("DeploymentPreference"));

        foreach (var function in file.Functions)
        {
            foreach (var pointer in pointers)
            {
                if (CloudFormationModel.References(pointer, function.Name))
                {
                    result.Add(function.Name);
                    break;
                }
            }
        }

        return result;
    }

    private static void AddHooks(List<TemplateNode> pointers, TemplateNode? deploymentPreference)
    {
        var hooks = deploymentPreference?.Get("Hooks");
        Add(pointers, hooks?.Get("PreTraffic"));
        Add(pointers, hooks?.Get("PostTraffic"));
    }

    private static void Add(List<TemplateNode> pointers, TemplateNode? node)
    {
        if (node is not null)
        {
            pointers.Add(node);
        }
    }
}
