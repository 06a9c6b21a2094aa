using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LambdaAnalyzers.Tests.Verifiers;

/// <summary>Code-fix tests: same references and options as <see cref="AnalyzerVerifier{TAnalyzer}"/>.</summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Net80;
            TestState.AdditionalReferences.AddRange(TestReferences.Lambda);
            FixedState.AdditionalReferences.AddRange(TestReferences.Lambda);
        }

        public string? AwsProjectType { get; set; } = "Lambda";

        public string GlobalOptions { get; set; } = string.Empty;

        protected override Task RunImplAsync(CancellationToken cancellationToken)
        {
            var config = ("/.globalconfig", TestReferences.GlobalConfig(AwsProjectType, false, GlobalOptions));
            TestState.AnalyzerConfigFiles.Add(config);
            FixedState.AnalyzerConfigFiles.Add(config);
            return base.RunImplAsync(cancellationToken);
        }
    }
}
