using System;
using System.Collections.Generic;
using System.Threading;
using LambdaAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaAnalyzers.Lambda;

/// <summary>
/// What the declarations say, read from syntax alone: one walk over each file's type and member declarations,
/// never into a body, and no symbol created or bound. In a compilation the compiler is still completing, asking
/// symbols for every type's members and every method's parameter types makes the first rule that does it pay for
/// (or wait on) the compiler's own declaration work; these name-level answers cost a fraction of that.
/// Every answer is a superset: it only decides what the semantic checks look at, never what they conclude.
/// </summary>
internal sealed class DeclarationIndex
{
    /// <summary>Type names that are, or may implement, <c>ILambdaContext</c> outside source.</summary>
    private static readonly string[] KnownContextNames = { "ILambdaContext", "TestLambdaContext", "LambdaContext" };

    private readonly List<MethodDeclarationSyntax> _handlerCandidates = new();
    private readonly List<TypeDeclarationSyntax> _typesWithBaseList = new();

    private DeclarationIndex()
    {
    }

    /// <summary>
    /// Names that can be long-lived storage: non-const fields of every source type, static properties, and the
    /// instance properties of every type that may be (or be a base of) a handler class. Left out: readonly fields
    /// and get-only static properties of types like <c>string</c> and <c>int</c> (see <see cref="IsImmutableValue"/>);
    /// a name stays when any declaration of it can be written.
    /// </summary>
    public HashSet<string> StorageNames { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Methods of classes and structs that may be entry points or receive the context, in declaration order: an
    /// attribute list, a parameter whose type may be <c>ILambdaContext</c>, or a conventional handler name with one
    /// parameter. Every other method is none of those.
    /// </summary>
    public IReadOnlyList<MethodDeclarationSyntax> HandlerCandidates => _handlerCandidates;

    /// <summary>Class and struct declarations that list a base type or interface, in declaration order.</summary>
    public IReadOnlyList<TypeDeclarationSyntax> TypesWithBaseList => _typesWithBaseList;

    // Build runs once per compilation over every declaration. Each step is its own small method: a loop that runs
    // thousands of times in a method compiled without optimization is recompiled on the spot (on-stack replacement),
    // and that compilation costs in proportion to the size of the method it belongs to.
    public static DeclarationIndex Build(Compilation compilation, IEnumerable<string> configuredTypeNames, CancellationToken cancellationToken)
    {
        var index = new DeclarationIndex();
        var types = new List<TypeDeclarationSyntax>();
        var contextNames = new HashSet<string>(KnownContextNames, StringComparer.Ordinal);
        var bootstrapFiles = CollectTrees(compilation, index, types, contextNames, cancellationToken);
        AddSourceContextTypes(types, contextNames);

        // Types that may be handler classes: they declare a handler candidate, a deployment file names them, or the
        // file that starts the bootstrap mentions them; then, by name, every base class they list.
        var handlerTypes = new HashSet<string>(configuredTypeNames, StringComparer.Ordinal);
        AddHandlerCandidates(types, contextNames, index, handlerTypes);
        foreach (var tree in bootstrapFiles)
        {
            AddIdentifiers(tree, handlerTypes, cancellationToken);
        }

        AddBaseTypesOfHandlerTypes(types, handlerTypes);
        AddInstanceProperties(types, handlerTypes, index.StorageNames);
        return index;
    }

    private static List<SyntaxTree> CollectTrees(Compilation compilation, DeclarationIndex index, List<TypeDeclarationSyntax> types, HashSet<string> contextNames, CancellationToken cancellationToken)
    {
        var bootstrapFiles = new List<SyntaxTree>();
        var executable = compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication;
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (tree.GetRoot(cancellationToken) is not CompilationUnitSyntax root)
            {
                continue;
            }

            AddAliases(root.Usings, contextNames);
            Collect(root.Members, index, types, contextNames);
            if (executable && root.Members.Count > 0 && MentionsBootstrap(tree, cancellationToken))
            {
                bootstrapFiles.Add(tree);
            }
        }

        return bootstrapFiles;
    }

