using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace LambdaAnalyzers.Tests.Verifiers;

/// <summary>
/// Analyzer tests: C# sources with markup (<c>[|…|]</c>, <c>{|LAMBDA009:…|}</c>), deployment files as
/// additional files (markup works there too), MSBuild properties through a global config.
/// The compilation's assembly name is <see cref="AssemblyName"/>.
/// </summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public const string AssemblyName = "TestProject";

    public static DiagnosticResult Diagnostic(string id) => new(id, DiagnosticSeverity.Warning);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Net80;
            TestState.AdditionalReferences.AddRange(TestReferences.Lambda);
            AwsProjectType = "Lambda";
        }

        /// <summary>The AWSProjectType build property; null for a project without it.</summary>
        public string? AwsProjectType { get; set; }

        public bool IsTestProject { get; set; }

        /// <summary>Extra global options (<c>key = value</c> lines), e.g. rule options.</summary>
        public string GlobalOptions { get; set; } = string.Empty;

        protected override Task RunImplAsync(CancellationToken cancellationToken)
        {
            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", TestReferences.GlobalConfig(AwsProjectType, IsTestProject, GlobalOptions)));
            return base.RunImplAsync(cancellationToken);
        }
    }
}
