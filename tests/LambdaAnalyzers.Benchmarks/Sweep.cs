using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Benchmarks;

/// <summary>
/// Real-world sweep: runs every package analyzer over a folder of C# and deployment files without building it.
/// <para>
/// dotnet run -c Release --project tests/LambdaAnalyzers.Benchmarks -- sweep &lt;folder&gt; [--project-per-csproj]
/// </para>
/// <para>
/// With <c>-c Debug</c> the analyzers' Guard rethrows, so exceptions that a Release build (what users get) swallows
/// silently are shown too; run both.
/// </para>
/// With <c>--project-per-csproj</c>, every folder holding a .csproj is one compilation of the .cs files under it
/// (not under a deeper .csproj), named after the project, with the project's AWSProjectType, IsTestProject,
/// implicit usings, package-dependent references and project references (as in-memory compilation references), and
/// the deployment files that the package's build/LambdaAnalyzers.props would find for it. Without it, the whole
/// folder is one compilation with every reference and every deployment file (for loose snippets).
/// References: the .NET 8 reference assemblies (and ASP.NET Core's), the stand-in for Amazon.Lambda.* and
/// AWSSDK.Lambda (tests/Lambda.StandIn), and the real AWSSDK.Core/SQS/S3/DynamoDBv2. Anything else stays unresolved,
/// as in an IDE before restore: the analyzers must cope. Prints each diagnostic as <c>path(line,col): ID message</c>,
/// each analyzer exception with its stack, and summaries per project and per rule; exit code 1 on any exception.
/// </summary>
public static class Sweep
{
    private static readonly string[] SkippedFolders = { "bin", "obj", "node_modules", "cdk.out", "packages" };

    private static readonly string[] TestFrameworkPackages = { "xunit", "xunit.v3", "nunit", "mstest.testframework", "mstest", "tunit" };

    public static int Run(string folder, bool projectPerCsproj, TextWriter output)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        if (!Directory.Exists(root))
        {
            output.WriteLine($"sweep: folder not found: {root}");
            return 2;
        }

