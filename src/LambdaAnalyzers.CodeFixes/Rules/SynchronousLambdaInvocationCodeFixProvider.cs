using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.CodeFixes.Rules;

/// <summary>
/// LAMBDA002 fixes, each offered only when it keeps the code correct:
/// <list type="number">
/// <item><b>Invoke asynchronously</b>: sets <c>InvocationType = InvocationType.Event</c> on the request (built
/// inline or in a local of the calling method) when the response is not used, or only its status code is
/// compared with 200 — then the comparison becomes 202, which asynchronous invocation answers.</item>
/// <item><b>Send through a queue</b>: replaces the invoke with <c>IAmazonSQS.SendMessageAsync</c> to the queue
/// URL in the <c>&lt;TARGET&gt;_QUEUE_URL</c> environment variable, when AWSSDK.SQS is referenced, the request is
/// built inline with a string Payload, the target is known and the response is discarded. The client is an
/// existing IAmazonSQS field or property of the class, or a new static readonly field.</item>
/// </list>
/// When the response payload is used neither is offered: making the call asynchronous would change behaviour.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SynchronousLambdaInvocationCodeFixProvider)), Shared]
public sealed partial class SynchronousLambdaInvocationCodeFixProvider : CodeFixProvider
{
    public const string InvokeAsynchronouslyKey = "LAMBDA002.InvokeAsynchronously";
    public const string SendThroughQueueKey = "LAMBDA002.SendThroughQueue";
    public const string UseLambdaDestinationKey = "LAMBDA002.UseLambdaDestination";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("LAMBDA002");

    /// <summary>
    /// One document-level pass per equivalence key: several queue fixes in one class must share one new
    /// SQS client field, which BatchFixer's independent edits would duplicate. The Lambda Destination fix is
    /// not part of it: its C# half without its template half would drop the call's work.
    /// </summary>
    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create(async (context, document, diagnostics) => (Document?)await FixDocumentAsync(document, diagnostics, context.CodeActionEquivalenceKey, context.CancellationToken).ConfigureAwait(false));

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var semanticModel = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (semanticModel is null || root is null || LambdaInvokeSymbols.Create(semanticModel.Compilation) is not { } symbols)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var plan = Plan(diagnostic, root, semanticModel, symbols, context.CancellationToken);
            if (plan is null)
            {
                continue;
            }

