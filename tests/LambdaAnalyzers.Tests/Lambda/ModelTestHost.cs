using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Tests.Lambda;

/// <summary>Builds a compilation and a <see cref="LambdaModel"/> for model tests, without the analyzer driver.</summary>
internal sealed class ModelTestHost
{
    private static readonly ImmutableArray<MetadataReference> FrameworkReferences =
        TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).GetAwaiter().GetResult();

    private ModelTestHost(CSharpCompilation compilation, LambdaModel model)
    {
        Compilation = compilation;
        Model = model;
    }

    public CSharpCompilation Compilation { get; }

    public LambdaModel Model { get; }

    public static ModelTestHost Create(
        string source,
        IEnumerable<(string Path, string Text)>? additionalFiles = null,
        string? awsProjectType = "Lambda",
        bool isTestProject = false,
        OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary,
        string assemblyName = "TestProject",
        bool withLambdaReferences = true)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Test0.cs");
        var references = withLambdaReferences ? FrameworkReferences.AddRange(TestReferences.Lambda) : FrameworkReferences;
        var compilation = CSharpCompilation.Create(assemblyName, new[] { tree }, references, new CSharpCompilationOptions(outputKind));
        var texts = (additionalFiles ?? Enumerable.Empty<(string, string)>())
            .Select(f => (AdditionalText)new LambdaAnalyzers.Benchmarks.AnalysisRunner.InMemoryText(f.Item1, f.Item2))
            .ToImmutableArray();
        var globals = new Dictionary<string, string>();
        if (awsProjectType is not null)
        {
            globals["build_property.AWSProjectType"] = awsProjectType;
        }

        if (isTestProject)
        {
            globals["build_property.IsTestProject"] = "true";
        }

        var options = new AnalyzerOptions(texts, new LambdaAnalyzers.Benchmarks.AnalysisRunner.GlobalOptionsProvider(globals));
        return new ModelTestHost(compilation, LambdaModel.GetOrCreate(compilation, options));
    }

    public IMethodSymbol Method(string typeName, string methodName)
    {
        var type = Compilation.GetTypeByMetadataName(typeName) ?? throw new System.InvalidOperationException($"no type {typeName}");
        return type.GetMembers(methodName).OfType<IMethodSymbol>().Single();
    }

    public IReadOnlyList<Diagnostic> CompilerErrors()
        => Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
}
