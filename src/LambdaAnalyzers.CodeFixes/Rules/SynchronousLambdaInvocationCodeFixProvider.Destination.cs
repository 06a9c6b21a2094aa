using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.CodeFixes.Rules;

/// <summary>
/// Fix 3, <b>Use a Lambda Destination</b>: when the invoke is the handler's last effect, its response is not
/// used, and the project's SAM template shows that the calling function is invoked asynchronously only, the call
/// is removed, the handler returns the payload (<c>Task</c> → <c>Task&lt;string&gt;</c>, <c>void</c> →
/// <c>string</c>), and the caller gets <c>EventInvokeConfig.DestinationConfig.OnSuccess</c> → the target.
/// Lambda then invokes the target with the caller's result after each successful invocation — which is when the
/// call ran before, since it was the last thing the handler did and the handler has no other way to finish
/// successfully.
/// </summary>
public sealed partial class SynchronousLambdaInvocationCodeFixProvider
{
    private sealed class DestinationPlan
    {
        public DestinationPlan(MethodDeclarationSyntax method, SyntaxNode call, ExpressionSyntax payload, DestinationTemplateEditor.Edit template)
        {
            Method = method;
            Call = call;
            Payload = payload;
            Template = template;
        }

        public MethodDeclarationSyntax Method { get; }

        /// <summary>The statement holding the call, or the expression body of the method.</summary>
        public SyntaxNode Call { get; }

        /// <summary>The request's local declaration and property assignments, and a trailing <c>return;</c>.</summary>
        public List<StatementSyntax> Removed { get; } = new();

        public ExpressionSyntax Payload { get; }

        public bool NullablePayload { get; set; }

        /// <summary>The method returns a Task and will not be async afterwards: return Task.FromResult(payload).</summary>
        public bool WrapInTask { get; set; }

        public bool DropAsync { get; set; }

        public bool WasVoid { get; set; }

        public DestinationTemplateEditor.Edit Template { get; }
    }

    private static readonly HashSet<string> DestinationRequestProperties = new(StringComparer.Ordinal) { "FunctionName", "Payload", "InvocationType", "LogType" };

