using System.Collections.Generic;
using System.Threading;
using LambdaAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The methods of this compilation that run during an invocation: the handlers and everything they
/// call inside the compilation, transitively — direct calls, constructors of objects they create,
/// property accessors, method groups passed as delegates, and for interface or virtual calls every
/// implementation declared in source (which covers services registered in DI). Computed once, on
/// first use, by a breadth-first walk that binds only the call sites whose name matches a member or
/// type declared in source, and bounded in size. (The name check uses a set built once from the source
/// types' declared member names: Compilation.ContainsSymbolsWithName costs ~0.4 ms a call inside the
/// analyzer driver, which made this walk several seconds at 1,000 files.)
/// </summary>
internal sealed class Reachability
{
    /// <summary>Upper bound on methods walked; beyond it the set is what was found so far.</summary>
    internal const int MaxMethods = 20_000;

    private readonly HashSet<IMethodSymbol> _methods;
    private readonly Dictionary<IMethodSymbol, IMethodSymbol> _roots;

    private Reachability(HashSet<IMethodSymbol> methods, Dictionary<IMethodSymbol, IMethodSymbol> roots)
    {
        _methods = methods;
        _roots = roots;
    }

    public int Count => _methods.Count;

    public bool Contains(IMethodSymbol method) => _methods.Contains(method.OriginalDefinition);

    /// <summary>
    /// The handler (or context-taking method) from which <paramref name="method"/> was first reached: the
    /// nearest one in the breadth-first walk, handlers taken in model order. Null when not reachable.
    /// </summary>
    public IMethodSymbol? GetRoot(IMethodSymbol method)
        => _roots.TryGetValue(method.OriginalDefinition, out var root) ? root : null;

    public static Reachability Compute(LambdaModel model, CancellationToken cancellationToken)
    {
        var handlerSet = model.GetHandlerSet(cancellationToken);
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var roots = new Dictionary<IMethodSymbol, IMethodSymbol>(SymbolEqualityComparer.Default);
        if (handlerSet.Handlers.Length == 0 && handlerSet.InvocationRoots.Length == 0)
        {
            return new Reachability(visited, roots);
        }

        var walker = new Walker(model.Compilation, model, visited, roots, cancellationToken);
        foreach (var handler in handlerSet.Handlers)
        {
            if (handler.LambdaSyntax is { } lambda)
            {
                var method = handler.Method.OriginalDefinition;
                if (visited.Add(method))
                {
                    roots[method] = method;
                }

                walker.EnqueueBody(lambda, method);
            }
            else
            {
                walker.EnqueueRoot(handler.Method);
            }
        }

        foreach (var root in handlerSet.InvocationRoots)
        {
            walker.EnqueueRoot(root);
        }

        walker.Run();
        return new Reachability(visited, roots);
    }

    private sealed class Walker
    {
        private readonly Compilation _compilation;
        private readonly LambdaModel _model;
        private readonly HashSet<IMethodSymbol> _visited;
        private readonly Dictionary<IMethodSymbol, IMethodSymbol> _roots;
        private readonly CancellationToken _cancellationToken;
        private readonly SourceNames _names;
        private readonly Queue<(SyntaxNode Body, IMethodSymbol Root)> _bodies = new();
        private IMethodSymbol? _currentRoot;
        private readonly Dictionary<SyntaxTree, SemanticModel> _semanticModels = new();
        private Dictionary<IMethodSymbol, List<IMethodSymbol>>? _implementations;

        public Walker(Compilation compilation, LambdaModel model, HashSet<IMethodSymbol> visited, Dictionary<IMethodSymbol, IMethodSymbol> roots, CancellationToken cancellationToken)
        {
            _compilation = compilation;
            _model = model;
            _visited = visited;
            _roots = roots;
            _cancellationToken = cancellationToken;
            _names = SourceNames.Create(model.GetSourceTypes(cancellationToken));
        }

        public void EnqueueBody(SyntaxNode body, IMethodSymbol root) => _bodies.Enqueue((body, root));

        /// <summary>A handler or another starting point: it is its own root.</summary>
        public void EnqueueRoot(IMethodSymbol method)
        {
            _currentRoot = null;
            Enqueue(method);
        }

        public void Enqueue(IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            method = method.OriginalDefinition;
            if (_visited.Count >= MaxMethods || !IsInSource(method) || !_visited.Add(method))
            {
                return;
            }

            var root = _currentRoot ?? method;
            _roots[method] = root;

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(_cancellationToken);
                switch (syntax)
                {
                    case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or ArrowExpressionClauseSyntax
                        or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax:
                        _bodies.Enqueue((syntax, root));
                        break;
                    case TypeDeclarationSyntax { ParameterList: { } parameters }:
                        // Primary constructor: its parameters' defaults and the base-type arguments run.
                        _bodies.Enqueue((parameters, root));
                        break;
                }
            }

            if (method.IsAbstract || method.IsVirtual || method.IsOverride || method.ContainingType?.TypeKind == TypeKind.Interface)
            {
                var previous = _currentRoot;
                _currentRoot = root;
                foreach (var implementation in GetImplementations(method))
                {
                    Enqueue(implementation);
                }

                _currentRoot = previous;
            }
        }

