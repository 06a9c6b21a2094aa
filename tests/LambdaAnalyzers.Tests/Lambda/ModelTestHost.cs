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
            .Select(f => (AdditionalText)new InMemoryAdditionalText(f.Item1, f.Item2))
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

        var options = new AnalyzerOptions(texts, new DictionaryOptionsProvider(globals));
        return new ModelTestHost(compilation, LambdaModel.GetOrCreate(compilation, options));
    }

    public IMethodSymbol Method(string typeName, string methodName)
    {
        var type = Compilation.GetTypeByMetadataName(typeName) ?? throw new System.InvalidOperationException($"no type {typeName}");
        return type.GetMembers(methodName).OfType<IMethodSymbol>().Single();
    }

    public IReadOnlyList<Diagnostic> CompilerErrors()
        => Compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    internal sealed class InMemoryAdditionalText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryAdditionalText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    internal sealed class DictionaryOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _global;

        public DictionaryOptionsProvider(Dictionary<string, string> global) => _global = new DictionaryOptions(global);

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => DictionaryOptions.Empty;
    }

    internal sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(new Dictionary<string, string>());

        private readonly Dictionary<string, string> _values;

        public DictionaryOptions(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value)
        {
            if (_values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = null!;
            return false;
        }
    }
}
