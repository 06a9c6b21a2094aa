using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using LambdaAnalyzers.Infrastructure;
using LambdaAnalyzers.Lambda;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LAMBDA001: the "Lambda monolith" — invocation code that dispatches between two or more distinct API
/// routes (or operations of the handler's own payload) in one function. Discriminators are bound by
/// symbol to the Lambda event types (API Gateway v1/v2, ALB), so DTOs that merely have a member called
/// <c>HttpMethod</c> or <c>Path</c> never count. Routes are counted, not branches: OPTIONS arms, default
/// arms and negated guards add nothing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RouterFunctionAnalyzer : DiagnosticAnalyzer
{
    internal const string RuleId = "LAMBDA001";
    internal const string MinRoutesOption = "min_routes";
    internal const string OperationFieldsOption = "operation_fields";
    private static readonly RuleOption MinRoutes = new(RuleId, MinRoutesOption);
    private static readonly RuleOption OperationFields = new(RuleId, OperationFieldsOption);
    internal const string RoutesProperty = "Routes";
    internal const string KindProperty = "DispatchKind";

    internal static readonly ImmutableArray<string> DefaultOperationFields =
        ImmutableArray.Create("Action", "Operation", "OperationName", "Command", "CommandName", "Route", "Method");

    private static readonly HashSet<string> HttpVerbs = new(StringComparer.Ordinal)
    {
        "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LAMBDA001_RouterFunction);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start => Guard.Run(start, OnCompilationStart));
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var model = LambdaModel.GetOrCreate(context.Compilation, context.Options);
        if (!model.MayContainLambdaCode)
        {
            return;
        }

        var symbols = new RouteSymbols(context.Compilation, model);
        var options = context.Options;
        var hits = new WordHits((tree, _) =>
        {
            var extra = AnalyzerOptionsExtensions.SplitList(options.GetRuleOption(tree, OperationFields));
            return extra.Length == 0 ? DefaultWords : CreateWords(extra);
        }, context.Compilation.SyntaxTrees);
        context.RegisterSyntaxNodeAction(
            c => Guard.Run(c, n => AnalyzeFunction(n, model, symbols, hits)),
            SyntaxKind.MethodDeclaration,
            SyntaxKind.LocalFunctionStatement,
            SyntaxKind.ParenthesizedLambdaExpression,
            SyntaxKind.SimpleLambdaExpression,
            SyntaxKind.AnonymousMethodExpression);
    }

    // Lazy: static initializers run in declaration order, and the name lists are declared further down.
    private static readonly Lazy<WordSet> DefaultWordSet = new(() => CreateWords(Array.Empty<string>()));

    private static WordSet DefaultWords => DefaultWordSet.Value;

    private static WordSet CreateWords(string[] extraOperationFields)
        => new(
            DiscriminatorMemberNames.Concat(DefaultOperationFields).Concat(extraOperationFields),
            RouteHelperFragments,
            fragmentMinLength: 5);

    /// <summary>What <see cref="MayNameRouteHelper(string)"/> looks for in an identifier longer than five characters.</summary>
    private static readonly string[] RouteHelperFragments = { "Route", "Resolve" };

    private static void AnalyzeFunction(SyntaxNodeAnalysisContext context, LambdaModel model, RouteSymbols symbols, WordHits hits)
    {
        SyntaxNode? body = context.Node switch
        {
            BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
            LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
            AnonymousFunctionExpressionSyntax lambda => lambda.Body,
            _ => null,
        };

        if (body is null)
        {
            return;
        }

        // Text first (one scan per file, shared by its functions), then syntax: nothing is walked unless the body's
        // text names a discriminator member, and nothing is bound unless it also has a dispatch.
        var options = context.Options;
        var tree = context.Node.SyntaxTree;
        if (!hits.AnyWithin(tree, body.Span, context.CancellationToken))
        {
            return;
        }

        var extraFields = AnalyzerOptionsExtensions.SplitList(options.GetRuleOption(tree, OperationFields));
        if (!MayDispatch(body, extraFields))
        {
            return;
        }

        var ct = context.CancellationToken;
        if (!model.IsLambdaProject(ct) || model.IsAspNetCoreOnLambda(ct))
        {
            return;
        }

        var minRoutes = options.GetIntRuleOption(tree, MinRoutes, 2, min: 2, max: 1000);
        var operationFields = new HashSet<string>(DefaultOperationFields, StringComparer.Ordinal);
        operationFields.UnionWith(extraFields);

        var walker = new RouteWalker(context.SemanticModel, symbols, operationFields, ct);
        var result = walker.Analyze(body);
        if (result is null)
        {
            return;
        }

        var (anchor, routes) = result.Value;
        var distinct = Distinct(routes);
        if (distinct.Count < minRoutes)
        {
            return;
        }

        // Last, because it is the one whole-compilation question: does this function run during an invocation?
        var symbol = context.Node is AnonymousFunctionExpressionSyntax
            ? context.SemanticModel.GetSymbolInfo(context.Node, ct).Symbol
            : context.SemanticModel.GetDeclaredSymbol(context.Node, ct);
        if (symbol is not IMethodSymbol method || !model.IsInvocationCode(method, ct))
        {
            return;
        }

        var handler = FindHandler(model, method, ct);
        var additional = handler.Locations.Length > 0 && handler.Locations[0].IsInSource
            ? new[] { handler.Locations[0] }
            : Array.Empty<Location>();
        var allOperations = distinct.All(r => r.Operation is not null);
        var shown = string.Join(", ", distinct.Take(3).Select(r => r.Display));
        if (distinct.Count > 3)
        {
            shown += ", …";
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.LAMBDA001_RouterFunction,
            anchor,
            additional,
            ImmutableDictionary<string, string?>.Empty
                .Add(RoutesProperty, string.Join("\n", distinct.Select(r => r.Display)))
                .Add(KindProperty, allOperations ? "operation" : "route"),
            DisplayName(handler),
            distinct.Count,
            allOperations ? "operations" : "API routes",
            shown));
    }

    /// <summary>
    /// For the code fix: the route each section of a dispatching switch statement stands for (default when
    /// the section is a default arm or its route cannot be read), and whether the section dispatches again.
    /// </summary>
    internal static List<(SwitchSectionSyntax Section, Route Route, bool HasNestedDispatch, bool IsPureRoute)>? GetSectionRoutes(
        SemanticModel semanticModel, AnalyzerOptions options, SwitchStatementSyntax node, CancellationToken ct)
    {
        var model = LambdaModel.GetOrCreate(semanticModel.Compilation, options);
        var symbols = new RouteSymbols(semanticModel.Compilation, model);
        var operationFields = new HashSet<string>(DefaultOperationFields, StringComparer.Ordinal);
        foreach (var extra in AnalyzerOptionsExtensions.SplitList(options.GetRuleOption(node.SyntaxTree, OperationFields)))
        {
            operationFields.Add(extra);
        }

        return new RouteWalker(semanticModel, symbols, operationFields, ct).SectionRoutes(node);
    }

    /// <summary>
    /// For the code fix: the route each arm of a dispatching switch expression stands for, whether the arm
    /// dispatches again, and whether the arm is exactly its route (one pattern, no <c>or</c>/<c>not</c>, a when
    /// clause of route tests only).
    /// </summary>
    internal static List<(SwitchExpressionArmSyntax Arm, Route Route, bool HasNestedDispatch, bool IsPureRoute)>? GetArmRoutes(
        SemanticModel semanticModel, AnalyzerOptions options, SwitchExpressionSyntax node, CancellationToken ct)
        => CreateWalker(semanticModel, options, node.SyntaxTree, ct).ArmRoutes(node);

    /// <summary>
    /// For the code fix: the entries of a route table looked up with <paramref name="key"/>
    /// (<c>Routes[key]</c>, <c>Routes.TryGetValue(key, out var h)</c>): each entry's route and the value written for it.
    /// Null when <paramref name="table"/> is not a route table written in an initializer of this file.
    /// </summary>
    internal static List<(Route Route, ExpressionSyntax Value)>? GetTableRoutes(
        SemanticModel semanticModel, AnalyzerOptions options, ExpressionSyntax table, ExpressionSyntax key, CancellationToken ct)
        => CreateWalker(semanticModel, options, table.SyntaxTree, ct).TableEntries(table, key);

    /// <summary>For the code fix: true when a route comes from a method of the project (<c>GetRoute(request)</c>) — its call would be dropped.</summary>
    internal static bool UsesRouteHelper(SemanticModel semanticModel, ExpressionSyntax expression, CancellationToken ct)
    {
        foreach (var node in expression.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            if (semanticModel.GetSymbolInfo(node, ct).Symbol is IMethodSymbol { DeclaringSyntaxReferences.Length: > 0 })
            {
                return true;
            }
        }

        // A local initialised by a helper: var route = Router.Resolve(request);
        foreach (var identifier in expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            if (semanticModel.GetSymbolInfo(identifier, ct).Symbol is ILocalSymbol local)
            {
                foreach (var reference in local.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(ct) is VariableDeclaratorSyntax { Initializer.Value: { } value } && value.SyntaxTree == semanticModel.SyntaxTree
                        && UsesRouteHelper(semanticModel, value, ct))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static RouteWalker CreateWalker(SemanticModel semanticModel, AnalyzerOptions options, SyntaxTree tree, CancellationToken ct)
    {
        var model = LambdaModel.GetOrCreate(semanticModel.Compilation, options);
        var symbols = new RouteSymbols(semanticModel.Compilation, model);
        var operationFields = new HashSet<string>(DefaultOperationFields, StringComparer.Ordinal);
        foreach (var extra in AnalyzerOptionsExtensions.SplitList(options.GetRuleOption(tree, OperationFields)))
        {
            operationFields.Add(extra);
        }

        return new RouteWalker(semanticModel, symbols, operationFields, ct);
    }

    /// <summary>For the code fix: each link of an if / else-if chain with its route, and the final else.</summary>
    internal static (List<(StatementSyntax Branch, Route Route, bool IsPureRoute, bool Mentions, bool HasNestedDispatch)> Links, StatementSyntax? Else) GetIfChainRoutes(
        SemanticModel semanticModel, AnalyzerOptions options, IfStatementSyntax node, CancellationToken ct)
    {
        var model = LambdaModel.GetOrCreate(semanticModel.Compilation, options);
        var symbols = new RouteSymbols(semanticModel.Compilation, model);
        var operationFields = new HashSet<string>(DefaultOperationFields, StringComparer.Ordinal);
        foreach (var extra in AnalyzerOptionsExtensions.SplitList(options.GetRuleOption(node.SyntaxTree, OperationFields)))
        {
            operationFields.Add(extra);
        }

        var walker = new RouteWalker(semanticModel, symbols, operationFields, ct);
        var links = new List<(StatementSyntax, Route, bool, bool, bool)>();
        StatementSyntax? final = null;
        for (IfStatementSyntax? current = node; current is not null;)
        {
            var (fact, mentions, pure, nested) = walker.Link(current);
            links.Add((current.Statement, fact, pure, mentions, nested));
            if (current.Else?.Statement is IfStatementSyntax next)
            {
                current = next;
            }
            else
            {
                final = current.Else?.Statement;
                current = null;
            }
        }

        return (links, final);
    }

    /// <summary>Names of the discriminator members of the API Gateway and ALB request types (see <see cref="RouteSymbols"/>).</summary>
    internal static readonly HashSet<string> DiscriminatorMemberNames = new(StringComparer.Ordinal)
    {
        "Path", "Resource", "HttpMethod", "ResourcePath", "RouteKey", "RawPath", "Method",
    };

    /// <summary>
    /// The syntax-only pre-filter: the body has a dispatch construct (switch, if, a lookup) and mentions a
    /// discriminator member or an operation field by name. Every detection form reads one of those names in the
    /// function body itself (directly, through a local, or in a property pattern), so a body without them cannot
    /// be a router, and nothing in it is bound. Names inside nested lambdas count (route tables searched with
    /// <c>FirstOrDefault(r => r.Path == request.Path)</c>).
    /// </summary>
    internal static bool MayDispatch(SyntaxNode body, string[] extraOperationFields)
    {
        var dispatch = false;
        var named = false;
        foreach (var token in body.DescendantTokens())
        {
            switch (token.Kind())
            {
                case SyntaxKind.SwitchKeyword:
                case SyntaxKind.IfKeyword:
                case SyntaxKind.OpenBracketToken:
                case SyntaxKind.OpenParenToken:
                    dispatch = true;
                    break;
                case SyntaxKind.IdentifierToken when !named:
                    var text = token.ValueText;
                    named = (DiscriminatorMemberNames.Contains(text) && !IsHttpMethodConstant(token))
                            || DefaultOperationFields.Contains(text)
                            || (extraOperationFields.Length > 0 && Array.IndexOf(extraOperationFields, text) >= 0)
                            || MayNameRouteHelper(text);
                    break;
            }

            if (dispatch && named)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>HttpMethod.Post</c>: <c>System.Net.Http.HttpMethod</c>'s verb constants, an HTTP client's vocabulary. The name is
    /// the receiver of a verb, never read from a request there, so it alone does not make a body a router candidate.
    /// </summary>
    private static bool IsHttpMethodConstant(SyntaxToken token)
        => token.ValueText == "HttpMethod"
           && token.Parent is IdentifierNameSyntax { Parent: MemberAccessExpressionSyntax access } identifier
           && access.Expression == identifier
           && access.Name.Identifier.ValueText is "Get" or "Post" or "Put" or "Patch" or "Delete" or "Head" or "Options" or "Trace" or "Connect" or "Query";

    /// <summary>
    /// A helper that computes the route from the request reads the discriminator in its own body
    /// (<c>switch (GetRoute(request))</c>, <c>var route = Router.Resolve(request)</c>): the pre-filter lets bodies through
    /// that name something <c>Route…</c>/<c>…Router</c>/<c>Resolve…</c>, and the walker then binds the helper.
    /// </summary>
    private static bool MayNameRouteHelper(string text)
        => text.Length > 5 && (text.IndexOf(RouteHelperFragments[0], StringComparison.Ordinal) >= 0 || text.IndexOf(RouteHelperFragments[1], StringComparison.Ordinal) >= 0);


    private static IMethodSymbol FindHandler(LambdaModel model, IMethodSymbol method, CancellationToken ct)
    {
        var outer = method;
        while (outer.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction && outer.ContainingSymbol is IMethodSymbol containing)
        {
            if (model.IsHandler(outer, ct))
            {
                return outer;
            }

            outer = containing;
        }

        if (model.IsHandler(outer, ct))
        {
            return outer;
        }

        foreach (var handler in model.GetHandlers(ct))
        {
            if (SymbolEqualityComparer.Default.Equals(handler.Method.ContainingType, outer.ContainingType))
            {
                return handler.Method;
            }
        }

        return outer;
    }

    private static string DisplayName(IMethodSymbol method)
    {
        while (method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction && method.ContainingSymbol is IMethodSymbol outer)
        {
            method = outer;
        }

        if (method.Name == WellKnownMemberNames.TopLevelStatementsEntryPointMethodName)
        {
            return "top-level handler";
        }

        return method.ContainingType is { } type ? type.Name + "." + method.Name : method.Name;
    }

    private static List<Route> Distinct(List<Route> routes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Route>();
        foreach (var route in routes)
        {
            if (!route.Counts)
            {
                continue;
            }

            if (seen.Add(route.Key))
            {
                result.Add(route);
            }
        }

        return result;
    }

    /// <summary>What a discriminator expression carries.</summary>
    internal enum Kind
    {
        None,
        Method,
        Path,
        RouteKey,
        Operation,
        Tuple,

        /// <summary>The segments of a path (<c>Split('/')</c>): indexing one yields a path segment.</summary>
        PathSegments,
    }

    /// <summary>One route (or the partial facts an arm's condition establishes).</summary>
    internal readonly struct Route
    {
        public Route(string? method, string? path, string? operation)
        {
            Method = method;
            Path = path;
            Operation = operation;
        }

        public string? Method { get; }
        public string? Path { get; }
        public string? Operation { get; }

        public bool IsEmpty => Method is null && Path is null && Operation is null;

        /// <summary>The fact of a <c>PathParameters.ContainsKey("id")</c> test: the path is <c>…/{id}</c>, the rest of it unknown.</summary>
        public bool IsPresenceTest => Path is { } path && path.StartsWith(PresencePrefix, StringComparison.Ordinal);

        public const string PresencePrefix = "…/{";

        /// <summary>CORS preflight, HEAD (answered with GET), health checks and empty facts are not routes.</summary>
        public bool Counts => !IsEmpty && Method is not ("OPTIONS" or "HEAD") && !IsHealthCheck(Path);

        private static bool IsHealthCheck(string? path)
        {
            if (path is null)
            {
                return false;
            }

            var trimmed = path.TrimEnd('/', '*');
            var last = trimmed.Substring(trimmed.LastIndexOf('/') + 1).ToLowerInvariant();
            return last is "health" or "healthz" or "healthcheck" or "ping" or "ready" or "readyz" or "readiness" or "live" or "livez" or "liveness";
        }

        public string Key => (Method ?? string.Empty) + "\u0001" + (Path ?? string.Empty) + "\u0001" + (Operation ?? string.Empty);

        public string Display
        {
            get
            {
                if (Operation is not null)
                {
                    return Method is null && Path is null ? Operation : Join(Method, Path) + " " + Operation;
                }

                return Join(Method, Path);

                static string Join(string? method, string? path)
                    => method is not null && path is not null ? method + " " + path : method ?? path ?? string.Empty;
            }
        }

        /// <summary>Facts of an inner dispatch win; the outer arm fills what the inner one does not say.</summary>
        public Route MergeInto(Route outer) => new(Method ?? outer.Method, Path ?? outer.Path, Operation ?? outer.Operation);

        public Route And(Route other) => new(Method ?? other.Method, Path ?? other.Path, Operation ?? other.Operation);
    }

    /// <summary>The discriminator members of the Lambda event types, resolved once per compilation.</summary>
    private sealed class RouteSymbols
    {
        private readonly Dictionary<ISymbol, Kind> _members = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> _pathParameters = new(SymbolEqualityComparer.Default);
        private readonly LambdaModel _model;
        private readonly Lazy<HashSet<ITypeSymbol>> _payloadTypes;

        public RouteSymbols(Compilation compilation, LambdaModel model)
        {
            _model = model;
            var v1 = compilation.GetTypeByMetadataName("Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest");
            Add(v1, "Path", Kind.Path);
            Add(v1, "Resource", Kind.Path);
            Add(v1, "HttpMethod", Kind.Method);
            var v1Context = Nested(v1, "ProxyRequestContext");
            Add(v1Context, "HttpMethod", Kind.Method);
            Add(v1Context, "ResourcePath", Kind.Path);
            Add(v1Context, "Path", Kind.Path);

            var v2 = compilation.GetTypeByMetadataName("Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyRequest");
            Add(v2, "RouteKey", Kind.RouteKey);
            Add(v2, "RawPath", Kind.Path);
            Add(Nested(v2, "ProxyRequestContext"), "RouteKey", Kind.RouteKey);
            var http = Nested(v2, "HttpDescription");
            Add(http, "Method", Kind.Method);
            Add(http, "Path", Kind.Path);

            AddPathParameters(v1);
            AddPathParameters(v2);

            var alb = compilation.GetTypeByMetadataName("Amazon.Lambda.ApplicationLoadBalancerEvents.ApplicationLoadBalancerRequest");
            Add(alb, "Path", Kind.Path);
            Add(alb, "HttpMethod", Kind.Method);

            _payloadTypes = new Lazy<HashSet<ITypeSymbol>>(CollectPayloadTypes, LazyThreadSafetyMode.ExecutionAndPublication);
        }

        public Kind GetKind(ISymbol symbol) => _members.TryGetValue(symbol.OriginalDefinition, out var kind) ? kind : Kind.None;

        /// <summary><c>PathParameters</c> of the API Gateway requests: testing a key's presence chooses between <c>/orders</c> and <c>/orders/{id}</c>.</summary>
        public bool IsPathParameters(ISymbol symbol) => _pathParameters.Contains(symbol.OriginalDefinition);

        private void AddPathParameters(INamedTypeSymbol? type)
        {
            foreach (var member in type?.GetMembers("PathParameters") ?? ImmutableArray<ISymbol>.Empty)
            {
                if (member is IPropertySymbol or IFieldSymbol)
                {
                    _pathParameters.Add(member);
                }
            }
        }

        /// <summary>A member named like an operation field of a type a handler receives as its payload (declared in source).</summary>
        public bool IsPayloadType(ITypeSymbol type)
        {
            var set = _payloadTypes.Value;
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (set.Contains(current.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

        private HashSet<ITypeSymbol> CollectPayloadTypes()
        {
            var set = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
            foreach (var handler in _model.GetHandlers(CancellationToken.None))
            {
                foreach (var parameter in handler.Method.Parameters)
                {
                    var type = parameter.Type;
                    if (_model.Types.IsLambdaContext(type) || type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
                    {
                        continue;
                    }

                    // The payload itself, or the project's type inside an event envelope (CloudWatchEvent<OrderCommand>).
                    var roots = new List<ITypeSymbol> { type };
                    if (type is INamedTypeSymbol { IsGenericType: true } generic)
                    {
                        roots.AddRange(generic.TypeArguments);
                    }

                    foreach (var root in roots)
                    {
                        if (!IsSourceType(root) || !set.Add(root.OriginalDefinition))
                        {
                            continue;
                        }

                        // One level of nesting: payload.Detail.Action, where Detail is a type of the project.
                        foreach (var property in root.GetMembers().OfType<IPropertySymbol>())
                        {
                            if (property.DeclaredAccessibility == Accessibility.Public && !property.IsStatic && IsSourceType(property.Type))
                            {
                                set.Add(property.Type.OriginalDefinition);
                            }
                        }
                    }
                }
            }

            return set;
        }

        private static bool IsSourceType(ITypeSymbol type)
            => type.TypeKind is TypeKind.Class or TypeKind.Struct && type.Locations.Length > 0 && type.Locations[0].IsInSource;

        private static INamedTypeSymbol? Nested(INamedTypeSymbol? type, string name)
            => type?.GetTypeMembers(name).FirstOrDefault();

        private void Add(INamedTypeSymbol? type, string name, Kind kind)
        {
            if (type is null)
            {
                return;
            }

            foreach (var member in type.GetMembers(name))
            {
                if (member is IPropertySymbol or IFieldSymbol)
                {
                    _members[member] = kind;
                }
            }
        }
    }

    /// <summary>Finds the dispatches of one function body and the routes they distinguish.</summary>
    private sealed class RouteWalker
    {
        private readonly SemanticModel _semanticModel;
        private readonly RouteSymbols _symbols;
        private readonly HashSet<string> _operationFields;
        private readonly CancellationToken _ct;
        private readonly Dictionary<string, Kind> _aliases = new(StringComparer.Ordinal);
        private int _depth;

        public RouteWalker(SemanticModel semanticModel, RouteSymbols symbols, HashSet<string> operationFields, CancellationToken ct)
        {
            _semanticModel = semanticModel;
            _symbols = symbols;
            _operationFields = operationFields;
            _ct = ct;
        }

        /// <summary>The first dispatch of the body (the anchor) and every route of every top-level dispatch.</summary>
        public (Location Anchor, List<Route> Routes)? Analyze(SyntaxNode body)
        {
            var routes = new List<Route>();
            Location? anchor = null;
            foreach (var (dispatch, dispatchRoutes) in TopDispatches(body))
            {
                if (anchor is null && dispatchRoutes.Any(r => r.Counts))
                {
                    anchor = AnchorOf(dispatch);
                }

                routes.AddRange(dispatchRoutes);
            }

            return anchor is null ? null : (anchor, routes);
        }

        private static Location AnchorOf(SyntaxNode dispatch) => dispatch switch
        {
            SwitchStatementSyntax s => s.SwitchKeyword.GetLocation(),
            SwitchExpressionSyntax e => e.SwitchKeyword.GetLocation(),
            IfStatementSyntax i => i.IfKeyword.GetLocation(),
            _ => dispatch.GetLocation(),
        };

        /// <summary>Dispatch nodes on a discriminator, not nested in another one, not inside nested functions.</summary>
        private IEnumerable<(SyntaxNode Dispatch, List<Route> Routes)> TopDispatches(SyntaxNode root)
        {
            var stack = new Stack<SyntaxNode>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                _ct.ThrowIfCancellationRequested();
                var node = stack.Pop();
                if (node != root && node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
                {
                    continue;
                }

                var routes = node == root ? null : RoutesOfDispatch(node);
                if (routes is not null)
                {
                    yield return (node, routes);
                    continue;
                }

                // Children in reverse so that the stack yields them in source order.
                var children = node.ChildNodes().ToList();
                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push(children[i]);
                }
            }
        }

        /// <summary>Routes distinguished inside a statement list or arm body (nested dispatches only).</summary>
        private List<Route> RoutesInside(SyntaxNode? node)
        {
            var routes = new List<Route>();
            if (node is null || _depth > 8)
            {
                return routes;
            }

            _depth++;
            try
            {
                if (RoutesOfDispatch(node) is { } own)
                {
                    routes.AddRange(own);
                    return routes;
                }

                foreach (var (_, inner) in TopDispatches(node))
                {
                    routes.AddRange(inner);
                }
            }
            finally
            {
                _depth--;
            }

            return routes;
        }

        /// <summary>Null when <paramref name="node"/> is not a dispatch on a route discriminator.</summary>
        private List<Route>? RoutesOfDispatch(SyntaxNode node)
        {
            switch (node)
            {
                case SwitchStatementSyntax switchStatement:
                    return RoutesOfSwitch(switchStatement);
                case SwitchExpressionSyntax switchExpression:
                    return RoutesOfSwitchExpression(switchExpression);
                case IfStatementSyntax ifStatement:
                    return RoutesOfIfChain(ifStatement);
                case ElementAccessExpressionSyntax elementAccess:
                    return RoutesOfTableLookup(elementAccess.Expression, elementAccess.ArgumentList.Arguments);
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
                    when access.Name.Identifier.ValueText is "TryGetValue" or "GetValueOrDefault" or "ContainsKey":
                    return RoutesOfTableLookup(access.Expression, invocation.ArgumentList.Arguments);
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
                    when access.Name.Identifier.ValueText is "FirstOrDefault" or "First" or "SingleOrDefault" or "Single" or "Where" or "Any" or "Find" or "LastOrDefault"
                    && invocation.ArgumentList.Arguments.Count == 1:
                    return RoutesOfTableSearch(access.Expression, invocation.ArgumentList.Arguments[0].Expression);
                default:
                    return null;
            }
        }

        private List<Route>? RoutesOfSwitch(SwitchStatementSyntax node)
        {
            var governing = DiscriminatorOf(node.Expression);
            if (governing.Kind == Kind.None && !IsEventObject(node.Expression))
            {
                return null;
            }

            var routes = new List<Route>();
            foreach (var section in node.Sections)
            {
                Route? fact = null;
                foreach (var label in section.Labels)
                {
                    switch (label)
                    {
                        case CaseSwitchLabelSyntax caseLabel:
                            fact ??= FactOfValue(governing, caseLabel.Value);
                            break;
                        case CasePatternSwitchLabelSyntax patternLabel:
                            _aliases.Clear();
                            var patternFact = FactOfPattern(governing, patternLabel.Pattern);
                            if (patternLabel.WhenClause is { } when)
                            {
                                patternFact = patternFact.And(FactOfCondition(when.Condition));
                            }

                            fact ??= patternFact;
                            break;
                    }
                }

                AddArm(routes, fact ?? default, RoutesInsideStatements(section.Statements));
            }

            return routes;
        }

        public List<(SwitchSectionSyntax Section, Route Route, bool HasNestedDispatch, bool IsPureRoute)>? SectionRoutes(SwitchStatementSyntax node)
        {
            var governing = DiscriminatorOf(node.Expression);
            if (governing.Kind == Kind.None && !IsEventObject(node.Expression))
            {
                return null;
            }

            var result = new List<(SwitchSectionSyntax, Route, bool, bool)>();
            foreach (var section in node.Sections)
            {
                // One label, no "or" pattern, and a when clause made only of route tests: the arm is exactly its route.
                var pure = section.Labels.Count == 1
                           && !section.Labels[0].DescendantNodes().Any(n => n.IsKind(SyntaxKind.OrPattern) || n.IsKind(SyntaxKind.NotPattern));
                Route? fact = null;
                foreach (var label in section.Labels)
                {
                    switch (label)
                    {
                        case CaseSwitchLabelSyntax caseLabel:
                            fact ??= FactOfValue(governing, caseLabel.Value);
                            break;
                        case CasePatternSwitchLabelSyntax patternLabel:
                            _aliases.Clear();
                            var patternFact = FactOfPattern(governing, patternLabel.Pattern);
                            if (patternLabel.WhenClause is { } when)
                            {
                                patternFact = patternFact.And(FactOfCondition(when.Condition));
                                pure &= IsPureRouteCondition(when.Condition);
                            }

                            fact ??= patternFact;
                            break;
                    }
                }

                var nested = RoutesInsideStatements(section.Statements).Any(r => !r.IsEmpty && !r.IsPresenceTest);
                result.Add((section, fact ?? default, nested, pure));
            }

            return result;
        }

        public List<(SwitchExpressionArmSyntax Arm, Route Route, bool HasNestedDispatch, bool IsPureRoute)>? ArmRoutes(SwitchExpressionSyntax node)
        {
            var governing = DiscriminatorOf(node.GoverningExpression);
            if (governing.Kind == Kind.None && !IsEventObject(node.GoverningExpression))
            {
                return null;
            }

            var result = new List<(SwitchExpressionArmSyntax, Route, bool, bool)>();
            foreach (var arm in node.Arms)
            {
                _aliases.Clear();
                var pure = !arm.Pattern.DescendantNodesAndSelf().Any(n => n.IsKind(SyntaxKind.OrPattern) || n.IsKind(SyntaxKind.NotPattern));
                var fact = FactOfPattern(governing, arm.Pattern);
                if (arm.WhenClause is { } when)
                {
                    fact = fact.And(FactOfCondition(when.Condition));
                    pure &= IsPureRouteCondition(when.Condition);
                }

                var nested = RoutesInside(arm.Expression).Any(r => !r.IsEmpty && !r.IsPresenceTest);
                result.Add((arm, fact, nested, pure));
            }

            return result;
        }

        /// <summary>The entries of a route table looked up with <paramref name="key"/>, with the value of each.</summary>
        public List<(Route Route, ExpressionSyntax Value)>? TableEntries(ExpressionSyntax table, ExpressionSyntax key)
        {
            var entries = TableLookupEntries(table, key);
            if (entries is null || entries.Any(e => e.Value is null))
            {
                return null;
            }

            return entries.Select(e => (e.Route, e.Value!)).ToList();
        }

        public (Route Fact, bool Mentions, bool Pure, bool Nested) Link(IfStatementSyntax link)
        {
            _aliases.Clear();
            var fact = FactOfCondition(link.Condition, out var mentions);
            var pure = mentions && IsPureRouteCondition(link.Condition);
            var nested = RoutesInside(link.Statement).Any(r => !r.IsEmpty && !r.IsPresenceTest);
            return (fact, mentions, pure, nested);
        }

        /// <summary>A conjunction of positive route tests only (nothing a split would silently drop).</summary>
        public bool IsPureRouteCondition(ExpressionSyntax condition)
        {
            condition = Skip(condition);
            if (condition is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.LogicalAndExpression))
            {
                return IsPureRouteCondition(binary.Left) && IsPureRouteCondition(binary.Right);
            }

            if (condition is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalOrExpression } or PrefixUnaryExpressionSyntax)
            {
                return false;
            }

            return !FactOfCondition(condition).IsEmpty;
        }

        private List<Route> RoutesInsideStatements(SyntaxList<StatementSyntax> statements)
        {
            var routes = new List<Route>();
            foreach (var statement in statements)
            {
                routes.AddRange(RoutesInside(statement));
            }

            return routes;
        }

        private List<Route>? RoutesOfSwitchExpression(SwitchExpressionSyntax node)
        {
            var governing = DiscriminatorOf(node.GoverningExpression);
            if (governing.Kind == Kind.None && !IsEventObject(node.GoverningExpression))
            {
                return null;
            }

            var routes = new List<Route>();
            foreach (var arm in node.Arms)
            {
                _aliases.Clear();
                var fact = FactOfPattern(governing, arm.Pattern);
                if (arm.WhenClause is { } when)
                {
                    fact = fact.And(FactOfCondition(when.Condition));
                }

                AddArm(routes, fact, RoutesInside(arm.Expression));
            }

            return routes;
        }

        private List<Route>? RoutesOfIfChain(IfStatementSyntax node)
        {
            var any = false;
            var routes = new List<Route>();
            for (IfStatementSyntax? current = node; current is not null;)
            {
                var fact = FactOfCondition(current.Condition, out var mentions);
                any |= mentions;

                // A lone if that neither exits nor has an else does extra work for a request, it does not choose between routes.
                if (current == node && current.Else is null && !Exits(current.Statement))
                {
                    fact = default;
                }

                AddArm(routes, fact, RoutesInside(current.Statement));
                var next = current.Else?.Statement;
                if (next is IfStatementSyntax nextIf)
                {
                    current = nextIf;
                }
                else
                {
                    if (next is not null)
                    {
                        AddArm(routes, default, RoutesInside(next));
                    }

                    current = null;
                }
            }

            return any ? routes : null;
        }

        private static bool Exits(StatementSyntax statement)
        {
            while (statement is BlockSyntax block)
            {
                if (block.Statements.Count == 0)
                {
                    return false;
                }

                statement = block.Statements[block.Statements.Count - 1];
            }

            return statement is ReturnStatementSyntax or ThrowStatementSyntax
                   || statement is ExpressionStatementSyntax { Expression: ThrowExpressionSyntax };
        }

        private static void AddArm(List<Route> routes, Route fact, List<Route> inner)
        {
            var innerCounts = inner.Where(r => !r.IsEmpty).ToList();
            if (innerCounts.Count > 0)
            {
                foreach (var route in innerCounts)
                {
                    routes.Add(route.MergeInto(fact));
                }

                // case "GET": if (PathParameters.ContainsKey("id")) return One(); return List(); — the arm is also the route without the parameter.
                if (innerCounts.All(r => r.IsPresenceTest) && !fact.IsEmpty)
                {
                    routes.Add(fact);
                }
            }
            else if (!fact.IsEmpty)
            {
                routes.Add(fact);
            }
        }

        /// <summary>Route tables: <c>Routes[request.Path]</c>, <c>routes.TryGetValue($"{method} {path}", out var h)</c>.</summary>
        private List<Route>? RoutesOfTableLookup(ExpressionSyntax table, SeparatedSyntaxList<ArgumentSyntax> arguments)
            => arguments.Count == 0 ? null : TableLookupEntries(table, arguments[0].Expression)?.Select(e => e.Route).ToList();

        private List<(Route Route, ExpressionSyntax? Value)>? TableLookupEntries(ExpressionSyntax table, ExpressionSyntax keyArgument)
        {
            var key = DiscriminatorOf(keyArgument);
            if (key.Kind == Kind.None)
            {
                return null;
            }

            var symbol = _semanticModel.GetSymbolInfo(table, _ct).Symbol;
            if (symbol is not (IFieldSymbol or IPropertySymbol or ILocalSymbol))
            {
                return null;
            }

            var routes = new List<(Route Route, ExpressionSyntax? Value)>();
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(_ct);
                var initializer = declaration switch
                {
                    VariableDeclaratorSyntax v => v.Initializer?.Value,
                    PropertyDeclarationSyntax p => p.Initializer?.Value ?? p.ExpressionBody?.Expression,
                    _ => null,
                };

                if (initializer is null || reference.SyntaxTree != _semanticModel.SyntaxTree && !_semanticModel.Compilation.ContainsSyntaxTree(reference.SyntaxTree))
                {
                    continue;
                }

                var entries = initializer switch
                {
                    BaseObjectCreationExpressionSyntax creation => creation.Initializer?.Expressions,
                    _ => null,
                };

                if (entries is null)
                {
                    continue;
                }

                foreach (var entry in entries.Value)
                {
                    var (keyExpression, valueExpression) = entry switch
                    {
                        InitializerExpressionSyntax complex when complex.Expressions.Count >= 1
                            => (complex.Expressions[0], complex.Expressions.Count == 2 ? complex.Expressions[1] : null),
                        AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax access } assignment when access.ArgumentList.Arguments.Count == 1
                            => (access.ArgumentList.Arguments[0].Expression, assignment.Right),
                        _ => ((ExpressionSyntax?)null, (ExpressionSyntax?)null),
                    };

                    if (keyExpression is not null)
                    {
                        routes.Add((FactOfValue(key, keyExpression), valueExpression));
                    }
                }
            }

            return routes.Count > 0 ? routes : null;
        }

        /// <summary>
        /// Route tables searched with a predicate: <c>Routes.FirstOrDefault(r =&gt; r.Method == request.HttpMethod &amp;&amp; r.Path == request.Path)</c>
        /// over an array or list of records written in the initializer. Entries are read through the members
        /// the predicate compares (object initializers or constructor parameters of the same name).
        /// </summary>
        private List<Route>? RoutesOfTableSearch(ExpressionSyntax table, ExpressionSyntax predicate)
        {
            if (predicate is not SimpleLambdaExpressionSyntax { Body: ExpressionSyntax body } lambda)
            {
                return null;
            }

            // Which element member is compared with which discriminator.
            var members = new Dictionary<string, Kind>(StringComparer.OrdinalIgnoreCase);
            var element = lambda.Parameter.Identifier.ValueText;
            CollectComparedMembers(body, element, members);
            if (members.Count == 0)
            {
                return null;
            }

            var entries = TableEntries(table);
            if (entries is null)
            {
                return null;
            }

            var routes = new List<Route>();
            foreach (var entry in entries)
            {
                var fact = default(Route);
                foreach (var (name, value) in EntryMembers(entry))
                {
                    if (members.TryGetValue(name, out var kind) && value is not null)
                    {
                        fact = fact.And(FactOfValue(new Discriminator(kind), value));
                    }
                }

                routes.Add(fact);
            }

            return routes.Any(r => !r.IsEmpty) ? routes : null;
        }

        private void CollectComparedMembers(ExpressionSyntax condition, string element, Dictionary<string, Kind> members)
        {
            condition = Skip(condition);
            switch (condition)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression):
                    CollectComparedMembers(binary.Left, element, members);
                    CollectComparedMembers(binary.Right, element, members);
                    break;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression):
                    AddCompared(binary.Left, binary.Right, element, members);
                    AddCompared(binary.Right, binary.Left, element, members);
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Equals" } access } invocation:
                    var arguments = invocation.ArgumentList.Arguments;
                    if (arguments.Count >= 1)
                    {
                        if (access.Expression is MemberAccessExpressionSyntax)
                        {
                            AddCompared(access.Expression, arguments[0].Expression, element, members);
                            AddCompared(arguments[0].Expression, access.Expression, element, members);
                        }
                        else if (arguments.Count >= 2)
                        {
                            AddCompared(arguments[0].Expression, arguments[1].Expression, element, members);
                            AddCompared(arguments[1].Expression, arguments[0].Expression, element, members);
                        }
                    }

                    break;
            }
        }

        private void AddCompared(ExpressionSyntax memberSide, ExpressionSyntax discriminatorSide, string element, Dictionary<string, Kind> members)
        {
            if (Skip(memberSide) is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver, Name: var name } && receiver.Identifier.ValueText == element)
            {
                var kind = DiscriminatorOf(discriminatorSide).Kind;
                if (kind is Kind.Method or Kind.Path or Kind.RouteKey or Kind.Operation)
                {
                    members[name.Identifier.ValueText] = kind;
                }
            }
        }

        /// <summary>The element expressions of an array or list written in a field, property or local initializer.</summary>
        private List<ExpressionSyntax>? TableEntries(ExpressionSyntax table)
        {
            var symbol = _semanticModel.GetSymbolInfo(table, _ct).Symbol;
            if (symbol is not (IFieldSymbol or IPropertySymbol or ILocalSymbol))
            {
                return null;
            }

            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                var declaration = reference.GetSyntax(_ct);
                var initializer = declaration switch
                {
                    VariableDeclaratorSyntax v => v.Initializer?.Value,
                    PropertyDeclarationSyntax p => p.Initializer?.Value ?? p.ExpressionBody?.Expression,
                    _ => null,
                };

                var list = initializer switch
                {
                    InitializerExpressionSyntax direct => direct.Expressions.ToList(),
                    ArrayCreationExpressionSyntax array => array.Initializer?.Expressions.ToList(),
                    ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions.ToList(),
                    BaseObjectCreationExpressionSyntax creation => creation.Initializer?.Expressions.ToList(),
                    CollectionExpressionSyntax collection => collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
                    _ => null,
                };

                if (list is { Count: > 0 })
                {
                    return list;
                }
            }

            return null;
        }

        /// <summary>(member name, value) pairs of a table entry: <c>new Route("GET", "/a", …)</c> or <c>new Route { Method = "GET" }</c>.</summary>
        private IEnumerable<(string Name, ExpressionSyntax? Value)> EntryMembers(ExpressionSyntax entry)
        {
            if (Skip(entry) is not BaseObjectCreationExpressionSyntax creation)
            {
                yield break;
            }

            if (creation.ArgumentList is { Arguments.Count: > 0 } arguments
                && creation.SyntaxTree == _semanticModel.SyntaxTree
                && _semanticModel.GetSymbolInfo(creation, _ct).Symbol is IMethodSymbol constructor)
            {
                for (var i = 0; i < arguments.Arguments.Count; i++)
                {
                    var argument = arguments.Arguments[i];
                    var name = argument.NameColon?.Name.Identifier.ValueText
                               ?? (i < constructor.Parameters.Length ? constructor.Parameters[i].Name : null);
                    if (name is not null)
                    {
                        yield return (name, argument.Expression);
                    }
                }
            }

            if (creation.Initializer is { } initializer)
            {
                foreach (var expression in initializer.Expressions)
                {
                    if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } assignment)
                    {
                        yield return (left.Identifier.ValueText, assignment.Right);
                    }
                }
            }
        }

        /// <summary>The kind of route information an expression carries, following locals and string operations.</summary>
        private Discriminator DiscriminatorOf(ExpressionSyntax expression, int depth = 0)
        {
            if (depth > 4)
            {
                return default;
            }

            expression = Skip(expression);
            switch (expression)
            {
                case TupleExpressionSyntax tuple:
                    var elements = tuple.Arguments.Select(a => DiscriminatorOf(a.Expression, depth + 1).Kind).ToImmutableArray();
                    return elements.Any(k => k != Kind.None) ? new Discriminator(Kind.Tuple, elements) : default;

                case InterpolatedStringExpressionSyntax interpolated:
                    return Combine(interpolated.Contents.OfType<InterpolationSyntax>().Select(i => DiscriminatorOf(i.Expression, depth + 1).Kind));

                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    return Combine(Flatten(binary).Select(e => DiscriminatorOf(e, depth + 1).Kind));

                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression):
                    return DiscriminatorOf(binary.Left, depth + 1);

                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation:
                    switch (access.Name.Identifier.ValueText)
                    {
                        case "ToUpper":
                        case "ToUpperInvariant":
                        case "ToLower":
                        case "ToLowerInvariant":
                        case "Trim":
                        case "TrimEnd":
                        case "TrimStart":
                        case "ToString":
                            return DiscriminatorOf(access.Expression, depth + 1);
                        case "Split":
                            return DiscriminatorOf(access.Expression, depth + 1).Kind == Kind.Path ? new Discriminator(Kind.PathSegments) : default;
                        case "Skip" or "Take" or "Where" or "ToArray" or "ToList":
                            return DiscriminatorOf(access.Expression, depth + 1).Kind == Kind.PathSegments ? new Discriminator(Kind.PathSegments) : default;
                        case "First" or "FirstOrDefault" or "Last" or "LastOrDefault" or "ElementAt" or "ElementAtOrDefault" when invocation.ArgumentList.Arguments.Count <= 1:
                            return DiscriminatorOf(access.Expression, depth + 1).Kind == Kind.PathSegments ? new Discriminator(Kind.Path) : default;
                    }

                    return DiscriminatorOfHelper(invocation, depth);

                case InvocationExpressionSyntax { Expression: IdentifierNameSyntax or GenericNameSyntax } helperCall:
                    return DiscriminatorOfHelper(helperCall, depth);

                case ElementAccessExpressionSyntax element:
                    // segments[1] where segments = request.Path.Split('/')
                    return DiscriminatorOf(element.Expression, depth + 1).Kind == Kind.PathSegments ? new Discriminator(Kind.Path) : default;

                case IdentifierNameSyntax identifier when _aliases.TryGetValue(identifier.Identifier.ValueText, out var aliased):
                    return new Discriminator(aliased);
            }

            if (expression is not (MemberAccessExpressionSyntax or MemberBindingExpressionSyntax or IdentifierNameSyntax))
            {
                return default;
            }

            var symbol = _semanticModel.GetSymbolInfo(expression, _ct).Symbol;
            switch (symbol)
            {
                case IPropertySymbol or IFieldSymbol:
                    var kind = _symbols.GetKind(symbol);
                    if (kind != Kind.None)
                    {
                        return new Discriminator(kind);
                    }

                    if (_operationFields.Contains(symbol.Name) && symbol.ContainingType is { } container && _symbols.IsPayloadType(container))
                    {
                        return new Discriminator(symbol.Name == "Method" ? Kind.Method : Kind.Operation);
                    }

                    return default;

                case ILocalSymbol local:
                    foreach (var reference in local.DeclaringSyntaxReferences)
                    {
                        var declaring = reference.GetSyntax(_ct);
                        if (declaring is VariableDeclaratorSyntax { Initializer.Value: { } value } && reference.SyntaxTree == _semanticModel.SyntaxTree)
                        {
                            return DiscriminatorOf(value, depth + 1);
                        }

                        // var (method, path) = (request.HttpMethod, request.Path);
                        if (declaring is SingleVariableDesignationSyntax { Parent: ParenthesizedVariableDesignationSyntax list } designation
                            && list.Parent is DeclarationExpressionSyntax { Parent: AssignmentExpressionSyntax { Right: var right } }
                            && Skip(right) is TupleExpressionSyntax tupleValue
                            && list.Variables.IndexOf(designation) is var index and >= 0
                            && index < tupleValue.Arguments.Count)
                        {
                            return DiscriminatorOf(tupleValue.Arguments[index].Expression, depth + 1);
                        }
                    }

                    return default;

                default:
                    return default;
            }
        }

        private static Discriminator Combine(IEnumerable<Kind> kinds)
        {
            var method = false;
            var path = false;
            foreach (var kind in kinds)
            {
                method |= kind == Kind.Method;
                path |= kind is Kind.Path or Kind.RouteKey;
                if (kind == Kind.RouteKey)
                {
                    return new Discriminator(Kind.RouteKey);
                }
            }

            return method && path ? new Discriminator(Kind.RouteKey) : path ? new Discriminator(Kind.Path) : method ? new Discriminator(Kind.Method) : default;
        }

        private static IEnumerable<ExpressionSyntax> Flatten(BinaryExpressionSyntax binary)
        {
            foreach (var side in new[] { binary.Left, binary.Right })
            {
                if (Skip(side) is BinaryExpressionSyntax inner && inner.IsKind(SyntaxKind.AddExpression))
                {
                    foreach (var e in Flatten(inner))
                    {
                        yield return e;
                    }
                }
                else
                {
                    yield return side;
                }
            }
        }

        private static ExpressionSyntax Skip(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression)
                {
                    case ParenthesizedExpressionSyntax p:
                        expression = p.Expression;
                        break;
                    case CastExpressionSyntax c:
                        expression = c.Expression;
                        break;
                    case PostfixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        expression = u.Operand;
                        break;
                    case ConditionalAccessExpressionSyntax conditional:
                        expression = conditional.WhenNotNull;
                        break;
                    default:
                        return expression;
                }
            }
        }

        /// <summary>The route fact of comparing a discriminator of <paramref name="governing"/> kind with a value.</summary>
        private Route FactOfValue(Discriminator governing, ExpressionSyntax value)
        {
            value = Skip(value);
            if (governing.Kind == Kind.Tuple)
            {
                if (value is not TupleExpressionSyntax tuple || tuple.Arguments.Count != governing.Elements.Length)
                {
                    return default;
                }

                var fact = default(Route);
                for (var i = 0; i < tuple.Arguments.Count; i++)
                {
                    fact = fact.And(FactOfValue(new Discriminator(governing.Elements[i]), tuple.Arguments[i].Expression));
                }

                return fact;
            }

            return ValueText(value) is { } text ? Fact(governing.Kind, text) : default;
        }

        private string? ValueText(ExpressionSyntax value)
        {
            value = Skip(value);
            if (value is LiteralExpressionSyntax literal)
            {
                return literal.Token.Value as string;
            }

            // Table entries may be declared in another file of a partial class: no semantic model for it here.
            if (value.SyntaxTree != _semanticModel.SyntaxTree)
            {
                return null;
            }

            var constant = _semanticModel.GetConstantValue(value, _ct);
            if (constant.HasValue && constant.Value is string text)
            {
                return text;
            }

            // System.Net.Http.HttpMethod.Get.Method, HttpMethod.Get.ToString()
            if (value is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Method" } methodAccess)
            {
                value = methodAccess.Expression;
            }
            else if (value is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToString" } toString, ArgumentList.Arguments.Count: 0 })
            {
                value = toString.Expression;
            }

            // Enum members and static readonly fields or properties (HttpMethods.Get, HttpMethod.Get) name their value.
            return _semanticModel.GetSymbolInfo(value, _ct).Symbol switch
            {
                IFieldSymbol { IsStatic: true } field => field.Name,
                IPropertySymbol { IsStatic: true } property when property.Type.Name == "HttpMethod" => property.Name,
                _ => null,
            };
        }

        private static Route Fact(Kind kind, string text)
        {
            text = text.Trim();
            if (text.Length == 0 || text is "_" or "$default" || kind is Kind.None or Kind.Tuple or Kind.PathSegments)
            {
                return default;
            }

            switch (kind)
            {
                case Kind.Method:
                    var verb = text.ToUpperInvariant();
                    return HttpVerbs.Contains(verb) ? new Route(verb, null, null) : default;
                case Kind.Path:
                    return new Route(null, text, null);
                case Kind.RouteKey:
                    var space = text.IndexOf(' ');
                    if (space > 0)
                    {
                        var method = text.Substring(0, space).ToUpperInvariant();
                        var path = text.Substring(space + 1).Trim();
                        return HttpVerbs.Contains(method) ? new Route(method, path.Length == 0 ? null : path, null) : new Route(null, text, null);
                    }

                    return new Route(null, text, null);
                default:
                    return new Route(null, null, text);
            }
        }

        private Route FactOfPattern(Discriminator governing, PatternSyntax pattern)
        {
            switch (pattern)
            {
                case ConstantPatternSyntax constant:
                    return FactOfValue(governing, constant.Expression);
                case ParenthesizedPatternSyntax parenthesized:
                    return FactOfPattern(governing, parenthesized.Pattern);
                case BinaryPatternSyntax binary when binary.IsKind(SyntaxKind.OrPattern):
                    return FactOfPattern(governing, binary.Left);
                case BinaryPatternSyntax binary when binary.IsKind(SyntaxKind.AndPattern):
                    return FactOfPattern(governing, binary.Left).And(FactOfPattern(governing, binary.Right));
                case VarPatternSyntax { Designation: SingleVariableDesignationSyntax single }:
                    _aliases[single.Identifier.ValueText] = governing.Kind;
                    return default;
                case DeclarationPatternSyntax { Designation: SingleVariableDesignationSyntax single }:
                    _aliases[single.Identifier.ValueText] = governing.Kind;
                    return default;
                case VarPatternSyntax { Designation: ParenthesizedVariableDesignationSyntax list } when governing.Kind == Kind.Tuple:
                    for (var i = 0; i < list.Variables.Count && i < governing.Elements.Length; i++)
                    {
                        if (list.Variables[i] is SingleVariableDesignationSyntax element)
                        {
                            _aliases[element.Identifier.ValueText] = governing.Elements[i];
                        }
                    }

                    return default;
                case RecursivePatternSyntax recursive:
                    return FactOfRecursivePattern(governing, recursive);
                default:
                    return default;
            }
        }

        private Route FactOfRecursivePattern(Discriminator governing, RecursivePatternSyntax recursive)
        {
            var fact = default(Route);
            if (recursive.PositionalPatternClause is { } positional && governing.Kind == Kind.Tuple)
            {
                for (var i = 0; i < positional.Subpatterns.Count && i < governing.Elements.Length; i++)
                {
                    fact = fact.And(FactOfPattern(new Discriminator(governing.Elements[i]), positional.Subpatterns[i].Pattern));
                }
            }

            if (recursive.PropertyPatternClause is { } properties)
            {
                foreach (var sub in properties.Subpatterns)
                {
                    ExpressionSyntax? name = sub.ExpressionColon?.Expression ?? sub.NameColon?.Name;
                    if (name is null)
                    {
                        continue;
                    }

                    var symbol = _semanticModel.GetSymbolInfo(name, _ct).Symbol;
                    if (symbol is null)
                    {
                        continue;
                    }

                    var kind = _symbols.GetKind(symbol);
                    if (kind == Kind.None && _operationFields.Contains(symbol.Name) && symbol.ContainingType is { } container && _symbols.IsPayloadType(container))
                    {
                        kind = symbol.Name == "Method" ? Kind.Method : Kind.Operation;
                    }

                    // Nested property patterns (RequestContext: { Http: { Method: "GET" } }) resolve their own members.
                    fact = fact.And(FactOfPattern(new Discriminator(kind), sub.Pattern));
                }
            }

            if (recursive.Designation is SingleVariableDesignationSyntax single && governing.Kind != Kind.None)
            {
                _aliases[single.Identifier.ValueText] = governing.Kind;
            }

            return fact;
        }

        private Route FactOfCondition(ExpressionSyntax condition) => FactOfCondition(condition, out _);

        /// <summary>
        /// Positive facts of a condition: <c>==</c>, <c>is</c>, <c>Equals</c>, <c>StartsWith</c>/<c>EndsWith</c>/<c>Contains</c>,
        /// <c>Regex.IsMatch</c>; combined over <c>&amp;&amp;</c>. Negations (guards such as "method not allowed")
        /// add no fact but still mark the condition as testing a discriminator.
        /// </summary>
        private Route FactOfCondition(ExpressionSyntax condition, out bool mentions)
        {
            mentions = false;
            condition = Skip(condition);
            switch (condition)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression):
                    var left = FactOfCondition(binary.Left, out var leftMentions);
                    var right = FactOfCondition(binary.Right, out var rightMentions);
                    mentions = leftMentions || rightMentions;
                    return left.And(right);

                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalOrExpression):
                    var first = FactOfCondition(binary.Left, out var firstMentions);
                    FactOfCondition(binary.Right, out var secondMentions);
                    mentions = firstMentions || secondMentions;
                    return first;

                // request.PathParameters?.ContainsKey("id") == true
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression)
                    && (binary.Right.IsKind(SyntaxKind.TrueLiteralExpression) || binary.Left.IsKind(SyntaxKind.TrueLiteralExpression)):
                    return FactOfCondition(binary.Right.IsKind(SyntaxKind.TrueLiteralExpression) ? binary.Left : binary.Right, out mentions);

                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                    var leftKind = DiscriminatorOf(binary.Left);
                    var (discriminator, value) = leftKind.Kind != Kind.None ? (leftKind, binary.Right) : (DiscriminatorOf(binary.Right), binary.Left);
                    if (discriminator.Kind == Kind.None)
                    {
                        return default;
                    }

                    mentions = true;
                    return binary.IsKind(SyntaxKind.EqualsExpression) ? FactOfValue(discriminator, value) : default;

                case IsPatternExpressionSyntax isPattern:
                    var tested = DiscriminatorOf(isPattern.Expression);
                    if (tested.Kind == Kind.None && !IsEventObject(isPattern.Expression))
                    {
                        return default;
                    }

                    var patternFact = FactOfPattern(tested, isPattern.Pattern);
                    mentions = tested.Kind != Kind.None || !patternFact.IsEmpty;
                    return isPattern.Pattern is UnaryPatternSyntax ? default : patternFact;

                case PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression):
                    FactOfCondition(not.Operand, out mentions);
                    return default;

                case InvocationExpressionSyntax invocation:
                    return FactOfInvocation(invocation, out mentions);

                default:
                    return default;
            }
        }

        /// <summary>The receiver of <c>a.M()</c> or <c>a?.M()</c>.</summary>
        private static ExpressionSyntax? ReceiverOf(InvocationExpressionSyntax invocation) => invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => Skip(access.Expression),
            MemberBindingExpressionSyntax => invocation.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == invocation
                ? Skip(conditional.Expression)
                : null,
            _ => null,
        };

        /// <summary>
        /// The discriminator a method of the project returns (<c>GetRoute(request)</c>, <c>Router.Resolve(request)</c>): every
        /// return value is the same kind of discriminator, or a constant (a fallback such as <c>"unknown"</c>), and at least one
        /// is a discriminator. Only plain methods with a body in source; bound with the helper's own file.
        /// </summary>
        private Discriminator DiscriminatorOfHelper(InvocationExpressionSyntax invocation, int depth)
        {
            if (_semanticModel.GetSymbolInfo(invocation, _ct).Symbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction, IsAbstract: false, IsExtern: false, ReturnsVoid: false } method
                || method.DeclaringSyntaxReferences.Length != 1
                || method.ReturnType.SpecialType != SpecialType.System_String && !method.ReturnType.IsTupleType && method.ReturnType.TypeKind != TypeKind.Enum)
            {
                return default;
            }

            var declaration = method.DeclaringSyntaxReferences[0].GetSyntax(_ct);
            SyntaxNode? body = declaration switch
            {
                MethodDeclarationSyntax m => (SyntaxNode?)m.Body ?? m.ExpressionBody?.Expression,
                LocalFunctionStatementSyntax l => (SyntaxNode?)l.Body ?? l.ExpressionBody?.Expression,
                _ => null,
            };

            if (body is null || !_semanticModel.Compilation.ContainsSyntaxTree(body.SyntaxTree))
            {
                return default;
            }

            var returned = body is ExpressionSyntax single
                ? new List<ExpressionSyntax> { single }
                : body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
                    .OfType<ReturnStatementSyntax>().Select(r => r.Expression).ToList()!;
            if (returned.Count == 0 || returned.Any(e => e is null))
            {
                return default;
            }

            RouteWalker walker = this;
            if (body.SyntaxTree != _semanticModel.SyntaxTree)
            {
#pragma warning disable RS1030 // The helper may be declared in another file; bound only for a call whose result is dispatched on.
                walker = new RouteWalker(_semanticModel.Compilation.GetSemanticModel(body.SyntaxTree), _symbols, _operationFields, _ct);
#pragma warning restore RS1030
            }

            Discriminator? found = null;
            foreach (var expression in returned)
            {
                var kind = walker.DiscriminatorOf(expression, depth + 1);
                if (kind.Kind == Kind.None)
                {
                    if (Skip(expression) is LiteralExpressionSyntax || walker._semanticModel.GetConstantValue(expression, _ct).HasValue)
                    {
                        continue;
                    }

                    return default;
                }

                if (found is { } previous && (previous.Kind != kind.Kind || !previous.Elements.SequenceEqual(kind.Elements)))
                {
                    return default;
                }

                found = kind;
            }

            return found ?? default;
        }

        private bool IsEventObject(ExpressionSyntax expression)
            => _semanticModel.GetTypeInfo(expression, _ct).Type is INamedTypeSymbol type
               && type.GetMembers().Any(m => _symbols.GetKind(m) != Kind.None || (_operationFields.Contains(m.Name) && _symbols.IsPayloadType(type)));

        private Route FactOfInvocation(InvocationExpressionSyntax invocation, out bool mentions)
        {
            mentions = false;
            var arguments = invocation.ArgumentList.Arguments;
            var name = SyntaxHelpers.GetInvokedName(invocation);
            ExpressionSyntax? subject = null;
            ExpressionSyntax? value = null;
            switch (name)
            {
                case "ContainsKey" or "TryGetValue" when arguments.Count >= 1 && ReceiverOf(invocation) is { } receiver
                    && _semanticModel.GetSymbolInfo(receiver, _ct).Symbol is { } dictionary && _symbols.IsPathParameters(dictionary):
                    // Choosing between /orders and /orders/{id} by the presence of a path parameter.
                    mentions = true;
                    return ValueText(arguments[0].Expression) is { Length: > 0 } parameter && parameter.All(c => char.IsLetterOrDigit(c) || c == '_')
                        ? new Route(null, Route.PresencePrefix + parameter + "}", null)
                        : default;
                case "Equals" or "StartsWith" or "EndsWith" or "Contains" when invocation.Expression is MemberAccessExpressionSyntax access:
                    if (arguments.Count >= 1 && DiscriminatorOf(access.Expression).Kind != Kind.None)
                    {
                        subject = access.Expression;
                        value = arguments[0].Expression;
                    }
                    else if (name == "Equals" && arguments.Count >= 2)
                    {
                        // string.Equals(a, b[, comparison])
                        (subject, value) = DiscriminatorOf(arguments[0].Expression).Kind != Kind.None
                            ? (arguments[0].Expression, arguments[1].Expression)
                            : (arguments[1].Expression, arguments[0].Expression);
                    }

                    break;
                case "IsMatch" when arguments.Count >= 2:
                    subject = arguments[0].Expression;
                    value = arguments[1].Expression;
                    break;
                case "IsMatch" when arguments.Count == 1 && invocation.Expression is MemberAccessExpressionSyntax regex:
                    subject = arguments[0].Expression;
                    var discriminatorKind = DiscriminatorOf(subject);
                    if (discriminatorKind.Kind == Kind.None)
                    {
                        return default;
                    }

                    mentions = true;
                    return Fact(discriminatorKind.Kind == Kind.Method ? Kind.Method : Kind.Path, "~" + regex.Expression);
            }

            if (subject is null || value is null)
            {
                return default;
            }

            var discriminator = DiscriminatorOf(subject);
            if (discriminator.Kind == Kind.None)
            {
                return default;
            }

            mentions = true;
            if (ValueText(value) is not { } text)
            {
                return default;
            }

            if (name is "StartsWith" or "EndsWith" or "Contains" && !text.Any(char.IsLetterOrDigit))
            {
                // path.EndsWith("/") normalizes a path, it does not name a route.
                return default;
            }

            return name switch
            {
                "StartsWith" => Fact(discriminator.Kind, text + "*"),
                "EndsWith" => Fact(discriminator.Kind, "*" + text),
                "Contains" => Fact(discriminator.Kind, "*" + text + "*"),
                "IsMatch" => Fact(discriminator.Kind == Kind.Method ? Kind.Method : Kind.Path, text),
                _ => Fact(discriminator.Kind, text),
            };
        }
    }

    private readonly struct Discriminator
    {
        public Discriminator(Kind kind, ImmutableArray<Kind> elements = default)
        {
            Kind = kind;
            Elements = elements.IsDefault ? ImmutableArray<Kind>.Empty : elements;
        }

        public Kind Kind { get; }

        public ImmutableArray<Kind> Elements { get; }
    }
}