        public void Run()
        {
            while (_bodies.Count > 0 && _visited.Count < MaxMethods)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var (body, root) = _bodies.Dequeue();
                _currentRoot = root;
                Visit(body);
            }
        }

        private void Visit(SyntaxNode body)
        {
            SemanticModel? semanticModel = null;
            foreach (var node in body.DescendantNodes())
            {
                string? name;
                SymbolFilter filter;
                switch (node)
                {
                    case InvocationExpressionSyntax invocation:
                        name = SyntaxHelpers.GetInvokedName(invocation);
                        filter = SymbolFilter.Member;
                        break;
                    case ObjectCreationExpressionSyntax creation:
                        name = SyntaxHelpers.GetTypeName(creation.Type);
                        filter = SymbolFilter.Type;
                        break;
                    case ImplicitObjectCreationExpressionSyntax or ConstructorInitializerSyntax or PrimaryConstructorBaseTypeSyntax:
                        name = null;
                        filter = SymbolFilter.None;
                        break;
                    case IdentifierNameSyntax identifier when !IsInvokedOrDeclared(identifier):
                        // Method groups passed as delegates and property reads.
                        name = identifier.Identifier.ValueText;
                        filter = SymbolFilter.Member;
                        break;
                    default:
                        continue;
                }

                // Unqualified calls may target local functions, which are not members of any type.
                if (name is not null
                    && node is not InvocationExpressionSyntax { Expression: SimpleNameSyntax }
                    && !_names.Contains(name, filter))
                {
                    continue;
                }

                semanticModel ??= GetSemanticModel(node.SyntaxTree);
                var info = semanticModel.GetSymbolInfo(node, _cancellationToken);
                if (info.Symbol is { } symbol)
                {
                    Add(symbol);
                }
                else
                {
                    foreach (var candidate in info.CandidateSymbols)
                    {
                        Add(candidate);
                    }
                }
            }
        }

        private void Add(ISymbol symbol)
        {
            switch (symbol)
            {
                case IMethodSymbol method:
                    Enqueue(method);
                    break;
                case IPropertySymbol property:
                    if (property.GetMethod is { } getter)
                    {
                        Enqueue(getter);
                    }

                    if (property.SetMethod is { } setter)
                    {
                        Enqueue(setter);
                    }

                    break;
            }
        }

        private static bool IsInvokedOrDeclared(IdentifierNameSyntax identifier)
            => identifier.Parent switch
            {
                InvocationExpressionSyntax => true,
                MemberAccessExpressionSyntax access when access.Name == identifier && access.Parent is InvocationExpressionSyntax => true,
                MemberAccessExpressionSyntax access when access.Expression == identifier => true,
                QualifiedNameSyntax or AliasQualifiedNameSyntax => true,
                NameColonSyntax or NameEqualsSyntax => true,
                _ => false,
            };

        private SemanticModel GetSemanticModel(SyntaxTree tree)
        {
            if (!_semanticModels.TryGetValue(tree, out var semanticModel))
            {
#pragma warning disable RS1030 // Reachability crosses methods and files; the driver's caching provider shares these models.
                semanticModel = _compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                _semanticModels[tree] = semanticModel;
            }

            return semanticModel;
        }

        private bool IsInSource(IMethodSymbol method)
            => SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _compilation.Assembly)
               && method.DeclaringSyntaxReferences.Length > 0;

        private List<IMethodSymbol> GetImplementations(IMethodSymbol method)
        {
            _implementations ??= BuildImplementationIndex();
            return _implementations.TryGetValue(method.OriginalDefinition, out var list) ? list : EmptyList;
        }

        private static readonly List<IMethodSymbol> EmptyList = new();

        /// <summary>Interface members and overridable methods mapped to their implementations in source.</summary>
        private Dictionary<IMethodSymbol, List<IMethodSymbol>> BuildImplementationIndex()
        {
            var index = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);
            foreach (var type in _model.GetSourceTypes(_cancellationToken))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
                {
                    continue;
                }

                foreach (var @interface in type.AllInterfaces)
                {
                    foreach (var member in @interface.GetMembers())
                    {
                        if (member is not IMethodSymbol interfaceMethod)
                        {
                            continue;
                        }

                        if (type.FindImplementationForInterfaceMember(interfaceMethod) is IMethodSymbol implementation && IsInSource(implementation))
                        {
                            AddTo(index, interfaceMethod.OriginalDefinition, implementation.OriginalDefinition);
                        }
                    }
                }

                foreach (var member in type.GetMembers())
                {
                    if (member is IMethodSymbol { IsOverride: true } overriding)
                    {
                        for (var overridden = overriding.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
                        {
                            AddTo(index, overridden.OriginalDefinition, overriding.OriginalDefinition);
                        }
                    }
                }
            }

            return index;

            static void AddTo(Dictionary<IMethodSymbol, List<IMethodSymbol>> index, IMethodSymbol key, IMethodSymbol value)
            {
                if (!index.TryGetValue(key, out var list))
                {
                    list = new List<IMethodSymbol>();
                    index[key] = list;
                }

                list.Add(value);
            }
        }
    }

    /// <summary>Names of the types and members declared in source: the cheap "could this bind to our code" check.</summary>
    private sealed class SourceNames
    {
        private readonly HashSet<string> _members;
        private readonly HashSet<string> _types;

        private SourceNames(HashSet<string> members, HashSet<string> types)
        {
            _members = members;
            _types = types;
        }

        public static SourceNames Create(System.Collections.Immutable.ImmutableArray<INamedTypeSymbol> types)
        {
            var members = new HashSet<string>(System.StringComparer.Ordinal);
            var typeNames = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var type in types)
            {
                typeNames.Add(type.Name);
                members.UnionWith(type.MemberNames);
            }

            return new SourceNames(members, typeNames);
        }

        public bool Contains(string name, SymbolFilter filter)
            => filter == SymbolFilter.Type ? _types.Contains(name) : _members.Contains(name);
    }
}