    /// <summary>Source types that implement the context (directly or through other source types) are context types too.</summary>
    private static void AddSourceContextTypes(List<TypeDeclarationSyntax> types, HashSet<string> contextNames)
    {
        var changed = true;
        for (var round = 0; changed && round < 8; round++)
        {
            changed = false;
            foreach (var type in types)
            {
                if (!contextNames.Contains(type.Identifier.ValueText) && NamesAnyBase(type, contextNames))
                {
                    changed |= contextNames.Add(type.Identifier.ValueText);
                }
            }
        }
    }

    private static void AddHandlerCandidates(List<TypeDeclarationSyntax> types, HashSet<string> contextNames, DeclarationIndex index, HashSet<string> handlerTypes)
    {
        foreach (var type in types)
        {
            if (type is InterfaceDeclarationSyntax)
            {
                continue;
            }

            if (type.BaseList is not null)
            {
                index._typesWithBaseList.Add(type);
            }

            if (AddHandlerCandidates(type, contextNames, index))
            {
                handlerTypes.Add(type.Identifier.ValueText);
            }
        }
    }

    private static bool AddHandlerCandidates(TypeDeclarationSyntax type, HashSet<string> contextNames, DeclarationIndex index)
    {
        var any = false;
        foreach (var member in type.Members)
        {
            if (member is MethodDeclarationSyntax method && MayBeHandler(method, contextNames))
            {
                index._handlerCandidates.Add(method);
                any = true;
            }
        }

        return any;
    }

