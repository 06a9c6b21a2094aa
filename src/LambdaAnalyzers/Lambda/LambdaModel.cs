using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using LambdaAnalyzers.Infrastructure;
using LambdaAnalyzers.Templates;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// The handler model: what in this compilation is a Lambda entry point, whether this is a Lambda
/// project, which deployment files describe it, and which code runs during an invocation. Built once
/// per compilation and shared by every rule (the role xunit.analyzers' IsTestMethod plays there);
/// every part is computed on first use, so a rule that needs only the cheap parts pays only for those.
/// </summary>
internal sealed class LambdaModel
{
    private static readonly ConditionalWeakTable<Compilation, LambdaModel> Cache = new();

    private readonly AnalyzerOptions _options;
    private readonly OnceCache<SourceTypeList> _sourceTypes;
    private readonly OnceCache<DeploymentFileList> _deploymentFiles;
    private readonly OnceCache<HandlerSet> _handlers;
    private readonly OnceCache<DeclarationIndex> _declarations;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, HandlerResolution> _resolutions = new(StringComparer.Ordinal);
    private readonly OnceCache<Reachability> _reachability;

    private LambdaModel(Compilation compilation, AnalyzerOptions options)
    {
        Compilation = compilation;
        _options = options;
        // Reference names first, from ExternalReferences (the list as given): References, ReferencedAssemblyNames
        // and the first GetTypeByMetadataName bind every reference (tens of milliseconds at first use), which a
        // project without AWS packages never needs from us.
        foreach (var reference in compilation.ExternalReferences)
        {
            var name = ReferenceName(reference);
            ReferencesAws |= name.StartsWith("Amazon.Lambda", StringComparison.Ordinal) || name.StartsWith("AWSSDK.", StringComparison.Ordinal);
            ReferencesCdk |= name.StartsWith("Amazon.CDK", StringComparison.Ordinal);
            ReferencesTestFramework |= name is "xunit.core" or "xunit.v3.core" or "nunit.framework" or "Microsoft.VisualStudio.TestPlatform.TestFramework" or "TUnit.Core";
        }

        Types = ReferencesAws ? LambdaTypes.Create(compilation) : LambdaTypes.Empty;
        AwsProjectType = options.GetBuildProperty("AWSProjectType");
        IsTestProject = options.IsBuildPropertyTrue("IsTestProject") || ReferencesTestFramework;
        _sourceTypes = new OnceCache<SourceTypeList>(ct => new SourceTypeList(CollectSourceTypes(compilation, ct)));
        _deploymentFiles = new OnceCache<DeploymentFileList>(ct => new DeploymentFileList(ReadDeploymentFiles(options, ct)));
        _handlers = new OnceCache<HandlerSet>(FindHandlers);
        _declarations = new OnceCache<DeclarationIndex>(ct => DeclarationIndex.Build(compilation, ConfiguredTypeNames(ct), ct));
        _reachability = new OnceCache<Reachability>(ct => Reachability.Create(this, ct));
    }

    public Compilation Compilation { get; }

    /// <summary>An Amazon.Lambda.* or AWSSDK.* assembly is referenced (cheap: assembly names only).</summary>
    public bool ReferencesAws { get; }

    /// <summary>Amazon.CDK.Lib (or another Amazon.CDK.* assembly) is referenced.</summary>
    public bool ReferencesCdk { get; }

    private bool ReferencesTestFramework { get; }

    public LambdaTypes Types { get; }

    /// <summary>The <c>AWSProjectType</c> MSBuild property (made compiler-visible by the package's props).</summary>
    public string? AwsProjectType { get; }

    /// <summary>Test projects call handlers; they are never Lambda code.</summary>
    public bool IsTestProject { get; }

    /// <summary>Cheap check (no source walk): could this compilation contain Lambda code at all?</summary>
    public bool MayContainLambdaCode =>
        !IsTestProject && (Types.HasLambdaReferences || IsAwsLambdaProjectType);

    public bool IsAwsLambdaProjectType => string.Equals(AwsProjectType, "Lambda", StringComparison.OrdinalIgnoreCase);

