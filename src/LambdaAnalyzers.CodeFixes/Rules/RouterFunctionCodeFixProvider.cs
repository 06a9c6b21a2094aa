using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Templates;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.CodeFixes.Rules;

/// <summary>
/// LAMBDA001: "Split into one function per route". For a handler whose body is code shared by every
/// route followed by a <c>switch</c> statement whose sections each end in <c>return</c>/<c>throw</c> (or a run of
/// if-return tests, a returned switch expression, a dictionary route table of delegates), writes one public
/// handler per route (same signature; the shared code copied in front of the route's code; Annotations routes take
/// <c>[FromRoute]</c>/<c>[FromBody]</c> parameters), removes the router, and — when a SAM/CloudFormation template
/// (YAML or JSON) maps the router function — replaces its resource by one resource per route (same properties,
/// Handler pointing at the new method, the route as its only API event). Nothing is offered when the split cannot be proven safe: the result must compile and the
/// route of every section must be known.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RouterFunctionCodeFixProvider)), Shared]
public sealed partial class RouterFunctionCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "LAMBDA001.SplitPerRoute";

    private static readonly string[] Verbs = { "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "ANY" };

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RouterFunctionAnalyzer.RuleId);

    /// <summary>
    /// Each split rewrites its own router and possibly a shared template, so fixes cannot be batched as
    /// independent text changes (BatchFixer would merge conflicting template edits). This provider applies
    /// them one after another on the evolving solution, last position first.
    /// </summary>
    public override FixAllProvider GetFixAllProvider() => SequentialFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var solution = await TrySplitAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (solution is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Split into one function per route", _ => Task.FromResult(solution), EquivalenceKey),
                diagnostic);
        }
    }

    internal static async Task<Solution?> TrySplitAsync(Document document, Diagnostic diagnostic, CancellationToken ct)
    {
        try
        {
            return await SplitAsync(document, diagnostic, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    private static async Task<Solution?> SplitAsync(Document document, Diagnostic diagnostic, CancellationToken ct)
    {
        var root = await document.GetSyntaxRootAsync(ct).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(ct).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return null;
        }

        var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
        var method = token.Parent?.FirstAncestorOrSelf<MethodDeclarationSyntax>();
        if (method is null)
        {
            return null;
        }

        // The router must be the handler itself (not a helper it calls).
        if (diagnostic.AdditionalLocations.Count != 1 || diagnostic.AdditionalLocations[0].SourceSpan != method.Identifier.Span
            || semanticModel.GetDeclaredSymbol(method, ct) is not { } methodSymbol
            || method.Parent is not TypeDeclarationSyntax type)
        {
            return null;
        }

        // Amazon.Lambda.Annotations: the source generator writes the template from the attributes.
        AnnotationsApi? annotations = null;
        if (methodSymbol.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == LambdaTypes.LambdaFunctionAttributeName))
        {
            annotations = AnnotationsApi.Create(method, methodSymbol, semanticModel, ct);
            if (annotations is null)
            {
                return null;
            }
        }

        var options = document.Project.AnalyzerOptions;
        var body = method.Body;
        TableSplit? table = null;
        List<CandidateRoute>? routes;
        switch (token.Parent)
        {
            case SwitchStatementSyntax switchStatement when token.IsKind(SyntaxKind.SwitchKeyword) && body is not null && switchStatement.Parent == body:
                routes = RouterFunctionAnalyzer.UsesRouteHelper(semanticModel, switchStatement.Expression, ct) ? null : SwitchRoutes(semanticModel, options, body, switchStatement, ct);
                break;
            case IfStatementSyntax ifStatement when token.IsKind(SyntaxKind.IfKeyword) && body is not null && ifStatement.Parent == body:
                routes = IfRoutes(semanticModel, options, body, ct);
                break;
            case SwitchExpressionSyntax switchExpression when token.IsKind(SyntaxKind.SwitchKeyword):
                routes = RouterFunctionAnalyzer.UsesRouteHelper(semanticModel, switchExpression.GoverningExpression, ct) ? null : SwitchExpressionRoutes(semanticModel, options, method, switchExpression, ct);
                break;
            default:
                table = TableSplit.Create(semanticModel, options, method, methodSymbol, root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), ct);
                routes = annotations is null ? table?.Routes : null;
                break;
        }

        if (routes is null)
        {
            return null;
        }

        if (routes.Count < 2 || Overlaps(routes))
        {
            return null;
        }

        var compilation = semanticModel.Compilation;
        var model = LambdaModel.GetOrCreate(compilation, document.Project.AnalyzerOptions);
        var mapping = annotations is null ? FindTemplateMapping(document.Project, model, methodSymbol, ct) : new TemplateMapping { EventPath = annotations.Template, EventMethod = annotations.Method };
        if (mapping.Refused)
        {
            return null;
        }

        // Name and locate each route.
        var taken = new HashSet<string>(type.Members.OfType<MemberDeclarationSyntax>().Select(MemberName).Where(n => n is not null)!, StringComparer.Ordinal);
        taken.Remove(method.Identifier.ValueText);
        var async = method.Identifier.ValueText.EndsWith("Async", StringComparison.Ordinal);
        var baseName = async ? method.Identifier.ValueText.Substring(0, method.Identifier.ValueText.Length - 5) : method.Identifier.ValueText;
        var planned = new List<PlannedRoute>();
        foreach (var candidate in routes)
        {
            var route = candidate.Route;
            var path = TemplatePath(route.Path, candidate.Origin, mapping.EventPath);
            if (route.Path is not null && path is null)
            {
                return null;
            }

            var verb = route.Method ?? mapping.EventMethod?.ToUpperInvariant() ?? "ANY";
            if ((mapping.Function is not null || annotations is not null) && path is null)
            {
                return null;
            }

            var name = Unique(MethodName(route.Method, route.Path is null ? null : path, baseName) + (async ? "Async" : string.Empty), taken);
            var plannedRoute = new PlannedRoute(verb, path, name, candidate.Prefix, candidate.Arm, candidate.Origin)
            {
                ExpressionBody = candidate.ExpressionBody,
                MakeAsync = candidate.MakeAsync,
                ArmExpression = candidate.ArmExpression,
                ExpressionBodied = candidate.ExpressionBodied,
            };

            if (annotations is not null)
            {
                // Every {name} of the route template must be a parameter of the method (the generator refuses the template otherwise).
                var armNodes = candidate.ArmExpression is { } armExpression ? new SyntaxNode[] { armExpression } : candidate.Arm.ToArray<SyntaxNode>();
                var parameters = AnnotationsParameters.Plan(semanticModel, method, methodSymbol, path!, candidate.Prefix, armNodes, ct);
                if (parameters is null)
                {
                    return null;
                }

                plannedRoute = parameters.Apply(plannedRoute);
            }

            planned.Add(plannedRoute);
        }

        // Write the methods: sections written as one block lose their braces unless a name then clashes.
        var before = compilation.GetDiagnostics(ct).Count(d => d.Severity == DiagnosticSeverity.Error);
        Solution? solution = null;
        foreach (var flatten in new[] { true, false })
        {
            var newDocument = await WriteMethodsAsync(document, root, method, planned, flatten, annotations, table?.RemovableDeclaration(document.Project.Solution, ct), ct).ConfigureAwait(false);

            // The result must compile: no error the original did not have.
            var newCompilation = await newDocument.Project.GetCompilationAsync(ct).ConfigureAwait(false);
            if (newCompilation is not null && newCompilation.GetDiagnostics(ct).Count(d => d.Severity == DiagnosticSeverity.Error) <= before)
            {
                solution = newDocument.Project.Solution;
                break;
            }
        }

        if (solution is null)
        {
            return null;
        }

        if (mapping.Function is not null)
        {
            var newText = EditTemplate(mapping, planned);
            if (newText is null)
            {
                return null;
            }

            solution = solution.WithAdditionalDocumentText(mapping.DocumentId!, newText);
        }

        return solution;
    }

    private sealed class CandidateRoute
    {
        public CandidateRoute(RouterFunctionAnalyzer.Route route, SyntaxNode origin, List<StatementSyntax> prefix, List<StatementSyntax> arm)
        {
            Route = route;
            Origin = origin;
            Prefix = prefix;
            Arm = arm;
        }

        public RouterFunctionAnalyzer.Route Route { get; }
        public SyntaxNode Origin { get; }
        public List<StatementSyntax> Prefix { get; }
        public List<StatementSyntax> Arm { get; }

        /// <summary>Set when the router is expression-bodied: the new method is too (<c>=&gt; arm</c>).</summary>
        public ExpressionSyntax? ExpressionBody { get; set; }

        /// <summary>The route's code is the body of an async lambda: the new method gets the <c>async</c> modifier.</summary>
        public bool MakeAsync { get; set; }

        /// <summary>A switch expression's arm: the value the new method returns (an original node, so it can still be bound).</summary>
        public ExpressionSyntax? ArmExpression { get; set; }

        public bool ExpressionBodied { get; set; }
    }

    /// <summary>
    /// A switch expression whose value the handler returns (<c>=&gt; x switch { … }</c>, or <c>return x switch { … };</c> as the
    /// last statement after shared code): each arm that is exactly one route becomes a method returning the arm's value;
    /// the default arm (<c>_</c>, <c>var x</c>, <c>"$default"</c>) is the fallback and is dropped.
    /// </summary>
    private static List<CandidateRoute>? SwitchExpressionRoutes(SemanticModel semanticModel, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options, MethodDeclarationSyntax method, SwitchExpressionSyntax switchExpression, CancellationToken ct)
    {
        SyntaxNode value = switchExpression;
        while (value.Parent is ParenthesizedExpressionSyntax parenthesized)
        {
            value = parenthesized;
        }

        List<StatementSyntax> prefix;
        var expressionBodied = false;
        if (value.Parent is ArrowExpressionClauseSyntax arrow && arrow.Parent == method)
        {
            prefix = new List<StatementSyntax>();
            expressionBodied = true;
        }
        else if (value.Parent is ReturnStatementSyntax returnStatement && returnStatement.Parent is BlockSyntax body && body == method.Body
                 && body.Statements.LastOrDefault() == returnStatement)
        {
            prefix = body.Statements.Take(body.Statements.Count - 1).ToList();
            if (prefix.Any(ContainsDispatchCandidate))
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        // Each arm is returned as it is: the switch's value must not be converted again on the way out (object handler,
        // arms 1 and 2L: the switch boxes a long, a method returning 1 would box an int).
        var typeInfo = semanticModel.GetTypeInfo(switchExpression, ct);
        if (typeInfo.Type is { } switchType && !SymbolEqualityComparer.IncludeNullability.Equals(switchType, typeInfo.ConvertedType))
        {
            return null;
        }

        var arms = RouterFunctionAnalyzer.GetArmRoutes(semanticModel, options, switchExpression, ct);
        if (arms is null)
        {
            return null;
        }

        var routes = new List<CandidateRoute>();
        foreach (var (arm, route, nested, pure) in arms)
        {
            if (IsDefaultArm(arm))
            {
                continue;
            }

            if (nested || !pure || !IsSplittable(route))
            {
                return null;
            }

            routes.Add(new CandidateRoute(route, arm, prefix, new List<StatementSyntax>())
            {
                ArmExpression = arm.Expression,
                ExpressionBodied = expressionBodied,
            });
        }

        return routes;
    }

    /// <summary><c>_ =&gt;</c>, <c>var x =&gt;</c> without a when clause, or the HTTP API's <c>"$default"</c> route key.</summary>
    private static bool IsDefaultArm(SwitchExpressionArmSyntax arm)
        => arm.WhenClause is null && arm.Pattern switch
        {
            DiscardPatternSyntax => true,
            VarPatternSyntax { Designation: SingleVariableDesignationSyntax or DiscardDesignationSyntax } => true,
            ConstantPatternSyntax { Expression: LiteralExpressionSyntax { Token.ValueText: "$default" } } => true,
            _ => false,
        };

    /// <summary>
    /// A prefix test (<c>StartsWith("/orders/")</c>) placed before an exact route it also matches takes that route's requests in
    /// the router; API Gateway would send them to the exact route instead. Such routers are not split.
    /// </summary>
    private static bool Overlaps(List<CandidateRoute> routes)
    {
        for (var i = 0; i < routes.Count; i++)
        {
            if (routes[i].Route.Path is not { } prefix || !prefix.EndsWith("*", StringComparison.Ordinal))
            {
                continue;
            }

            var stem = prefix.TrimEnd('*');
            for (var j = i + 1; j < routes.Count; j++)
            {
                var later = routes[j].Route;
                if (later.Path is { } path && path.StartsWith(stem, StringComparison.Ordinal)
                    && (later.Method is null || routes[i].Route.Method is null || later.Method == routes[i].Route.Method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Code before the switch is shared; each section that is exactly one route becomes a route; the default is the fallback.</summary>
    private static List<CandidateRoute>? SwitchRoutes(SemanticModel semanticModel, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options, BlockSyntax body, SwitchStatementSyntax switchStatement, CancellationToken ct)
    {
        var sections = RouterFunctionAnalyzer.GetSectionRoutes(semanticModel, options, switchStatement, ct);
        if (sections is null)
        {
            return null;
        }

        var index = body.Statements.IndexOf(switchStatement);
        var prefix = body.Statements.Take(index).ToList();
        if (prefix.Any(ContainsDispatchCandidate))
        {
            return null;
        }

        var routes = new List<CandidateRoute>();
        foreach (var (section, route, nested, pure) in sections)
        {
            var isDefault = section.Labels.Any(l => l is DefaultSwitchLabelSyntax || l is CasePatternSwitchLabelSyntax { Pattern: DiscardPatternSyntax, WhenClause: null });
            if (!ExitsWithoutFallThrough(section.Statements, switchStatement))
            {
                return null;
            }

            if (isDefault)
            {
                // The fallback: API Gateway answers requests no route matches.
                continue;
            }

            if (nested || !pure || !IsSplittable(route))
            {
                return null;
            }

            routes.Add(new CandidateRoute(route, section, prefix, section.Statements.ToList()));
        }

        return routes;
    }

    /// <summary>
    /// Runs of <c>if (route) { …; return …; }</c> and if / else-if chains at the top of the handler body.
    /// Each route gets the statements that ran before its test (the other tests were false); code after
    /// the last test is the fallback.
    /// </summary>
    private static List<CandidateRoute>? IfRoutes(SemanticModel semanticModel, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options, BlockSyntax body, CancellationToken ct)
    {
        var shared = new List<StatementSyntax>();
        var routes = new List<CandidateRoute>();
        foreach (var statement in body.Statements)
        {
            if (statement is not IfStatementSyntax ifStatement)
            {
                if (ContainsDispatchCandidate(statement))
                {
                    return null;
                }

                shared.Add(statement);
                continue;
            }

            var (links, final) = RouterFunctionAnalyzer.GetIfChainRoutes(semanticModel, options, ifStatement, ct);
            if (!links.Any(l => l.Mentions))
            {
                if (ContainsDispatchCandidate(statement))
                {
                    return null;
                }

                shared.Add(statement);
                continue;
            }

            foreach (var (branch, route, pure, _, nested) in links)
            {
                if (!pure || nested || !IsSplittable(route) || !ExitsWithoutFallThrough(new[] { branch }, null))
                {
                    return null;
                }

                routes.Add(new CandidateRoute(route, branch, shared.ToList(), new List<StatementSyntax> { branch }));
            }

            if (final is not null)
            {
                // The final else is the fallback; nothing after the chain runs for a route.
                if (!ExitsWithoutFallThrough(new[] { final }, null))
                {
                    return null;
                }

                break;
            }
        }

        return routes;
    }

    private static bool IsSplittable(RouterFunctionAnalyzer.Route route)
        => route.Counts && route.Operation is null;

    /// <summary>Shared code copied into every route must not dispatch again (the diagnostic would stay).</summary>
    private static bool ContainsDispatchCandidate(StatementSyntax statement)
        => statement.DescendantNodesAndSelf().Any(n => n is SwitchStatementSyntax or SwitchExpressionSyntax
            || n is IfStatementSyntax && statement is not IfStatementSyntax);

    private static async Task<Document> WriteMethodsAsync(Document document, SyntaxNode root, MethodDeclarationSyntax method, List<PlannedRoute> planned, bool flatten, AnnotationsApi? annotations, SyntaxNode? removable, CancellationToken ct)
    {
        var newMethods = new List<MemberDeclarationSyntax>();
        foreach (var route in planned)
        {
            var arm = route.ArmExpression is { } armExpression
                ? new List<StatementSyntax> { armExpression is ThrowExpressionSyntax thrown ? SyntaxFactory.ThrowStatement(thrown.Expression.WithoutTrivia()) : SyntaxFactory.ReturnStatement(armExpression.WithoutTrivia()) }
                : route.Arm;
            var statements = route.Prefix.Concat(flatten ? arm.SelectMany(Flatten) : arm).ToList();
            var modifiers = method.Modifiers;
            if (!modifiers.Any(SyntaxKind.PublicKeyword))
            {
                modifiers = SyntaxFactory.TokenList(modifiers.Where(m => !m.IsKind(SyntaxKind.PrivateKeyword) && !m.IsKind(SyntaxKind.InternalKeyword) && !m.IsKind(SyntaxKind.ProtectedKeyword)))
                    .Insert(0, SyntaxFactory.Token(SyntaxKind.PublicKeyword));
            }

            if (route.MakeAsync && !modifiers.Any(SyntaxKind.AsyncKeyword))
            {
                modifiers = modifiers.Add(SyntaxFactory.Token(SyntaxKind.AsyncKeyword));
            }

            var newMethod = method
                .WithAttributeLists(annotations is null ? method.AttributeLists : annotations.AttributesFor(route.Verb, route.Path!))
                .WithIdentifier(SyntaxFactory.Identifier(route.Name))
                .WithModifiers(modifiers)
                .WithParameterList(route.Parameters ?? method.ParameterList)
                .WithBody(SyntaxFactory.Block(statements))
                .WithExpressionBody(null)
                .WithSemicolonToken(default)
                .WithLeadingTrivia(SyntaxFactory.ElasticCarriageReturnLineFeed)
                .WithAdditionalAnnotations(Formatter.Annotation);
            if ((route.ExpressionBody ?? (route.ExpressionBodied ? route.ArmExpression?.WithoutTrivia() : null)) is { } expression && route.Prefix.Count == 0)
            {
                newMethod = newMethod
                    .WithBody(null)
                    .WithExpressionBody(SyntaxFactory.ArrowExpressionClause(expression.WithLeadingTrivia(SyntaxFactory.ElasticSpace)))
                    .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken).WithTrailingTrivia(method.GetTrailingTrivia()));
            }

            newMethods.Add(newMethod);
        }

        // The router's comments stay on the first method, its documentation (which describes the router) does not.
        newMethods[0] = newMethods[0].WithLeadingTrivia(method.GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) && !t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)));
        if (removable is not null && removable.Parent is TypeDeclarationSyntax { Members: var members } && members.IndexOf((MemberDeclarationSyntax)removable) == 0 && members.IndexOf(method) == 1)
        {
            // The table was the first member: the first route starts the type's body without a blank line.
            newMethods[0] = newMethods[0].WithLeadingTrivia(newMethods[0].GetLeadingTrivia().SkipWhile(t => t.IsKind(SyntaxKind.EndOfLineTrivia) || t.IsKind(SyntaxKind.WhitespaceTrivia)));
        }

        var newRoot = removable is null ? root.TrackNodes(method) : root.TrackNodes(method, removable);
        newRoot = newRoot.ReplaceNode(newRoot.GetCurrentNode(method)!, newMethods);
        if (removable is not null && newRoot.GetCurrentNode(removable) is { } table)
        {
            newRoot = newRoot.RemoveNode(table, SyntaxRemoveOptions.KeepNoTrivia)!;
        }

        var newDocument = document.WithSyntaxRoot(newRoot);
        newDocument = await Microsoft.CodeAnalysis.Editing.ImportAdder.AddImportsAsync(newDocument, Microsoft.CodeAnalysis.Simplification.Simplifier.AddImportsAnnotation, cancellationToken: ct).ConfigureAwait(false);
        newDocument = await Microsoft.CodeAnalysis.Simplification.Simplifier.ReduceAsync(newDocument, Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation, cancellationToken: ct).ConfigureAwait(false);
        return await Formatter.FormatAsync(newDocument, Formatter.Annotation, cancellationToken: ct).ConfigureAwait(false);
    }

    private static string? MemberName(MemberDeclarationSyntax member) => member switch
    {
        MethodDeclarationSyntax m => m.Identifier.ValueText,
        PropertyDeclarationSyntax p => p.Identifier.ValueText,
        BaseTypeDeclarationSyntax t => t.Identifier.ValueText,
        _ => null,
    };

    /// <summary>A section's code, without the braces of a section written as one block.</summary>
    private static IEnumerable<StatementSyntax> Flatten(StatementSyntax statement)
        => statement is BlockSyntax block ? block.Statements : new[] { statement };

    /// <summary>
    /// True when control never leaves the section for the code after the switch: it ends in return or
    /// throw, and no break or goto targets this switch.
    /// </summary>
    private static bool ExitsWithoutFallThrough(IEnumerable<StatementSyntax> statements, SwitchStatementSyntax? switchStatement)
    {
        var list = statements.ToList();
        var last = list.LastOrDefault();
        while (last is BlockSyntax block)
        {
            last = block.Statements.LastOrDefault();
        }

        if (last is not (ReturnStatementSyntax or ThrowStatementSyntax))
        {
            return false;
        }

        foreach (var node in list.SelectMany(st => st.DescendantNodesAndSelf(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))))
        {
            switch (node)
            {
                case GotoStatementSyntax:
                    return false;
                case BreakStatementSyntax or ContinueStatementSyntax:
                    // The statement a break or continue leaves must be inside the arm, or control reaches the code after the dispatch.
                    var target = node.Ancestors().FirstOrDefault(a => a is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                        || node is BreakStatementSyntax && a is SwitchStatementSyntax);
                    if (target is null || target == switchStatement || !list.Any(st => st.Span.Contains(target.Span)))
                    {
                        return false;
                    }

                    break;
                case YieldStatementSyntax:
                    return false;
            }
        }

        return true;
    }

    /// <summary>The API Gateway path of a route: exact paths as they are; <c>/orders/*</c> (a prefix test) becomes <c>/orders/{id}</c> when the section reads <c>PathParameters["id"]</c>.</summary>
    private static string? TemplatePath(string? routePath, SyntaxNode section, string? eventPath)
    {
        if (routePath is null)
        {
            return eventPath is not null && eventPath.IndexOf("+}", StringComparison.Ordinal) < 0 ? eventPath : null;
        }

        // Only what an API Gateway resource path can hold (a route key written "/orders:GET" or "/orders GET" is not one).
        if (!routePath.StartsWith("/", StringComparison.Ordinal) || routePath.Any(c => !(char.IsLetterOrDigit(c) && c < 128) && "/-_.{}+*".IndexOf(c) < 0))
        {
            return null;
        }

        var star = routePath.IndexOf('*');
        if (star < 0)
        {
            return routePath;
        }

        if (star != routePath.Length - 1)
        {
            return null;
        }

        var prefix = routePath.Substring(0, star);
        if (!prefix.EndsWith("/", StringComparison.Ordinal))
        {
            return null;
        }

        var parameter = section.DescendantNodes().OfType<ElementAccessExpressionSyntax>()
            .Where(e => SyntaxHelpersName(e.Expression) == "PathParameters" && e.ArgumentList.Arguments.Count == 1)
            .Select(e => (e.ArgumentList.Arguments[0].Expression as LiteralExpressionSyntax)?.Token.ValueText)
            .FirstOrDefault(v => !string.IsNullOrEmpty(v) && v!.All(c => char.IsLetterOrDigit(c) || c == '_'));
        return prefix + (parameter is null ? "{proxy+}" : "{" + parameter + "}");
    }

    private static string? SyntaxHelpersName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        ConditionalAccessExpressionSyntax conditional => SyntaxHelpersName(conditional.WhenNotNull),
        IdentifierNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    /// <summary><c>GET /orders/{id}</c> → <c>GetOrdersById</c>; method-only routes <c>HandleGet</c>; path-only routes <c>HandleOrders</c>.</summary>
    private static string MethodName(string? verb, string? path, string baseName)
    {
        var builder = new StringBuilder();
        if (verb is null || path is null)
        {
            builder.Append(baseName);
        }

        if (verb is not null)
        {
            builder.Append(Pascal(verb));
        }

        if (path is not null)
        {
            foreach (var segment in path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
            {
                if (segment.StartsWith("{", StringComparison.Ordinal))
                {
                    var name = segment.Trim('{', '}', '+');
                    builder.Append(name == "proxy" ? "Item" : "By" + Pascal(name));
                }
                else
                {
                    builder.Append(Pascal(segment));
                }
            }
        }

        var result = builder.ToString();
        return result.Length == 0 || !SyntaxFacts.IsIdentifierStartCharacter(result[0]) ? "Handle" + result : result;
    }

    private static string Pascal(string text)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in text)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            upper = false;
        }

        return builder.ToString();
    }

    private static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>
    /// The router's API attribute (<c>[HttpApi]</c> or <c>[RestApi]</c>): each route gets a copy with its own
    /// method and template; <c>[LambdaFunction(ResourceName = …)]</c> loses the name, which must be unique.
    /// </summary>
    private sealed class AnnotationsApi
    {
        private const string Namespace = "Amazon.Lambda.Annotations.APIGateway";

        private readonly MethodDeclarationSyntax _method;
        private readonly AttributeSyntax? _apiAttribute;
        private readonly string _attributeName;

        private AnnotationsApi(MethodDeclarationSyntax method, AttributeSyntax? apiAttribute, string attributeName, string? template, string? httpMethod)
        {
            _method = method;
            _apiAttribute = apiAttribute;
            _attributeName = attributeName;
            Template = template;
            Method = httpMethod;
        }

        public string? Template { get; }

        public string? Method { get; }

        public static AnnotationsApi? Create(MethodDeclarationSyntax method, IMethodSymbol symbol, SemanticModel semanticModel, CancellationToken ct)
        {
            foreach (var list in method.AttributeLists)
            {
                foreach (var attribute in list.Attributes)
                {
                    if (semanticModel.GetSymbolInfo(attribute, ct).Symbol is not IMethodSymbol { ContainingType: { } attributeType }
                        || attributeType.ContainingNamespace?.ToDisplayString() != Namespace
                        || attributeType.Name is not ("HttpApiAttribute" or "RestApiAttribute"))
                    {
                        continue;
                    }

                    if (list.Attributes.Count != 1 || attribute.ArgumentList is not { Arguments.Count: >= 2 } arguments
                        || arguments.Arguments[0].NameEquals is not null || arguments.Arguments[0].NameColon is not null
                        || arguments.Arguments[1].NameEquals is not null || arguments.Arguments[1].NameColon is not null)
                    {
                        return null;
                    }

                    var httpMethod = semanticModel.GetSymbolInfo(arguments.Arguments[0].Expression, ct).Symbol?.Name;
                    var template = semanticModel.GetConstantValue(arguments.Arguments[1].Expression, ct).Value as string;
                    return new AnnotationsApi(method, attribute, attributeType.Name.Substring(0, attributeType.Name.Length - "Attribute".Length), template, httpMethod);
                }
            }

            // No API attribute yet: the payload type says which API the function serves.
            var request = symbol.Parameters.FirstOrDefault()?.Type.ToDisplayString();
            return request switch
            {
                "Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyRequest" => new AnnotationsApi(method, null, "HttpApi", null, null),
                "Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest" => new AnnotationsApi(method, null, "RestApi", null, null),
                _ => null,
            };
        }

        public SyntaxList<AttributeListSyntax> AttributesFor(string verb, string path)
        {
            var member = verb == "ANY" ? "Any" : Pascal(verb);
            var methodArgument = SyntaxFactory.AttributeArgument(SyntaxFactory.ParseExpression(Namespace + ".LambdaHttpMethod." + member).WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation, Microsoft.CodeAnalysis.Simplification.Simplifier.AddImportsAnnotation));
            var templateArgument = SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(path)));
            var lists = new List<AttributeListSyntax>();
            foreach (var list in _method.AttributeLists)
            {
                if (_apiAttribute is not null && list.Attributes.Contains(_apiAttribute))
                {
                    var arguments = SyntaxFactory.SeparatedList(new[] { methodArgument, templateArgument }.Concat(_apiAttribute.ArgumentList!.Arguments.Skip(2)));
                    lists.Add(list.ReplaceNode(_apiAttribute, _apiAttribute.WithArgumentList(_apiAttribute.ArgumentList.WithArguments(arguments))));
                    continue;
                }

                var resourceNames = list.Attributes.SelectMany(a => a.ArgumentList?.Arguments ?? default).Where(a => a.NameEquals?.Name.Identifier.ValueText == "ResourceName").ToList();
                lists.Add(resourceNames.Count == 0 ? list : list.RemoveNodes(resourceNames, SyntaxRemoveOptions.KeepNoTrivia) ?? list);
            }

            if (_apiAttribute is null)
            {
                var attribute = SyntaxFactory.Attribute(
                    SyntaxFactory.ParseName(Namespace + "." + _attributeName).WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation, Microsoft.CodeAnalysis.Simplification.Simplifier.AddImportsAnnotation),
                    SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(new[] { methodArgument, templateArgument })));
                lists.Add(SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attribute)));
            }

            return SyntaxFactory.List(lists);
        }
    }

    private sealed class PlannedRoute
    {
        public PlannedRoute(string verb, string? path, string name, IReadOnlyList<StatementSyntax> prefix, IReadOnlyList<StatementSyntax> arm, SyntaxNode origin)
        {
            Verb = verb;
            Path = path;
            Name = name;
            Prefix = prefix;
            Arm = arm;
            Origin = origin;
        }

        public IReadOnlyList<StatementSyntax> Prefix { get; }
        public IReadOnlyList<StatementSyntax> Arm { get; }
        public SyntaxNode Origin { get; }

        public string Verb { get; }
        public string? Path { get; }
        public string Name { get; }

        public ExpressionSyntax? ExpressionBody { get; set; }
        public bool MakeAsync { get; set; }
        public ExpressionSyntax? ArmExpression { get; set; }
        public bool ExpressionBodied { get; set; }

        /// <summary>Annotations routes: the parameters the route takes (<c>[FromRoute]</c>, <c>[FromBody]</c>), else the router's.</summary>
        public ParameterListSyntax? Parameters { get; set; }
    }

    private sealed class TemplateMapping
    {
        public bool Refused { get; set; }
        public DocumentId? DocumentId { get; set; }
        public DeploymentFile? File { get; set; }
        public FunctionDefinition? Function { get; set; }
        public TemplateEntry? ResourceEntry { get; set; }
        public TemplateEntry? EventEntry { get; set; }
        public string? EventPath { get; set; }
        public string? EventMethod { get; set; }
        public string? HandlerText { get; set; }
    }

    /// <summary>
    /// The one SAM YAML function whose Handler resolves to the router. Refused when another deployment file
    /// maps it (we could not keep that file in step), or when the function's events are not one API event.
    /// </summary>
    private static TemplateMapping FindTemplateMapping(Project project, LambdaModel model, IMethodSymbol router, CancellationToken ct)
    {
        var result = new TemplateMapping();
        foreach (var additional in project.AdditionalDocuments)
        {
            if (additional.FilePath is not { } path || !DeploymentFile.IsCandidatePath(path)
                || !additional.TryGetText(out var text) && (text = additional.GetTextAsync(ct).GetAwaiter().GetResult()) is null)
            {
                continue;
            }

            var file = DeploymentFile.Read(path, text, ct);
            if (file is null)
            {
                continue;
            }

            foreach (var function in file.Functions)
            {
                if (function.Handler?.Value is not { } handlerText || !HandlerString.TryParse(handlerText, out var handler)
                    || HandlerResolver.Resolve(model, handler, ct).Method is not { } resolved
                    || !SymbolEqualityComparer.Default.Equals(resolved.OriginalDefinition, router.OriginalDefinition))
                {
                    continue;
                }

                if (result.Function is not null || file.Format is not (TemplateFormat.CloudFormationYaml or TemplateFormat.CloudFormationJson) || function.Resource is null)
                {
                    result.Refused = true;
                    return result;
                }

                var resources = file.Root?.Get("Resources");
                var entry = resources?.Entries.FirstOrDefault(e => e.KeySpan == function.NameSpan);
                var events = function.Properties?.Get("Events");
                if (entry is null || events is null || events.Entries.Length != 1 || !entry.Span.Contains(function.Handler.Span))
                {
                    result.Refused = true;
                    return result;
                }

                // Outputs, permissions or other resources that name the function (or what SAM generates for it, such as
                // OrdersFunctionRole) would point at a resource that no longer exists.
                if (IsReferencedElsewhere(file.Root!, entry, function.Name))
                {
                    result.Refused = true;
                    return result;
                }

                var eventEntry = events.Entries[0];
                var eventType = eventEntry.Value.GetLiteral("Type");
                var properties = eventEntry.Value.Get("Properties");
                if (eventType is not ("Api" or "HttpApi") || properties?.Get("Path") is not { IsLiteral: true } || properties.Get("Method") is not { IsLiteral: true })
                {
                    result.Refused = true;
                    return result;
                }

                result.DocumentId = additional.Id;
                result.File = file;
                result.Function = function;
                result.ResourceEntry = entry;
                result.EventEntry = eventEntry;
                result.EventPath = properties.GetLiteral("Path");
                result.EventMethod = properties.GetLiteral("Method");
                result.HandlerText = handlerText;
            }
        }

        return result;
    }

    /// <summary>True when a node outside the resource refers to the logical id (Ref, GetAtt, Sub, DependsOn) or to an id SAM derives from it.</summary>
    private static bool IsReferencedElsewhere(TemplateNode root, TemplateEntry resource, string logicalId)
    {
        var declared = new HashSet<string>(root.Get("Resources")?.Entries.Select(e => e.Key) ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
        var stack = new Stack<TemplateNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (CloudFormationModel.ReferencedIds(node).Any(id => id == logicalId || id.StartsWith(logicalId, StringComparison.Ordinal) && !declared.Contains(id)))
            {
                return true;
            }

            foreach (var child in node.Entries)
            {
                if (child == resource)
                {
                    continue;
                }

                if (child.Key == "DependsOn" && (child.Value.Value == logicalId || child.Value.Items.Any(i => i.Value == logicalId)))
                {
                    return true;
                }

                stack.Push(child.Value);
            }

            foreach (var item in node.Items)
            {
                stack.Push(item);
            }
        }

        return false;
    }

    /// <summary>Replaces the router's resource by one copy per route (logical id, Handler, event name, Path and Method changed).</summary>
    private static SourceText? EditTemplate(TemplateMapping mapping, List<PlannedRoute> routes)
    {
        var file = mapping.File!;
        var text = file.Text;
        var entry = mapping.ResourceEntry!;
        var function = mapping.Function!;
        var eventEntry = mapping.EventEntry!;
        var properties = eventEntry.Value.Get("Properties")!;
        var pathNode = properties.Get("Path")!;
        var methodNode = properties.Get("Method")!;
        var json = file.Format == TemplateFormat.CloudFormationJson;

        // YAML: whole lines, copies separated by a blank line. JSON: the property itself ("Name": { … }), copies separated by
        // a comma and the property's indentation; the comma after the router's property (if any) stays after the last copy.
        var start = json ? entry.Span.Start : text.Lines.GetLineFromPosition(entry.KeySpan.Start).Start;
        var endLine = text.Lines.GetLineFromPosition(Math.Max(entry.Span.End - 1, entry.Span.Start));
        var end = json ? entry.Span.End : endLine.End;
        var indent = json ? TemplateEdits.Column(text, start) : 0;
        if (indent < 0)
        {
            return null;
        }

        var block = text.ToString(TextSpan.FromBounds(start, end));
        if (block.Length == 0)
        {
            return null;
        }

        var existing = new HashSet<string>(file.Root?.Get("Resources")?.Entries.Select(e => e.Key) ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
        existing.Remove(function.Name);
        var handlerPrefix = mapping.HandlerText!.Substring(0, mapping.HandlerText!.LastIndexOf("::", StringComparison.Ordinal) + 2);
        var copies = new List<string>();
        foreach (var route in routes)
        {
            var logicalName = Unique(TrimAsync(route.Name) + "Function", existing);
            var replacements = new List<(TextSpan Span, string Text)>
            {
                (function.NameSpan, logicalName),
                (function.Handler!.ValueSpan, handlerPrefix + route.Name),
                (eventEntry.KeySpan, TrimAsync(route.Name)),
                (pathNode.ValueSpan, route.Path!),
                (methodNode.ValueSpan, route.Verb == "ANY" ? methodNode.Value ?? "ANY" : methodNode.Value is { Length: > 0 } original && original.All(char.IsLower) ? route.Verb.ToLowerInvariant() : route.Verb),
            };

            var copy = new StringBuilder(block);
            foreach (var (span, replacement) in replacements.OrderByDescending(r => r.Span.Start))
            {
                if (span.Start < start || span.End > end)
                {
                    return null;
                }

                copy.Remove(span.Start - start, span.Length);
                copy.Insert(span.Start - start, replacement);
            }

            copies.Add(copy.ToString());
        }

        var newline = text.Lines.Count > 1 && text.ToString().Contains("\r\n") ? "\r\n" : "\n";
        var separator = json ? "," + newline + new string(' ', indent) : newline + newline;
        return text.Replace(TextSpan.FromBounds(start, end), string.Join(separator, copies));
    }

    private static string TrimAsync(string name) => name.EndsWith("Async", StringComparison.Ordinal) && name.Length > 5 ? name.Substring(0, name.Length - 5) : name;

    /// <summary>Applies the split for each diagnostic in turn (last position first) on the evolving solution.</summary>
    private sealed class SequentialFixAllProvider : FixAllProvider
    {
        public static readonly SequentialFixAllProvider Instance = new();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var byDocument = new List<(DocumentId Id, ImmutableArray<Diagnostic> Diagnostics)>();
            var projects = fixAllContext.Scope switch
            {
                FixAllScope.Solution => fixAllContext.Solution.Projects,
                _ => new[] { fixAllContext.Project },
            };

            foreach (var project in projects)
            {
                foreach (var document in project.Documents)
                {
                    if (fixAllContext.Scope == FixAllScope.Document && document.Id != fixAllContext.Document?.Id)
                    {
                        continue;
                    }

                    var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                    if (!diagnostics.IsEmpty)
                    {
                        byDocument.Add((document.Id, diagnostics));
                    }
                }
            }

            if (byDocument.Count == 0)
            {
                return null;
            }

            return CodeAction.Create(
                "Split every router into one function per route",
                async ct =>
                {
                    var solution = fixAllContext.Solution;
                    foreach (var (id, diagnostics) in byDocument)
                    {
                        foreach (var diagnostic in diagnostics.OrderByDescending(d => d.Location.SourceSpan.Start))
                        {
                            var document = solution.GetDocument(id);
                            if (document is null)
                            {
                                break;
                            }

                            var next = await TrySplitAsync(document, diagnostic, ct).ConfigureAwait(false);
                            if (next is not null)
                            {
                                solution = next;
                            }
                        }
                    }

                    return solution;
                },
                EquivalenceKey);
        }
    }
}
