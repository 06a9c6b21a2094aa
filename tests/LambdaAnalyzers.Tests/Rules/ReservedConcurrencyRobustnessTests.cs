using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using LambdaAnalyzers.Tests.Verifiers;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>LAMBDA004/LAMBDA005 on half-written and odd deployment files: no exception, nothing invented.</summary>
public sealed class ReservedConcurrencyRobustnessTests
{
    private static async Task VerifyBothAsync(string path, string template)
    {
        var a = new AnalyzerVerifier<MissingReservedConcurrencyAnalyzer>.Test { TestCode = MissingReservedConcurrencyTests.Function, GlobalOptions = "build_property.ProjectDir = /repo/" };
        a.TestState.AdditionalFiles.Add((path, template));
        await a.RunAsync();
        var b = new AnalyzerVerifier<ApiWithoutThrottlingAnalyzer>.Test { TestCode = MissingReservedConcurrencyTests.Function, GlobalOptions = "build_property.ProjectDir = /repo/" };
        b.TestState.AdditionalFiles.Add((path, template));
        await b.RunAsync();
    }

    /// <summary>Same odd files inside the project folder (so fixes are computed): only checks that nothing throws.</summary>
    private static async Task NoExceptionAsync(string path, string template)
    {
        var references = await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            "TestProject",
            new[] { CSharpSyntaxTree.ParseText(MissingReservedConcurrencyTests.Function) },
            references.AddRange(TestReferences.Lambda),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var exceptions = new List<Exception>();
        var options = new AnalyzerOptions(
            ImmutableArray.Create<AdditionalText>(new Text(path, template)),
            new GlobalOptionsProvider("build_property.ProjectDir", "/repo/"));
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new MissingReservedConcurrencyAnalyzer(), new ApiWithoutThrottlingAnalyzer()),
            new CompilationWithAnalyzersOptions(options, (e, _, _) => exceptions.Add(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    public static TheoryData<string, string> OddFiles() => new()
    {
        { "/repo/template.yaml", "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: TestProject::A::B\n      Events:\n        E:\n          Type: Api\n" },
        { "/repo/template.yaml", "Globals:\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: {Handler: TestProject::A::B}\n  Fn2:\n    Type: AWS::Serverless::Function\n    Properties: {Handler: TestProject::A::B}\n" },
        { "/repo/template.yaml", "Resources:\n  - Fn:\n      Type: AWS::Serverless::Function\n" },
        { "/repo/template.yaml", "Globals:\n  Api: 3\n  HttpApi: !Ref X\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events:\n        A: {Type: Api}\n        B: {Type: HttpApi}\n" },
        { "/repo/template.json", "{\"Resources\": {\"Fn\": {\"Type\": \"AWS::Serverless::Function\", \"Properties\": {}}, \"G\": {\"Type\": \"AWS::Serverless::Function\", \"Properties\": {}}, \"S\": {\"Type\": \"AWS::ApiGateway::Stage\", \"Properties\": {}}}, \"Globals\": []}" },
        { "/repo/template.json", "{\"Resources\": {\"Fn\": {\"Type\": \"AWS::Serverless::Function\", \"Properties\": {\"Events\": {\"E\": {\"Type\": \"Api\"}}}}}" },
        { "/repo/main.tf", "resource \"aws_lambda_function\" \"f\" { handler = \"x\" }\nresource \"aws_apigatewayv2_stage\" \"s\" { name = \"x\" }\nresource \"aws_api_gateway_stage\" \"r\" {}" },
        { "/repo/main.tf", "resource \"aws_lambda_function\" \"f\" {\n  reserved_concurrent_executions = -1\n}\nresource \"aws_apigatewayv2_stage\" \"s\" {\n  default_route_settings = {}\n}\n" },
        { "/repo/serverless.yml", "service: x\nfunctions:\n  f:\n    events:\n      - http: GET /\n      - httpApi: '*'\n  g: {handler: h}\n" },
    };

    [Theory]
    [MemberData(nameof(OddFiles))]
    public Task OddFilesInProjectFolder_DoNotThrow(string path, string template) => NoExceptionAsync(path, template);

    private sealed class Text : AdditionalText
    {
        private readonly SourceText _text;

        public Text(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class GlobalOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options _global;

        public GlobalOptionsProvider(string key, string value) => _global = new Options(new Dictionary<string, string> { [key] = value, ["build_property.AWSProjectType"] = "Lambda" });

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(new Dictionary<string, string>());
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
        }
    }

    [Theory]
    [InlineData("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n")]
    [InlineData("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties: !If [C, {}, {}]\n")]
    [InlineData("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n")]
    [InlineData("Resources:\n  Api:\n    Type: AWS::Serverless::Api\n")]
    [InlineData("Resources:\n  Api:\n    Type: AWS::Serverless::Api\n    Properties: [1, 2]\n")]
    [InlineData("Globals: [x]\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Events: [a, b]\n")]
    [InlineData("Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: \"TestProject::Shop.Orders")]
    [InlineData("Resources: {")]
    [InlineData("")]
    public Task OddSamYaml_DoesNotReport(string template) => VerifyBothAsync("/repo/other/template.yaml", template);

    [Theory]
    [InlineData("resource \"aws_lambda_function\" {")]
    [InlineData("resource \"aws_apigatewayv2_stage\" \"s\" { name = \"x\" ")]
    [InlineData("resource \"aws_api_gateway_method_settings\" \"m\" {\n  settings = var.settings\n}\nresource \"aws_api_gateway_stage\" \"s\" {}\n")]
    [InlineData("module \"m\" {\n  source = 42\n  handler = \"x\"\n}\n")]
    public Task OddTerraform_DoesNotReport(string template) => VerifyBothAsync("/repo/other/main.tf", template);

    [Theory]
    [InlineData("service: x\nfunctions: [1]\n")]
    [InlineData("service: x\nfunctions:\n  f: 1\n")]
    [InlineData("service: x\nprovider: 3\nfunctions:\n  f:\n    events: 5\n")]
    public Task OddServerless_DoesNotReport(string template) => VerifyBothAsync("/repo/other/serverless.yml", template);
}
