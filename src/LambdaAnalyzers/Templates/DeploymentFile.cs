using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Templates;

/// <summary>
/// One deployment file (SAM/CloudFormation template, serverless.yml, Terraform file, aws-lambda-tools-defaults.json)
/// read into one model: its tree plus the functions, APIs, queues and parameters it declares.
/// </summary>
internal sealed class DeploymentFile
{
    private const string ToolsDefaultsFileName = "aws-lambda-tools-defaults.json";

    private static readonly ConditionalWeakTable<SourceText, CacheEntry> Cache = new();

    internal DeploymentFile(string path, SourceText text, TemplateFormat format, TemplateNode? root, ModelBuilder model)
    {
        Path = path;
        Text = text;
        Format = format;
        Root = root;
        Functions = model.Functions.ToImmutable();
        Apis = model.Apis.ToImmutable();
        Queues = model.Queues.ToImmutable();
        Parameters = model.Parameters.ToImmutable();
        GlobalsFunction = model.GlobalsFunction;
        ReferencedTemplates = model.ReferencedTemplates.ToImmutable();
        Modules = model.Modules.ToImmutable();
    }

    public string Path { get; }

    public SourceText Text { get; }

    public TemplateFormat Format { get; }

    public TemplateNode? Root { get; }

    public ImmutableArray<FunctionDefinition> Functions { get; }

    public ImmutableArray<ApiDefinition> Apis { get; }

    public ImmutableArray<QueueDefinition> Queues { get; }

    /// <summary>CloudFormation <c>Parameters</c> names; Terraform <c>variable</c> names.</summary>
    public ImmutableArray<string> Parameters { get; }

    /// <summary>SAM <c>Globals.Function</c> mapping.</summary>
    public TemplateNode? GlobalsFunction { get; }

    /// <summary>The <c>template</c> value(s) of aws-lambda-tools-defaults.json, with their spans.</summary>
    public ImmutableArray<(string Path, TextSpan Span)> ReferencedTemplates { get; }

    /// <summary>Terraform <c>module</c> blocks with their <c>source</c>.</summary>
    public ImmutableArray<ModuleReference> Modules { get; }