            if (plan.CanInvokeAsynchronously)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Invoke asynchronously (InvocationType.Event)",
                        ct => FixDocumentAsync(document, ImmutableArray.Create(diagnostic), InvokeAsynchronouslyKey, ct),
                        InvokeAsynchronouslyKey),
                    diagnostic);
            }

            if (plan.QueueStem is not null)
            {
                var templateEdit = await PlanTemplateEditAsync(document, diagnostic, plan.QueueStem, context.CancellationToken).ConfigureAwait(false);
                var title = templateEdit is null
                    ? $"Send through a queue ({plan.QueueStem}_QUEUE_URL)"
                    : $"Send through a queue ({templateEdit.QueueName}, added to {System.IO.Path.GetFileName(templateEdit.Path)})";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        ct => FixWithTemplateAsync(document, diagnostic, templateEdit, ct),
                        SendThroughQueueKey),
                    diagnostic);
            }

            if (plan.Usage == ResponseUsage.Discarded
                && await PlanDestinationAsync(document, diagnostic, plan, semanticModel, context.CancellationToken).ConfigureAwait(false) is { } destination)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use a Lambda Destination (return the payload; OnSuccess: {destination.Template.TargetName} in {System.IO.Path.GetFileName(destination.Template.Path)})",
                        ct => FixDestinationAsync(document, destination, ct),
                        UseLambdaDestinationKey),
                    diagnostic);
            }
        }
    }

    /// <summary>The template half of the queue fix, when a SAM template wires the target's env var to a function.</summary>
    private static async Task<QueueTemplateEditor.Edit?> PlanTemplateEditAsync(Document document, Diagnostic diagnostic, string stem, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(SynchronousLambdaInvocationAnalyzer.TargetVariableProperty, out var variable) || string.IsNullOrEmpty(variable))
        {
            return null;
        }

        var files = new List<(string Path, SourceText Text)>();
        foreach (var additional in document.Project.AdditionalDocuments)
        {
            if (additional.FilePath is { } path && Templates.DeploymentFile.IsCandidatePath(path))
            {
                files.Add((path, await additional.GetTextAsync(cancellationToken).ConfigureAwait(false)));
            }
        }

        if (files.Count == 0)
        {
            return null;
        }

        try
        {
            return QueueTemplateEditor.Plan(files, variable!, stem, cancellationToken);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            // The template half is a bonus: an unexpected shape must not cost the C# fix.
            return null;
        }
    }

    private static async Task<Solution> FixWithTemplateAsync(Document document, Diagnostic diagnostic, QueueTemplateEditor.Edit? templateEdit, CancellationToken cancellationToken)
    {
        var fixedDocument = await FixDocumentAsync(document, ImmutableArray.Create(diagnostic), SendThroughQueueKey, cancellationToken).ConfigureAwait(false);
        var solution = fixedDocument.Project.Solution;
        if (templateEdit is null || fixedDocument == document)
        {
            return solution;
        }

        var template = fixedDocument.Project.AdditionalDocuments.FirstOrDefault(d => d.FilePath == templateEdit.Path);
        if (template is null)
        {
            return solution;
        }

        var text = await template.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return solution.WithAdditionalDocumentText(template.Id, text.WithChanges(templateEdit.Changes));
    }

    private sealed class FixPlan
    {
        public FixPlan(InvocationExpressionSyntax invocation, InvokeRequestInfo request)
        {
            Invocation = invocation;
            Request = request;
        }

        public InvocationExpressionSyntax Invocation { get; }
        public InvokeRequestInfo Request { get; }
        public bool CanInvokeAsynchronously { get; set; }
        public ResponseUsage Usage { get; set; }

        /// <summary>Status comparisons with 200 / HttpStatusCode.OK that become 202 / Accepted.</summary>
        public List<ExpressionSyntax> StatusOk { get; } = new();

        /// <summary>Set when the queue fix applies.</summary>
        public string? QueueStem { get; set; }
        public ExpressionSyntax? Payload { get; set; }
        public INamedTypeSymbol? ContainingType { get; set; }
        public bool InStaticContext { get; set; }
        public string? ExistingSqsMember { get; set; }

        /// <summary>The request's local declaration and configuring statements, removed with the call.</summary>
        public List<StatementSyntax> RequestStatements { get; } = new();
    }

    private static FixPlan? Plan(Diagnostic diagnostic, SyntaxNode root, SemanticModel semanticModel, LambdaInvokeSymbols symbols, CancellationToken cancellationToken)
    {
        if (diagnostic.Properties.ContainsKey(SynchronousLambdaInvocationAnalyzer.StreamingProperty)
            || !root.FullSpan.Contains(diagnostic.Location.SourceSpan)
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<InvocationExpressionSyntax>() is not { } invocation
            || semanticModel.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
            || !symbols.IsInvoke(operation.TargetMethod, out var streaming)
            || streaming)
        {
            return null;
        }

        var request = operation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value;
        if (request is null)
        {
            return null;
        }

        var info = LambdaInvokeRequests.Analyze(request, invocation.SpanStart, symbols, semanticModel.Compilation, cancellationToken);
        if (info.Mode != InvocationMode.Synchronous
            || info.ViaFactory
            || info.Creation is null
            || info.Creation.Syntax.SyntaxTree != invocation.SyntaxTree
            || info.InvocationTypeAssignments.Any(a => a.Syntax is not AssignmentExpressionSyntax || a.Syntax.SyntaxTree != invocation.SyntaxTree)
            || (info.Local is not null && !LocalUsedOnlyByThisCall(info.Local, invocation, semanticModel, cancellationToken)))
        {
            return null;
        }

        var plan = new FixPlan(invocation, info);
        var usage = AnalyzeResponseUsage(invocation, semanticModel, plan.StatusOk, cancellationToken);
        plan.Usage = usage;
        plan.CanInvokeAsynchronously = usage != ResponseUsage.Used;

        if (usage == ResponseUsage.Discarded)
        {
            PlanQueue(plan, diagnostic, operation, semanticModel, cancellationToken);
        }

        return plan;
    }

    /// <summary>Apart from member accesses, the local is passed to this call and nowhere else (so editing it affects only this call).</summary>
    private static bool LocalUsedOnlyByThisCall(ILocalSymbol local, InvocationExpressionSyntax invocation, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var scope = local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken)
            .FirstAncestorOrSelf<SyntaxNode>(n => n is BlockSyntax or SwitchSectionSyntax or CompilationUnitSyntax);
        if (scope is null)
        {
            return false;
        }

        foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != local.Name
                || !SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
            {
                continue;
            }

            if (identifier.Parent is MemberAccessExpressionSyntax access && access.Expression == identifier)
            {
                continue;
            }

            if (identifier.Parent is AssignmentExpressionSyntax assignment && assignment.Left == identifier)
            {
                continue;
            }

            if (identifier.Parent is ArgumentSyntax argument && argument.Parent?.Parent == invocation)
            {
                continue;
            }

            return false;
        }

        return true;
    }

    private enum ResponseUsage
    {
        /// <summary>The call's result is thrown away (statement, discard).</summary>
        Discarded,
        /// <summary>The response is kept but only its status code is compared with 200.</summary>
        StatusOnly,
        /// <summary>Anything else.</summary>
        Used,
    }

    private static ResponseUsage AnalyzeResponseUsage(InvocationExpressionSyntax invocation, SemanticModel semanticModel, List<ExpressionSyntax> statusOk, CancellationToken cancellationToken)
    {
        ExpressionSyntax outer = invocation;
        var isResponse = false;
        while (true)
        {
            var parent = outer.Parent;
            if (parent is ParenthesizedExpressionSyntax parenthesized)
            {
                outer = parenthesized;
            }
            else if (parent is AwaitExpressionSyntax awaitExpression)
            {
                outer = awaitExpression;
                isResponse = true;
            }
            else if (parent is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppression)
            {
                outer = suppression;
            }
            else if (parent is MemberAccessExpressionSyntax access && access.Expression == outer)
            {
                switch (access.Name.Identifier.ValueText)
                {
                    case "ConfigureAwait" when access.Parent is InvocationExpressionSyntax configure:
                        outer = configure;
                        continue;
                    case "Result" when !isResponse:
                        outer = access;
                        isResponse = true;
                        continue;
                    case "GetAwaiter" when !isResponse
                                           && access.Parent is InvocationExpressionSyntax getAwaiter
                                           && getAwaiter.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetResult" } getResultAccess
                                           && getResultAccess.Parent is InvocationExpressionSyntax getResult:
                        outer = getResult;
                        isResponse = true;
                        continue;
                    case "Wait" when !isResponse && access.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0, Parent: ExpressionStatementSyntax }:
                        return ResponseUsage.Discarded;
                    default:
                        return ResponseUsage.Used;
                }
            }
            else
            {
                break;
            }
        }

        switch (outer.Parent)
        {
            case ExpressionStatementSyntax:
                return ResponseUsage.Discarded;

            case ArrowExpressionClauseSyntax or LambdaExpressionSyntax
                when semanticModel.GetEnclosingSymbol(outer.SpanStart, cancellationToken) is IMethodSymbol method && ReturnsNothing(method):
                // "async Task M() => await client.InvokeAsync(…)": the response goes nowhere.
                return ResponseUsage.Discarded;

            case AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax } assignment when assignment.Right == outer
                && semanticModel.GetOperation(assignment.Left, cancellationToken) is IDiscardOperation:
                return ResponseUsage.Discarded;

            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when isResponse:
                if (semanticModel.GetDeclaredSymbol(declarator, cancellationToken) is not ILocalSymbol local
                    || declarator.Parent?.Parent is not LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0 } statement
                    || statement.Parent is null)
                {
                    return ResponseUsage.Used;
                }

                foreach (var identifier in statement.Parent.DescendantNodes().OfType<IdentifierNameSyntax>())
                {
                    if (identifier.Identifier.ValueText != local.Name
                        || !SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol, local))
                    {
                        continue;
                    }

                    if (StatusComparedWithOk(identifier, semanticModel, cancellationToken) is not { } okSide)
                    {
                        statusOk.Clear();
                        return ResponseUsage.Used;
                    }

                    statusOk.Add(okSide);
                }

                return ResponseUsage.StatusOnly;

            default:
                return ResponseUsage.Used;
        }
    }

    private static bool ReturnsNothing(IMethodSymbol method)
        => method.ReturnsVoid
           || method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask", IsGenericType: false, ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace.Name: "System" } } };

    /// <summary>For <c>response.StatusCode == 200</c> or <c>response.HttpStatusCode != HttpStatusCode.OK</c>: the OK side.</summary>
    private static ExpressionSyntax? StatusComparedWithOk(IdentifierNameSyntax identifier, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (identifier.Parent is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "StatusCode" or "HttpStatusCode" } access
            || access.Expression != identifier
            || access.Parent is not BinaryExpressionSyntax binary
            || !binary.IsKind(SyntaxKind.EqualsExpression) && !binary.IsKind(SyntaxKind.NotEqualsExpression))
        {
            return null;
        }

        var other = binary.Left == access ? binary.Right : binary.Left;
        if (other is LiteralExpressionSyntax { Token.Value: 200 })
        {
            return other;
        }

        if (other is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "OK" }
            && semanticModel.GetSymbolInfo(other, cancellationToken).Symbol is IFieldSymbol { ContainingType: { Name: "HttpStatusCode", ContainingNamespace: { Name: "Net", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } })
        {
            return other;
        }

        return null;
    }

    private static void PlanQueue(FixPlan plan, Diagnostic diagnostic, IInvocationOperation operation, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var compilation = semanticModel.Compilation;
        var info = plan.Request;
        if (!diagnostic.Properties.TryGetValue(SynchronousLambdaInvocationAnalyzer.TargetStemProperty, out var stem) || string.IsNullOrEmpty(stem)
            || compilation.GetTypeByMetadataName("Amazon.SQS.IAmazonSQS") is not { } sqsInterface
            || compilation.GetTypeByMetadataName("Amazon.SQS.AmazonSQSClient") is null
            || compilation.GetTypeByMetadataName("Amazon.SQS.Model.SendMessageRequest") is null
            || info.Payload?.Syntax is not ExpressionSyntax
            || info.AssignedProperties.Any(p => p is not ("FunctionName" or "Payload" or "InvocationType" or "LogType"))
            || operation.Arguments.Length > 2
            || plan.Invocation.Expression is not (MemberAccessExpressionSyntax or IdentifierNameSyntax))
        {
            return;
        }

        // The payload expression, as written on the right of "Payload =" (in the initializer, or for a request
        // in a local used by this call only, in the statements that configure it, which go with the call).
        var requestStatements = new List<StatementSyntax>();
        var assignments = new List<AssignmentExpressionSyntax>();
        if (!TryCollectRequest(plan, semanticModel, cancellationToken, requestStatements, assignments)
            || RequestPayload(assignments, info.Local, semanticModel, cancellationToken) is not { } payload)
        {
            return;
        }

        // The client lives in the declaring class: a new field needs a real class/struct/record declaration.
        var typeDeclaration = plan.Invocation.FirstAncestorOrSelf<TypeDeclarationSyntax>();
        if (typeDeclaration is null or InterfaceDeclarationSyntax
            || semanticModel.GetDeclaredSymbol(typeDeclaration, cancellationToken) is not { } type)
        {
            return;
        }

        var enclosingMember = semanticModel.GetEnclosingSymbol(plan.Invocation.SpanStart, cancellationToken);
        while (enclosingMember is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } nested)
        {
            enclosingMember = nested.ContainingSymbol;
        }

        var inStatic = enclosingMember?.IsStatic ?? true;
        string? existing = null;
        foreach (var member in type.GetMembers())
        {
            var memberType = member switch
            {
                IFieldSymbol field => field.Type,
                IPropertySymbol property => property.Type,
                _ => null,
            };
            if (memberType is not null && !member.IsImplicitlyDeclared && (member.IsStatic || !inStatic)
                && (SymbolEqualityComparer.Default.Equals(memberType, sqsInterface) || memberType.AllInterfaces.Contains(sqsInterface, SymbolEqualityComparer.Default)))
            {
                existing = member.Name;
                break;
            }
        }

        if (existing is null && FreeFieldName(type, semanticModel, plan.Invocation.SpanStart) is null)
        {
            return;
        }

        plan.QueueStem = stem;
        plan.Payload = payload;
        plan.RequestStatements.AddRange(requestStatements);
        plan.ContainingType = type;
        plan.InStaticContext = inStatic;
        plan.ExistingSqsMember = existing;
    }

    private static string? FreeFieldName(INamedTypeSymbol type, SemanticModel semanticModel, int position)
    {
        foreach (var candidate in new[] { "Sqs", "SqsClient", "QueueClient" })
        {
            if (type.GetMembers(candidate).IsEmpty && semanticModel.LookupSymbols(position, name: candidate).IsEmpty)
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
    {
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (semanticModel is null || root is null || LambdaInvokeSymbols.Create(semanticModel.Compilation) is not { } symbols || symbols.InvocationType is null)
        {
            return document;
        }

        var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
        var newFields = new Dictionary<TypeDeclarationSyntax, string>();
        var changed = false;
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            var plan = Plan(diagnostic, root, semanticModel, symbols, cancellationToken);
            if (plan is null)
            {
                continue;
            }

            if (key == InvokeAsynchronouslyKey && plan.CanInvokeAsynchronously)
            {
                ApplyEvent(editor, plan);
                changed = true;
            }
            else if (key == SendThroughQueueKey && plan.QueueStem is not null)
            {
                ApplyQueue(editor, plan, newFields, semanticModel);
                changed = true;
            }
        }

        if (!changed)
        {
            return document;
        }

        foreach (var pair in newFields)
        {
            var field = (FieldDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
                    $"private static readonly global::Amazon.SQS.IAmazonSQS {pair.Value} = new global::Amazon.SQS.AmazonSQSClient();\n")!
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);
            var lastField = pair.Key.Members.OfType<FieldDeclarationSyntax>().LastOrDefault();
            if (lastField is not null)
            {
                editor.InsertAfter(lastField, field);
            }
            else
            {
                editor.ReplaceNode(pair.Key, (node, _) =>
                {
                    var declaration = (TypeDeclarationSyntax)node;
                    return declaration.WithMembers(declaration.Members.Insert(0, field));
                });
            }
        }

        var newDocument = document.WithSyntaxRoot(editor.GetChangedRoot());
        newDocument = await ImportAdder.AddImportsAsync(newDocument, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        newDocument = await Simplifier.ReduceAsync(newDocument, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(newDocument, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static ExpressionSyntax EventExpression()
        => SyntaxFactory.ParseExpression("global::Amazon.Lambda.InvocationType.Event")
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

    private static void ApplyEvent(SyntaxEditor editor, FixPlan plan)
    {
        var info = plan.Request;
        if (info.InvocationTypeAssignments.Count > 0)
        {
            foreach (var assignment in info.InvocationTypeAssignments)
            {
                var right = ((AssignmentExpressionSyntax)assignment.Syntax).Right;
                editor.ReplaceNode(right, EventExpression().WithTriviaFrom(right));
            }
        }
        else if (info.Creation?.Syntax is BaseObjectCreationExpressionSyntax creation)
        {
            editor.ReplaceNode(creation, (node, _) => AddInvocationType((BaseObjectCreationExpressionSyntax)node));
        }

        foreach (var ok in plan.StatusOk)
        {
            ExpressionSyntax accepted = ok is LiteralExpressionSyntax
                ? SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(202))
                : ((MemberAccessExpressionSyntax)ok).WithName(SyntaxFactory.IdentifierName("Accepted"));
            editor.ReplaceNode(ok, accepted.WithTriviaFrom(ok));
        }
    }

    private static BaseObjectCreationExpressionSyntax AddInvocationType(BaseObjectCreationExpressionSyntax creation)
    {
        var assignment = SyntaxFactory.AssignmentExpression(
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.IdentifierName("InvocationType"),
            EventExpression());
        var space = SyntaxFactory.Space;
        if (creation.Initializer is not { } initializer)
        {
            var newInitializer = SyntaxFactory.InitializerExpression(
                SyntaxKind.ObjectInitializerExpression,
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(space).WithTrailingTrivia(space),
                SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(assignment),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(space));
            var trailing = creation.GetTrailingTrivia();
            return creation.WithoutTrailingTrivia().WithInitializer(newInitializer).WithTrailingTrivia(trailing);
        }

        var expressions = initializer.Expressions;
        var items = new List<SyntaxNodeOrToken>();
        if (expressions.Count == 0)
        {
            items.Add(assignment.WithTrailingTrivia(initializer.OpenBraceToken.TrailingTrivia.Any() ? default : SyntaxFactory.TriviaList(space)));
            return creation.WithInitializer(initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items)));
        }

        var text = creation.SyntaxTree.GetText();
        var multiLine = text.Lines.GetLineFromPosition(initializer.OpenBraceToken.SpanStart).LineNumber
                        != text.Lines.GetLineFromPosition(initializer.CloseBraceToken.SpanStart).LineNumber;
        var trailingComma = expressions.SeparatorCount == expressions.Count;
        var last = expressions[expressions.Count - 1];
        for (var i = 0; i < expressions.Count; i++)
        {
            var expression = expressions[i];
            if (i == expressions.Count - 1 && !trailingComma)
            {
                // "B = 2⏎" becomes "B = 2,⏎": the line break moves from the expression to the new comma.
                items.Add(expression.WithoutTrailingTrivia());
                items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(multiLine ? expression.GetTrailingTrivia() : SyntaxFactory.TriviaList(space)));
            }
            else
            {
                items.Add(expression);
                items.Add(expressions.GetSeparator(i));
            }
        }

        if (multiLine)
        {
            items.Add(assignment.WithLeadingTrivia(last.GetLeadingTrivia()));
            items.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(trailingComma ? expressions.GetSeparator(expressions.Count - 1).TrailingTrivia : last.GetTrailingTrivia()));
        }
        else
        {
            items.Add(assignment.WithTrailingTrivia(trailingComma ? default : last.GetTrailingTrivia()));
        }

        return creation.WithInitializer(initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items)));
    }

    private static void ApplyQueue(SyntaxEditor editor, FixPlan plan, Dictionary<TypeDeclarationSyntax, string> newFields, SemanticModel semanticModel)
    {
        var clientName = plan.ExistingSqsMember;
        if (clientName is null)
        {
            var typeDeclaration = plan.Invocation.FirstAncestorOrSelf<TypeDeclarationSyntax>()!;
            if (!newFields.TryGetValue(typeDeclaration, out clientName))
            {
                clientName = FreeFieldName(plan.ContainingType!, semanticModel, plan.Invocation.SpanStart)!;
                newFields[typeDeclaration] = clientName;
            }
        }

        var invocation = plan.Invocation;
        var cancellation = invocation.ArgumentList.Arguments.Count > 1 ? ", " + invocation.ArgumentList.Arguments[1].ToString() : string.Empty;
        var receiver = invocation.Expression is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } ? "this." : string.Empty;
        var replacement = SyntaxFactory.ParseExpression(
                $"{receiver}{clientName}.SendMessageAsync(new global::Amazon.SQS.Model.SendMessageRequest {{ QueueUrl = global::System.Environment.GetEnvironmentVariable(\"{plan.QueueStem}_QUEUE_URL\"), MessageBody = {plan.Payload!.WithoutTrivia()} }}{cancellation})")
            .WithTriviaFrom(invocation)
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        editor.ReplaceNode(invocation, replacement);

        if (plan.RequestStatements.Count > 0 && invocation.FirstAncestorOrSelf<StatementSyntax>() is { } statement)
        {
            // The request's statements go; their leading comments stay, above the send.
            var leading = plan.RequestStatements[0].GetLeadingTrivia();
            foreach (var removed in plan.RequestStatements)
            {
                editor.RemoveNode(removed, SyntaxRemoveOptions.KeepNoTrivia);
            }

            editor.ReplaceNode(statement, (node, _) => node.WithLeadingTrivia(leading));
        }
    }
}
