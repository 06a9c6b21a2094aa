using System.Collections.Immutable;
using LambdaAnalyzers.Infrastructure;
using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Templates;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LAMBDA009: a handler string in a deployment file (SAM/CloudFormation JSON or YAML, serverless.yml,
/// Terraform, aws-lambda-tools-defaults.json) that names this project's assembly but a type or method
/// the runtime cannot load. Reported at the exact span of the string inside the file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConfiguredHandlerAnalyzer : DiagnosticAnalyzer
{
    internal const string SuggestionProperty = "SuggestedHandler";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LAMBDA009_HandlerDoesNotResolve);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start => Guard.Run(start, OnCompilationStart));
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // No deployment files, nothing to resolve: the common case in non-Lambda projects costs one loop.
        if (!DeploymentFile.HasCandidates(context.Options) || context.Compilation.AssemblyName is null)
        {
            return;
        }

        var model = LambdaModel.GetOrCreate(context.Compilation, context.Options);
        context.RegisterAdditionalFileAction(fileContext => Guard.Run(fileContext, c => AnalyzeFile(c, model)));
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, LambdaModel model)
    {
        if (!DeploymentFile.IsCandidatePath(context.AdditionalFile.Path)
            || DeploymentFile.GetOrRead(context.AdditionalFile, context.CancellationToken) is not { } file)
        {
            return;
        }

        foreach (var function in file.Functions)
        {
            if (function.Handler is not { Value: { } text } node || !HandlerString.TryParse(text, out var handler))
            {
                continue;
            }

            var resolution = model.ResolveHandler(handler, context.CancellationToken);
            if (!resolution.IsProblem)
            {
                continue;
            }

            var properties = ImmutableDictionary<string, string?>.Empty;
            if (HandlerResolver.SuggestCorrection(model, handler, resolution, context.CancellationToken) is { } suggestion)
            {
                properties = properties.Add(SuggestionProperty, suggestion);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.LAMBDA009_HandlerDoesNotResolve,
                DeploymentFileDiagnostics.CreateLocation(file.Path, file.Text, node.ValueSpan),
                properties,
                text,
                function.Name,
                resolution.Reason));
        }
    }
}