    /// <summary>Cheap name check before reading a file's text: .template, .json, .yaml, .yml or .tf.</summary>
    public static bool IsCandidatePath(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        return path.EndsWith(".template", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
            || path.EndsWith(".tf", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when any additional file could be a deployment file: the rules' cheap early-out.</summary>
    public static bool HasCandidates(Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options)
    {
        foreach (var file in options.AdditionalFiles)
        {
            if (IsCandidatePath(file.Path))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the file once per <see cref="SourceText"/> instance.</summary>
    public static DeploymentFile? GetOrRead(AdditionalText file, CancellationToken ct)
    {
        if (file is null || !IsCandidatePath(file.Path))
        {
            return null;
        }

        var text = file.GetText(ct);
        if (text is null)
        {
            return null;
        }

        if (Cache.TryGetValue(text, out var cached) && string.Equals(cached.Path, file.Path, StringComparison.Ordinal))
        {
            return cached.File;
        }

        var read = Read(file.Path, text, ct);
        if (cached is null)
        {
            // Another thread may have added one meanwhile; either result is the same.
            Cache.GetValue(text, _ => new CacheEntry(file.Path, read));
        }

        return read;
    }

    /// <summary>Reads and classifies a file; null when it is not a deployment file. Never throws except on cancellation.</summary>
    public static DeploymentFile? Read(string path, SourceText text, CancellationToken ct)
    {
        if (path is null || text is null || text.Length > TemplateLimits.MaxLength || !IsCandidatePath(path))
        {
            return null;
        }

        try
        {
            return ReadCore(path, text, ct);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception)
        {
            // The readers are built never to throw; this is the last line of defence for an analyzer host.
            return null;
        }
    }

    private static DeploymentFile? ReadCore(string path, SourceText text, CancellationToken ct)
    {
        var fileName = FileName(path);
        var content = text.ToString();
        var model = new ModelBuilder();

        if (string.Equals(fileName, ToolsDefaultsFileName, StringComparison.OrdinalIgnoreCase))
        {
            var root = JsonReader.Parse(content, ct);
            if (root is not { Kind: TemplateNodeKind.Mapping })
            {
                return null;
            }

            ToolsDefaultsModel.Build(root, path, model);
            return new DeploymentFile(path, text, TemplateFormat.ToolsDefaults, root, model);
        }

        if (path.EndsWith(".tf", StringComparison.OrdinalIgnoreCase))
        {
            var root = HclReader.Parse(content, ct);
            if (root is not null)
            {
                TerraformModel.Build(root, model);
            }

            return new DeploymentFile(path, text, TemplateFormat.Terraform, root, model);
        }

        var isServerlessName = fileName.Equals("serverless.yml", StringComparison.OrdinalIgnoreCase)
            || fileName.Equals("serverless.yaml", StringComparison.OrdinalIgnoreCase);
        if (!isServerlessName && !MayBeDeploymentFile(content))
        {
            return null;
        }

        var isJson = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || (path.EndsWith(".template", StringComparison.OrdinalIgnoreCase) && StartsLikeJson(content));
        var tree = isJson ? JsonReader.Parse(content, ct) : YamlReader.Parse(content, ct);
        if (tree is not { Kind: TemplateNodeKind.Mapping })
        {
            return null;
        }

        if (!isJson && (isServerlessName || (tree.Get("service") is not null && tree.Get("functions") is not null)))
        {
            ServerlessModel.Build(tree, model);
            return new DeploymentFile(path, text, TemplateFormat.ServerlessFramework, tree, model);
        }

        if (tree.Get("Resources") is { Kind: TemplateNodeKind.Mapping }
            || tree.Get("AWSTemplateFormatVersion") is not null
            || tree.Get("Transform") is not null)
        {
            CloudFormationModel.Build(tree, model);
            return new DeploymentFile(path, text, isJson ? TemplateFormat.CloudFormationJson : TemplateFormat.CloudFormationYaml, tree, model);
        }

        return null;
    }

    /// <summary>A quick text check so that unrelated JSON/YAML files (appsettings.json, CI workflows) are not parsed.</summary>
    private static bool MayBeDeploymentFile(string content) =>
        content.IndexOf("Resources", StringComparison.Ordinal) >= 0
        || content.IndexOf("AWSTemplateFormatVersion", StringComparison.Ordinal) >= 0
        || content.IndexOf("Transform", StringComparison.Ordinal) >= 0
        || (content.IndexOf("service", StringComparison.Ordinal) >= 0 && content.IndexOf("functions", StringComparison.Ordinal) >= 0);

    private static bool StartsLikeJson(string content)
    {
        foreach (var c in content)
        {
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF')
            {
                continue;
            }

            return c == '{' || c == '/';
        }

        return false;
    }

    internal static string FileName(string path)
    {
        var i = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return i < 0 ? path : path.Substring(i + 1);
    }

    /// <summary>The name of the folder that holds the file (the project folder for aws-lambda-tools-defaults.json).</summary>
    internal static string DirectoryName(string path)
    {
        var end = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        if (end <= 0)
        {
            return string.Empty;
        }

        var start = Math.Max(path.LastIndexOf('/', end - 1), path.LastIndexOf('\\', end - 1));
        return path.Substring(start + 1, end - start - 1);
    }

    private sealed class CacheEntry
    {
        public CacheEntry(string path, DeploymentFile? file)
        {
            Path = path;
            File = file;
        }

        public string Path { get; }

        public DeploymentFile? File { get; }
    }
}

/// <summary>What the format-specific model builders fill in.</summary>
internal sealed class ModelBuilder
{
    public ImmutableArray<FunctionDefinition>.Builder Functions { get; } = ImmutableArray.CreateBuilder<FunctionDefinition>();

    public ImmutableArray<ApiDefinition>.Builder Apis { get; } = ImmutableArray.CreateBuilder<ApiDefinition>();

    public ImmutableArray<QueueDefinition>.Builder Queues { get; } = ImmutableArray.CreateBuilder<QueueDefinition>();

    public ImmutableArray<string>.Builder Parameters { get; } = ImmutableArray.CreateBuilder<string>();

    public ImmutableArray<(string Path, TextSpan Span)>.Builder ReferencedTemplates { get; } = ImmutableArray.CreateBuilder<(string Path, TextSpan Span)>();

    public ImmutableArray<ModuleReference>.Builder Modules { get; } = ImmutableArray.CreateBuilder<ModuleReference>();

    public TemplateNode? GlobalsFunction { get; set; }
}
