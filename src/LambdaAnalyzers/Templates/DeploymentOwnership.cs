using System;
using System.Threading;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Templates;

/// <summary>
/// Decides which project reports a finding about a deployment file, so that a template shared by several projects
/// of a repository gives each finding once:
/// <list type="bullet">
/// <item>a function whose handler is a .NET class-library string (<c>Assembly::Type::Method</c>) belongs to the project
/// whose assembly it names; a custom-runtime handler equal to the assembly name (native AOT) likewise, and a bare
/// handler on a managed .NET runtime (an executable's assembly name) belongs to that project only;</item>
/// <item>anything else (image functions, other runtimes, APIs, stages) belongs to the project that owns the file: the
/// project whose assembly the file's first .NET handler names, or, when the file has none, the project in whose
/// folder the file lies (<c>build_property.ProjectDir</c>) or whose aws-lambda-tools-defaults.json names it.</item>
/// </list>
/// </summary>
internal sealed class DeploymentOwnership
{
    private readonly string _assemblyName;
    private readonly string? _projectDir;
    private readonly LambdaModel _model;

    private DeploymentOwnership(string assemblyName, string? projectDir, LambdaModel model)
    {
        _assemblyName = assemblyName;
        _projectDir = projectDir is null ? null : Normalize(projectDir).TrimEnd('/') + "/";
        _model = model;
    }

    public static DeploymentOwnership? Create(LambdaModel model, AnalyzerOptions options)
    {
        if (model.Compilation.AssemblyName is not { Length: > 0 } assemblyName)
        {
            return null;
        }

        return new DeploymentOwnership(assemblyName, options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.ProjectDir", out var dir) && !string.IsNullOrWhiteSpace(dir) ? dir.Trim() : null, model);
    }

    /// <summary>Whether this project reports findings about the function.</summary>
    public bool OwnsFunction(DeploymentFile file, FunctionDefinition function, CancellationToken ct)
    {
        if (function.Handler?.Value is { } text)
        {
            if (HandlerString.TryParse(text, out var handler))
            {
                return string.Equals(handler.AssemblyName, _assemblyName, StringComparison.OrdinalIgnoreCase);
            }

            if (string.Equals(text, _assemblyName, StringComparison.OrdinalIgnoreCase))
            {
                // Native AOT projects are all named "bootstrap": a SAM CodeUri that is another folder than this
                // project's (not the project folder, not a folder above it) says which one the function is.
                return !CodeUriNamesOtherFolder(file, function);
            }

            // On a managed .NET runtime a bare handler is an executable's assembly name (top-level statements):
            // it names its project as surely as Assembly::Type::Method does, so the file's owner does not report it.
            if (IsManagedDotNetRuntime(function.Runtime) && text.Length > 0 && text.IndexOf("::", StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return OwnsFile(file, ct);
    }

    /// <summary>Whether this project reports findings about the file's non-function resources.</summary>
    public bool OwnsFile(DeploymentFile file, CancellationToken ct)
    {
        if (FirstDotNetAssembly(file) is { } first)
        {
            return string.Equals(first, _assemblyName, StringComparison.OrdinalIgnoreCase);
        }

        // Terraform spreads one deployment over several files of a folder: the folder's first .NET handler decides.
        if (file.Format == TemplateFormat.Terraform)
        {
            var directory = Directory(Normalize(file.Path));
            string? firstPath = null;
            string? owner = null;
            foreach (var other in _model.GetDeploymentFiles(ct))
            {
                if (other.Format == TemplateFormat.Terraform
                    && string.Equals(Directory(Normalize(other.Path)), directory, StringComparison.Ordinal)
                    && FirstDotNetAssembly(other) is { } assembly
                    && (firstPath is null || string.CompareOrdinal(other.Path, firstPath) < 0))
                {
                    firstPath = other.Path;
                    owner = assembly;
                }
            }

            if (owner is not null)
            {
                return string.Equals(owner, _assemblyName, StringComparison.OrdinalIgnoreCase);
            }
        }

        if (_projectDir is null || !_model.IsLambdaProject(ct))
        {
            return false;
        }

        var path = Normalize(file.Path);
        if (string.Equals(Directory(path), _projectDir, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var other in _model.GetDeploymentFiles(ct))
        {
            if (other.Format != TemplateFormat.ToolsDefaults || !string.Equals(Directory(Normalize(other.Path)), _projectDir, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var referenced in other.ReferencedTemplates)
            {
                if (string.Equals(Collapse(_projectDir + Normalize(referenced.Path)), path, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool CodeUriNamesOtherFolder(DeploymentFile file, FunctionDefinition function)
    {
        if (_projectDir is null
            || function.ResourceType != "AWS::Serverless::Function"
            || function.CodeUri is not { Length: > 0 } codeUri
            || codeUri.IndexOf("://", StringComparison.Ordinal) >= 0
            || codeUri.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
            || codeUri.StartsWith("/", StringComparison.Ordinal))
        {
            return false;
        }

        var folder = Collapse(Directory(Normalize(file.Path)) + Normalize(codeUri).TrimEnd('/') + "/");
        return !_projectDir.StartsWith(folder, StringComparison.Ordinal);
    }

    private static bool IsManagedDotNetRuntime(string? runtime)
        => runtime is not null && runtime.StartsWith("dotnet", StringComparison.OrdinalIgnoreCase);

    private static string? FirstDotNetAssembly(DeploymentFile file)
    {
        foreach (var function in file.Functions)
        {
            if (function.Handler?.Value is { } text && HandlerString.TryParse(text, out var handler))
            {
                return handler.AssemblyName;
            }
        }

        return null;
    }

    private static string Normalize(string path) => path.Replace('\\', '/');

    private static string Directory(string path)
    {
        var i = path.LastIndexOf('/');
        return i < 0 ? string.Empty : path.Substring(0, i + 1);
    }

    /// <summary>Resolves <c>./</c> and <c>../</c> segments.</summary>
    private static string Collapse(string path)
    {
        var parts = path.Split('/');
        var stack = new System.Collections.Generic.List<string>();
        foreach (var part in parts)
        {
            if (part == ".")
            {
                continue;
            }

            if (part == ".." && stack.Count > 1)
            {
                stack.RemoveAt(stack.Count - 1);
                continue;
            }

            stack.Add(part);
        }

        return string.Join("/", stack);
    }
}