    private static async Task<DestinationPlan?> PlanDestinationAsync(Document document, Diagnostic diagnostic, FixPlan plan, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        try
        {
            return await PlanDestinationCoreAsync(document, diagnostic, plan, semanticModel, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Offered only when every precondition is proven; an unexpected shape proves nothing.
            return null;
        }
    }

    private static async Task<DestinationPlan?> PlanDestinationCoreAsync(Document document, Diagnostic diagnostic, FixPlan plan, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var invocation = plan.Invocation;
        var info = plan.Request;
        var compilation = semanticModel.Compilation;
        if (invocation.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { } method
            || semanticModel.GetDeclaredSymbol(method, cancellationToken) is not { } handler
            || !SymbolEqualityComparer.Default.Equals(semanticModel.GetEnclosingSymbol(invocation.SpanStart, cancellationToken), handler)
            || !CanChangeReturnType(handler, compilation))
        {
            return null;
        }

        // Where the call is: a statement of the method's body, or the method's expression body.
        SyntaxNode call;
        var removed = new List<StatementSyntax>();
        var assignments = new List<AssignmentExpressionSyntax>();
        if (method.ExpressionBody is { } arrow && arrow.Expression.Span.Contains(invocation.Span))
        {
            if (info.Local is not null)
            {
                return null;
            }

            call = arrow.Expression;
        }
        else if (method.Body is { } body
                 && invocation.FirstAncestorOrSelf<StatementSyntax>() is ExpressionStatementSyntax statement
                 && statement.Parent == body)
        {
            call = statement;
            var index = body.Statements.IndexOf(statement);

            // Nothing after it but returning.
            for (var i = index + 1; i < body.Statements.Count; i++)
            {
                if (i != body.Statements.Count - 1 || !IsPlainReturn(body.Statements[i], handler, semanticModel, cancellationToken))
                {
                    return null;
                }

                removed.Add(body.Statements[i]);
            }

            // No other way to finish successfully: every successful invocation reached the call.
            foreach (var node in body.DescendantNodes(n => !IsNestedFunction(n)))
            {
                if (node is ReturnStatementSyntax or YieldStatementSyntax or GotoStatementSyntax && !removed.Any(r => r == node))
                {
                    return null;
                }
            }
        }
        else
        {
            return null;
        }

        // The request carries only the target and the payload; the rest has no side effects to keep.
        var requestStatements = new List<StatementSyntax>();
        if (!TryCollectRequest(plan, semanticModel, cancellationToken, requestStatements, assignments)
            || RequestPayload(assignments, info.Local, semanticModel, cancellationToken) is not { } payload)
        {
            return null;
        }

        removed.InsertRange(0, requestStatements);

        // Nobody else calls the handler (a changed return type could change what they compile to).
        var references = await SymbolFinder.FindReferencesAsync(handler, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        if (references.Any(r => r.Locations.Any()))
        {
            return null;
        }

        // The template: the caller is invoked asynchronously and can take the destination.
        diagnostic.Properties.TryGetValue(SynchronousLambdaInvocationAnalyzer.TargetVariableProperty, out var variable);
        var functionName = info.FunctionName?.ConstantValue is { HasValue: true, Value: string literal } ? literal : null;
        if (string.IsNullOrEmpty(variable) && functionName is null)
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

        var template = DestinationTemplateEditor.Plan(files, text => IsHandlerString(text, handler, compilation), string.IsNullOrEmpty(variable) ? null : variable, functionName, cancellationToken);
        if (template is null)
        {
            return null;
        }

        var destination = new DestinationPlan(method, call, payload, template);
        destination.Removed.AddRange(removed);
        destination.WasVoid = handler.ReturnsVoid;
        destination.NullablePayload = semanticModel.GetTypeInfo(payload, cancellationToken).Nullability.FlowState == NullableFlowState.MaybeNull
                                      && semanticModel.GetNullableContext(method.ReturnType.SpanStart).AnnotationsEnabled();
        if (!handler.ReturnsVoid)
        {
            // Still awaiting something once the call is gone? Then it stays async; otherwise Task.FromResult.
            var awaitsLeft = handler.IsAsync && (HasAwait(payload) || (method.Body is { } methodBody
                && methodBody.Statements.Where(s => s != call && !removed.Contains(s)).Any(HasAwait)));
            destination.DropAsync = handler.IsAsync && !awaitsLeft;
            destination.WrapInTask = !awaitsLeft;
        }

        return destination;
    }

    /// <summary>
    /// The request as written, for fixes that take it apart: the assignments of its initializer and, for a request
    /// in a local, the declaration and the <c>request.X = …;</c> statements right before the call's statement
    /// (<paramref name="statements"/>, removed with the call). False when it is built any other way or the local is
    /// mentioned anywhere else (it would dangle once its declaration is gone).
    /// </summary>
    private static bool TryCollectRequest(FixPlan plan, SemanticModel semanticModel, CancellationToken cancellationToken, List<StatementSyntax> statements, List<AssignmentExpressionSyntax> assignments)
    {
        var info = plan.Request;
        if (info.Creation?.Syntax is not BaseObjectCreationExpressionSyntax creation || creation.ArgumentList is { Arguments.Count: > 0 })
        {
            return false;
        }

        if (creation.Initializer is { } initializer)
        {
            foreach (var expression in initializer.Expressions)
            {
                if (expression is not AssignmentExpressionSyntax assignment)
                {
                    return false;
                }

                assignments.Add(assignment);
            }
        }

        if (info.Local is not { } local)
        {
            return plan.Invocation.ArgumentList.Arguments.Any(a => a.Expression.Span.Contains(creation.Span));
        }

        if (plan.Invocation.FirstAncestorOrSelf<StatementSyntax>() is not ExpressionStatementSyntax { Parent: BlockSyntax block } statement)
        {
            return false;
        }

        var index = block.Statements.IndexOf(statement);
        var first = index - 1;
        var configured = new List<AssignmentExpressionSyntax>();
        while (first >= 0
               && block.Statements[first] is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target } } assignment }
               && target.Identifier.ValueText == local.Name)
        {
            configured.Insert(0, assignment);
            first--;
        }

