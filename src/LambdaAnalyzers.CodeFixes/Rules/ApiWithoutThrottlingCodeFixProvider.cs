using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using LambdaAnalyzers.CodeFixes.Infrastructure;
using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.CodeFixes.Rules;

/// <summary>
/// LAMBDA005 in deployment files: adds default throttling (rate and burst from
/// <c>dotnet_diagnostic.LAMBDA005.rate_limit</c> / <c>burst_limit</c>): SAM/CloudFormation <c>MethodSettings</c>
/// (REST) or <c>DefaultRouteSettings</c> (HTTP), in <c>Globals</c> for implicit SAM APIs; Terraform
/// <c>default_route_settings</c> or a new <c>aws_api_gateway_method_settings</c> resource. The analyzer computes the
/// edit in the file's own style; the fix applies it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ApiWithoutThrottlingCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) }), Shared]
public sealed class ApiWithoutThrottlingCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "LAMBDA005.AddThrottling";

    private static readonly FixAllProvider FixAll = new DeploymentFileFixAllProvider("Add default throttling to every API", ChangeFor);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ApiWithoutThrottlingAnalyzer.RuleId);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    internal static TextChange? ChangeFor(Diagnostic diagnostic, SourceText text)
        => PropertyChange.Read(diagnostic, text, ApiWithoutThrottlingAnalyzer.FixStartProperty, ApiWithoutThrottlingAnalyzer.FixLengthProperty, ApiWithoutThrottlingAnalyzer.FixTextProperty);

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Location.Kind != LocationKind.ExternalFile || !diagnostic.Properties.ContainsKey(ApiWithoutThrottlingAnalyzer.FixTextProperty))
            {
                continue;
            }

            var document = context.TextDocument;
            context.RegisterCodeFix(
                CodeAction.Create("Add default throttling", ct => PropertyChange.ApplyAsync(document, diagnostic, ChangeFor, ct), EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }
}
