using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using LambdaAnalyzers.CodeFixes.Infrastructure;
using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace LambdaAnalyzers.CodeFixes.Rules;

/// <summary>
/// LAMBDA005 in CDK code: adds <c>ThrottlingRateLimit</c>/<c>ThrottlingBurstLimit</c> to an existing
/// <c>DeployOptions = new StageOptions { … }</c>, or <c>DeployOptions = new StageOptions { … }</c> to the
/// RestApi props (the type name is qualified when <c>StageOptions</c> would not bind to API Gateway's).
/// Not offered for <c>HttpApi</c> (its default stage has no throttle option) nor for APIs created without props.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CdkThrottlingCodeFixProvider)), Shared]
public sealed class CdkThrottlingCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "LAMBDA005.AddStageThrottling";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ApiWithoutThrottlingAnalyzer.RuleId);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Location.IsInSource || root is null || Target(diagnostic) is not { } target || InitializerEdit.FindCreation(root, target.Start) is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create("Add default stage throttling", ct => ApplyAsync(document, diagnostic, ct), EquivalenceKey),
                diagnostic);
        }
    }

    private static (int Start, bool IsStageOptions)? Target(Diagnostic diagnostic)
    {
        if (diagnostic.Properties.TryGetValue(ApiWithoutThrottlingAnalyzer.StageOptionsStartProperty, out var stage)
            && int.TryParse(stage, NumberStyles.Integer, CultureInfo.InvariantCulture, out var stageStart))
        {
            return (stageStart, true);
        }

        if (diagnostic.Properties.TryGetValue(ApiWithoutThrottlingAnalyzer.PropsStartProperty, out var props)
            && int.TryParse(props, NumberStyles.Integer, CultureInfo.InvariantCulture, out var propsStart))
        {
            return (propsStart, false);
        }

        return null;
    }

    private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var text = await document.GetTextAsync(ct).ConfigureAwait(false);
        if (root is null || Target(diagnostic) is not { } target || InitializerEdit.FindCreation(root, target.Start) is not { } creation)
        {
            return document;
        }

        diagnostic.Properties.TryGetValue(ApiWithoutThrottlingAnalyzer.RateProperty, out var rate);
        diagnostic.Properties.TryGetValue(ApiWithoutThrottlingAnalyzer.BurstProperty, out var burst);
        var limits = new[] { "ThrottlingRateLimit = " + rate, "ThrottlingBurstLimit = " + burst };
        string[] items;
        if (target.IsStageOptions)
        {
            items = limits;
        }
        else
        {
            var typeName = await StageOptionsNameAsync(document, creation.SpanStart, ct).ConfigureAwait(false);
            items = new[] { "DeployOptions = new " + typeName + " { " + limits[0] + ", " + limits[1] + " }" };
        }

        return InitializerEdit.Add(text, creation, items) is { } change ? document.WithText(text.WithChanges(change)) : document;
    }

    private static async Task<string> StageOptionsNameAsync(Document document, int position, CancellationToken ct)
    {
        var model = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        var expected = model?.Compilation.GetTypeByMetadataName(CdkConstructs.StageOptionsType);
        if (model is not null && expected is not null)
        {
            var bound = model.GetSpeculativeTypeInfo(position, SyntaxFactory.ParseTypeName("StageOptions"), SpeculativeBindingOption.BindAsTypeOrNamespace).Type;
            if (SymbolEqualityComparer.Default.Equals(bound, expected))
            {
                return "StageOptions";
            }
        }

        return "Amazon.CDK.AWS.APIGateway.StageOptions";
    }
}