        var csFiles = EnumerateFiles(root, f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)).ToList();
        var deploymentFiles = EnumerateFiles(root, IsDeploymentFileName).ToList();
        var projectFiles = EnumerateFiles(root, f => f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToList();
        output.WriteLine($"sweep {root}: {csFiles.Count} C# files, {deploymentFiles.Count} deployment files, {projectFiles.Count} project files");
        output.WriteLine(AnalyzersAreDebugBuild()
            ? "analyzers: Debug build (Guard rethrows: every exception a rule hits is shown)"
            : "analyzers: Release build (what users get: Guard swallows exceptions; run with -c Debug to see them)");

        var projects = projectPerCsproj && projectFiles.Count > 0
            ? ProjectsPerCsproj(root, csFiles, projectFiles)
            : new List<SweepProject> { SingleProject(root, csFiles, deploymentFiles) };

        var results = new List<ProjectResult>();
        var built = new Dictionary<SweepProject, CSharpCompilation>();
        var allExceptions = new List<string>();
        foreach (var project in OrderByReferences(projects))
        {
            var result = AnalyzeProject(root, project, built, output);
            results.Add(result);
            allExceptions.AddRange(result.Exceptions);
        }

        PrintSummary(results, output);
        output.WriteLine(allExceptions.Count == 0
            ? "analyzer exceptions: 0"
            : $"analyzer exceptions: {allExceptions.Count} (AD0001 for a user)");
        return allExceptions.Count == 0 ? 0 : 1;
    }

    private static bool AnalyzersAreDebugBuild()
        => typeof(LambdaAnalyzers.Rules.ConfiguredHandlerAnalyzer).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false)
            .OfType<DebuggableAttribute>().Any(a => a.IsJITOptimizerDisabled);

    // ----- discovery -------------------------------------------------------------------------------------------

    private static IEnumerable<string> EnumerateFiles(string root, Func<string, bool> match)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            string[] files, directories;
            try
            {
                files = Directory.GetFiles(directory);
                directories = Directory.GetDirectories(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files.OrderBy(f => f, StringComparer.Ordinal))
            {
                if (match(Path.GetFileName(file)))
                {
                    yield return file;
                }
            }

            foreach (var sub in directories.OrderByDescending(d => d, StringComparer.Ordinal))
            {
                var name = Path.GetFileName(sub);
                if (name.StartsWith(".", StringComparison.Ordinal) || SkippedFolders.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                pending.Push(sub);
            }
        }
    }

    private static bool IsDeploymentFileName(string name)
        => name.Equals("template.yaml", StringComparison.OrdinalIgnoreCase)
           || name.Equals("template.yml", StringComparison.OrdinalIgnoreCase)
           || name.Equals("serverless.yml", StringComparison.OrdinalIgnoreCase)
           || name.Equals("serverless.yaml", StringComparison.OrdinalIgnoreCase)
           || name.Equals("aws-lambda-tools-defaults.json", StringComparison.OrdinalIgnoreCase)
           || name.EndsWith(".template", StringComparison.OrdinalIgnoreCase)
           || name.EndsWith(".tf", StringComparison.OrdinalIgnoreCase);

    private sealed class SweepProject
    {
        public required string Name { get; init; }
        public required string AssemblyName { get; init; }
        public required string Directory { get; init; }
        public required List<string> Sources { get; init; }
        public required List<string> DeploymentFiles { get; init; }
        public string? AwsProjectType { get; init; }
        public bool IsTestProject { get; init; }
        public bool IsExe { get; init; }
        public bool IsWeb { get; init; }
        public bool ImplicitUsings { get; init; }
        public bool Nullable { get; init; }
        public List<string> Usings { get; init; } = new();
        public HashSet<string> Packages { get; init; } = new(StringComparer.OrdinalIgnoreCase);
        public List<string> ProjectReferences { get; init; } = new();
        public List<SweepProject> References { get; } = new();
        public bool AllReferences { get; init; }
    }

    private static SweepProject SingleProject(string root, List<string> csFiles, List<string> deploymentFiles)
        => new()
        {
            Name = Path.GetFileName(root),
            AssemblyName = Path.GetFileName(root),
            Directory = root,
            Sources = csFiles,
            DeploymentFiles = deploymentFiles,
            AwsProjectType = "Lambda",
            ImplicitUsings = true,
            Nullable = true,
            AllReferences = true,
        };

    private static List<SweepProject> ProjectsPerCsproj(string root, List<string> csFiles, List<string> projectFiles)
    {
        var byDirectory = projectFiles.GroupBy(p => Path.GetDirectoryName(p)!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(p => p, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var sources = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in csFiles)
        {
            // The nearest folder above the file that has a project file; files above every project are not compiled.
            for (var directory = Path.GetDirectoryName(file); directory is not null && directory.Length >= root.Length; directory = Path.GetDirectoryName(directory))
            {
                if (byDirectory.ContainsKey(directory))
                {
                    (sources.TryGetValue(directory, out var list) ? list : sources[directory] = new List<string>()).Add(file);
                    break;
                }
            }
        }

        var repoRoots = new Dictionary<string, string>(StringComparer.Ordinal);
        var projects = new List<SweepProject>();
        foreach (var (directory, files) in byDirectory.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var facts = ProjectFacts.Read(files, root);
            projects.Add(new SweepProject
            {
                Name = Path.GetRelativePath(root, files[0]),
                AssemblyName = facts.AssemblyName ?? Path.GetFileNameWithoutExtension(files[0]),
                Directory = directory,
                Sources = sources.TryGetValue(directory, out var list) ? list : new List<string>(),
                DeploymentFiles = DiscoverDeploymentFiles(directory, RepoRoot(directory, root)),
                AwsProjectType = facts.AwsProjectType,
                IsTestProject = facts.IsTestProject || Path.GetFileNameWithoutExtension(files[0]).EndsWith("Tests", StringComparison.OrdinalIgnoreCase)
                                || Path.GetFileNameWithoutExtension(files[0]).EndsWith("Test", StringComparison.OrdinalIgnoreCase),
                IsExe = facts.IsExe,
                IsWeb = facts.IsWeb,
                ImplicitUsings = facts.ImplicitUsings,
                Nullable = facts.Nullable,
                Usings = facts.Usings,
                Packages = facts.Packages,
                ProjectReferences = facts.ProjectReferences,
            });
        }

        var byPath = projects.ToDictionary(p => p.Directory, StringComparer.Ordinal);
        foreach (var project in projects)
        {
            foreach (var reference in project.ProjectReferences)
            {
                if (byPath.TryGetValue(Path.GetDirectoryName(reference)!, out var target) && target != project)
                {
                    project.References.Add(target);
                }
            }
        }

        return projects;
    }

    /// <summary>The nearest folder at or above the project with a .git entry, bounded by the swept folder (the props' repository root).</summary>
    private static string RepoRoot(string projectDirectory, string sweepRoot)
    {
        for (var directory = projectDirectory; directory is not null && directory.Length >= sweepRoot.Length; directory = Path.GetDirectoryName(directory))
        {
            if (Directory.Exists(Path.Combine(directory, ".git")) || File.Exists(Path.Combine(directory, ".git")))
            {
                return directory;
            }
        }

        return sweepRoot;
    }

    /// <summary>What build/LambdaAnalyzers.props finds for a project (approximated; see that file).</summary>
    private static List<string> DiscoverDeploymentFiles(string projectDirectory, string repoRoot)
    {
        var found = new List<string>();
        var toolsDefaults = Path.Combine(projectDirectory, "aws-lambda-tools-defaults.json");
        if (File.Exists(toolsDefaults))
        {
            found.Add(toolsDefaults);
            var match = Regex.Match(SafeRead(toolsDefaults), "\"template\"\\s*:\\s*\"([^\"]+)\"");
            if (match.Success)
            {
                var template = Path.GetFullPath(Path.Combine(projectDirectory, match.Groups[1].Value.Trim()));
                if (File.Exists(template))
                {
                    found.Add(template);
                }
            }
        }

        foreach (var name in new[] { "template.yaml", "template.yml", "serverless.template", "serverless.yml", "serverless.yaml" })
        {
            for (var directory = projectDirectory; directory is not null; directory = Path.GetDirectoryName(directory))
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    if ((directory + Path.DirectorySeparatorChar).StartsWith(repoRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    {
                        found.Add(candidate);
                    }

                    break;
                }
            }
        }

        found.AddRange(TerraformFiles(projectDirectory, recursive: false));
        found.AddRange(TerraformFiles(Path.Combine(projectDirectory, "terraform"), recursive: true));
        found.AddRange(TerraformFiles(Path.Combine(projectDirectory, "infra"), recursive: true));
        found.AddRange(TerraformFiles(repoRoot, recursive: false));
        foreach (var sub in new[] { "terraform", "infra", "infrastructure", "iac", "deploy", "deployment" })
        {
            found.AddRange(TerraformFiles(Path.Combine(repoRoot, sub), recursive: true));
        }

        return found.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> TerraformFiles(string directory, bool recursive)
    {
        if (!Directory.Exists(directory))
        {
            return Array.Empty<string>();
        }

        return Directory.EnumerateFiles(directory, "*.tf", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(f => !f.Replace('\\', '/').Contains("/.terraform/", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal);
    }

    private static string SafeRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    /// <summary>What a project file (and the Directory.Build.props above it) says, read leniently.</summary>
    private sealed class ProjectFacts
    {
        public string? AssemblyName { get; private set; }
        public string? AwsProjectType { get; private set; }
        public bool IsTestProject { get; private set; }
        public bool IsExe { get; private set; }
        public bool IsWeb { get; private set; }
        public bool ImplicitUsings { get; private set; }
        public bool Nullable { get; private set; }
        public List<string> Usings { get; } = new();
        public HashSet<string> Packages { get; } = new(StringComparer.OrdinalIgnoreCase);
        public List<string> ProjectReferences { get; } = new();

        public static ProjectFacts Read(List<string> projectFiles, string sweepRoot)
        {
            var facts = new ProjectFacts();
            var files = new List<string>();
            for (var directory = Path.GetDirectoryName(projectFiles[0]); directory is not null && directory.Length >= sweepRoot.Length; directory = Path.GetDirectoryName(directory))
            {
                var props = Path.Combine(directory, "Directory.Build.props");
                if (File.Exists(props))
                {
                    files.Add(props);
                }
            }

            files.Reverse();
            files.AddRange(projectFiles);
            foreach (var file in files)
            {
                facts.ReadOne(file);
            }

            facts.IsTestProject |= facts.Packages.Any(p => TestFrameworkPackages.Contains(p, StringComparer.OrdinalIgnoreCase));
            return facts;
        }

        private void ReadOne(string path)
        {
            XDocument document;
            try
            {
                document = XDocument.Parse(SafeRead(path));
            }
            catch (System.Xml.XmlException)
            {
                return;
            }

            var projectElement = document.Root;
            if (projectElement is null)
            {
                return;
            }

            if ((string?)projectElement.Attribute("Sdk") is { } sdk && sdk.Contains("Web", StringComparison.OrdinalIgnoreCase))
            {
                IsWeb = true;
            }

            foreach (var element in projectElement.Descendants())
            {
                // Conditional parts (Configuration, $(MSBuildProjectName.EndsWith('Tests'))...) are not evaluated: skipped.
                if (element.AncestorsAndSelf().Any(e => e.Attribute("Condition") is not null))
                {
                    continue;
                }

                var value = element.Value.Trim();
                switch (element.Name.LocalName)
                {
                    case "AssemblyName" when value.Length > 0 && !value.Contains("$(", StringComparison.Ordinal):
                        AssemblyName = value;
                        break;
                    case "AWSProjectType":
                        AwsProjectType = value;
                        break;
                    case "IsTestProject":
                        IsTestProject = value.Equals("true", StringComparison.OrdinalIgnoreCase);
                        break;
                    case "OutputType":
                        IsExe = value.Equals("Exe", StringComparison.OrdinalIgnoreCase);
                        break;
                    case "ImplicitUsings":
                        ImplicitUsings = value.Equals("enable", StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase);
                        break;
                    case "Nullable":
                        Nullable = value.Equals("enable", StringComparison.OrdinalIgnoreCase);
                        break;
                    case "PackageReference" when (string?)element.Attribute("Include") is { } package:
                        Packages.Add(package.Trim());
                        break;
                    case "FrameworkReference" when ((string?)element.Attribute("Include"))?.Contains("AspNetCore", StringComparison.OrdinalIgnoreCase) == true:
                        IsWeb = true;
                        break;
                    case "Using" when (string?)element.Attribute("Include") is { } ns && element.Attribute("Alias") is null && element.Attribute("Static") is null:
                        Usings.Add(ns.Trim());
                        break;
                    case "ProjectReference" when (string?)element.Attribute("Include") is { } reference && path.EndsWith("proj", StringComparison.OrdinalIgnoreCase):
                        ProjectReferences.Add(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, reference.Replace('\\', '/'))));
                        break;
                }
            }
        }
    }

    private static IEnumerable<SweepProject> OrderByReferences(List<SweepProject> projects)
    {
        var done = new HashSet<SweepProject>();
        var visiting = new HashSet<SweepProject>();
        var order = new List<SweepProject>();

        void Visit(SweepProject project)
        {
            if (done.Contains(project) || !visiting.Add(project))
            {
                return; // cycles are broken arbitrarily
            }

            foreach (var reference in project.References)
            {
                Visit(reference);
            }

            visiting.Remove(project);
            done.Add(project);
            order.Add(project);
        }

        foreach (var project in projects)
        {
            Visit(project);
        }

        return order;
    }

    // ----- compilation -----------------------------------------------------------------------------------------

    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(() =>
    {
        var references = new List<MetadataReference>();
        var packs = new[] { "microsoft.netcore.app.ref", "microsoft.aspnetcore.app.ref" };
        var nugetRoot = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } custom
            ? custom
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var pack in packs)
        {
            var versions = Path.Combine(nugetRoot, pack);
            var directory = Directory.Exists(versions)
                ? Directory.GetDirectories(versions, "8.*").OrderByDescending(d => d, StringComparer.Ordinal).Select(d => Path.Combine(d, "ref", "net8.0")).FirstOrDefault(Directory.Exists)
                : null;
            if (directory is null)
            {
                Console.Error.WriteLine($"sweep: {pack} 8.x not found under {nugetRoot}; using the running runtime's assemblies");
                continue;
            }

            references.AddRange(Directory.GetFiles(directory, "*.dll").OrderBy(f => f, StringComparer.Ordinal).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)));
        }

        return references.Count > 0 ? references.ToImmutableArray() : AnalysisRunner.References(lambda: false);
    });

    private static readonly Lazy<ImmutableArray<byte>> StandInImage = new(() => File.ReadAllBytes(typeof(Amazon.Lambda.Core.ILambdaContext).Assembly.Location).ToImmutableArray());

    private static MetadataReference FromType(Type type) => MetadataReference.CreateFromFile(type.Assembly.Location);

    private static IEnumerable<string> TransitivePackages(SweepProject project)
    {
        var seen = new HashSet<SweepProject>();
        var pending = new Stack<SweepProject>();
        pending.Push(project);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current))
            {
                continue;
            }

            foreach (var package in current.Packages)
            {
                yield return package;
            }

            foreach (var reference in current.References)
            {
                pending.Push(reference);
            }
        }
    }

    /// <summary>References the project would have: the framework, and the AWS assemblies this machine has for the packages it uses.</summary>
    private static List<MetadataReference> ReferencesFor(SweepProject project, Dictionary<SweepProject, CSharpCompilation> built)
    {
        var references = new List<MetadataReference>(Framework.Value);
        var packages = project.AllReferences ? new List<string> { "Amazon.Lambda.Core", "AWSSDK.Lambda", "AWSSDK.SQS", "AWSSDK.S3", "AWSSDK.DynamoDBv2", "Amazon.CDK.Lib" } : TransitivePackages(project).ToList();

        // The stand-in covers Amazon.Lambda.* and AWSSDK.Lambda; the model recognises AWS references by file name,
        // so it carries the name of the first such package the project uses (as the real reference would).
        var lambdaPackage = packages.FirstOrDefault(p => p.StartsWith("Amazon.Lambda", StringComparison.OrdinalIgnoreCase) || p.Equals("AWSSDK.Lambda", StringComparison.OrdinalIgnoreCase) || p.StartsWith("AWS.Lambda.Powertools", StringComparison.OrdinalIgnoreCase));
        if (lambdaPackage is not null)
        {
            references.Add(MetadataReference.CreateFromImage(StandInImage.Value, filePath: Path.Combine(Path.GetTempPath(), "lambda-standin", lambdaPackage + ".dll")));
        }

        if (lambdaPackage is not null || packages.Any(p => p.StartsWith("AWSSDK.", StringComparison.OrdinalIgnoreCase)))
        {
            references.Add(FromType(typeof(Amazon.Runtime.ConstantClass)));
        }

        if (packages.Any(p => p.Equals("AWSSDK.SQS", StringComparison.OrdinalIgnoreCase)))
        {
            references.Add(FromType(typeof(Amazon.SQS.IAmazonSQS)));
        }

        if (packages.Any(p => p.Equals("AWSSDK.S3", StringComparison.OrdinalIgnoreCase)))
        {
            references.Add(FromType(typeof(Amazon.S3.IAmazonS3)));
        }

        if (packages.Any(p => p.Equals("AWSSDK.DynamoDBv2", StringComparison.OrdinalIgnoreCase)))
        {
            references.Add(FromType(typeof(Amazon.DynamoDBv2.IAmazonDynamoDB)));
        }

        if (packages.Any(p => p.StartsWith("Amazon.CDK", StringComparison.OrdinalIgnoreCase)))
        {
            // CDK apps (the CDK parts of LAMBDA004/LAMBDA005): Amazon.CDK.Lib with what its types derive from.
            references.Add(FromType(typeof(Amazon.CDK.Stack)));
            references.Add(FromType(typeof(Constructs.Construct)));
            references.Add(FromType(typeof(Amazon.JSII.Runtime.Deputy.DeputyBase)));
        }

        foreach (var reference in project.References)
        {
            if (built.TryGetValue(reference, out var compilation))
            {
                references.Add(compilation.ToMetadataReference());
            }
        }

        return references;
    }

    private static readonly string[] SdkUsings = { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" };

    private static readonly string[] WebUsings = { "System.Net.Http.Json", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging" };

    private static CSharpCompilation Compile(SweepProject project, Dictionary<SweepProject, CSharpCompilation> built)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = project.Sources.Select(path => CSharpSyntaxTree.ParseText(SourceText.From(SafeRead(path), Encoding.UTF8), parseOptions, path)).ToList();
        var usings = (project.ImplicitUsings ? SdkUsings.Concat(project.IsWeb ? WebUsings : Array.Empty<string>()) : Array.Empty<string>()).Concat(project.Usings).Distinct(StringComparer.Ordinal).ToList();
        if (usings.Count > 0)
        {
            // What the SDK writes to obj/…GlobalUsings.g.cs (generated: the analyzers skip it).
            var text = string.Concat(usings.Select(u => $"global using global::{u};\n"));
            trees.Add(CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), parseOptions, Path.Combine(project.Directory, "obj", project.AssemblyName + ".GlobalUsings.g.cs")));
        }

        return CSharpCompilation.Create(
            project.AssemblyName,
            trees,
            ReferencesFor(project, built),
            new CSharpCompilationOptions(
                project.IsExe ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: project.Nullable ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                allowUnsafe: true));
    }

    // ----- analysis and output ---------------------------------------------------------------------------------

    private sealed record ProjectResult(string Name, int Sources, int DeploymentFiles, string? AwsProjectType, bool IsTestProject, int CompilerErrors, ImmutableArray<Diagnostic> Diagnostics, List<string> Exceptions, TimeSpan Elapsed);

    private static ProjectResult AnalyzeProject(string root, SweepProject project, Dictionary<SweepProject, CSharpCompilation> built, TextWriter output)
    {
        var stopwatch = Stopwatch.StartNew();
        var compilation = Compile(project, built);
        built[project] = compilation;
        var globals = new Dictionary<string, string> { ["build_property.ProjectDir"] = project.Directory + Path.DirectorySeparatorChar };
        if (project.AwsProjectType is { Length: > 0 } type)
        {
            globals["build_property.AWSProjectType"] = type;
        }

        if (project.IsTestProject)
        {
            globals["build_property.IsTestProject"] = "true";
        }

        var additional = project.DeploymentFiles.Select(f => (AdditionalText)new AnalysisRunner.InMemoryText(f, SafeRead(f))).ToImmutableArray();
        var options = new AnalyzerOptions(additional, new AnalysisRunner.GlobalOptionsProvider(globals));
        var exceptions = new List<string>();
        ImmutableArray<Diagnostic> diagnostics;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            var run = AnalysisRunner.Analyze(compilation, options, AnalysisRunner.PackageAnalyzers, timeout.Token);
            diagnostics = run.Diagnostics;
            exceptions.AddRange(run.Exceptions);
            exceptions.AddRange(run.Diagnostics.Where(d => d.Id is "AD0001" or "AD0002").Select(d => d.ToString()));
        }
        catch (OperationCanceledException)
        {
            diagnostics = ImmutableArray<Diagnostic>.Empty;
            exceptions.Add($"{project.Name}: analysis did not finish within 5 minutes");
        }

        var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        stopwatch.Stop();

        var lambda = diagnostics.Where(d => d.Id.StartsWith("LAMBDA", StringComparison.Ordinal))
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition.Line)
            .ThenBy(d => d.Location.GetLineSpan().StartLinePosition.Character)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        if (lambda.Length > 0 || exceptions.Count > 0)
        {
            output.WriteLine($"-- {project.Name}");
        }

        foreach (var diagnostic in lambda)
        {
            output.WriteLine(Format(root, diagnostic));
        }

        foreach (var exception in exceptions)
        {
            output.WriteLine($"ANALYZER EXCEPTION in {project.Name}: {exception}");
        }

        return new ProjectResult(project.Name, project.Sources.Count, project.DeploymentFiles.Count, project.AwsProjectType, project.IsTestProject, errors, lambda, exceptions, stopwatch.Elapsed);
    }

    private static string Format(string root, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var path = string.IsNullOrEmpty(span.Path) ? "<no location>" : Path.GetRelativePath(root, span.Path);
        return $"{path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.Id} {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static void PrintSummary(List<ProjectResult> results, TextWriter output)
    {
        var ruleIds = AnalysisRunner.RuleIds(AnalysisRunner.PackageAnalyzers).ToList();
        output.WriteLine();
        output.WriteLine($"| project | .cs | deployment files | AWSProjectType | test | compiler errors | {string.Join(" | ", ruleIds)} | exceptions | time |");
        output.WriteLine($"|---|---:|---:|---|---|---:|{string.Concat(ruleIds.Select(_ => "---:|"))}---:|---:|");
        foreach (var result in results.OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var counts = ruleIds.Select(id => result.Diagnostics.Count(d => d.Id == id).ToString(System.Globalization.CultureInfo.InvariantCulture));
            output.WriteLine($"| {result.Name} | {result.Sources} | {result.DeploymentFiles} | {result.AwsProjectType ?? ""} | {(result.IsTestProject ? "yes" : "")} | {result.CompilerErrors} | {string.Join(" | ", counts)} | {result.Exceptions.Count} | {result.Elapsed.TotalSeconds:F1} s |");
        }

        output.WriteLine();
        output.WriteLine("| rule | warning | info | total |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var id in ruleIds)
        {
            var all = results.SelectMany(r => r.Diagnostics).Where(d => d.Id == id).ToList();
            output.WriteLine($"| {id} | {all.Count(d => d.Severity == DiagnosticSeverity.Warning)} | {all.Count(d => d.Severity == DiagnosticSeverity.Info)} | {all.Count} |");
        }

        output.WriteLine($"| total | | | {results.Sum(r => r.Diagnostics.Length)} |");
        output.WriteLine($"projects: {results.Count}; C# files compiled: {results.Sum(r => r.Sources)}; time: {results.Sum(r => r.Elapsed.TotalSeconds):F1} s");
    }
}