    public static LambdaModel GetOrCreate(Compilation compilation, AnalyzerOptions options)
        => Cache.GetValue(compilation, c => new LambdaModel(c, options));

    /// <summary>Every named type declared in source, nested ones included.</summary>
    public ImmutableArray<INamedTypeSymbol> GetSourceTypes(CancellationToken cancellationToken)
        => _sourceTypes.Get(cancellationToken).Types;

    /// <summary>The deployment files given to the compiler as AdditionalFiles, parsed.</summary>
    public ImmutableArray<DeploymentFile> GetDeploymentFiles(CancellationToken cancellationToken)
        => _deploymentFiles.Get(cancellationToken).Files;

    /// <summary>
    /// <see cref="HandlerResolver.Resolve"/>, once per handler string per compilation: the handler model and
    /// LAMBDA009 both resolve every handler string of the deployment files, and resolving binds signatures.
    /// </summary>
    public HandlerResolution ResolveHandler(HandlerString handler, CancellationToken cancellationToken)
    {
        if (_resolutions.TryGetValue(handler.Text, out var known))
        {
            return known;
        }

        known = HandlerResolver.Resolve(this, handler, cancellationToken);
        return _resolutions.GetOrAdd(handler.Text, known);
    }

    /// <summary>Name-level facts read from declaration syntax only (see <see cref="DeclarationIndex"/>).</summary>
    public DeclarationIndex GetDeclarations(CancellationToken cancellationToken)
        => _declarations.Get(cancellationToken);

    public ImmutableArray<LambdaHandler> GetHandlers(CancellationToken cancellationToken)
        => _handlers.Get(cancellationToken).Handlers;

    /// <summary>True when the project hosts ASP.NET Core on Lambda (APIGatewayProxyFunction subclasses, AddAWSLambdaHosting).</summary>
    public bool IsAspNetCoreOnLambda(CancellationToken cancellationToken)
        => _handlers.Get(cancellationToken).AspNetCoreOnLambda;

    /// <summary>A Lambda project: not a test project, and AWSProjectType=Lambda, Lambda references or handlers.</summary>
    public bool IsLambdaProject(CancellationToken cancellationToken)
        => !IsTestProject && (MayContainLambdaCode || GetHandlers(cancellationToken).Length > 0);

    /// <summary>The handler whose method is <paramref name="method"/>, or null.</summary>
    public LambdaHandler? GetHandler(IMethodSymbol method, CancellationToken cancellationToken)
        => _handlers.Get(cancellationToken).ByMethod.TryGetValue(Definition(method), out var handler) ? handler : null;

    public bool IsHandler(IMethodSymbol method, CancellationToken cancellationToken)
        => _handlers.Get(cancellationToken).Methods.Contains(Definition(method));

    /// <summary>
    /// The symbol the model keys a method by: its original definition and, for a partial method, the definition part
    /// (a body's declared symbol is the implementation part; member lists and handler strings give the definition).
    /// </summary>
    internal static IMethodSymbol Definition(IMethodSymbol method)
    {
        var definition = method.OriginalDefinition;
        return definition.PartialDefinitionPart ?? definition;
    }

