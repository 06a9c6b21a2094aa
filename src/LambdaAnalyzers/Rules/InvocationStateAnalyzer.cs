using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using LambdaAnalyzers.Infrastructure;
using LambdaAnalyzers.Lambda;
using LambdaAnalyzers.Templates;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>
/// LAMBDA003: a write, during an invocation, to storage that outlives the invocation — static fields and
/// auto-properties of this compilation, instance fields of the handler object (created once per execution
/// environment) and of objects it keeps in readonly fields — including mutation of a collection or builder
/// held there. Lazy one-time initialization whose value does not come from the invocation (clients,
/// configuration, secrets), constant values (cold-start flags) and caches keyed by constants are resources,
/// not state, and stay quiet.
/// </summary>
/// <remarks>
/// One diagnostic per field and method: the writes of one operation block are collected and, at the end of
/// the block, the first write of each field in source order is reported. No compilation-end action is needed,
/// so the rule works live in the IDE; a field written in two handlers is reported once in each.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvocationStateAnalyzer : DiagnosticAnalyzer
{
    internal const string RuleId = "LAMBDA003";
    internal const string AllowedTypesOption = "allowed_types";
    internal const string AllowedFieldsOption = "allowed_fields";
    private static readonly RuleOption AllowedTypes = new(RuleId, AllowedTypesOption);
    private static readonly RuleOption AllowedFields = new(RuleId, AllowedFieldsOption);

    /// <summary>Diagnostic property: "Static" or "Instance".</summary>
    internal const string StorageKindProperty = "StorageKind";

    /// <summary>Diagnostic property present when the written value is request-independent and stable, written unconditionally.</summary>
    internal const string InitializeOnceProperty = "InitializeOnce";

    /// <summary>ILambdaContext members that are the same for every invocation served by one execution environment.</summary>
    private static readonly ImmutableHashSet<string> EnvironmentScopedContextMembers = ImmutableHashSet.Create(
        StringComparer.Ordinal, "FunctionName", "FunctionVersion", "MemoryLimitInMB", "LogGroupName", "LogStreamName", "InvokedFunctionArn");

    private static readonly ImmutableHashSet<string> MutatorNames = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "Add", "AddRange", "AddOrUpdate", "GetOrAdd", "TryAdd", "TryUpdate", "Insert", "InsertRange",
        "Remove", "RemoveAll", "RemoveAt", "RemoveRange", "RemoveWhere", "TryRemove", "Clear",
        "Enqueue", "Dequeue", "TryDequeue", "Push", "Pop", "TryPop", "TryTake",
        "Append", "AppendLine", "AppendFormat", "AppendJoin", "Replace",
        "UnionWith", "IntersectWith", "ExceptWith", "SymmetricExceptWith", "Set", "CreateEntry");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.LAMBDA003_InvocationStateOutlivesInvocation);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCode.Flags);
        context.RegisterCompilationStartAction(start => Guard.Run(start, OnCompilationStart));
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var model = LambdaModel.GetOrCreate(context.Compilation, context.Options);
        if (model.IsTestProject || (!model.MayContainLambdaCode && !DeploymentFile.HasCandidates(context.Options)))
        {
            return;
        }

        var state = new CompilationState(model, context.Compilation);
        context.RegisterSyntaxNodeAction(
            c => Guard.Run(c, n => AnalyzeMember(n, state)),
            SyntaxKind.MethodDeclaration,
            SyntaxKind.ConstructorDeclaration,
            SyntaxKind.OperatorDeclaration,
            SyntaxKind.ConversionOperatorDeclaration,
            SyntaxKind.GetAccessorDeclaration,
            SyntaxKind.SetAccessorDeclaration,
            SyntaxKind.InitAccessorDeclaration,
            SyntaxKind.AddAccessorDeclaration,
            SyntaxKind.RemoveAccessorDeclaration,
            SyntaxKind.ArrowExpressionClause,
            SyntaxKind.CompilationUnit);
    }

    /// <summary>
    /// One member body (with its lambdas and local functions). Syntax first: only a body that writes through a
    /// name that can be long-lived storage (see <see cref="CompilationState.MayWriteState"/>) is bound, and only
    /// a write that turns out to be such storage asks whether its code runs during an invocation.
    /// </summary>
    private static void AnalyzeMember(SyntaxNodeAnalysisContext context, CompilationState state)
    {
        var node = context.Node;
        SyntaxNode? scope = node switch
        {
            BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
            AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
            ArrowExpressionClauseSyntax { Parent: BasePropertyDeclarationSyntax } arrow => arrow,
            CompilationUnitSyntax unit when HasGlobalStatements(unit) => unit,
            _ => null,
        };

        var ct = context.CancellationToken;
        if (scope is null)
        {
            return;
        }

        var hits = state.Hits.Within(node.SyntaxTree, scope.Span, ct);
        if (hits.Count == 0 || !state.MayWriteState(scope, hits, context.ContainingSymbol?.ContainingType, node is ConstructorDeclarationSyntax, ct))
        {
            return;
        }

        var semanticModel = context.SemanticModel;
        var owner = node is ArrowExpressionClauseSyntax { Parent: { } property }
            ? (semanticModel.GetDeclaredSymbol(property, ct) as IPropertySymbol)?.GetMethod
            : semanticModel.GetDeclaredSymbol(node, ct) as IMethodSymbol;
        if (owner is null || semanticModel.GetOperation(node, ct) is not { } root)
        {
            return;
        }

        var collector = new BlockCollector(state, owner, context.Options);
        foreach (var operation in root.DescendantsAndSelf())
        {
            switch (operation.Kind)
            {
                case OperationKind.SimpleAssignment:
                case OperationKind.CompoundAssignment:
                case OperationKind.CoalesceAssignment:
                case OperationKind.Increment:
                case OperationKind.Decrement:
                case OperationKind.DeconstructionAssignment:
                case OperationKind.Invocation:
                    collector.Visit(operation, ct);
                    break;
            }
        }

        collector.Report(context.ReportDiagnostic, ct);
    }

    private static bool HasGlobalStatements(CompilationUnitSyntax unit)
    {
        foreach (var member in unit.Members)
        {
            if (member is GlobalStatementSyntax)
            {
                return true;
            }
        }

        return false;
    }

    private enum WriteKind
    {
        /// <summary>Plain assignment, deconstruction, Interlocked.Exchange: the value replaces the old one.</summary>
        Assign,
        /// <summary><c>??=</c>, <c>x = x ?? v</c>-like: only written when empty.</summary>
        LazyAssign,
        /// <summary><c>++</c>, <c>--</c>, <c>+=</c>, Interlocked.Increment: the value builds on the previous one.</summary>
        Accumulate,
        /// <summary>Add/Remove/indexer set on a collection or builder held in the storage.</summary>
        Mutate,
        /// <summary>Passed as <c>ref</c>/<c>out</c> to a method that fills it.</summary>
        RefArgument,
    }

    internal enum Origin
    {
        None = 0,
        Caller = 1,
        ComputedFromRequest = 2,
        ComputedFromContext = 3,
        Request = 4,
        Context = 5,
    }

    private sealed class Storage
    {
        public Storage(ISymbol symbol, bool isStatic, bool onHandlerObject, ITypeSymbol type, Storage? outer)
        {
            Symbol = symbol;
            IsStatic = isStatic;
            OnHandlerObject = onHandlerObject;
            Type = type;
            Outer = outer;
        }

        public ISymbol Symbol { get; }

        public bool IsStatic { get; }

        public bool OnHandlerObject { get; }

        public ITypeSymbol Type { get; }

        public Storage? Outer { get; }
    }

    private sealed class Candidate
    {
        public Candidate(Storage storage, IOperation operation, string origin, bool initializeOnce)
        {
            Storage = storage;
            Operation = operation;
            OriginText = origin;
            InitializeOnce = initializeOnce;
        }

        public Storage Storage { get; }

        public IOperation Operation { get; }

        public string OriginText { get; }

        public bool InitializeOnce { get; }
    }

    /// <summary>Symbols and lazily computed facts shared by every block of one compilation.</summary>
    private sealed class CompilationState
    {
        private static readonly string[] ResourceTypeNames =
        {
            "Amazon.Runtime.IAmazonService",
            "Amazon.Runtime.AmazonServiceClient",
            "Amazon.Runtime.AWSCredentials",
            "Amazon.Runtime.ClientConfig",
            "Amazon.RegionEndpoint",
            "System.Net.Http.HttpMessageInvoker",
            "System.Net.Http.HttpMessageHandler",
            "System.Data.Common.DbConnection",
            "System.Data.Common.DbDataSource",
            "System.Data.IDbConnection",
            "System.Text.Json.JsonSerializerOptions",
            "Microsoft.Extensions.Configuration.IConfiguration",
            "System.IServiceProvider",
        };

        private readonly object _gate = new();
        private HashSet<INamedTypeSymbol>? _longLived;
        private HashSet<INamedTypeSymbol>? _handlerTypes;

        public CompilationState(LambdaModel model, Compilation compilation)
        {
            Model = model;
            Compilation = compilation;
            var builder = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var name in ResourceTypeNames)
            {
                if (compilation.GetTypeByMetadataName(name) is { } type)
                {
                    builder.Add(type);
                }
            }

            ResourceTypes = builder.ToImmutable();
            Environment = compilation.GetTypeByMetadataName("System.Environment");
            Interlocked = compilation.GetTypeByMetadataName("System.Threading.Interlocked");
            Volatile = compilation.GetTypeByMetadataName("System.Threading.Volatile");
            LazyInitializer = compilation.GetTypeByMetadataName("System.Threading.LazyInitializer");
            RegionEndpoint = compilation.GetTypeByMetadataName("Amazon.RegionEndpoint");
            TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
            Enumerable = compilation.GetSpecialType(SpecialType.System_Collections_IEnumerable);
            StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
            Hits = new WordHits((_, ct) => GetStorageWords(ct), compilation.SyntaxTrees);
        }

        public LambdaModel Model { get; }

        public Compilation Compilation { get; }

        public ImmutableArray<INamedTypeSymbol> ResourceTypes { get; }

        public INamedTypeSymbol? Environment { get; }

        public INamedTypeSymbol? Interlocked { get; }

        public INamedTypeSymbol? Volatile { get; }

        public INamedTypeSymbol? LazyInitializer { get; }

        public INamedTypeSymbol? RegionEndpoint { get; }

        public INamedTypeSymbol? TimeSpan { get; }

        public INamedTypeSymbol? Enumerable { get; }

        public INamedTypeSymbol? StringBuilder { get; }

        public bool IsCollectionLike(ITypeSymbol? type, string methodName)
        {
            if (type is null)
            {
                return false;
            }

            if (type.Name.IndexOf("Cache", StringComparison.Ordinal) >= 0)
            {
                return true;
            }

            if (methodName is "Set" or "CreateEntry")
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, StringBuilder) || type.TypeKind == TypeKind.Array)
            {
                return true;
            }

            if (Enumerable is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, Enumerable))
            {
                return true;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(@interface, Enumerable))
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsInSource(ISymbol symbol)
            => SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Compilation.Assembly);

        private readonly System.Collections.Concurrent.ConcurrentDictionary<IParameterSymbol, bool> _callersMayPassInput = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// False when the method has call sites in this compilation and each passes, for this parameter, a
        /// constant, a static readonly or const field, a readonly field, nameof, or an environment variable
        /// read. Unknown callers (no call site found, method groups) count as input.
        /// </summary>
        public bool CallersMayPassInput(IParameterSymbol parameter, CancellationToken cancellationToken)
            => _callersMayPassInput.GetOrAdd(parameter.OriginalDefinition, p => ComputeCallersMayPassInput(p, cancellationToken));

        private bool ComputeCallersMayPassInput(IParameterSymbol parameter, CancellationToken cancellationToken)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction } method
                || parameter.RefKind != RefKind.None)
            {
                return true;
            }

            var found = false;
            foreach (var tree in Compilation.SyntaxTrees)
            {
                SemanticModel? semanticModel = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == method.Name
                        && identifier.Parent is not (InvocationExpressionSyntax or MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax }))
                    {
                        // Possibly a method group: its callers are unknown.
                        if (identifier.Parent is not MemberAccessExpressionSyntax access || access.Name == identifier)
                        {
                            return true;
                        }
                    }

                    if (node is not InvocationExpressionSyntax invocation || SyntaxHelpers.GetInvokedName(invocation) != method.Name)
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Call sites live in other methods than the one analyzed; bound only for helpers whose parameter feeds state.
                    semanticModel ??= Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    if (semanticModel.GetOperation(invocation, cancellationToken) is not IInvocationOperation call)
                    {
                        return true;
                    }

                    var target = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
                    if (!SymbolEqualityComparer.Default.Equals(target.OriginalDefinition, method.OriginalDefinition))
                    {
                        continue;
                    }

                    found = true;
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Parameter is { } bound
                            && bound.Ordinal == parameter.Ordinal
                            && !IsInputFree(argument.Value))
                        {
                            return true;
                        }
                    }
                }
            }

            return !found;
        }

        private bool IsInputFree(IOperation operation)
        {
            operation = Strip(operation);
            if (operation.ConstantValue.HasValue)
            {
                return true;
            }

            switch (operation)
            {
                case INameOfOperation:
                    return true;
                case IFieldReferenceOperation { Field: var field } reference:
                    return field.IsConst || (field.IsReadOnly && (field.IsStatic || reference.Instance is IInstanceReferenceOperation));
                case IInvocationOperation invocation:
                    if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType?.OriginalDefinition, Environment)
                        || invocation.TargetMethod.Name != "GetEnvironmentVariable")
                    {
                        return false;
                    }

                    foreach (var argument in invocation.Arguments)
                    {
                        if (!IsInputFree(argument.Value))
                        {
                            return false;
                        }
                    }

                    return true;
                case ICoalesceOperation coalesce:
                    return IsInputFree(coalesce.Value) && IsInputFree(coalesce.WhenNull);
                case IBinaryOperation binary:
                    return IsInputFree(binary.LeftOperand) && IsInputFree(binary.RightOperand);
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation interpolation && !IsInputFree(interpolation.Expression))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }


        /// <summary>Where the storage names occur in each file's text: the pre-filter before any syntax walk.</summary>
        public WordHits Hits { get; }

        private WordSet? _storageWords;

        private WordSet GetStorageWords(CancellationToken cancellationToken)
        {
            var words = System.Threading.Volatile.Read(ref _storageWords);
            if (words is null)
            {
                words = new WordSet(GetStorageNames(cancellationToken));
                words = System.Threading.Interlocked.CompareExchange(ref _storageWords, words, null) ?? words;
            }

            return words;
        }

        /// <summary>
        /// Syntax-only pre-filter: the body assigns, increments, passes by <c>ref</c>/<c>out</c> or calls a
        /// collection mutator on an expression that names something that can be long-lived storage — a static
        /// field or property, an instance field, or an instance property of a class that may be a handler
        /// (storage is always one of those, or reached through one). Writes to locals and to the properties of
        /// objects held in locals (DTOs built per invocation) never get here.
        /// </summary>
        /// <remarks>
        /// Three shapes are decided here, from syntax and declarations alone:
        /// <list type="bullet">
        /// <item>a constructor writing its own members (an unqualified or <c>this.</c> target — constructors initialize their type);</item>
        /// <item>a mutator called on a field or property of the enclosing type whose declared type is not a collection,
        /// builder or cache (<c>_repository.Remove(…)</c>);</item>
        /// <item>lazy initialization (<c>x ??= v</c>) and collection writes (<c>c[k] = v</c>, <c>c[k]++</c>, <c>c.Add(…)</c>)
        /// that mention no parameter or local of the member: the semantic check reports those only when the value or
        /// key derives from a parameter or local (see <c>OriginOf</c>), so a write built from constants, the
        /// environment or other fields (<c>Settings["region"] = Environment.GetEnvironmentVariable(…)</c>) cannot be a finding.</item>
        /// </list>
        /// </remarks>
        public bool MayWriteState(SyntaxNode scope, ArraySegment<int> hits, INamedTypeSymbol? enclosingType, bool isConstructor, CancellationToken cancellationToken)
        {
            var names = GetStorageNames(cancellationToken);
            if (names.Count == 0)
            {
                return false;
            }

            // Only the statements around the names are walked, not the whole body: a write's target names the storage
            // (see NamesStorage), and a target never holds a statement of its own, so the innermost statement around
            // each name holds every write that name can make a candidate.
            List<SyntaxNode>? needInput = null;
            SyntaxNode? walked = null;
            for (var i = 0; i < hits.Count; i++)
            {
                var position = hits.Array![hits.Offset + i];
                if (walked is not null && walked.Span.Contains(position))
                {
                    continue;
                }

                if (scope.FindToken(position).Parent is not SimpleNameSyntax name)
                {
                    continue; // the word is in a comment, a string or a declaration
                }

                walked = WriteRegion(name, scope);
                foreach (var node in walked.DescendantNodesAndSelf())
                {
                    switch (ClassifyWrite(node, names, enclosingType, isConstructor))
                    {
                        case Write.Candidate:
                            return true;
                        case Write.CandidateWithInput:
                            (needInput ??= new List<SyntaxNode>()).Add(InputRegion(node));
                            break;
                    }
                }
            }

            if (needInput is null)
            {
                return false;
            }

            var declared = DeclaredNames(scope);
            foreach (var write in needInput)
            {
                foreach (var node in write.DescendantNodesAndSelf())
                {
                    if (node is IdentifierNameSyntax identifier && declared.Contains(identifier.Identifier.ValueText))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// Where the input of a write that needs input must be named: the whole <c>_seen?.Add(…)</c> for a conditional call,
        /// the whole call for a mutator passed as a method group (<c>items.ForEach(_seen.Add)</c>: the items are the input).
        /// </summary>
        private static SyntaxNode InputRegion(SyntaxNode write)
            => write switch
            {
                InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax } => write.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>() ?? write,
                ArgumentSyntax { Parent.Parent: { } call } => call,
                _ => write,
            };

        /// <summary>The innermost statement around <paramref name="name"/> inside <paramref name="scope"/>, or the scope itself (an expression body).</summary>
        private static SyntaxNode WriteRegion(SyntaxNode name, SyntaxNode scope)
        {
            for (var node = name; node is not null && node != scope; node = node.Parent)
            {
                if (node is StatementSyntax)
                {
                    return node;
                }
            }

            return scope;
        }

        private enum Write
        {
            None,
            Candidate,
            CandidateWithInput,
        }

        /// <summary>Whether <paramref name="node"/> is a write whose target names storage; see <see cref="MayWriteState"/>.</summary>
        private Write ClassifyWrite(SyntaxNode node, HashSet<string> names, INamedTypeSymbol? enclosingType, bool isConstructor)
        {
            ExpressionSyntax? target;
            var onlyWithInput = false;
            switch (node)
            {
                case AssignmentExpressionSyntax assignment:
                    target = assignment.Left;
                    onlyWithInput = assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression) || IsElementAccess(target);
                    break;
                case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression):
                    target = postfix.Operand;
                    onlyWithInput = IsElementAccess(target);
                    break;
                case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                    target = prefix.Operand;
                    onlyWithInput = IsElementAccess(target);
                    break;
                case ArgumentSyntax argument when argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword):
                    target = argument.Expression;
                    break;
                case ArgumentSyntax or InvocationExpressionSyntax when MutatorAccess(node) is { } access:
                    target = access.Expression;
                    if (IsMemberOfNonCollectionType(target, access.Name.Identifier.ValueText, enclosingType))
                    {
                        return Write.None;
                    }

                    onlyWithInput = true;
                    break;
                case InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax binding } invocation
                    when MutatorNames.Contains(binding.Name.Identifier.ValueText) && invocation.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>() is { } conditional:
                    target = conditional.Expression;
                    onlyWithInput = true;
                    break;
                default:
                    return Write.None;
            }

            if (isConstructor && target is SimpleNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax })
            {
                return Write.None;
            }

            if (!NamesStorage(target, names, 0))
            {
                return Write.None;
            }

            return onlyWithInput ? Write.CandidateWithInput : Write.Candidate;
        }

        /// <summary>
        /// <c>_seen.Add</c> in a call (<c>_seen.Add(x)</c>) or passed as a method group (<c>items.ForEach(_seen.Add)</c>:
        /// the callee calls it with the items), when the name is a mutator's.
        /// </summary>
        private static MemberAccessExpressionSyntax? MutatorAccess(SyntaxNode node)
        {
            var access = node switch
            {
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax called } => called,
                ArgumentSyntax { Expression: MemberAccessExpressionSyntax group } => group,
                _ => null,
            };
            return access is not null && MutatorNames.Contains(access.Name.Identifier.ValueText) ? access : null;
        }

        private static bool IsElementAccess(ExpressionSyntax target)
            => SyntaxHelpers.SkipParenthesesAndCasts(target) is ElementAccessExpressionSyntax;

        /// <summary>
        /// Every name the member can read as a parameter or local: the member's (and an indexer's) parameters, the
        /// type's primary-constructor parameters, <c>value</c>, <c>args</c>, and every parameter, local, pattern
        /// variable, loop, catch and query variable declared inside the body (lambdas and local functions included).
        /// </summary>
        private static HashSet<string> DeclaredNames(SyntaxNode scope)
        {
            var names = new HashSet<string>(StringComparer.Ordinal) { "value", "args" };
            for (var node = scope.Parent; node is not null; node = node.Parent)
            {
                if (node is BaseMethodDeclarationSyntax method)
                {
                    AddParameters(method.ParameterList);
                }
                else if (node is IndexerDeclarationSyntax indexer)
                {
                    AddParameters(indexer.ParameterList);
                }
                else if (node is TypeDeclarationSyntax type)
                {
                    AddParameters(type.ParameterList);
                    break;
                }
            }

            foreach (var node in scope.DescendantNodes())
            {
                var identifier = node switch
                {
                    ParameterSyntax parameter => parameter.Identifier,
                    VariableDeclaratorSyntax variable => variable.Identifier,
                    SingleVariableDesignationSyntax designation => designation.Identifier,
                    ForEachStatementSyntax loop => loop.Identifier,
                    CatchDeclarationSyntax @catch => @catch.Identifier,
                    FromClauseSyntax from => from.Identifier,
                    LetClauseSyntax let => let.Identifier,
                    JoinClauseSyntax join => join.Identifier,
                    JoinIntoClauseSyntax into => into.Identifier,
                    QueryContinuationSyntax continuation => continuation.Identifier,
                    _ => default,
                };
                if (identifier.ValueText is { Length: > 0 } text)
                {
                    names.Add(text);
                }
            }

            return names;

            void AddParameters(BaseParameterListSyntax? list)
            {
                if (list is null)
                {
                    return;
                }

                foreach (var parameter in list.Parameters)
                {
                    names.Add(parameter.Identifier.ValueText);
                }
            }
        }

        private bool IsMemberOfNonCollectionType(ExpressionSyntax receiver, string methodName, INamedTypeSymbol? enclosingType)
        {
            if (enclosingType is null)
            {
                return false;
            }

            var name = receiver switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: IdentifierNameSyntax member } => member.Identifier.ValueText,
                _ => null,
            };
            if (name is null)
            {
                return false;
            }

            foreach (var member in enclosingType.GetMembers(name))
            {
                var type = member switch
                {
                    IFieldSymbol field => field.Type,
                    IPropertySymbol property => property.Type,
                    _ => null,
                };
                return type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface } named
                       && !IsCollectionLike(named, methodName);
            }

            return false;
        }

        private static bool NamesStorage(ExpressionSyntax? expression, HashSet<string> names, int depth)
        {
            while (expression is not null && depth < 16)
            {
                depth++;
                expression = SyntaxHelpers.SkipParenthesesAndCasts(expression);
                switch (expression)
                {
                    case SimpleNameSyntax simple:
                        return names.Contains(simple.Identifier.ValueText);
                    case MemberAccessExpressionSyntax access:
                        if (names.Contains(access.Name.Identifier.ValueText))
                        {
                            return true;
                        }

                        expression = access.Expression;
                        break;
                    case ElementAccessExpressionSyntax element:
                        expression = element.Expression;
                        break;
                    case ConditionalAccessExpressionSyntax conditional:
                        if (NamesStorage(conditional.WhenNotNull, names, depth))
                        {
                            return true;
                        }

                        expression = conditional.Expression;
                        break;
                    case MemberBindingExpressionSyntax binding:
                        return names.Contains(binding.Name.Identifier.ValueText);
                    case ElementBindingExpressionSyntax:
                        return false;
                    case PostfixUnaryExpressionSyntax suppress when suppress.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        expression = suppress.Operand;
                        break;
                    case TupleExpressionSyntax tuple:
                        foreach (var argument in tuple.Arguments)
                        {
                            if (NamesStorage(argument.Expression, names, depth))
                            {
                                return true;
                            }
                        }

                        return false;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>From declaration syntax (see <see cref="DeclarationIndex.StorageNames"/>): nothing is bound to build it.</summary>
        private HashSet<string> GetStorageNames(CancellationToken cancellationToken)
            => Model.GetDeclarations(cancellationToken).StorageNames;

        public bool IsHandlerType(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            EnsureTypes(cancellationToken);
            return _handlerTypes!.Contains(type.OriginalDefinition);
        }

        /// <summary>The handler classes (with their base classes) and the source classes held in their readonly fields or in static readonly fields.</summary>
        public bool IsLongLivedType(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            EnsureTypes(cancellationToken);
            return _longLived!.Contains(type.OriginalDefinition);
        }

        private readonly System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, bool> _resourceTypes = new(SymbolEqualityComparer.Default);

        /// <summary>A client, connection, credential or configuration type (cached per type: <c>AllInterfaces</c> substitutes generics each time).</summary>
        public bool IsResourceType(ITypeSymbol? type)
        {
            if (type is null || ResourceTypes.IsEmpty)
            {
                return false;
            }

            if (_resourceTypes.TryGetValue(type, out var known))
            {
                return known;
            }

            known = ComputeIsResourceType(type);
            _resourceTypes.TryAdd(type, known);
            return known;
        }

        private bool ComputeIsResourceType(ITypeSymbol type)
        {

            for (var current = type; current is not null; current = current.BaseType)
            {
                if (ContainsType(current))
                {
                    return true;
                }
            }

            foreach (var @interface in type.AllInterfaces)
            {
                if (ContainsType(@interface))
                {
                    return true;
                }
            }

            return false;

            bool ContainsType(ITypeSymbol candidate)
            {
                foreach (var resource in ResourceTypes)
                {
                    if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, resource))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        private void EnsureTypes(CancellationToken cancellationToken)
        {
            if (_longLived is not null)
            {
                return;
            }

            lock (_gate)
            {
                if (_longLived is not null)
                {
                    return;
                }

                var handlerTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                var longLived = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                var queue = new Queue<INamedTypeSymbol>();
                foreach (var handler in Model.GetHandlers(cancellationToken))
                {
                    if (handler.LambdaSyntax is null && !handler.Method.IsStatic && handler.Method.ContainingType is { } type)
                    {
                        for (var current = type.OriginalDefinition; current is not null && IsInSource(current); current = current.BaseType?.OriginalDefinition)
                        {
                            handlerTypes.Add(current);
                            if (longLived.Add(current))
                            {
                                queue.Enqueue(current);
                            }
                        }
                    }
                }

                // A class with an entry-point-shaped method that invocation code itself creates (new Step().Run(input,
                // context)) is a per-invocation object, not the object the runtime keeps for the environment.
                foreach (var perInvocation in CreatedDuringInvocation(handlerTypes, cancellationToken))
                {
                    handlerTypes.Remove(perInvocation);
                    longLived.Remove(perInvocation);
                }

                queue = new Queue<INamedTypeSymbol>(longLived);
                var sourceTypes = Model.GetSourceTypes(cancellationToken);
                foreach (var type in sourceTypes)
                {
                    foreach (var member in type.GetMembers())
                    {
                        if (member.IsStatic && HeldOnce(member) is { } held)
                        {
                            AddHeld(held, longLived, queue, sourceTypes);
                        }
                    }
                }

                foreach (var singleton in FindSingletonRegistrations(cancellationToken))
                {
                    AddHeld(singleton, longLived, queue, sourceTypes);
                }

                while (queue.Count > 0 && longLived.Count < 500)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var type = queue.Dequeue();
                    foreach (var member in type.GetMembers())
                    {
                        if (!member.IsStatic && HeldOnce(member) is { } held)
                        {
                            AddHeld(held, longLived, queue, sourceTypes);
                        }
                    }
                }

                _handlerTypes = handlerTypes;
                _longLived = longLived;
            }
        }

        /// <summary>
        /// Handler classes that invocation code creates with <c>new</c>: one scan of the source text for their
        /// names, then only the creation expressions found are bound.
        /// </summary>
        private HashSet<INamedTypeSymbol> CreatedDuringInvocation(HashSet<INamedTypeSymbol> handlerTypes, CancellationToken cancellationToken)
        {
            var result = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
            if (handlerTypes.Count == 0)
            {
                return result;
            }

            var byName = new Dictionary<string, List<INamedTypeSymbol>>(StringComparer.Ordinal);
            foreach (var type in handlerTypes)
            {
                if (!byName.TryGetValue(type.Name, out var list))
                {
                    list = new List<INamedTypeSymbol>();
                    byName[type.Name] = list;
                }

                list.Add(type);
            }

            var words = new WordSet(byName.Keys);
            foreach (var tree in Compilation.SyntaxTrees)
            {
                SemanticModel? semanticModel = null;
                SyntaxNode? root = null;
                foreach (var position in WordHits.Scan(tree, words, cancellationToken))
                {
                    root ??= tree.GetRoot(cancellationToken);
                    SyntaxNode? node = root.FindToken(position).Parent;
                    while (node?.Parent is QualifiedNameSyntax or AliasQualifiedNameSyntax)
                    {
                        node = node.Parent;
                    }

                    if (node?.Parent is not ObjectCreationExpressionSyntax creation || creation.Type != node)
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Creations of handler classes are rare; bound once per compilation.
                    semanticModel ??= Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    if (semanticModel.GetTypeInfo(creation, cancellationToken).Type is not INamedTypeSymbol created
                        || !handlerTypes.Contains(created.OriginalDefinition)
                        || result.Contains(created.OriginalDefinition))
                    {
                        continue;
                    }

                    if (semanticModel.GetEnclosingSymbol(creation.SpanStart, cancellationToken) is IMethodSymbol enclosing
                        && Model.IsInvocationCode(enclosing, cancellationToken))
                    {
                        result.Add(created.OriginalDefinition);
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// Services registered with <c>AddSingleton&lt;TService, TImplementation&gt;()</c> / <c>AddSingleton&lt;T&gt;()</c>:
        /// the container keeps one instance for the whole execution environment. Only trees that mention
        /// AddSingleton are bound.
        /// </summary>
        private IEnumerable<ITypeSymbol> FindSingletonRegistrations(CancellationToken cancellationToken)
        {
            foreach (var tree in Compilation.SyntaxTrees)
            {
                if (!tree.TryGetText(out var text))
                {
                    text = tree.GetText(cancellationToken);
                }

                if (text.ToString().IndexOf("AddSingleton", StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                SemanticModel? semanticModel = null;
                foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
                {
                    if (node is not InvocationExpressionSyntax invocation || SyntaxHelpers.GetInvokedName(invocation) != "AddSingleton")
                    {
                        continue;
                    }

                    var name = invocation.Expression switch
                    {
                        MemberAccessExpressionSyntax access => access.Name,
                        SimpleNameSyntax simple => simple,
                        _ => null,
                    };
                    if (name is not GenericNameSyntax generic || generic.TypeArgumentList.Arguments.Count is not (1 or 2))
                    {
                        continue;
                    }

#pragma warning disable RS1030 // Registrations live in startup code, outside the operation being analyzed; bound once per compilation.
                    semanticModel ??= Compilation.GetSemanticModel(tree);
#pragma warning restore RS1030
                    var arguments = generic.TypeArgumentList.Arguments;
                    if (semanticModel.GetTypeInfo(arguments[arguments.Count - 1], cancellationToken).Type is { } type)
                    {
                        yield return type;
                    }
                }
            }
        }

        /// <summary>The type of a readonly field or get-only property: an object created once and kept.</summary>
        private static ITypeSymbol? HeldOnce(ISymbol member)
            => member switch
            {
                IFieldSymbol { IsReadOnly: true, IsConst: false } field => field.Type,
                IPropertySymbol { SetMethod: null, IsIndexer: false } property when property.GetMethod is { } getter && getter.IsImplicitlyDeclared is false && IsAutoProperty(property) => property.Type,
                _ => null,
            };

        private void AddHeld(ITypeSymbol held, HashSet<INamedTypeSymbol> longLived, Queue<INamedTypeSymbol> queue, ImmutableArray<INamedTypeSymbol> sourceTypes)
        {
            if (held is not INamedTypeSymbol named || !IsInSource(named) || named.IsRecord)
            {
                return;
            }

            if (named.TypeKind == TypeKind.Class)
            {
                if (longLived.Add(named.OriginalDefinition))
                {
                    queue.Enqueue(named.OriginalDefinition);
                }
            }
            else if (named.TypeKind == TypeKind.Interface)
            {
                _implementations ??= IndexImplementations(sourceTypes);
                if (_implementations.TryGetValue(named.OriginalDefinition, out var candidates))
                {
                    foreach (var candidate in candidates)
                    {
                        if (longLived.Add(candidate))
                        {
                            queue.Enqueue(candidate);
                        }
                    }
                }
            }
        }

        private Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>? _implementations;

        /// <summary>Each interface mapped to the source classes (not records) that implement it: built once, not searched per field.</summary>
        private static Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>> IndexImplementations(ImmutableArray<INamedTypeSymbol> sourceTypes)
        {
            var index = new Dictionary<INamedTypeSymbol, List<INamedTypeSymbol>>(SymbolEqualityComparer.Default);
            foreach (var candidate in sourceTypes)
            {
                if (candidate.TypeKind != TypeKind.Class || candidate.IsRecord)
                {
                    continue;
                }

                foreach (var @interface in candidate.AllInterfaces)
                {
                    var key = @interface.OriginalDefinition;
                    if (!index.TryGetValue(key, out var list))
                    {
                        list = new List<INamedTypeSymbol>();
                        index[key] = list;
                    }

                    list.Add(candidate.OriginalDefinition);
                }
            }

            return index;
        }
    }

    internal static bool IsAutoProperty(IPropertySymbol property)
    {
        if (property.IsAbstract || property.IsExtern || property.DeclaringSyntaxReferences.Length == 0)
        {
            return false;
        }

        foreach (var reference in property.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not PropertyDeclarationSyntax { ExpressionBody: null, AccessorList: { } accessors })
            {
                return false;
            }

            foreach (var accessor in accessors.Accessors)
            {
                if (accessor.Body is not null || accessor.ExpressionBody is not null)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Collects the candidate writes of one operation block; reports the first per field at the end.</summary>
    private sealed class BlockCollector
    {
        private readonly CompilationState _state;
        private readonly IMethodSymbol _owner;
        private readonly AnalyzerOptions _options;
        private readonly object _gate = new();
        private readonly List<Candidate> _candidates = new();
        private readonly Dictionary<IMethodSymbol, bool> _invocationCode = new(SymbolEqualityComparer.Default);
        private LocalDefinitions? _locals;

        public BlockCollector(CompilationState state, IMethodSymbol owner, AnalyzerOptions options)
        {
            _state = state;
            _owner = owner;
            _options = options;
        }

        private LambdaModel Model => _state.Model;

        public void Visit(IOperation operation, CancellationToken context)
        {
            switch (operation)
            {
                case ISimpleAssignmentOperation assignment:
                    if (IsCollectionElement(assignment.Target, out var collection, out var keys))
                    {
                        Consider(collection, assignment, WriteKind.Mutate, Combine(assignment.Value, keys), context);
                    }
                    else
                    {
                        Consider(assignment.Target, assignment, IsSelfCoalesce(assignment) ? WriteKind.LazyAssign : WriteKind.Assign, ImmutableArray.Create(assignment.Value), context);
                    }

                    break;
                case ICoalesceAssignmentOperation coalesce:
                    Consider(coalesce.Target, coalesce, WriteKind.LazyAssign, ImmutableArray.Create(coalesce.Value), context);
                    break;
                case ICompoundAssignmentOperation compound:
                    if (IsCollectionElement(compound.Target, out var compoundCollection, out var compoundKeys))
                    {
                        Consider(compoundCollection, compound, WriteKind.Mutate, Combine(compound.Value, compoundKeys), context);
                    }
                    else
                    {
                        Consider(compound.Target, compound, WriteKind.Accumulate, ImmutableArray.Create(compound.Value), context);
                    }

                    break;
                case IIncrementOrDecrementOperation increment:
                    if (IsCollectionElement(increment.Target, out var incrementCollection, out var incrementKeys))
                    {
                        Consider(incrementCollection, increment, WriteKind.Mutate, incrementKeys, context);
                    }
                    else
                    {
                        Consider(increment.Target, increment, WriteKind.Accumulate, ImmutableArray<IOperation>.Empty, context);
                    }

                    break;
                case IDeconstructionAssignmentOperation deconstruction when deconstruction.Target is ITupleOperation tuple:
                    foreach (var element in tuple.Elements)
                    {
                        Consider(element, deconstruction, WriteKind.Assign, ImmutableArray.Create(deconstruction.Value), context);
                    }

                    break;
                case IInvocationOperation invocation:
                    VisitInvocation(invocation, context);
                    break;
            }
        }

        private static ImmutableArray<IOperation> Combine(IOperation value, ImmutableArray<IOperation> keys)
            => keys.Insert(0, value);

        /// <summary><c>x = x ?? v</c> and <c>x = x == null ? v : x</c>: lazy initialization spelled out.</summary>
        private static bool IsSelfCoalesce(ISimpleAssignmentOperation assignment)
        {
            var target = ReferencedSymbol(assignment.Target);
            if (target is null)
            {
                return false;
            }

            return Strip(assignment.Value) switch
            {
                ICoalesceOperation coalesce => SymbolEqualityComparer.Default.Equals(ReferencedSymbol(coalesce.Value), target),
                IConditionalOperation conditional => ReadsSymbol(conditional.Condition, target),
                _ => false,
            };
        }

        private static bool IsCollectionElement(IOperation target, out IOperation collection, out ImmutableArray<IOperation> keys)
        {
            switch (target)
            {
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } indexer:
                    collection = instance;
                    keys = ArgumentValues(indexer.Arguments);
                    return true;
                case IArrayElementReferenceOperation element:
                    collection = element.ArrayReference;
                    keys = element.Indices;
                    return true;
                default:
                    collection = target;
                    keys = ImmutableArray<IOperation>.Empty;
                    return false;
            }
        }

        private static ImmutableArray<IOperation> ArgumentValues(ImmutableArray<IArgumentOperation> arguments)
        {
            var builder = ImmutableArray.CreateBuilder<IOperation>(arguments.Length);
            foreach (var argument in arguments)
            {
                builder.Add(argument.Value);
            }

            return builder.MoveToImmutable();
        }

        private void VisitInvocation(IInvocationOperation invocation, CancellationToken context)
        {
            var method = invocation.TargetMethod;
            var containing = method.ContainingType?.OriginalDefinition;

            // ref/out arguments: the callee writes the storage.
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { RefKind: RefKind.Ref or RefKind.Out } parameter)
                {
                    continue;
                }

                if (containing is not null
                    && (SymbolEqualityComparer.Default.Equals(containing, _state.LazyInitializer)
                        || (SymbolEqualityComparer.Default.Equals(containing, _state.Volatile) && method.Name == "Read")
                        || (SymbolEqualityComparer.Default.Equals(containing, _state.Interlocked) && method.Name == "Read")))
                {
                    continue;
                }

                if (containing is not null
                    && (SymbolEqualityComparer.Default.Equals(containing, _state.Interlocked) || SymbolEqualityComparer.Default.Equals(containing, _state.Volatile)))
                {
                    switch (method.Name)
                    {
                        case "Exchange" or "Write" when invocation.Arguments.Length >= 2:
                            Consider(argument.Value, invocation, WriteKind.Assign, ImmutableArray.Create(invocation.Arguments[1].Value), context);
                            continue;
                        case "CompareExchange" when invocation.Arguments.Length >= 3:
                            var comparand = Strip(invocation.Arguments[2].Value);
                            var lazy = comparand.ConstantValue is { HasValue: true, Value: null };
                            Consider(argument.Value, invocation, lazy ? WriteKind.LazyAssign : WriteKind.Assign, ImmutableArray.Create(invocation.Arguments[1].Value), context);
                            continue;
                        default:
                            Consider(argument.Value, invocation, WriteKind.Accumulate, OtherArguments(invocation, argument), context);
                            continue;
                    }
                }

                _ = parameter;
                Consider(argument.Value, invocation, WriteKind.RefArgument, OtherArguments(invocation, argument), context);
            }

            // A mutator passed as a method group (items.ForEach(_seen.Add)): the callee calls it with the items, which
            // come from the receiver and the other arguments.
            foreach (var argument in invocation.Arguments)
            {
                if (Strip(argument.Value) is IDelegateCreationOperation { Target: IMethodReferenceOperation { Instance: { } groupReceiver } group }
                    && MutatorNames.Contains(group.Method.Name)
                    && !_state.IsInSource(group.Method)
                    && _state.IsCollectionLike(Strip(groupReceiver).Type, group.Method.Name))
                {
                    Consider(groupReceiver, group, WriteKind.Mutate, OtherArguments(invocation, argument), context);
                }
            }

            // Mutation of a collection or builder held in the storage.
            if (!MutatorNames.Contains(method.Name) || _state.IsInSource(method))
            {
                return;
            }

            IOperation? receiver = invocation.Instance;
            var values = ArgumentValues(invocation.Arguments);
            if (receiver is null && method.IsExtensionMethod && invocation.Arguments.Length > 0)
            {
                receiver = invocation.Arguments[0].Value;
                values = values.RemoveAt(0);
            }

            if (receiver is null)
            {
                return;
            }

            // Collections, builders and caches only: Counter<T>.Add (metrics), Stopwatch, clients are not state.
            if (!_state.IsCollectionLike(Strip(receiver).Type, method.Name))
            {
                return;
            }

            Consider(receiver, invocation, WriteKind.Mutate, values, context);
        }

        private static ImmutableArray<IOperation> OtherArguments(IInvocationOperation invocation, IArgumentOperation except)
        {
            var builder = ImmutableArray.CreateBuilder<IOperation>();
            if (invocation.Instance is { } instance)
            {
                builder.Add(instance);
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument != except)
                {
                    builder.Add(argument.Value);
                }
            }

            return builder.ToImmutable();
        }

        private void Consider(IOperation target, IOperation write, WriteKind kind, ImmutableArray<IOperation> values, CancellationToken ct)
        {
            if (GetStorage(target, ct, 0) is not { } storage)
            {
                return;
            }

            var executing = ExecutingSymbol(write);
            if (executing is null)
            {
                return;
            }

            // Constructors initialize their own type: never state.
            if (executing.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor
                && SymbolEqualityComparer.Default.Equals(RootSymbol(storage).ContainingType?.OriginalDefinition, executing.ContainingType?.OriginalDefinition))
            {
                return;
            }

            if (IsAllowed(storage, write.Syntax.SyntaxTree))
            {
                return;
            }

            LocalDefinitions flow;
            lock (_gate)
            {
                flow = _locals ??= new LocalDefinitions(Root(write));
            }

            var chain = ExecutingChain(executing);
            var origin = Origin.None;
            foreach (var value in values)
            {
                origin = Max(origin, OriginOf(value, flow, chain, ct));
            }

            var dependent = origin != Origin.None;
            bool Resource() => _state.IsResourceType(storage.Type) || (values.Length == 1 && _state.IsResourceType(Strip(values[0]).Type));
            var initializeOnce = false;
            switch (kind)
            {
                case WriteKind.Assign:
                    if (values.Length == 1 && Strip(values[0]).ConstantValue.HasValue)
                    {
                        return;
                    }

                    if (!dependent && IsGuarded(write))
                    {
                        return;
                    }

                    if (dependent && Resource() && IsGuarded(write))
                    {
                        return;
                    }

                    initializeOnce = !dependent && values.Length == 1 && IsInitializeOnceCandidate(write, storage, executing) && IsStable(values[0]);
                    break;
                case WriteKind.LazyAssign:
                    if (!dependent || Resource())
                    {
                        return;
                    }

                    break;
                case WriteKind.Accumulate:
                    if (!dependent && IsGuarded(write))
                    {
                        return;
                    }

                    break;
                case WriteKind.Mutate:
                    // A cache keyed by a constant is a cache; a cache of clients is a resource cache.
                    if (!dependent || Resource() || HoldsResources(storage.Type))
                    {
                        return;
                    }

                    break;
                case WriteKind.RefArgument:
                    if (!dependent && IsGuarded(write))
                    {
                        return;
                    }

                    break;
            }

            // Last, because it is the one whole-compilation question: does this code run during an invocation?
            if (!IsInvocationCode(executing, ct))
            {
                return;
            }

            var originText = origin switch
            {
                Origin.Context => "the ILambdaContext",
                Origin.Request => "the request",
                Origin.ComputedFromContext => "a value computed from the ILambdaContext",
                Origin.ComputedFromRequest => "a value computed from the request",
                Origin.Caller => "a value passed in by the caller",
                _ => kind == WriteKind.Accumulate ? "a value that accumulates across invocations" : "a value the invocation computed",
            };

            lock (_gate)
            {
                _candidates.Add(new Candidate(storage, write, originText, initializeOnce));
            }
        }

        public void Report(Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            List<Candidate> candidates;
            lock (_gate)
            {
                if (_candidates.Count == 0)
                {
                    return;
                }

                candidates = new List<Candidate>(_candidates);
            }

            candidates.Sort((a, b) => a.Operation.Syntax.SpanStart.CompareTo(b.Operation.Syntax.SpanStart));
            var seen = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var candidate in candidates)
            {
                if (!seen.Add(candidate.Storage.Symbol.OriginalDefinition))
                {
                    continue;
                }

                var executing = ExecutingSymbol(candidate.Operation) ?? _owner;
                var properties = ImmutableDictionary<string, string?>.Empty
                    .Add(StorageKindProperty, candidate.Storage.IsStatic ? "Static" : "Instance");
                if (candidate.InitializeOnce)
                {
                    properties = properties.Add(InitializeOnceProperty, "true");
                }

                report(Diagnostic.Create(
                    Descriptors.LAMBDA003_InvocationStateOutlivesInvocation,
                    ReportedSyntax(candidate.Operation.Syntax).GetLocation(),
                    properties,
                    Describe(candidate.Storage, cancellationToken),
                    candidate.OriginText,
                    HandlerName(executing, cancellationToken)));
            }
        }

        /// <summary>The write's syntax, widened from <c>.Add(…)</c> to the whole <c>_seen?.Add(…)</c> for a conditional call.</summary>
        private static SyntaxNode ReportedSyntax(SyntaxNode write)
        {
            if (write is not InvocationExpressionSyntax { Expression: MemberBindingExpressionSyntax })
            {
                return write;
            }

            SyntaxNode node = write;
            while (node.Parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == node)
            {
                node = conditional;
            }

            return node;
        }

        private string Describe(Storage storage, CancellationToken cancellationToken)
        {
            var symbol = storage.Symbol;
            var name = (symbol.ContainingType?.Name is { } type ? type + "." : string.Empty) + symbol.Name;
            var noun = symbol is IPropertySymbol ? "property" : "field";
            if (storage.IsStatic)
            {
                return "Static " + noun + " '" + name + "'";
            }

            return storage.OnHandlerObject && symbol.ContainingType is { } containing && _state.IsHandlerType(containing, cancellationToken)
                ? "Handler-object " + noun + " '" + name + "' (the runtime creates the handler once per execution environment)"
                : char.ToUpperInvariant(noun[0]) + noun.Substring(1) + " '" + name + "' of an object kept for the whole execution environment";
        }

        /// <summary>The handler the write runs in, or the handler a helper is first reached from.</summary>
        private string HandlerName(IMethodSymbol executing, CancellationToken cancellationToken)
        {
            for (IMethodSymbol? current = executing; current is not null; current = current.ContainingSymbol as IMethodSymbol)
            {
                if (HandlerDisplayName(current, cancellationToken) is { } name)
                {
                    return name;
                }
            }

            if (Model.GetInvokingRoot(executing, cancellationToken) is { } root)
            {
                return HandlerDisplayName(root, cancellationToken) ?? MethodName(root);
            }

            return MethodName(executing);
        }

        private string? HandlerDisplayName(IMethodSymbol method, CancellationToken cancellationToken)
        {
            return Model.GetHandler(method, cancellationToken)?.DisplayName;
        }

        private static string MethodName(IMethodSymbol executing)
        {
            var method = executing;
            while (method.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction && method.ContainingSymbol is IMethodSymbol outer)
            {
                method = outer;
            }

            var name = method.MethodKind switch
            {
                MethodKind.PropertyGet or MethodKind.PropertySet => method.AssociatedSymbol?.Name ?? method.Name,
                _ => method.Name,
            };
            return method.ContainingType is { } type ? type.Name + "." + name : name;
        }

        private bool IsInvocationCode(IMethodSymbol executing, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_invocationCode.TryGetValue(executing, out var known))
                {
                    return known;
                }
            }

            var result = Model.IsInvocationCode(executing, cancellationToken);
            lock (_gate)
            {
                _invocationCode[executing] = result;
            }

            return result;
        }

        private bool IsAllowed(Storage storage, SyntaxTree tree)
        {
            var fields = AnalyzerOptionsExtensions.SplitList(_options.GetRuleOption(tree, AllowedFields));
            var types = AnalyzerOptionsExtensions.SplitList(_options.GetRuleOption(tree, AllowedTypes));
            if (fields.Length == 0 && types.Length == 0)
            {
                return false;
            }

            for (var current = storage; current is not null; current = current.Outer)
            {
                var symbol = current.Symbol;
                foreach (var field in fields)
                {
                    if (field == symbol.Name
                        || (symbol.ContainingType is { } containing
                            && (field == containing.Name + "." + symbol.Name
                                || field == containing.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty) + "." + symbol.Name)))
                    {
                        return true;
                    }
                }

                foreach (var type in types)
                {
                    if (MatchesType(current.Type, type) || (symbol.ContainingType is { } containing && MatchesType(containing, type)))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool MatchesType(ITypeSymbol type, string name)
        {
            var definition = type.OriginalDefinition;
            if (definition.Name == name || definition.MetadataName == name)
            {
                return true;
            }

            var full = definition.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." : string.Empty;
            var withContainers = definition.ContainingType is { } outer ? outer.ToDisplayString() + "." : full;
            return name == withContainers + definition.Name || name == withContainers + definition.MetadataName
                   || name == definition.ToDisplayString();
        }

        private bool HoldsResources(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { IsGenericType: true } named && named.TypeArguments.Length > 0)
            {
                var last = named.TypeArguments[named.TypeArguments.Length - 1];
                if (last is INamedTypeSymbol { IsGenericType: true } inner && inner.Name == "Lazy" && inner.TypeArguments.Length == 1)
                {
                    last = inner.TypeArguments[0];
                }

                return _state.IsResourceType(last);
            }

            return false;
        }

        /// <summary>What a <c>?.</c> instance stands for: the operand of the nearest conditional access whose <c>WhenNotNull</c> holds it.</summary>
        private static IOperation? ConditionalReceiver(IConditionalAccessInstanceOperation instance)
        {
            IOperation child = instance;
            for (var parent = instance.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation conditional && conditional.WhenNotNull == child)
                {
                    return conditional.Operation;
                }
            }

            return null;
        }

        private Storage? GetStorage(IOperation? operation, CancellationToken cancellationToken, int depth)
        {
            if (operation is null || depth > 4)
            {
                return null;
            }

            operation = Strip(operation);
            switch (operation)
            {
                case IFieldReferenceOperation fieldReference:
                {
                    var field = fieldReference.Field;
                    if (!field.IsStatic && field.ContainingType is { IsValueType: true } && !_state.IsInSource(field))
                    {
                        // An element of a tuple or another library struct stored in the storage: the storage itself is written.
                        return GetStorage(fieldReference.Instance, cancellationToken, depth + 1);
                    }

                    if (field.IsConst || !_state.IsInSource(field) || field.IsImplicitlyDeclared && field.AssociatedSymbol is null)
                    {
                        return null;
                    }

                    ISymbol symbol = field.AssociatedSymbol as IPropertySymbol ?? (ISymbol)field;
                    return field.IsStatic
                        ? new Storage(symbol.OriginalDefinition, true, false, field.Type, null)
                        : InstanceStorage(symbol.OriginalDefinition, field.Type, fieldReference.Instance, cancellationToken, depth);
                }

                case IPropertyReferenceOperation { Property.IsIndexer: false } propertyReference:
                {
                    var property = propertyReference.Property;
                    if (!_state.IsInSource(property) || !IsAutoProperty(property.OriginalDefinition))
                    {
                        return null;
                    }

                    return property.IsStatic
                        ? new Storage(property.OriginalDefinition, true, false, property.Type, null)
                        : InstanceStorage(property.OriginalDefinition, property.Type, propertyReference.Instance, cancellationToken, depth);
                }

                case IConditionalAccessInstanceOperation instance:
                    // `_seen?.Add(…)`: the receiver is the conditional access's operand.
                    return GetStorage(ConditionalReceiver(instance), cancellationToken, depth + 1);

                default:
                    return null;
            }
        }

        private Storage? InstanceStorage(ISymbol symbol, ITypeSymbol type, IOperation? instance, CancellationToken cancellationToken, int depth)
        {
            if (instance is null)
            {
                return null;
            }

            instance = Strip(instance);
            if (instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance })
            {
                if (symbol.ContainingType is not { } containing || !_state.IsLongLivedType(containing, cancellationToken))
                {
                    return null;
                }

                // Objects the handler keeps: their private fields are their state. Auto-properties written through
                // `this` are left out there: data classes (also created per invocation) use them.
                return symbol is IFieldSymbol || _state.IsHandlerType(containing, cancellationToken)
                    ? new Storage(symbol, false, true, type, null)
                    : null;
            }

            return GetStorage(instance, cancellationToken, depth + 1) is { } outer
                ? new Storage(symbol, false, false, type, outer)
                : null;
        }

        private static ISymbol RootSymbol(Storage storage)
        {
            var current = storage;
            while (current.Outer is not null)
            {
                current = current.Outer;
            }

            return current.Symbol;
        }

        private IMethodSymbol? ExecutingSymbol(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case IAnonymousFunctionOperation lambda:
                        return lambda.Symbol;
                    case ILocalFunctionOperation local:
                        return local.Symbol;
                }
            }

            return _owner;
        }

        private static List<IMethodSymbol> ExecutingChain(IMethodSymbol executing)
        {
            var chain = new List<IMethodSymbol>();
            for (IMethodSymbol? current = executing; current is not null; current = current.ContainingSymbol as IMethodSymbol)
            {
                chain.Add(current.OriginalDefinition);
            }

            return chain;
        }

        /// <summary>
        /// Where the written value comes from: the handler's parameters (request, context), a local computed
        /// from them, or a parameter of the helper that writes it. Constants, <c>new</c>, environment and
        /// configuration reads, other fields: <see cref="Origin.None"/>.
        /// </summary>
        private Origin OriginOf(IOperation value, LocalDefinitions flow, List<IMethodSymbol> chain, CancellationToken cancellationToken)
        {
            var visited = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            var direct = Strip(value);
            var result = Origin.None;
            Walk(value, computed: false, depth: 0);
            return result;

            void Walk(IOperation operation, bool computed, int depth)
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (operation)
                {
                    case IPropertyReferenceOperation { Instance: { } instance } property
                        when EnvironmentScopedContextMembers.Contains(property.Property.Name) && Model.Types.IsLambdaContext(Strip(instance).Type):
                        // The function's name, version, memory, log group: the same for every invocation of this environment.
                        return;
                    case IParameterReferenceOperation parameterReference:
                    {
                        var found = Classify(parameterReference.Parameter, chain, cancellationToken);
                        if (found is Origin.Request or Origin.Context && (computed || operation != direct))
                        {
                            found = found == Origin.Request ? Origin.ComputedFromRequest : Origin.ComputedFromContext;
                        }

                        result = Max(result, found);
                        return;
                    }

                    case ILocalReferenceOperation { IsDeclaration: false } localReference:
                        if (depth < 8 && visited.Add(localReference.Local))
                        {
                            foreach (var definition in flow.Get(localReference.Local))
                            {
                                Walk(definition, computed: true, depth + 1);
                            }
                        }

                        return;
                }

                foreach (var child in operation.ChildOperations)
                {
                    Walk(child, computed, depth);
                }
            }
        }

        private Origin Classify(IParameterSymbol parameter, List<IMethodSymbol> chain, CancellationToken cancellationToken)
        {
            if (Model.Types.IsLambdaContext(parameter.Type))
            {
                return Origin.Context;
            }

            if (parameter.ContainingSymbol is not IMethodSymbol method)
            {
                return Origin.None;
            }

            var definition = method.OriginalDefinition;
            var inChain = false;
            foreach (var link in chain)
            {
                if (SymbolEqualityComparer.Default.Equals(link, definition))
                {
                    inChain = true;
                    break;
                }
            }

            if (!inChain)
            {
                // A lambda declared inside the written value (a cache's factory): its parameters are its own.
                return Origin.None;
            }

            if (Model.IsHandler(method, cancellationToken))
            {
                return Origin.Request;
            }

            if (method.MethodKind is MethodKind.Constructor or MethodKind.StaticConstructor)
            {
                return Origin.None;
            }

            // A helper's parameter: input unless every call site passes a constant or configuration
            // (GetSecretAsync("prod/db"), GetSecretAsync(SecretId)) — a cache keyed that way is a cache.
            return _state.CallersMayPassInput(parameter, cancellationToken) ? Origin.Caller : Origin.None;
        }

        /// <summary>
        /// Lazy one-time initialization: the write sits under a condition that reads outliving storage
        /// (<c>if (x == null)</c>, <c>if (!_initialized)</c>, double-checked locking), in the null branch of
        /// <c>??</c>, or after an early return guarded by such a condition.
        /// </summary>
        private bool IsGuarded(IOperation write)
        {
            var child = write;
            for (var parent = write.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when child != conditional.Condition && ReadsStorage(conditional.Condition):
                        return true;
                    case ICoalesceOperation coalesce when child == coalesce.WhenNull && ReadsStorage(coalesce.Value):
                        return true;
                    case IBlockOperation block:
                        foreach (var statement in block.Operations)
                        {
                            if (statement == child)
                            {
                                break;
                            }

                            if (statement is IConditionalOperation { WhenFalse: null } early && ExitsAlways(early.WhenTrue) && ReadsStorage(early.Condition))
                            {
                                return true;
                            }
                        }

                        break;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        private static bool ExitsAlways(IOperation operation)
            => operation switch
            {
                IReturnOperation or IThrowOperation => true,
                IExpressionStatementOperation { Operation: IThrowOperation } => true,
                IBlockOperation { Operations.Length: > 0 } block => ExitsAlways(block.Operations[block.Operations.Length - 1]),
                IBranchOperation => true,
                _ => false,
            };

        private bool ReadsStorage(IOperation condition)
        {
            foreach (var node in condition.DescendantsAndSelf())
            {
                if (node is IFieldReferenceOperation or IPropertyReferenceOperation && GetStorage(node, CancellationToken.None, 0) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The fix "initialize once and make it readonly" applies to a plain field assignment statement at the top of the method body.</summary>
        private static bool IsInitializeOnceCandidate(IOperation write, Storage storage, IMethodSymbol executing)
            => write is ISimpleAssignmentOperation
               && storage.Outer is null
               && storage.Symbol is IFieldSymbol { IsReadOnly: false, IsImplicitlyDeclared: false }
               && executing.MethodKind is MethodKind.Ordinary
               && SymbolEqualityComparer.Default.Equals(storage.Symbol.ContainingType, executing.ContainingType?.OriginalDefinition)
               && write.Parent is IExpressionStatementOperation { Parent: IBlockOperation { Parent: IMethodBodyOperation or null } };

        /// <summary>A value that is the same on every invocation: constants, readonly statics, environment variables, clients and their configs built from those.</summary>
        private bool IsStable(IOperation operation)
        {
            operation = Strip(operation);
            if (operation.ConstantValue.HasValue)
            {
                return true;
            }

            switch (operation)
            {
                case IFieldReferenceOperation { Field: { IsStatic: true } field }:
                    return field.IsReadOnly || field.IsConst;
                case IInvocationOperation invocation:
                    var containing = invocation.TargetMethod.ContainingType?.OriginalDefinition;
                    var known = invocation.TargetMethod.IsStatic
                        && ((SymbolEqualityComparer.Default.Equals(containing, _state.Environment) && invocation.TargetMethod.Name == "GetEnvironmentVariable")
                            || SymbolEqualityComparer.Default.Equals(containing, _state.RegionEndpoint)
                            || (SymbolEqualityComparer.Default.Equals(containing, _state.TimeSpan) && invocation.TargetMethod.Name.StartsWith("From", StringComparison.Ordinal)));
                    return known && AllStable(ArgumentValues(invocation.Arguments));
                case IObjectCreationOperation creation:
                    return creation.Type is { } created
                           && !_state.IsInSource(created)
                           && (_state.IsResourceType(created) || created.Name.EndsWith("Config", StringComparison.Ordinal) || created.Name.EndsWith("Options", StringComparison.Ordinal))
                           && AllStable(ArgumentValues(creation.Arguments))
                           && (creation.Initializer is null || InitializerStable(creation.Initializer));
                case ICoalesceOperation coalesce:
                    return IsStable(coalesce.Value) && IsStable(coalesce.WhenNull);
                case IBinaryOperation binary:
                    return IsStable(binary.LeftOperand) && IsStable(binary.RightOperand);
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation interpolation && !IsStable(interpolation.Expression))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }

            bool AllStable(ImmutableArray<IOperation> values)
            {
                foreach (var value in values)
                {
                    if (!IsStable(value))
                    {
                        return false;
                    }
                }

                return true;
            }

            bool InitializerStable(IObjectOrCollectionInitializerOperation initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is not ISimpleAssignmentOperation assignment || !IsStable(assignment.Value))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }

    private static Origin Max(Origin a, Origin b) => a >= b ? a : b;

    private static IOperation Strip(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case IAwaitOperation await:
                    operation = await.Operation;
                    continue;
                default:
                    return operation;
            }
        }
    }

    private static ISymbol? ReferencedSymbol(IOperation operation)
        => Strip(operation) switch
        {
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };

    private static bool ReadsSymbol(IOperation operation, ISymbol symbol)
    {
        foreach (var node in operation.DescendantsAndSelf())
        {
            if (SymbolEqualityComparer.Default.Equals(ReferencedSymbol(node), symbol))
            {
                return true;
            }
        }

        return false;
    }

    private static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is not null)
        {
            current = current.Parent;
        }

        return current;
    }

    /// <summary>For each local of a method body, the operations its value comes from.</summary>
    private sealed class LocalDefinitions
    {
        private readonly IOperation _root;
        private Dictionary<ILocalSymbol, List<IOperation>>? _definitions;

        public LocalDefinitions(IOperation root) => _root = root;

        public IReadOnlyList<IOperation> Get(ILocalSymbol local)
        {
            lock (_root)
            {
                _definitions ??= Build(_root);
            }

            return _definitions.TryGetValue(local, out var list) ? list : (IReadOnlyList<IOperation>)Array.Empty<IOperation>();
        }

        private static Dictionary<ILocalSymbol, List<IOperation>> Build(IOperation root)
        {
            var definitions = new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            foreach (var node in root.DescendantsAndSelf())
            {
                switch (node)
                {
                    case IVariableDeclaratorOperation declarator when declarator.GetVariableInitializer() is { } initializer:
                        Add(declarator.Symbol, initializer.Value);
                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation local } assignment:
                        Add(local.Local, assignment.Value);
                        break;
                    case IDeconstructionAssignmentOperation deconstruction:
                        foreach (var target in deconstruction.Target.DescendantsAndSelf())
                        {
                            if (target is ILocalReferenceOperation local)
                            {
                                Add(local.Local, deconstruction.Value);
                            }
                        }

                        break;
                    case ILocalReferenceOperation local:
                        var parent = local.Parent is IDeclarationExpressionOperation declaration ? declaration.Parent : local.Parent;
                        if (parent is IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref, Parent: { } call })
                        {
                            Add(local.Local, call);
                        }

                        break;
                    case IForEachLoopOperation loop:
                        foreach (var loopLocal in loop.Locals)
                        {
                            Add(loopLocal, loop.Collection);
                        }

                        break;
                    case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol patternLocal } pattern:
                        for (var ancestor = pattern.Parent; ancestor is not null; ancestor = ancestor.Parent)
                        {
                            var source = ancestor switch
                            {
                                IIsPatternOperation isPattern => isPattern.Value,
                                ISwitchExpressionOperation switchExpression => switchExpression.Value,
                                ISwitchOperation switchStatement => switchStatement.Value,
                                _ => null,
                            };
                            if (source is not null)
                            {
                                Add(patternLocal, source);
                                break;
                            }
                        }

                        break;
                }
            }

            return definitions;

            void Add(ILocalSymbol local, IOperation value)
            {
                if (!definitions.TryGetValue(local, out var list))
                {
                    list = new List<IOperation>();
                    definitions[local] = list;
                }

                list.Add(value);
            }
        }
    }
}
