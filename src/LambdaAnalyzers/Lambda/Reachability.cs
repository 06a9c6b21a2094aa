using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// "Does this method run during an invocation?" — answered on demand, backwards: a method is invocation code
/// when it is a handler (or takes the <c>ILambdaContext</c>), or when some code that is invocation code calls
/// it inside this compilation — directly, through a constructor (<c>new T(…)</c>), a property accessor, a
/// method group passed as a delegate, or through an interface or virtual member it implements or overrides
/// (which covers services resolved from DI). Lambdas and local functions are invocation code when their
/// containing method is, or (local functions) when invocation code calls them.
/// <para>
/// Rules ask only at the few sites that could be a finding, so the cost is proportional to those sites, not to
/// the compilation. A query walks callers breadth-first (so the root it names is the nearest handler) and:
/// </para>
/// <list type="bullet">
/// <item>finds call sites by name in an index of the identifiers that name a source member or type, built with
/// one pass over the syntax trees on the first query (no binding);</item>
/// <item>skips, without binding, sites whose receiver cannot be of a related type: <c>this</c>/unqualified
/// calls outside the type's hierarchy, fields, properties, typed parameters and type names of unrelated
/// types;</item>
/// <item>binds only the remaining sites, and remembers every answer and every site's callers.</item>
/// </list>
/// Bounded by <see cref="MaxMethods"/> methods per query; beyond it the answer is "not invocation code" (quiet).
/// </summary>
internal sealed class Reachability
{
    /// <summary>Upper bound on the methods one query visits.</summary>
    internal const int MaxMethods = 5_000;

    private readonly LambdaModel _model;
    private readonly Compilation _compilation;
    private readonly HashSet<SyntaxNode> _lambdaRoots = new();
    private readonly HashSet<IMethodSymbol> _roots = new(SymbolEqualityComparer.Default);
    private readonly object _gate = new();
    private readonly Dictionary<IMethodSymbol, IMethodSymbol?> _answers = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<IMethodSymbol, List<IMethodSymbol>> _callers = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<SyntaxTree, SemanticModel> _semanticModels = new();
    private readonly Dictionary<string, NameSites> _sites = new(System.StringComparer.Ordinal);
    private readonly Dictionary<SyntaxTree, List<ImplicitObjectCreationExpressionSyntax>> _implicitCreations = new();
    private readonly Dictionary<SyntaxNode, IMethodSymbol?> _siteCallers = new();
    private readonly Dictionary<SyntaxNode, Dictionary<string, ParameterSyntax?>> _declaredNames = new();
    private readonly Dictionary<SyntaxNode, INamedTypeSymbol?> _enclosingTypes = new();
    private Dictionary<ISymbol, List<ISymbol>>? _implemented;
    private Dictionary<string, List<INamedTypeSymbol>>? _typesByName;

    private Reachability(LambdaModel model, LambdaModel.HandlerSet handlers)
    {
        _model = model;
        _compilation = model.Compilation;
        foreach (var handler in handlers.Handlers)
        {
            if (handler.LambdaSyntax is { } lambda)
            {
                _lambdaRoots.Add(lambda);
            }
            else
            {
                _roots.Add(handler.Method.OriginalDefinition);
            }
        }

        foreach (var root in handlers.InvocationRoots)
        {
            _roots.Add(root.OriginalDefinition);
        }
    }

    public static Reachability Create(LambdaModel model, CancellationToken cancellationToken)
        => new(model, model.GetHandlerSet(cancellationToken));

    /// <summary>No handler and no context-taking method: nothing is invocation code.</summary>
    public bool IsEmpty => _roots.Count == 0 && _lambdaRoots.Count == 0;

    public bool Contains(IMethodSymbol method, CancellationToken cancellationToken) => GetRoot(method, cancellationToken) is not null;

    /// <summary>The nearest handler (or context-taking method) from which <paramref name="method"/> is called; null when none.</summary>
    public IMethodSymbol? GetRoot(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (IsEmpty)
        {
            return null;
        }

        method = Normalize(method);
        if (!IsInSource(method))
        {
            return null;
        }

        lock (_gate)
        {
            return Search(method, cancellationToken);
        }
    }

    private static IMethodSymbol Normalize(IMethodSymbol method) => LambdaModel.Definition(method.ReducedFrom ?? method);