        if (first < 0
            || block.Statements[first] is not LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables } declaration
            || declaration.UsingKeyword.RawKind != 0
            || variables[0].Initializer?.Value != creation)
        {
            return false;
        }

        for (var i = first; i < index; i++)
        {
            statements.Add(block.Statements[i]);
        }

        // Besides its own statements, the local appears once: as the invoke's request.
        foreach (var identifier in block.DescendantNodes().OfType<IdentifierNameSyntax>())
        {
            if (identifier.Identifier.ValueText != local.Name
                || !SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol, local)
                || statements.Any(s => s.Span.Contains(identifier.Span)))
            {
                continue;
            }

            if (identifier.Parent is not ArgumentSyntax argument || argument.Parent?.Parent != plan.Invocation)
            {
                return false;
            }
        }

        assignments.AddRange(configured);
        return true;
    }

    /// <summary>
    /// The single string Payload of a request that sets only FunctionName, Payload, InvocationType and LogType, the
    /// others to values whose evaluation does nothing (so they can be dropped); null otherwise.
    /// </summary>
    private static ExpressionSyntax? RequestPayload(List<AssignmentExpressionSyntax> assignments, ILocalSymbol? local, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        ExpressionSyntax? payload = null;
        foreach (var assignment in assignments)
        {
            var name = assignment.Left switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                _ => null,
            };
            if (name is null || !DestinationRequestProperties.Contains(name) || !assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
            {
                return null;
            }

            if (name == "Payload")
            {
                if (payload is not null)
                {
                    return null;
                }

                payload = assignment.Right;
            }
            else if (semanticModel.GetOperation(assignment.Right, cancellationToken) is not { } value || !HasNoSideEffects(value))
            {
                return null;
            }
        }

        if (payload is null
            || payload.ContainsDiagnostics
            || semanticModel.GetTypeInfo(payload, cancellationToken).Type?.SpecialType != SpecialType.System_String
            || (local is not null && payload.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Any(i => i.Identifier.ValueText == local.Name)))
        {
            return null;
        }

        return payload;
    }

    /// <summary>A method whose return type can become the payload's without breaking its contract.</summary>
    private static bool CanChangeReturnType(IMethodSymbol handler, Compilation compilation)
    {
        if (handler.MethodKind != MethodKind.Ordinary
            || handler.IsOverride || handler.IsVirtual || handler.IsAbstract || handler.IsExtern || handler.IsGenericMethod
            || handler.PartialDefinitionPart is not null || handler.PartialImplementationPart is not null
            || !handler.ExplicitInterfaceImplementations.IsEmpty
            || handler.DeclaringSyntaxReferences.Length != 1
            || handler.ContainingType is not { } type
            || type.GetMembers(handler.Name).Length != 1)
        {
            return false;
        }

        // void (not async void) or the non-generic Task.
        var task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        if (handler.ReturnsVoid ? handler.IsAsync : !SymbolEqualityComparer.Default.Equals(handler.ReturnType, task))
        {
            return false;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers())
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), handler))
                {
                    return false;
                }
            }
        }

        // Amazon.Lambda.Annotations generates a wrapper from the signature; leave those alone.
        if (handler.GetAttributes().Any(a => a.AttributeClass?.Name == "LambdaFunctionAttribute"))
        {
            return false;
        }

        // Returning a string needs a serializer, which a handler that took and returned only Streams may lack.
        var serializer = compilation.GetTypeByMetadataName("Amazon.Lambda.Core.LambdaSerializerAttribute");
        return serializer is not null
               && (handler.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, serializer))
                   || compilation.Assembly.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, serializer)));
    }

    /// <summary><c>return;</c>, or in a non-async Task method <c>return Task.CompletedTask;</c>.</summary>
    private static bool IsPlainReturn(StatementSyntax statement, IMethodSymbol handler, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (statement is not ReturnStatementSyntax @return)
        {
            return false;
        }

        if (@return.Expression is null)
        {
            return handler.ReturnsVoid || handler.IsAsync;
        }

        return !handler.IsAsync && !handler.ReturnsVoid
            && semanticModel.GetSymbolInfo(@return.Expression, cancellationToken).Symbol is IPropertySymbol { Name: "CompletedTask", IsStatic: true } property
            && property.ContainingType.ToDisplayString() == "System.Threading.Tasks.Task";
    }

    private static bool IsNestedFunction(SyntaxNode node)
        => node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

    private static bool HasAwait(SyntaxNode node)
        => node.DescendantNodesAndSelf(n => !IsNestedFunction(n)).Any(n => n switch
        {
            AwaitExpressionSyntax => true,
            CommonForEachStatementSyntax forEach => forEach.AwaitKeyword.RawKind != 0,
            UsingStatementSyntax @using => @using.AwaitKeyword.RawKind != 0,
            LocalDeclarationStatementSyntax declaration => declaration.AwaitKeyword.RawKind != 0,
            _ => false,
        });

    /// <summary>Values dropped with the request must not have done anything: constants, variables, fields, env var reads.</summary>
    private static bool HasNoSideEffects(IOperation operation)
    {
        if (operation.ConstantValue.HasValue)
        {
            return true;
        }

        switch (operation)
        {
            case IConversionOperation conversion:
                return HasNoSideEffects(conversion.Operand);
            case ILiteralOperation or ILocalReferenceOperation or IParameterReferenceOperation:
                return true;
            case IFieldReferenceOperation field:
                return field.Instance is null or IInstanceReferenceOperation;
            case IInvocationOperation call:
                var type = call.TargetMethod.ContainingType?.ToDisplayString();
                return (type == "System.Environment" && call.TargetMethod.Name == "GetEnvironmentVariable"
                        || type is "Amazon.Lambda.InvocationType" or "Amazon.Lambda.LogType" && call.TargetMethod.Name == "FindValue")
                       && call.Arguments.All(a => HasNoSideEffects(a.Value));
            case IObjectCreationOperation creation:
                return creation.Type?.ToDisplayString() is "Amazon.Lambda.InvocationType" or "Amazon.Lambda.LogType"
                       && creation.Initializer is null
                       && creation.Arguments.All(a => HasNoSideEffects(a.Value));
            default:
                return false;
        }
    }

    /// <summary>The handler string names this method, the way the runtime would resolve it.</summary>
    private static bool IsHandlerString(string text, IMethodSymbol handler, Compilation compilation)
        => HandlerString.TryParse(text, out var parsed)
           && !parsed.MethodIsSignature
           && string.Equals(parsed.AssemblyName, compilation.AssemblyName, StringComparison.OrdinalIgnoreCase)
           && parsed.MethodName == handler.Name
           && SymbolEqualityComparer.Default.Equals(compilation.Assembly.GetTypeByMetadataName(parsed.TypeName), handler.ContainingType);

    private static async Task<Solution> FixDestinationAsync(Document document, DestinationPlan plan, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document.Project.Solution;
        }

        var editor = new SyntaxEditor(root, document.Project.Solution.Workspace.Services);
        var payload = plan.Payload.WithoutTrivia();
        ExpressionSyntax result = plan.WrapInTask
            ? SyntaxFactory.InvocationExpression(
                    SyntaxFactory.ParseExpression("global::System.Threading.Tasks.Task.FromResult"),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(payload))))
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation)
            : payload;

        if (plan.Call is StatementSyntax callStatement)
        {
            var leading = plan.Removed.Count > 0 && plan.Removed[0].SpanStart < callStatement.SpanStart
                ? plan.Removed[0].GetLeadingTrivia()
                : callStatement.GetLeadingTrivia();
            var @return = SyntaxFactory.ReturnStatement(result.WithLeadingTrivia(SyntaxFactory.Space))
                .WithLeadingTrivia(leading)
                .WithTrailingTrivia(callStatement.GetTrailingTrivia());
            editor.ReplaceNode(callStatement, @return);
            foreach (var statement in plan.Removed)
            {
                editor.RemoveNode(statement, SyntaxRemoveOptions.KeepNoTrivia);
            }
        }
        else
        {
            editor.ReplaceNode(plan.Call, result.WithTriviaFrom(plan.Call));
        }

        var payloadType = plan.NullablePayload ? "string?" : "string";
        var returnType = SyntaxFactory.ParseTypeName(plan.WasVoid ? payloadType : $"global::System.Threading.Tasks.Task<{payloadType}>")
            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        editor.ReplaceNode(plan.Method, (node, _) =>
        {
            var method = (MethodDeclarationSyntax)node;
            var newType = returnType.WithTriviaFrom(method.ReturnType);
            var modifiers = method.Modifiers;
            if (plan.DropAsync && modifiers.IndexOf(SyntaxKind.AsyncKeyword) is var index and >= 0)
            {
                if (index == 0)
                {
                    newType = newType.WithLeadingTrivia(modifiers[0].LeadingTrivia);
                }

                modifiers = modifiers.RemoveAt(index);
            }

            return method.WithModifiers(modifiers).WithReturnType(newType);
        });

        var newDocument = document.WithSyntaxRoot(editor.GetChangedRoot());
        newDocument = await ImportAdder.AddImportsAsync(newDocument, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        newDocument = await Simplifier.ReduceAsync(newDocument, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        newDocument = await Formatter.FormatAsync(newDocument, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);

        var solution = newDocument.Project.Solution;
        var template = newDocument.Project.AdditionalDocuments.FirstOrDefault(d => d.FilePath == plan.Template.Path);
        if (template is null)
        {
            return solution;
        }

        var text = await template.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return solution.WithAdditionalDocumentText(template.Id, text.WithChanges(plan.Template.Changes));
    }
}
