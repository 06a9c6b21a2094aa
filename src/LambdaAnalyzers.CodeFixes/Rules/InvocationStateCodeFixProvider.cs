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
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Formatting;

namespace LambdaAnalyzers.CodeFixes.Rules;

/// <summary>
/// LAMBDA003 fixes, each offered only when it keeps the program correct:
/// <list type="bullet">
/// <item><see cref="MoveToLocalKey"/>: a private field used only inside one method, written by a top-level
/// statement of that method before any read, becomes a local of that method and the field is deleted.</item>
/// <item><see cref="InitializeOnceKey"/>: a private field assigned, unconditionally and nowhere else, a value
/// that is the same on every invocation (client, configuration from environment variables, constants) gets
/// that value as its initializer and becomes <c>readonly</c>; the assignment is removed.</item>
/// </list>
/// Anything else (state that must be shared between invocations) has no automatic fix: see the rule's page.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InvocationStateCodeFixProvider)), Shared]
public sealed class InvocationStateCodeFixProvider : CodeFixProvider
{
    public const string MoveToLocalKey = "LAMBDA003.MoveToLocal";
    public const string InitializeOnceKey = "LAMBDA003.InitializeOnce";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(InvocationStateAnalyzer.RuleId);

    /// <summary>
    /// Fix All applies the fixes one after another on the updated document: two fields of one method are
    /// rewritten in the same statements (the method's uses), which BatchFixer would see as conflicts.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => FixAll;

    private static readonly FixAllProvider FixAll = FixAllProvider.Create(FixAllInDocumentAsync);

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (FindReported(root, diagnostic) is not { } node)
            {
                continue;
            }

            var plan = await PlanAsync(context.Document, root, semanticModel, node, IsInitializeOnce(diagnostic), context.CancellationToken).ConfigureAwait(false);
            if (plan is null)
            {
                continue;
            }