    private bool IsRoot(IMethodSymbol method)
    {
        if (method.MethodKind == MethodKind.AnonymousFunction)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (_lambdaRoots.Contains(reference.GetSyntax()))
                {
                    return true;
                }
            }

            return false;
        }

        return _roots.Contains(method);
    }

    /// <summary>Breadth-first over callers from <paramref name="start"/> to the nearest root.</summary>
    private IMethodSymbol? Search(IMethodSymbol start, CancellationToken cancellationToken)
    {
        if (_answers.TryGetValue(start, out var known))
        {
            return known;
        }

        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default) { start };
        var queue = new Queue<IMethodSymbol>();
        queue.Enqueue(start);
        IMethodSymbol? found = null;
        var complete = true;
        while (queue.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = queue.Dequeue();
            if (IsRoot(current))
            {
                found = current;
                break;
            }

            if (_answers.TryGetValue(current, out var answer))
            {
                if (answer is not null)
                {
                    found = answer;
                    break;
                }

                continue;
            }

            if (visited.Count >= MaxMethods)
            {
                complete = false;
                break;
            }

            foreach (var caller in GetCallers(current, cancellationToken))
            {
                if (visited.Add(caller))
                {
                    queue.Enqueue(caller);
                }
            }
        }

        if (found is not null)
        {
            _answers[start] = found;
        }
        else if (complete)
        {
            // Every method visited has had all its callers explored: none of them is invocation code.
            foreach (var method in visited)
            {
                _answers[method] = null;
            }
        }

        return found;
    }

    private List<IMethodSymbol> GetCallers(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (_callers.TryGetValue(method, out var cached))
        {
            return cached;
        }

        var callers = new List<IMethodSymbol>();
        switch (method.MethodKind)
        {
            case MethodKind.AnonymousFunction:
                AddContaining(method, callers);
                break;
            case MethodKind.LocalFunction:
                AddContaining(method, callers);
                AddLocalFunctionCallers(method, callers, cancellationToken);
                break;
            case MethodKind.Constructor:
                AddConstructorCallers(method, callers, cancellationToken);
                break;
            case MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation:
                AddMemberCallers(method, method.Name, callers, cancellationToken);
                break;
            case MethodKind.PropertyGet or MethodKind.PropertySet when method.AssociatedSymbol is IPropertySymbol { IsIndexer: false } property:
                AddMemberCallers(property, property.Name, callers, cancellationToken);
                break;
        }

        _callers[method] = callers;
        return callers;
    }

    private static void AddContaining(IMethodSymbol method, List<IMethodSymbol> callers)
    {
        if (method.ContainingSymbol is IMethodSymbol containing)
        {
            callers.Add(Normalize(containing));
        }
    }

    private void AddLocalFunctionCallers(IMethodSymbol function, List<IMethodSymbol> callers, CancellationToken cancellationToken)
    {
        // Local functions are called by name inside the member that declares them (and its nested functions).
        var container = function.ContainingSymbol;
        while (container is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction } outer)
        {
            container = outer.ContainingSymbol;
        }

        foreach (var reference in container.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax(cancellationToken);
            foreach (var node in syntax.DescendantNodes())
            {
                if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == function.Name)
                {
                    AddCallerIfBindsTo(identifier, s => SymbolEqualityComparer.Default.Equals(s, function), callers, cancellationToken);
                }
            }
        }

        // Top-level statements: local functions of the synthesized Main live in several trees' global statements.
        if (container is IMethodSymbol { IsImplicitlyDeclared: true } && container.DeclaringSyntaxReferences.Length == 0)
        {
            foreach (var site in References(function.Name, cancellationToken))
            {
                AddCallerIfBindsTo(site, s => SymbolEqualityComparer.Default.Equals(s, function), callers, cancellationToken);
            }
        }
    }

    private void AddConstructorCallers(IMethodSymbol constructor, List<IMethodSymbol> callers, CancellationToken cancellationToken)
    {
        var type = constructor.ContainingType;
        if (type is null)
        {
            return;
        }

        bool Matches(ISymbol symbol) => SymbolEqualityComparer.Default.Equals(symbol.OriginalDefinition, constructor);

        foreach (var site in References(type.Name, cancellationToken))
        {
            // new T(…), new Namespace.T(…), new T<…>(…)
            SyntaxNode node = site;
            while (node.Parent is QualifiedNameSyntax or AliasQualifiedNameSyntax)
            {
                node = node.Parent;
            }

            if (node.Parent is ObjectCreationExpressionSyntax creation && creation.Type == node)
            {
                AddCallerIfBindsTo(creation, Matches, callers, cancellationToken);
            }
        }

        // new(…) in a file that names the type (the target type is almost always spelled in the same file).
        var trees = new HashSet<SyntaxTree>();
        foreach (var site in References(type.Name, cancellationToken))
        {
            trees.Add(site.SyntaxTree);
        }

        foreach (var tree in trees)
        {
            foreach (var creation in ImplicitCreations(tree, cancellationToken))
            {
                AddCallerIfBindsTo(creation, Matches, callers, cancellationToken);
            }
        }

        // Constructors of derived types and chained constructors run this one through their initializers.
        foreach (var candidate in _model.GetSourceTypes(cancellationToken))
        {
            var derived = SymbolEqualityComparer.Default.Equals(candidate.BaseType?.OriginalDefinition, type.OriginalDefinition);
            if (!derived && !SymbolEqualityComparer.Default.Equals(candidate, type.OriginalDefinition))
            {
                continue;
            }

            foreach (var other in candidate.InstanceConstructors)
            {
                if (derived || (!SymbolEqualityComparer.Default.Equals(other, constructor) && HasThisInitializer(other, cancellationToken)))
                {
                    callers.Add(other.OriginalDefinition);
                }
            }
        }
    }

    private static bool HasThisInitializer(IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        foreach (var reference in constructor.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is ConstructorDeclarationSyntax { Initializer: { } initializer }
                && initializer.IsKind(SyntaxKind.ThisConstructorInitializer))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Callers of a method or property: sites that bind to it or to a member it implements or overrides.</summary>
    private void AddMemberCallers(ISymbol member, string name, List<IMethodSymbol> callers, CancellationToken cancellationToken)
    {
        var callableAs = CallableAs(member, cancellationToken);
        var relatedTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var symbol in callableAs)
        {
            if (symbol.ContainingType is { } containing)
            {
                relatedTypes.Add(containing.OriginalDefinition);
            }

            if (symbol.CanBeReferencedByName)
            {
                names.Add(symbol.Name);
            }
        }

        if (member.CanBeReferencedByName)
        {
            names.Add(name);
        }

        // Extension methods are called on values of other types: the receiver says nothing.
        var filterByReceiver = member is not IMethodSymbol { IsExtensionMethod: true };
        bool Matches(ISymbol symbol)
        {
            if (symbol is IMethodSymbol method)
            {
                symbol = method.ReducedFrom ?? method;
            }

            return callableAs.Contains(symbol.OriginalDefinition);
        }

        var seen = new HashSet<SyntaxNode>();
        foreach (var referenced in names)
        {
            var sites = Sites(referenced, cancellationToken);
            if (!filterByReceiver)
            {
                foreach (var site in sites.All)
                {
                    AddCallerIfBindsTo(site, Matches, callers, cancellationToken);
                }

                continue;
            }

            sites.Group(this, cancellationToken);
            foreach (var site in sites.Unknown!)
            {
                if (seen.Add(site))
                {
                    AddCallerIfBindsTo(site, Matches, callers, cancellationToken);
                }
            }

            foreach (var related in relatedTypes)
            {
                if (sites.BySupertype!.TryGetValue(related, out var typed))
                {
                    foreach (var site in typed)
                    {
                        if (seen.Add(site))
                        {
                            AddCallerIfBindsTo(site, Matches, callers, cancellationToken);
                        }
                    }
                }
            }
        }
    }

    /// <summary>The member, what it overrides, and the interface members it implements (also through derived types).</summary>
    private HashSet<ISymbol> CallableAs(ISymbol member, CancellationToken cancellationToken)
    {
        var set = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { member.OriginalDefinition };
        switch (member)
        {
            case IMethodSymbol method:
                for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                {
                    set.Add(overridden.OriginalDefinition);
                }

                foreach (var explicitImplementation in method.ExplicitInterfaceImplementations)
                {
                    set.Add(explicitImplementation.OriginalDefinition);
                }

                break;
            case IPropertySymbol property:
                for (var overridden = property.OverriddenProperty; overridden is not null; overridden = overridden.OverriddenProperty)
                {
                    set.Add(overridden.OriginalDefinition);
                }

                foreach (var explicitImplementation in property.ExplicitInterfaceImplementations)
                {
                    set.Add(explicitImplementation.OriginalDefinition);
                }

                break;
        }

        _implemented ??= BuildImplementedIndex(cancellationToken);
        foreach (var symbol in new List<ISymbol>(set))
        {
            if (_implemented.TryGetValue(symbol, out var interfaceMembers))
            {
                set.UnionWith(interfaceMembers);
            }
        }

        return set;
    }

    /// <summary>Implementations in source mapped to the interface members they implement, for every source type.</summary>
    private Dictionary<ISymbol, List<ISymbol>> BuildImplementedIndex(CancellationToken cancellationToken)
    {
        var index = new Dictionary<ISymbol, List<ISymbol>>(SymbolEqualityComparer.Default);
        foreach (var type in _model.GetSourceTypes(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
            {
                continue;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var interfaceMember in @interface.GetMembers())
                {
                    if (interfaceMember is not (IMethodSymbol or IPropertySymbol))
                    {
                        continue;
                    }

                    if (type.FindImplementationForInterfaceMember(interfaceMember) is { } implementation && IsInSource(implementation))
                    {
                        var key = implementation.OriginalDefinition;
                        if (!index.TryGetValue(key, out var list))
                        {
                            list = new List<ISymbol>();
                            index[key] = list;
                        }

                        list.Add(interfaceMember.OriginalDefinition);
                    }
                }
            }
        }

        return index;
    }

    /// <summary>
    /// The types the receiver of <paramref name="site"/> can be typed as without binding: for an unqualified
    /// (or <c>this.</c>/<c>base.</c>) name, the enclosing type and its containing types; for a field, property,
    /// typed parameter or type name, its type. Null when it cannot be known without binding.
    /// </summary>
    private List<INamedTypeSymbol>? ReceiverTypes(SimpleNameSyntax site, CancellationToken cancellationToken)
    {
        ExpressionSyntax? receiver;
        switch (site.Parent)
        {
            case MemberAccessExpressionSyntax access when access.Name == site:
                receiver = access.Expression;
                break;
            case MemberBindingExpressionSyntax:
            case QualifiedNameSyntax or AliasQualifiedNameSyntax or NameColonSyntax or NameEqualsSyntax:
                return null;
            case AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax }:
                // An object initializer's member belongs to the created type.
                return null;
            default:
                receiver = null;
                break;
        }

        var enclosingType = EnclosingType(site, cancellationToken);
        if (enclosingType is null)
        {
            return null;
        }

        if (receiver is null or ThisExpressionSyntax or BaseExpressionSyntax)
        {
            var chain = new List<INamedTypeSymbol>();
            for (var type = enclosingType; type is not null; type = type.ContainingType)
            {
                chain.Add(type);
            }

            return chain;
        }

        if (receiver is not IdentifierNameSyntax identifier)
        {
            return null;
        }

        var receiverName = identifier.Identifier.ValueText;
        var declared = DeclaredNames(site);
        if (declared is null)
        {
            return null;
        }

        if (declared.TryGetValue(receiverName, out var parameter))
        {
            return parameter is not null
                   && GetSemanticModel(site.SyntaxTree).GetDeclaredSymbol(parameter, cancellationToken)?.Type is INamedTypeSymbol { TypeKind: not TypeKind.Error } parameterType
                ? new List<INamedTypeSymbol> { parameterType }
                : null;
        }

        for (var type = enclosingType; type is not null; type = type.ContainingType)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(receiverName))
                {
                    var memberType = member switch
                    {
                        IFieldSymbol field => field.Type,
                        IPropertySymbol property => property.Type,
                        _ => null,
                    };
                    return memberType is INamedTypeSymbol { TypeKind: not TypeKind.Error } named ? new List<INamedTypeSymbol> { named } : null;
                }
            }
        }

        // A type name: a static member access.
        _typesByName ??= BuildTypesByName(cancellationToken);
        return _typesByName.TryGetValue(receiverName, out var types) ? types : null;
    }

    /// <summary>
    /// The names declared as parameters, locals, range or pattern variables in the member around
    /// <paramref name="site"/>, each with its parameter syntax when it is only a typed parameter of that member
    /// (null otherwise: its type needs binding). Null when the site is not inside a member. Computed once per member.
    /// </summary>
    private Dictionary<string, ParameterSyntax?>? DeclaredNames(SyntaxNode site)
    {
        var member = site.FirstAncestorOrSelf<MemberDeclarationSyntax>();
        if (member is null or GlobalStatementSyntax)
        {
            return null;
        }

        if (_declaredNames.TryGetValue(member, out var names))
        {
            return names;
        }

        names = new Dictionary<string, ParameterSyntax?>(System.StringComparer.Ordinal);
        foreach (var token in member.DescendantTokens())
        {
            if (!token.IsKind(SyntaxKind.IdentifierToken))
            {
                continue;
            }

            switch (token.Parent)
            {
                case ParameterSyntax parameter:
                    var typed = parameter.Type is not null && parameter.Parent?.Parent is BaseMethodDeclarationSyntax or TypeDeclarationSyntax;
                    names[token.ValueText] = typed && !names.ContainsKey(token.ValueText) ? parameter : null;
                    break;
                case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: not FieldDeclarationSyntax and not EventFieldDeclarationSyntax } }:
                case SingleVariableDesignationSyntax:
                case ForEachStatementSyntax:
                case CatchDeclarationSyntax:
                case FromClauseSyntax:
                case LetClauseSyntax:
                case JoinClauseSyntax:
                case JoinIntoClauseSyntax:
                case QueryContinuationSyntax:
                case LocalFunctionStatementSyntax:
                    names[token.ValueText] = null;
                    break;
            }
        }

        _declaredNames[member] = names;
        return names;
    }

    private INamedTypeSymbol? EnclosingType(SyntaxNode site, CancellationToken cancellationToken)
    {
        var declaration = site.FirstAncestorOrSelf<BaseTypeDeclarationSyntax>();
        if (declaration is null)
        {
            return null;
        }

        if (!_enclosingTypes.TryGetValue(declaration, out var type))
        {
            type = GetSemanticModel(site.SyntaxTree).GetDeclaredSymbol(declaration, cancellationToken);
            _enclosingTypes[declaration] = type;
        }

        return type;
    }

    private void AddCallerIfBindsTo(SyntaxNode site, System.Func<ISymbol, bool> matches, List<IMethodSymbol> callers, CancellationToken cancellationToken)
    {
        var semanticModel = GetSemanticModel(site.SyntaxTree);
        var info = semanticModel.GetSymbolInfo(site, cancellationToken);
        var bound = info.Symbol is { } symbol ? matches(symbol) : AnyCandidate(info.CandidateSymbols, matches);
        if (!bound)
        {
            return;
        }

        if (!_siteCallers.TryGetValue(site, out var caller))
        {
            caller = semanticModel.GetEnclosingSymbol(site.SpanStart, cancellationToken) is IMethodSymbol enclosing ? Normalize(enclosing) : null;
            _siteCallers[site] = caller;
        }

        if (caller is not null && !callers.Contains(caller, SymbolEqualityComparer.Default))
        {
            callers.Add(caller);
        }
    }

    private static bool AnyCandidate(ImmutableArray<ISymbol> candidates, System.Func<ISymbol, bool> matches)
    {
        foreach (var candidate in candidates)
        {
            if (matches(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private List<SimpleNameSyntax> References(string name, CancellationToken cancellationToken) => Sites(name, cancellationToken).All;

    /// <summary>
    /// The simple names spelled <paramref name="name"/> in the compilation, found by searching the source text
    /// (an ordinal string search per tree, then one token lookup per hit — no tree is walked) and cached per name.
    /// </summary>
    private NameSites Sites(string name, CancellationToken cancellationToken)
    {
        if (_sites.TryGetValue(name, out var sites))
        {
            return sites;
        }

        sites = new NameSites();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var token in FindIdentifiers(tree, name, cancellationToken))
            {
                if (token.Parent is SimpleNameSyntax simple)
                {
                    sites.All.Add(simple);
                }
            }
        }

        _sites[name] = sites;
        return sites;
    }

    private static IEnumerable<SyntaxToken> FindIdentifiers(SyntaxTree tree, string name, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        SyntaxNode? root = null;
        for (var index = text.IndexOf(name, System.StringComparison.Ordinal); index >= 0; index = text.IndexOf(name, index + name.Length, System.StringComparison.Ordinal))
        {
            if ((index > 0 && IsIdentifierPart(text[index - 1])) || (index + name.Length < text.Length && IsIdentifierPart(text[index + name.Length])))
            {
                continue;
            }

            root ??= tree.GetRoot(cancellationToken);
            var token = root.FindToken(index);
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText == name && token.Span.Contains(index))
            {
                yield return token;
            }
        }
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private List<ImplicitObjectCreationExpressionSyntax> ImplicitCreations(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (_implicitCreations.TryGetValue(tree, out var list))
        {
            return list;
        }

        list = new List<ImplicitObjectCreationExpressionSyntax>();
        var text = tree.GetText(cancellationToken).ToString();
        SyntaxNode? root = null;
        for (var index = text.IndexOf("new", System.StringComparison.Ordinal); index >= 0; index = text.IndexOf("new", index + 3, System.StringComparison.Ordinal))
        {
            var next = index + 3;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next >= text.Length || text[next] != '(' || (index > 0 && IsIdentifierPart(text[index - 1])))
            {
                continue;
            }

            root ??= tree.GetRoot(cancellationToken);
            if (root.FindToken(index) is { RawKind: (int)SyntaxKind.NewKeyword, Parent: ImplicitObjectCreationExpressionSyntax creation })
            {
                list.Add(creation);
            }
        }

        _implicitCreations[tree] = list;
        return list;
    }

    /// <summary>The sites of one name, grouped (on first use with a receiver filter) by what their receiver can be.</summary>
    private sealed class NameSites
    {
        public List<SimpleNameSyntax> All { get; } = new();

        /// <summary>Sites whose receiver needs binding to be typed.</summary>
        public List<SimpleNameSyntax>? Unknown { get; private set; }

        /// <summary>Typed sites under every type their receiver is or derives from (original definitions).</summary>
        public Dictionary<INamedTypeSymbol, List<SimpleNameSyntax>>? BySupertype { get; private set; }

        public void Group(Reachability owner, CancellationToken cancellationToken)
        {
            if (Unknown is not null)
            {
                return;
            }

            var unknown = new List<SimpleNameSyntax>();
            var bySupertype = new Dictionary<INamedTypeSymbol, List<SimpleNameSyntax>>(SymbolEqualityComparer.Default);
            foreach (var site in All)
            {
                var types = owner.ReceiverTypes(site, cancellationToken);
                if (types is null)
                {
                    unknown.Add(site);
                    continue;
                }

                var keys = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                foreach (var type in types)
                {
                    for (var current = type; current is not null; current = current.BaseType)
                    {
                        keys.Add(current.OriginalDefinition);
                    }

                    foreach (var @interface in type.AllInterfaces)
                    {
                        keys.Add(@interface.OriginalDefinition);
                    }
                }

                foreach (var key in keys)
                {
                    if (!bySupertype.TryGetValue(key, out var list))
                    {
                        list = new List<SimpleNameSyntax>();
                        bySupertype[key] = list;
                    }

                    list.Add(site);
                }
            }

            BySupertype = bySupertype;
            Unknown = unknown;
        }
    }

    private Dictionary<string, List<INamedTypeSymbol>> BuildTypesByName(CancellationToken cancellationToken)
    {
        var index = new Dictionary<string, List<INamedTypeSymbol>>(System.StringComparer.Ordinal);
        foreach (var type in _model.GetSourceTypes(cancellationToken))
        {
            if (!index.TryGetValue(type.Name, out var list))
            {
                list = new List<INamedTypeSymbol>();
                index[type.Name] = list;
            }

            list.Add(type);
        }

        return index;
    }

    private SemanticModel GetSemanticModel(SyntaxTree tree)
    {
        if (!_semanticModels.TryGetValue(tree, out var semanticModel))
        {
#pragma warning disable RS1030 // Reachability crosses methods and files; one model per tree is kept for the compilation.
            semanticModel = _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            _semanticModels[tree] = semanticModel;
        }

        return semanticModel;
    }

    private bool IsInSource(ISymbol symbol)
        => SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, _compilation.Assembly)
           && symbol.DeclaringSyntaxReferences.Length > 0;
}