    private static void AddIdentifiers(SyntaxTree tree, HashSet<string> names, CancellationToken cancellationToken)
    {
        foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                names.Add(token.ValueText);
            }
        }
    }

    private static void AddBaseTypesOfHandlerTypes(List<TypeDeclarationSyntax> types, HashSet<string> handlerTypes)
    {
        var changed = true;
        for (var round = 0; changed && round < 16; round++)
        {
            changed = false;
            foreach (var type in types)
            {
                if (type.BaseList is not null && handlerTypes.Contains(type.Identifier.ValueText))
                {
                    changed |= AddBaseNames(type.BaseList, handlerTypes);
                }
            }
        }
    }

    private static bool AddBaseNames(BaseListSyntax baseList, HashSet<string> names)
    {
        var changed = false;
        foreach (var baseType in baseList.Types)
        {
            if (SyntaxHelpers.GetTypeName(baseType.Type) is { } name)
            {
                changed |= names.Add(name);
            }
        }

        return changed;
    }

    private static void AddInstanceProperties(List<TypeDeclarationSyntax> types, HashSet<string> handlerTypes, HashSet<string> storageNames)
    {
        foreach (var type in types)
        {
            if (!handlerTypes.Contains(type.Identifier.ValueText))
            {
                continue;
            }

            foreach (var member in type.Members)
            {
                if (member is PropertyDeclarationSyntax property && !IsStatic(property.Modifiers))
                {
                    storageNames.Add(property.Identifier.ValueText);
                }
            }
        }
    }

    private static void Collect(SyntaxList<MemberDeclarationSyntax> members, DeclarationIndex index, List<TypeDeclarationSyntax> types, HashSet<string> contextNames)
    {
        foreach (var member in members)
        {
            switch (member)
            {
                case BaseNamespaceDeclarationSyntax ns:
                    AddAliases(ns.Usings, contextNames);
                    Collect(ns.Members, index, types, contextNames);
                    break;
                case TypeDeclarationSyntax type:
                    types.Add(type);
                    AddStorageNames(type, index.StorageNames);
                    Collect(type.Members, index, types, contextNames);
                    break;
            }
        }
    }

    private static void AddStorageNames(TypeDeclarationSyntax type, HashSet<string> storageNames)
    {
        foreach (var member in type.Members)
        {
            switch (member)
            {
                case FieldDeclarationSyntax field when !field.Modifiers.Any(SyntaxKind.ConstKeyword)
                                                      && !(field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword) && IsImmutableValue(field.Declaration.Type)):
                    foreach (var variable in field.Declaration.Variables)
                    {
                        storageNames.Add(variable.Identifier.ValueText);
                    }

                    break;
                case PropertyDeclarationSyntax property when IsStatic(property.Modifiers) && !(IsGetOnly(property) && IsImmutableValue(property.Type)):
                    storageNames.Add(property.Identifier.ValueText);
                    break;
            }
        }
    }

    private static bool IsStatic(SyntaxTokenList modifiers) => modifiers.Any(SyntaxKind.StaticKeyword);

    /// <summary>
    /// <c>string</c>, <c>int</c>, <c>bool</c>… (and their nullable forms), not <c>object</c>: a readonly field or a get-only
    /// property of such a type is never a write target outside a constructor (which the rules leave out) and has no
    /// mutator, so its name is no storage name — <c>static readonly string TableName = Environment…</c> is everywhere.
    /// </summary>
    private static bool IsImmutableValue(TypeSyntax type)
    {
        if (type is NullableTypeSyntax nullable)
        {
            type = nullable.ElementType;
        }

        return type is PredefinedTypeSyntax predefined && !predefined.Keyword.IsKind(SyntaxKind.ObjectKeyword);
    }

    /// <summary>An expression body, or accessors without <c>set</c> and <c>init</c>.</summary>
    private static bool IsGetOnly(PropertyDeclarationSyntax property)
    {
        if (property.ExpressionBody is not null)
        {
            return true;
        }

        if (property.AccessorList is not { } accessors)
        {
            return false;
        }

        foreach (var accessor in accessors.Accessors)
        {
            if (!accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
            {
                return false;
            }
        }

        return true;
    }

    private static void AddAliases(SyntaxList<UsingDirectiveSyntax> usings, HashSet<string> contextNames)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias is { } alias && directive.NamespaceOrType is { } target && SyntaxHelpers.GetTypeName(target) is { } name && contextNames.Contains(name))
            {
                contextNames.Add(alias.Name.Identifier.ValueText);
            }
        }
    }

    private static bool MentionsBootstrap(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken).ToString();
        return text.IndexOf("LambdaBootstrapBuilder", StringComparison.Ordinal) >= 0 || text.IndexOf("HandlerWrapper", StringComparison.Ordinal) >= 0;
    }

    private static bool MayBeHandler(MethodDeclarationSyntax method, HashSet<string> contextNames)
    {
        if (method.AttributeLists.Count > 0)
        {
            return true;
        }

        var parameters = method.ParameterList.Parameters;
        if (parameters.Count == 1 && IsConventionalHandlerName(method.Identifier.ValueText))
        {
            return true;
        }

        foreach (var parameter in parameters)
        {
            if (parameter.Type is { } type && SyntaxHelpers.GetTypeName(type) is { } name && contextNames.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool NamesAnyBase(TypeDeclarationSyntax type, HashSet<string> names)
    {
        if (type.BaseList is null)
        {
            return false;
        }

        foreach (var baseType in type.BaseList.Types)
        {
            if (SyntaxHelpers.GetTypeName(baseType.Type) is { } name && names.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool IsConventionalHandlerName(string name)
        => name is "FunctionHandler" or "FunctionHandlerAsync" or "Handler" or "HandlerAsync" or "Handle" or "HandleAsync"
            or "HandleRequest" or "HandleRequestAsync" or "HandleEvent" or "HandleEventAsync" or "Process" or "ProcessAsync"
            or "Run" or "RunAsync" or "Execute" or "ExecuteAsync" or "Invoke" or "InvokeAsync";
}