            if (plan.MoveToLocal is { } moveToLocal)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Make '{plan.FieldName}' a local of this invocation", moveToLocal, MoveToLocalKey),
                    diagnostic);
            }

            if (plan.InitializeOnce is { } initializeOnce)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Initialize '{plan.FieldName}' once and make it readonly", initializeOnce, InitializeOnceKey),
                    diagnostic);
            }
        }
    }

    private static bool IsInitializeOnce(Diagnostic diagnostic)
        => diagnostic.Properties.ContainsKey(InvocationStateAnalyzer.InitializeOnceProperty);

    private static SyntaxNode? FindReported(SyntaxNode root, Diagnostic diagnostic)
    {
        if (!root.FullSpan.Contains(diagnostic.Location.SourceSpan))
        {
            return null;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: false);
        return node is ArgumentSyntax argument ? argument.Expression : node;
    }

    private sealed class Plan
    {
        public Plan(string fieldName, System.Func<CancellationToken, Task<Document>>? moveToLocal, System.Func<CancellationToken, Task<Document>>? initializeOnce)
        {
            FieldName = fieldName;
            MoveToLocal = moveToLocal;
            InitializeOnce = initializeOnce;
        }

        public string FieldName { get; }

        public System.Func<CancellationToken, Task<Document>>? MoveToLocal { get; }

        public System.Func<CancellationToken, Task<Document>>? InitializeOnce { get; }
    }

    private static async Task<Plan?> PlanAsync(Document document, SyntaxNode root, SemanticModel semanticModel, SyntaxNode node, bool initializeOnceAllowed, CancellationToken cancellationToken)
    {
        if (GetWrittenField(node, semanticModel, cancellationToken) is not { } target)
        {
            return null;
        }

        var (field, declarator) = target;
        if (declarator.Parent is not VariableDeclarationSyntax { Parent: FieldDeclarationSyntax fieldDeclaration } declaration)
        {
            return null;
        }

        var references = await FindReferencesAsync(document, field, root, cancellationToken).ConfigureAwait(false);
        if (references is null)
        {
            return null;
        }

        var moveToLocal = PlanMoveToLocal(document, semanticModel, node, field, declarator, declaration, references, cancellationToken);
        var initializeOnce = initializeOnceAllowed
            ? PlanInitializeOnce(document, semanticModel, field, node, declarator, declaration, fieldDeclaration, references, cancellationToken)
            : null;
        return moveToLocal is null && initializeOnce is null ? null : new Plan(field.Name, moveToLocal, initializeOnce);
    }

    private static async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var cancellationToken = context.CancellationToken;
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        // Mark every reported write, then fix them in source order on the document as it evolves.
        var marks = new Dictionary<SyntaxNode, SyntaxAnnotation>();
        var order = new List<(SyntaxAnnotation Mark, bool InitializeOnce)>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (FindReported(root, diagnostic) is { } node && !marks.ContainsKey(node))
            {
                var mark = new SyntaxAnnotation();
                marks[node] = mark;
                order.Add((mark, IsInitializeOnce(diagnostic)));
            }
        }

        document = document.WithSyntaxRoot(root.ReplaceNodes(marks.Keys, (original, rewritten) => rewritten.WithAdditionalAnnotations(marks[original])));
        foreach (var (mark, initializeOnce) in order)
        {
            var currentRoot = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (currentRoot is null || semanticModel is null || currentRoot.GetAnnotatedNodes(mark).FirstOrDefault() is not { } node)
            {
                continue;
            }

            var plan = await PlanAsync(document, currentRoot, semanticModel, node, initializeOnce, cancellationToken).ConfigureAwait(false);
            var apply = context.CodeActionEquivalenceKey switch
            {
                MoveToLocalKey => plan?.MoveToLocal,
                InitializeOnceKey => plan?.InitializeOnce,
                _ => null,
            };
            if (apply is not null)
            {
                document = await apply(cancellationToken).ConfigureAwait(false);
            }
        }

        return document;
    }

    /// <summary>The private field of this document that the reported write targets (assignment, increment, mutation receiver).</summary>
    private static (IFieldSymbol Field, VariableDeclaratorSyntax Declarator)? GetWrittenField(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        ExpressionSyntax? target = node switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left is ElementAccessExpressionSyntax element ? element.Expression : assignment.Left,
            PostfixUnaryExpressionSyntax postfix => postfix.Operand,
            PrefixUnaryExpressionSyntax prefix => prefix.Operand,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Expression,
            _ => null,
        };

        if (target is null || semanticModel.GetSymbolInfo(target, cancellationToken).Symbol is not IFieldSymbol field)
        {
            return null;
        }

        if (field.DeclaredAccessibility != Accessibility.Private || field.IsConst || field.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var reference = field.DeclaringSyntaxReferences[0];
        if (reference.SyntaxTree != node.SyntaxTree || reference.GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator)
        {
            return null;
        }

        return (field, declarator);
    }

    /// <summary>Every reference to the field, as the simple names in this document; null when any lies elsewhere.</summary>
    private static async Task<List<SimpleNameSyntax>?> FindReferencesAsync(Document document, IFieldSymbol field, SyntaxNode root, CancellationToken cancellationToken)
    {
        var found = await SymbolFinder.FindReferencesAsync(field, document.Project.Solution, cancellationToken).ConfigureAwait(false);
        var names = new List<SimpleNameSyntax>();
        foreach (var referenced in found)
        {
            foreach (var location in referenced.Locations)
            {
                if (location.Document.Id != document.Id || location.IsImplicit)
                {
                    return null;
                }

                if (root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true) is not SimpleNameSyntax name)
                {
                    return null;
                }

                names.Add(name);
            }
        }

        names.Sort((a, b) => a.SpanStart.CompareTo(b.SpanStart));
        return names;
    }

    /// <summary>A reference with its <c>this.</c> / <c>Type.</c> qualifier.</summary>
    private static ExpressionSyntax Qualified(SimpleNameSyntax name)
        => name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;

    private static bool IsWrite(SimpleNameSyntax name)
    {
        var expression = Qualified(name);
        return expression.Parent switch
        {
            AssignmentExpressionSyntax assignment => assignment.Left == expression,
            PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression } => true,
            PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression } => true,
            ArgumentSyntax argument => !argument.RefKindKeyword.IsKind(SyntaxKind.None) && !argument.RefKindKeyword.IsKind(SyntaxKind.InKeyword),
            RefExpressionSyntax => true,
            TupleExpressionSyntax or ArgumentSyntax { Parent: TupleExpressionSyntax } => true,
            _ => false,
        };
    }

    private static System.Func<CancellationToken, Task<Document>>? PlanMoveToLocal(
        Document document,
        SemanticModel semanticModel,
        SyntaxNode reported,
        IFieldSymbol field,
        VariableDeclaratorSyntax declarator,
        VariableDeclarationSyntax declaration,
        List<SimpleNameSyntax> references,
        CancellationToken cancellationToken)
    {
        if (references.Count == 0 || field.IsVolatile || field.GetAttributes().Length > 0)
        {
            return null;
        }

        // The method running the write; every reference must be inside it, none in a static lambda or local function.
        var method = reported.FirstAncestorOrSelf<BaseMethodDeclarationSyntax>();
        if (method is not MethodDeclarationSyntax { Body: { } body })
        {
            return null;
        }

        foreach (var reference in references)
        {
            if (!body.Span.Contains(reference.Span))
            {
                return null;
            }

            foreach (var ancestor in reference.Ancestors())
            {
                if (ancestor == body)
                {
                    break;
                }

                if (ancestor is AnonymousFunctionExpressionSyntax anonymous && anonymous.Modifiers.Any(SyntaxKind.StaticKeyword)
                    || ancestor is LocalFunctionStatementSyntax local && local.Modifiers.Any(SyntaxKind.StaticKeyword))
                {
                    return null;
                }
            }

            if (Qualified(reference).Parent is ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword } or RefExpressionSyntax
                || reference.Parent is NameColonSyntax or NameEqualsSyntax
                || (reference.Parent is MemberAccessExpressionSyntax access && access.Name == reference && access.Expression is not (ThisExpressionSyntax or IdentifierNameSyntax or QualifiedNameSyntax or AliasQualifiedNameSyntax)))
            {
                return null;
            }
        }

        // Written before read: the first reference is the target of a top-level `field = value;` statement
        // (whose value does not read the field), or the receiver of a top-level mutation (`_items.Clear();`,
        // `_items.Add(x);`) of a field whose initializer then becomes the local's.
        var first = Qualified(references[0]);
        StatementSyntax? firstStatement = null;
        if (first.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment
            && assignment.Left == first
            && assignment.Parent is ExpressionStatementSyntax statement
            && statement.Parent == body)
        {
            if (references.Count > 1 && statement.Span.Contains(references[1].Span))
            {
                return null;
            }

            firstStatement = statement;
        }
        else if (declarator.Initializer is null
                 || first.Parent is not MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: var parent } } } mutation
                 || parent != body
                 || mutation.Expression != first
                 || mutation.Name.Identifier.ValueText is not ("Clear" or "Add" or "AddRange" or "Append" or "AppendLine" or "Enqueue" or "Push" or "Insert" or "TryAdd"))
        {
            return null;
        }

        var name = ChooseLocalName(field.Name, body, semanticModel, cancellationToken);
        if (name is null)
        {
            return null;
        }

        return ct => MoveToLocalAsync(document, declarator, declaration, body, firstStatement, references, name, ct);
    }

    private static string? ChooseLocalName(string fieldName, BlockSyntax body, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var trimmed = fieldName;
        foreach (var prefix in new[] { "s_", "m_", "t_", "_" })
        {
            if (trimmed.StartsWith(prefix, System.StringComparison.Ordinal) && trimmed.Length > prefix.Length)
            {
                trimmed = trimmed.Substring(prefix.Length);
                break;
            }
        }

        trimmed = trimmed.TrimStart('_');
        if (trimmed.Length == 0)
        {
            return null;
        }

        var baseName = char.ToLowerInvariant(trimmed[0]) + trimmed.Substring(1);
        var taken = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var token in body.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                taken.Add(token.ValueText);
            }
        }

        for (var i = 0; i < 100; i++)
        {
            var candidate = i == 0 ? baseName : baseName + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (SyntaxFacts.GetKeywordKind(candidate) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(candidate) != SyntaxKind.None || taken.Contains(candidate))
            {
                continue;
            }

            if (semanticModel.LookupSymbols(body.SpanStart, name: candidate).Any(s => s is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol))
            {
                continue;
            }

            return candidate;
        }

        return null;
    }

    private static async Task<Document> MoveToLocalAsync(
        Document document,
        VariableDeclaratorSyntax declarator,
        VariableDeclarationSyntax declaration,
        BlockSyntax body,
        StatementSyntax? firstStatement,
        List<SimpleNameSyntax> references,
        string name,
        CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var type = declaration.Type.WithoutTrivia();
        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        foreach (var reference in references)
        {
            var expression = Qualified(reference);
            replacements[expression] = SyntaxFactory.IdentifierName(name).WithTriviaFrom(expression);
        }

        StatementSyntax? inserted = null;
        if (firstStatement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment })
        {
            var value = assignment.Right;
            var local = SyntaxFactory.LocalDeclarationStatement(
                    SyntaxFactory.VariableDeclaration(type)
                        .AddVariables(SyntaxFactory.VariableDeclarator(name).WithInitializer(SyntaxFactory.EqualsValueClause(value.WithoutTrivia()))))
                .WithTriviaFrom(firstStatement)
                .WithAdditionalAnnotations(Formatter.Annotation);
            replacements.Remove(Qualified(references[0]));
            replacements[firstStatement] = local;
        }
        else if (declarator.Initializer is { } initializer)
        {
            inserted = SyntaxFactory.LocalDeclarationStatement(
                    SyntaxFactory.VariableDeclaration(type)
                        .AddVariables(SyntaxFactory.VariableDeclarator(name).WithInitializer(initializer.WithoutTrivia())))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        var newBody = body.ReplaceNodes(
            replacements.Keys,
            (original, rewritten) => replacements.TryGetValue(original, out var replacement) ? replacement : rewritten);
        if (inserted is not null)
        {
            newBody = newBody.WithStatements(newBody.Statements.Insert(0, inserted));
        }

        var fieldDeclaration = (FieldDeclarationSyntax)declaration.Parent!;
        var newRoot = root.ReplaceNode(body, newBody.WithAdditionalAnnotations(Formatter.Annotation));
        var currentField = newRoot.FindNode(fieldDeclaration.Span).FirstAncestorOrSelf<FieldDeclarationSyntax>();
        if (currentField is null)
        {
            return document;
        }

        if (declaration.Variables.Count == 1)
        {
            // The first member's blank separator line belongs to the next member: drop it with the field.
            if (currentField.Parent is TypeDeclarationSyntax owner && owner.Members.IndexOf(currentField) == 0 && owner.Members.Count > 1)
            {
                var next = owner.Members[1];
                var leading = next.GetLeadingTrivia();
                var skip = 0;
                while (skip < leading.Count && (leading[skip].IsKind(SyntaxKind.EndOfLineTrivia) || leading[skip].IsKind(SyntaxKind.WhitespaceTrivia)))
                {
                    skip++;
                }

                // Keep the indentation of the member's own line.
                while (skip > 0 && leading[skip - 1].IsKind(SyntaxKind.WhitespaceTrivia))
                {
                    skip--;
                }

                var trimmed = SyntaxFactory.TriviaList(leading.Skip(skip));
                newRoot = newRoot.ReplaceNode(next, next.WithLeadingTrivia(trimmed));
                currentField = newRoot.FindNode(fieldDeclaration.Span).FirstAncestorOrSelf<FieldDeclarationSyntax>()!;
            }

            newRoot = newRoot.RemoveNode(currentField, SyntaxRemoveOptions.KeepNoTrivia)!;
        }
        else
        {
            var currentDeclarator = currentField.Declaration.Variables.First(v => v.Identifier.ValueText == declarator.Identifier.ValueText);
            newRoot = newRoot.RemoveNode(currentDeclarator, SyntaxRemoveOptions.KeepNoTrivia)!;
        }

        var newDocument = document.WithSyntaxRoot(newRoot);
        return await Formatter.FormatAsync(newDocument, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static System.Func<CancellationToken, Task<Document>>? PlanInitializeOnce(
        Document document,
        SemanticModel semanticModel,
        IFieldSymbol field,
        SyntaxNode reported,
        VariableDeclaratorSyntax declarator,
        VariableDeclarationSyntax declaration,
        FieldDeclarationSyntax fieldDeclaration,
        List<SimpleNameSyntax> references,
        CancellationToken cancellationToken)
    {
        if (reported is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Parent: ExpressionStatementSyntax statement } assignment
            || declaration.Variables.Count != 1
            || fieldDeclaration.Modifiers.Any(SyntaxKind.ReadOnlyKeyword)
            || fieldDeclaration.Modifiers.Any(SyntaxKind.VolatileKeyword)
            || fieldDeclaration.Modifiers.Any(SyntaxKind.ConstKeyword))
        {
            return null;
        }

        if (declarator.Initializer is { Value: var initial }
            && !initial.IsKind(SyntaxKind.NullLiteralExpression)
            && !initial.IsKind(SyntaxKind.DefaultLiteralExpression)
            && !initial.IsKind(SyntaxKind.SuppressNullableWarningExpression))
        {
            return null;
        }

        // The reported assignment must be the only write anywhere.
        foreach (var reference in references)
        {
            var expression = Qualified(reference);
            if (IsWrite(reference) && expression != assignment.Left)
            {
                return null;
            }
        }

        if (statement.Parent is not BlockSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax })
        {
            return null;
        }

        // Static initializers run in text order: the value must not read a static field of this type declared later.
        if (field.IsStatic)
        {
            foreach (var name in assignment.Right.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                if (semanticModel.GetSymbolInfo(name, cancellationToken).Symbol is IFieldSymbol { IsStatic: true, IsConst: false } read
                    && SymbolEqualityComparer.Default.Equals(read.ContainingType, field.ContainingType)
                    && read.DeclaringSyntaxReferences.Any(r => r.SyntaxTree != declarator.SyntaxTree || r.Span.Start > declarator.SpanStart))
                {
                    return null;
                }
            }
        }

        return ct => InitializeOnceAsync(document, statement, assignment, declarator, fieldDeclaration, ct);
    }

    private static async Task<Document> InitializeOnceAsync(
        Document document,
        ExpressionStatementSyntax statement,
        AssignmentExpressionSyntax assignment,
        VariableDeclaratorSyntax declarator,
        FieldDeclarationSyntax fieldDeclaration,
        CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var newDeclarator = declarator.WithInitializer(SyntaxFactory.EqualsValueClause(assignment.Right.WithoutTrivia()));
        var newField = fieldDeclaration.ReplaceNode(declarator, newDeclarator);
        newField = newField.WithModifiers(AddReadonly(newField.Modifiers)).WithAdditionalAnnotations(Formatter.Annotation);

        var tracked = root.TrackNodes(statement, fieldDeclaration);
        var currentField = tracked.GetCurrentNode(fieldDeclaration)!;
        tracked = tracked.ReplaceNode(currentField, newField);
        var currentStatement = tracked.GetCurrentNode(statement)!;
        tracked = tracked.RemoveNode(currentStatement, SyntaxRemoveOptions.KeepNoTrivia)!;
        var newDocument = document.WithSyntaxRoot(tracked);
        return await Formatter.FormatAsync(newDocument, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static SyntaxTokenList AddReadonly(SyntaxTokenList modifiers)
    {
        var readonlyToken = SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        var index = 0;
        for (var i = 0; i < modifiers.Count; i++)
        {
            if (modifiers[i].IsKind(SyntaxKind.PublicKeyword) || modifiers[i].IsKind(SyntaxKind.PrivateKeyword)
                || modifiers[i].IsKind(SyntaxKind.ProtectedKeyword) || modifiers[i].IsKind(SyntaxKind.InternalKeyword)
                || modifiers[i].IsKind(SyntaxKind.StaticKeyword) || modifiers[i].IsKind(SyntaxKind.NewKeyword))
            {
                index = i + 1;
            }
        }

        return modifiers.Insert(index, readonlyToken);
    }
}