    /// <summary>
    /// True when <paramref name="symbol"/> (a method, local function or lambda) runs during an invocation:
    /// it is a handler, is reachable from one through calls inside this compilation, or receives the
    /// <c>ILambdaContext</c>. Initialization code (constructors of the handler class, Main before the
    /// bootstrap starts) is not invocation code unless a handler calls it.
    /// </summary>
    public bool IsInvocationCode(ISymbol? symbol, CancellationToken cancellationToken)
    {
        if (symbol is null || IsTestProject)
        {
            return false;
        }

        var reachability = _reachability.Get(cancellationToken);
        for (var current = symbol; current is IMethodSymbol method; current = current.ContainingSymbol)
        {
            if (reachability.Contains(method, cancellationToken))
            {
                return true;
            }

            if (method.MethodKind is not (MethodKind.AnonymousFunction or MethodKind.LocalFunction))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// For invocation code: the handler (or context-taking method) it is first reached from — the symbol
    /// itself for a handler, the nearest handler in the call graph for a helper. Null when not invocation code.
    /// </summary>
    public IMethodSymbol? GetInvokingRoot(ISymbol? symbol, CancellationToken cancellationToken)
    {
        if (symbol is null || IsTestProject)
        {
            return null;
        }

        var reachability = _reachability.Get(cancellationToken);
        for (var current = symbol; current is IMethodSymbol method; current = current.ContainingSymbol)
        {
            if (reachability.GetRoot(method, cancellationToken) is { } root)
            {
                return root;
            }

            if (method.MethodKind is not (MethodKind.AnonymousFunction or MethodKind.LocalFunction))
            {
                return null;
            }
        }

        return null;
    }

    private static ImmutableArray<INamedTypeSymbol> CollectSourceTypes(Compilation compilation, CancellationToken cancellationToken)
    {
        var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        var namespaces = new Stack<INamespaceSymbol>();
        namespaces.Push(compilation.Assembly.GlobalNamespace);
        while (namespaces.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ns = namespaces.Pop();
            foreach (var member in ns.GetMembers())
            {
                if (member is INamespaceSymbol child)
                {
                    namespaces.Push(child);
                }
                else if (member is INamedTypeSymbol type)
                {
                    AddWithNested(type, builder);
                }
            }
        }

        return builder.ToImmutable();

        static void AddWithNested(INamedTypeSymbol type, ImmutableArray<INamedTypeSymbol>.Builder builder)
        {
            builder.Add(type);
            foreach (var nested in type.GetTypeMembers())
            {
                AddWithNested(nested, builder);
            }
        }
    }

    private static ImmutableArray<DeploymentFile> ReadDeploymentFiles(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var builder = ImmutableArray.CreateBuilder<DeploymentFile>();
        foreach (var file in options.AdditionalFiles)
        {
            if (!DeploymentFile.IsCandidatePath(file.Path))
            {
                continue;
            }

            if (DeploymentFile.GetOrRead(file, cancellationToken) is { } parsed)
            {
                builder.Add(parsed);
            }
        }

        return builder.ToImmutable();
    }

    private HandlerSet FindHandlers(CancellationToken cancellationToken)
    {
        var handlers = ImmutableArray.CreateBuilder<LambdaHandler>();
        var invocationRoots = ImmutableArray.CreateBuilder<IMethodSymbol>();
        var aspNetCore = false;

        if (IsTestProject)
        {
            return new HandlerSet(handlers.ToImmutable(), invocationRoots.ToImmutable(), aspNetCore);
        }

        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (Types.HasLambdaReferences)
        {
            // Syntax first: only methods the declaration index names as candidates (attributes, a context-typed
            // parameter, a conventional name with one parameter) have their symbols' parameters and attributes bound,
            // and only types that list a base type are asked whether they derive from the ASP.NET Core function.
            var declarations = GetDeclarations(cancellationToken);
            var models = new Dictionary<SyntaxTree, SemanticModel>();
            aspNetCore = HostsAspNetCore(declarations, models, cancellationToken);
            foreach (var declaration in declarations.HandlerCandidates)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (DeclaredMethod(declaration, models, cancellationToken) is { } method)
                {
                    AddIfHandler(method, handlers, invocationRoots, seen);
                }
            }

            aspNetCore |= FindBootstrapHandlers(handlers, seen, cancellationToken);
        }

        foreach (var handler in HandlerStrings(cancellationToken))
        {
            var resolution = ResolveHandler(handler, cancellationToken);
            if (resolution.Method is { } method && method.Locations.Length > 0 && method.Locations[0].IsInSource && seen.Add(method))
            {
                handlers.Add(new LambdaHandler(method, HandlerKind.Configured));
            }
        }

        return new HandlerSet(handlers.ToImmutable(), invocationRoots.ToImmutable(), aspNetCore);
    }

    /// <summary>Whether a class that lists a base type derives from the ASP.NET Core function (only when that type exists).</summary>
    private bool HostsAspNetCore(DeclarationIndex declarations, Dictionary<SyntaxTree, SemanticModel> models, CancellationToken cancellationToken)
    {
        if (Types.AbstractAspNetCoreFunction is null)
        {
            return false;
        }

        foreach (var declaration in declarations.TypesWithBaseList)
        {
            if (GetModel(declaration.SyntaxTree, models).GetDeclaredSymbol(declaration, cancellationToken) is { } type && Types.DerivesFromAspNetCoreFunction(type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The ordinary method a candidate declares (a partial method's definition part), in a class or struct.</summary>
    private IMethodSymbol? DeclaredMethod(MethodDeclarationSyntax declaration, Dictionary<SyntaxTree, SemanticModel> models, CancellationToken cancellationToken)
    {
        if (GetModel(declaration.SyntaxTree, models).GetDeclaredSymbol(declaration, cancellationToken) is not { MethodKind: MethodKind.Ordinary } method
            || method.ContainingType?.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return null;
        }

        return Definition(method);
    }

    private SemanticModel GetModel(SyntaxTree tree, Dictionary<SyntaxTree, SemanticModel> models)
    {
        if (!models.TryGetValue(tree, out var model))
        {
#pragma warning disable RS1030 // Declared symbols of the candidate declarations only, once per compilation, outside any analyzer callback's node.
            model = Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
            models[tree] = model;
        }

        return model;
    }

    private void AddIfHandler(IMethodSymbol method, ImmutableArray<LambdaHandler>.Builder handlers, ImmutableArray<IMethodSymbol>.Builder invocationRoots, HashSet<IMethodSymbol> seen)
    {
        // Attributes are bound only for methods that have attribute syntax: binding every method's attributes is
        // most of the cost of finding handlers in a large project.
        var hasAttributes = HasAttributeSyntax(method);
        if (hasAttributes && Types.LambdaFunctionAttribute is not null && HasAttribute(method, Types.LambdaFunctionAttribute))
        {
            if (seen.Add(method))
            {
                handlers.Add(new LambdaHandler(method, HandlerKind.Annotations));
            }

            return;
        }

        if (Types.ILambdaContext is null || !TakesLambdaContext(method))
        {
            if (HasEventSignature(method, hasAttributes) && seen.Add(method))
            {
                handlers.Add(new LambdaHandler(method, HandlerKind.EventSignature));
            }

            return;
        }

        if (HasEntryPointShape(method))
        {
            if (seen.Add(method))
            {
                handlers.Add(new LambdaHandler(method, HandlerKind.ContextParameter));
            }
        }
        else if (!invocationRoots.Contains(method, SymbolEqualityComparer.Default))
        {
            // Receives the context, so it only ever runs during an invocation. (A partial method has two
            // declarations, hence the check; the list stays short: it holds only such methods.)
            invocationRoots.Add(method);
        }
    }

    /// <summary>The class-library handler strings of the deployment files' functions.</summary>
    private IEnumerable<HandlerString> HandlerStrings(CancellationToken cancellationToken)
    {
        foreach (var file in GetDeploymentFiles(cancellationToken))
        {
            foreach (var function in file.Functions)
            {
                if (function.Handler?.Value is { } text && HandlerString.TryParse(text, out var handler))
                {
                    yield return handler;
                }
            }
        }
    }

    /// <summary>The type names (last segment) the handler strings name.</summary>
    private IEnumerable<string> ConfiguredTypeNames(CancellationToken cancellationToken)
        => HandlerStrings(cancellationToken).Select(handler => handler.TypeSimpleName).ToList();

    private bool TakesLambdaContext(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (Types.IsLambdaContext(parameter.Type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>(context), (input, context): the shapes the runtime calls with a context.</summary>
    private bool HasEntryPointShape(IMethodSymbol method)
        => !method.IsGenericMethod
           && method.Parameters.Length is 1 or 2
           && Types.IsLambdaContext(method.Parameters[method.Parameters.Length - 1].Type)
           && method.ContainingType is { IsGenericType: false };

    /// <summary>
    /// Handlers without a context parameter: public, at most one input, in a public non-generic class, and
    /// either a method-level [LambdaSerializer], or a Lambda event type as input under a conventional handler name.
    /// </summary>
    private bool HasEventSignature(IMethodSymbol method, bool hasAttributes)
    {
        if (method.DeclaredAccessibility != Accessibility.Public || method.IsGenericMethod || method.Parameters.Length > 1
            || method.ContainingType is not { DeclaredAccessibility: Accessibility.Public, IsGenericType: false })
        {
            return false;
        }

        if (hasAttributes && Types.LambdaSerializerAttribute is { } serializer && HasAttribute(method, serializer))
        {
            return true;
        }

        // A public method that merely takes an event (a helper such as GetUserId(APIGatewayProxyRequest))
        // is not an entry point; without a context parameter, only the conventional handler names are.
        return method.Parameters.Length == 1 && IsConventionalHandlerName(method.Name) && IsLambdaEventType(method.Parameters[0].Type);
    }

    /// <summary>Whether any declaration of the method carries an attribute list (syntax only, nothing bound).</summary>
    private static bool HasAttributeSyntax(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not MethodDeclarationSyntax declaration || declaration.AttributeLists.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsConventionalHandlerName(string name) => DeclarationIndex.IsConventionalHandlerName(name);

    /// <summary>Types of the Amazon.Lambda.*Events packages (APIGatewayEvents, SQSEvents, CloudWatchEvents…).</summary>
    internal static bool IsLambdaEventType(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        if (ns is null || ns.IsGlobalNamespace)
        {
            return false;
        }

        var name = ns.ToDisplayString();
        return name.StartsWith("Amazon.Lambda.", System.StringComparison.Ordinal)
               && (name.EndsWith("Events", System.StringComparison.Ordinal) || name.Contains("Events."));
    }

    /// <summary>The assembly name of a reference without binding it: the file name, or the referenced compilation's name.</summary>
    private static string ReferenceName(MetadataReference reference)
    {
        if (reference is CompilationReference compilationReference)
        {
            return compilationReference.Compilation.AssemblyName ?? string.Empty;
        }

        var path = (reference as PortableExecutableReference)?.FilePath ?? reference.Display ?? string.Empty;
        var start = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1;
        var end = path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) ? path.Length - 4 : path.Length;
        return end > start ? path.Substring(start, end - start) : string.Empty;
    }

    internal static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Executables (top-level statements, custom runtimes) start the runtime client themselves:
    /// <c>LambdaBootstrapBuilder.Create(handler, serializer).Build().RunAsync()</c>. The handler is the
    /// delegate passed there. ASP.NET Core minimal APIs call <c>AddAWSLambdaHosting</c> in the same place.
    /// Only the entry point's body is searched: that is where the bootstrap is started.
    /// </summary>
    private bool FindBootstrapHandlers(ImmutableArray<LambdaHandler>.Builder handlers, HashSet<IMethodSymbol> seen, CancellationToken cancellationToken)
    {
        if (Compilation.Options.OutputKind is not (OutputKind.ConsoleApplication or OutputKind.WindowsApplication))
        {
            return false;
        }

        IMethodSymbol? entryPoint;
        try
        {
            entryPoint = Compilation.GetEntryPoint(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return false;
        }

        if (entryPoint is null)
        {
            return false;
        }

        var aspNetCore = false;
        foreach (var reference in entryPoint.DeclaringSyntaxReferences)
        {
            var root = reference.GetSyntax(cancellationToken);
            var searchRoot = root is CompilationUnitSyntax unit ? unit : root;
            SemanticModel? model = null;
            foreach (var node in searchRoot.DescendantNodes(n => n is not (TypeDeclarationSyntax or NamespaceDeclarationSyntax or FileScopedNamespaceDeclarationSyntax) || n == searchRoot))
            {
                if (node is not InvocationExpressionSyntax invocation)
                {
                    continue;
                }

                var name = SyntaxHelpers.GetInvokedName(invocation);
                if (name is not ("Create" or "GetHandlerWrapper" or "AddAWSLambdaHosting"))
                {
                    continue;
                }

#pragma warning disable RS1030 // The entry point is found from the compilation; there is no context model for it.
                model ??= Compilation.GetSemanticModel(invocation.SyntaxTree);
#pragma warning restore RS1030
                if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol target)
                {
                    continue;
                }

                if (name == "AddAWSLambdaHosting")
                {
                    aspNetCore = true;
                    continue;
                }

                var container = target.ContainingType?.OriginalDefinition;
                if (!SymbolEqualityComparer.Default.Equals(container, Types.LambdaBootstrapBuilder)
                    && !SymbolEqualityComparer.Default.Equals(container, Types.HandlerWrapper))
                {
                    continue;
                }

                if (invocation.ArgumentList.Arguments.Count == 0)
                {
                    continue;
                }

                var argument = invocation.ArgumentList.Arguments[0].Expression;
                foreach (var (method, lambdaSyntax) in ResolveDelegate(model, argument, cancellationToken))
                {
                    if (seen.Add(method))
                    {
                        handlers.Add(new LambdaHandler(method, HandlerKind.Bootstrap, lambdaSyntax));
                    }
                }
            }
        }

        return aspNetCore;
    }

    /// <summary>A lambda, a method group, or a local holding one of those (one step back).</summary>
    private static IEnumerable<(IMethodSymbol Method, SyntaxNode? Lambda)> ResolveDelegate(SemanticModel model, ExpressionSyntax expression, CancellationToken cancellationToken)
    {
        expression = SyntaxHelpers.SkipParenthesesAndCasts(expression);
        if (expression is AnonymousFunctionExpressionSyntax lambda)
        {
            if (model.GetSymbolInfo(lambda, cancellationToken).Symbol is IMethodSymbol lambdaSymbol)
            {
                yield return (lambdaSymbol, lambda);
            }

            yield break;
        }

        var info = model.GetSymbolInfo(expression, cancellationToken);
        var symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
        switch (symbol)
        {
            case IMethodSymbol method:
                yield return (method.OriginalDefinition, null);
                break;
            case ILocalSymbol local:
                foreach (var declaring in local.DeclaringSyntaxReferences)
                {
                    if (declaring.GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } value }
                        && SyntaxHelpers.SkipParenthesesAndCasts(value) is not IdentifierNameSyntax)
                    {
                        foreach (var resolved in ResolveDelegate(model, value, cancellationToken))
                        {
                            yield return resolved;
                        }
                    }
                }

                break;
        }
    }

    private sealed class SourceTypeList
    {
        public SourceTypeList(ImmutableArray<INamedTypeSymbol> types) => Types = types;

        public ImmutableArray<INamedTypeSymbol> Types { get; }
    }

    private sealed class DeploymentFileList
    {
        public DeploymentFileList(ImmutableArray<DeploymentFile> files) => Files = files;

        public ImmutableArray<DeploymentFile> Files { get; }
    }

    internal sealed class HandlerSet
    {
        public HandlerSet(ImmutableArray<LambdaHandler> handlers, ImmutableArray<IMethodSymbol> invocationRoots, bool aspNetCoreOnLambda)
        {
            Handlers = handlers;
            InvocationRoots = invocationRoots;
            AspNetCoreOnLambda = aspNetCoreOnLambda;
            var methods = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var byMethod = new Dictionary<IMethodSymbol, LambdaHandler>(SymbolEqualityComparer.Default);
            foreach (var handler in handlers)
            {
                methods.Add(handler.Method.OriginalDefinition);
                if (!byMethod.ContainsKey(handler.Method.OriginalDefinition))
                {
                    byMethod[handler.Method.OriginalDefinition] = handler;
                }
            }

            Methods = methods;
            ByMethod = byMethod;
        }

        public ImmutableArray<LambdaHandler> Handlers { get; }

        /// <summary>Methods that are not entry points but take the ILambdaContext (helpers called by handlers).</summary>
        public ImmutableArray<IMethodSymbol> InvocationRoots { get; }

        public bool AspNetCoreOnLambda { get; }

        public HashSet<IMethodSymbol> Methods { get; }

        public Dictionary<IMethodSymbol, LambdaHandler> ByMethod { get; }
    }

    internal HandlerSet GetHandlerSet(CancellationToken cancellationToken) => _handlers.Get(cancellationToken);
}
