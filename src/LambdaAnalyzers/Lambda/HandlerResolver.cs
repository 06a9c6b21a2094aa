using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Lambda;

internal enum HandlerResolutionKind
{
    /// <summary>The runtime would load this method.</summary>
    Resolved,
    /// <summary>The handler names another assembly: another project's business.</summary>
    OtherAssembly,
    /// <summary>Cannot be judged from here (signature form, private members of metadata base types…): stay silent.</summary>
    Unknown,
    TypeNotFound,
    MethodNotFound,
    /// <summary>Found, but the runtime cannot call it.</summary>
    Invalid,
}

internal readonly struct HandlerResolution
{
    public HandlerResolution(HandlerResolutionKind kind, IMethodSymbol? method = null, string? reason = null)
    {
        Kind = kind;
        Method = method;
        Reason = reason;
    }

    public HandlerResolutionKind Kind { get; }
    public IMethodSymbol? Method { get; }
    /// <summary>Why it does not resolve, phrased to follow "does not resolve: ".</summary>
    public string? Reason { get; }

    public bool IsProblem => Kind is HandlerResolutionKind.TypeNotFound or HandlerResolutionKind.MethodNotFound or HandlerResolutionKind.Invalid;
}

/// <summary>
/// Resolves a handler string against the compilation the way the Lambda .NET runtime
/// (Amazon.Lambda.RuntimeSupport's UserCodeLoader) resolves it at cold start: the type by full name in
/// the named assembly; the method by name among the type's declared methods of any accessibility,
/// static or instance, then in each base type in turn; an overloaded name is ambiguous; and the
/// runtime's validation of the type (not generic, not abstract for instance methods, creatable with a
/// public parameterless constructor) and of the method (not abstract, not generic, not async void, no
/// params or varargs, at most an input and an ILambdaContext, a serializer when it takes or returns
/// anything but a Stream).
/// </summary>
internal static class HandlerResolver
{
    public static HandlerResolution Resolve(LambdaModel model, HandlerString handler, CancellationToken cancellationToken)
    {
        var compilation = model.Compilation;
        if (compilation.AssemblyName is not { } assemblyName
            || !string.Equals(assemblyName, handler.AssemblyName, StringComparison.OrdinalIgnoreCase))
        {
            return new HandlerResolution(HandlerResolutionKind.OtherAssembly);
        }

        var type = compilation.Assembly.GetTypeByMetadataName(handler.TypeName);
        if (type is null)
        {
            if (ResolveAnnotationsGenerated(model, handler, cancellationToken) is { } original)
            {
                return new HandlerResolution(HandlerResolutionKind.Resolved, original);
            }

            return new HandlerResolution(
                HandlerResolutionKind.TypeNotFound,
                reason: $"type '{handler.TypeName}' does not exist in assembly '{assemblyName}'");
        }

        if (handler.MethodIsSignature)
        {
            // Reflection signature form ("System.String Get(System.String)"): too many spellings to judge.
            return new HandlerResolution(HandlerResolutionKind.Unknown);
        }

        var lookup = FindMethod(type, handler.MethodName);
        switch (lookup.Outcome)
        {
            case MethodLookupOutcome.Ambiguous:
                return new HandlerResolution(
                    HandlerResolutionKind.Invalid,
                    reason: $"'{type.Name}.{handler.MethodName}' is overloaded ({lookup.Count} methods); the runtime cannot choose one");
            case MethodLookupOutcome.Unknowable:
                return new HandlerResolution(HandlerResolutionKind.Unknown);
            case MethodLookupOutcome.NotFound:
                return new HandlerResolution(
                    HandlerResolutionKind.MethodNotFound,
                    reason: $"type '{handler.TypeName}' has no method '{handler.MethodName}'");
        }

        var method = lookup.Method!;
        var problem = ValidateHandler(model.Types, type, method, compilation);
        return problem is null
            ? new HandlerResolution(HandlerResolutionKind.Resolved, method)
            : new HandlerResolution(HandlerResolutionKind.Invalid, method, problem);
    }

    /// <summary>
    /// Amazon.Lambda.Annotations generates <c>{Class}_{Method}_Generated</c> with a method of the same
    /// name. When the generator's output is not in this compilation (design time without the generator,
    /// or a template written before the first build), accept the handler if the [LambdaFunction] method exists.
    /// </summary>
    private static IMethodSymbol? ResolveAnnotationsGenerated(LambdaModel model, HandlerString handler, CancellationToken cancellationToken)
    {
        const string Suffix = "_Generated";
        var simpleName = handler.TypeSimpleName;
        if (model.Types.LambdaFunctionAttribute is not { } attribute || !simpleName.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var expected = simpleName.Substring(0, simpleName.Length - Suffix.Length);
        var ns = handler.Namespace;
        foreach (var type in model.GetSourceTypes(cancellationToken))
        {
            if (!expected.StartsWith(type.Name + "_", StringComparison.Ordinal)
                || !string.Equals(type.ContainingNamespace?.ToDisplayString() ?? string.Empty, ns, StringComparison.Ordinal)
                && !(type.ContainingNamespace?.IsGlobalNamespace == true && ns.Length == 0))
            {
                continue;
            }

            var methodName = expected.Substring(type.Name.Length + 1);
            if (methodName != handler.MethodName)
            {
                continue;
            }

            foreach (var member in type.GetMembers(methodName))
            {
                if (member is IMethodSymbol method && LambdaModel.HasAttribute(method, attribute))
                {
                    return method;
                }
            }
        }

        return null;
    }

    internal enum MethodLookupOutcome
    {
        Found,
        NotFound,
        Ambiguous,
        Unknowable,
    }

    internal readonly struct MethodLookup
    {
        public MethodLookup(MethodLookupOutcome outcome, IMethodSymbol? method = null, int count = 0)
        {
            Outcome = outcome;
            Method = method;
            Count = count;
        }

        public MethodLookupOutcome Outcome { get; }
        public IMethodSymbol? Method { get; }
        public int Count { get; }
    }

    /// <summary>The runtime's lookup: declared methods of this type, then each base type.</summary>
    internal static MethodLookup FindMethod(INamedTypeSymbol type, string name)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            IMethodSymbol? found = null;
            var count = 0;
            foreach (var member in current.GetMembers(name))
            {
                if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method)
                {
                    found ??= method;
                    count++;
                }
            }

            if (count > 1)
            {
                return new MethodLookup(MethodLookupOutcome.Ambiguous, count: count);
            }

            if (found is not null)
            {
                return new MethodLookup(MethodLookupOutcome.Found, found);
            }

            // Private members of referenced assemblies are not imported: a base type from metadata
            // (other than the framework's roots) might declare the method where we cannot see it.
            if (current.BaseType is { } baseType && baseType.Locations.Length > 0 && !baseType.Locations[0].IsInSource
                && baseType.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType))
            {
                var inherited = FindMethod(baseType, name);
                return inherited.Outcome == MethodLookupOutcome.NotFound
                    ? new MethodLookup(MethodLookupOutcome.Unknowable)
                    : inherited;
            }
        }

        return new MethodLookup(MethodLookupOutcome.NotFound);
    }

    /// <summary>Null when the runtime can call <paramref name="method"/> as a handler, else why not.</summary>
    internal static string? ValidateHandler(LambdaTypes types, INamedTypeSymbol type, IMethodSymbol method, Compilation compilation)
    {
        var name = type.Name + "." + method.Name;
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct))
        {
            return $"'{type.Name}' is not a class or struct";
        }

        if (type.IsGenericType)
        {
            return $"'{type.Name}' is generic; the runtime cannot create a generic handler type";
        }

        if (method.IsAbstract)
        {
            return $"'{name}' is abstract";
        }

        if (method.IsGenericMethod)
        {
            return $"'{name}' is generic; the runtime cannot call a generic handler method";
        }

        if (method.IsAsync && method.ReturnsVoid)
        {
            return $"'{name}' is async void; the runtime rejects it because it cannot await it (return Task)";
        }

        if (method.IsVararg || (method.Parameters.Length > 0 && method.Parameters[method.Parameters.Length - 1].IsParams))
        {
            return $"'{name}' takes a params or varargs parameter";
        }

        if (method.Parameters.Length > 2)
        {
            return $"'{name}' takes {method.Parameters.Length} parameters; a handler takes at most an input and an ILambdaContext";
        }

        var takesContextLast = method.Parameters.Length > 0 && types.IsLambdaContext(method.Parameters[method.Parameters.Length - 1].Type);
        if (method.Parameters.Length == 2 && types.ILambdaContext is not null && !takesContextLast)
        {
            return $"the second parameter of '{name}' is not an ILambdaContext";
        }

        if (!method.IsStatic)
        {
            if (type.IsAbstract)
            {
                return $"'{type.Name}' is abstract and '{method.Name}' is an instance method";
            }

            if (type.TypeKind == TypeKind.Class && !HasPublicParameterlessConstructor(type))
            {
                return $"'{type.Name}' has no public parameterless constructor, so the runtime cannot create it for the instance method '{method.Name}'";
            }
        }

        if (types.LambdaSerializerAttribute is { } serializerAttribute
            && !LambdaModel.HasAttribute(method, serializerAttribute)
            && !LambdaModel.HasAttribute(compilation.Assembly, serializerAttribute))
        {
            var input = method.Parameters.Length == 2 || (method.Parameters.Length == 1 && !takesContextLast) ? method.Parameters[0].Type : null;
            if (input is not null && !SymbolEqualityComparer.Default.Equals(input, types.Stream))
            {
                return $"'{name}' takes a '{input.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}' but no [LambdaSerializer] is declared on the method or the assembly";
            }

            if (GetSerializedOutput(types, method.ReturnType) is { } output)
            {
                return $"'{name}' returns a '{output.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}' but no [LambdaSerializer] is declared on the method or the assembly";
            }
        }

        return null;
    }

    /// <summary>The type the runtime would serialize for a return type, or null when none is needed.</summary>
    private static ITypeSymbol? GetSerializedOutput(LambdaTypes types, ITypeSymbol returnType)
    {
        if (returnType.SpecialType == SpecialType.System_Void)
        {
            return null;
        }

        for (var current = returnType as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, types.TaskOfT))
            {
                var result = current.TypeArguments[0];
                return IsStream(types, result) ? null : result;
            }

            if (SymbolEqualityComparer.Default.Equals(current, types.Task))
            {
                return null;
            }
        }

        return IsStream(types, returnType) || types.Stream is null || types.Task is null ? null : returnType;
    }

    private static bool IsStream(LambdaTypes types, ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, types.Stream))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasPublicParameterlessConstructor(INamedTypeSymbol type)
    {
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.Parameters.Length == 0 && constructor.DeclaredAccessibility == Accessibility.Public)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The one plausible correction of a handler string that does not resolve, or null when there is
    /// none or more than one: a close name in the same type (case, an Async suffix, a typo of at most
    /// two letters), or the same method in a type of the same name elsewhere, or in the one type that has it.
    /// </summary>
    public static string? SuggestCorrection(LambdaModel model, HandlerString handler, HandlerResolution resolution, CancellationToken cancellationToken)
    {
        var compilation = model.Compilation;
        if (resolution.Kind == HandlerResolutionKind.MethodNotFound
            && compilation.Assembly.GetTypeByMetadataName(handler.TypeName) is { } type)
        {
            var candidates = new List<IMethodSymbol>();
            for (INamedTypeSymbol? current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method
                        && IsCloseName(method.Name, handler.MethodName)
                        && FindMethod(type, method.Name).Outcome == MethodLookupOutcome.Found
                        && ValidateHandler(model.Types, type, method, compilation) is null
                        && !candidates.Contains(method, SymbolEqualityComparer.Default))
                    {
                        candidates.Add(method);
                    }
                }
            }

            return candidates.Count == 1 ? HandlerString.Format(handler.AssemblyName, GetMetadataName(type), candidates[0].Name) : null;
        }

        if (resolution.Kind == HandlerResolutionKind.TypeNotFound)
        {
            var sameName = new List<INamedTypeSymbol>();
            var closeName = new List<INamedTypeSymbol>();
            var anyName = new List<INamedTypeSymbol>();
            foreach (var candidate in model.GetSourceTypes(cancellationToken))
            {
                if (FindMethod(candidate, handler.MethodName) is not { Outcome: MethodLookupOutcome.Found, Method: { } method }
                    || ValidateHandler(model.Types, candidate, method, compilation) is not null)
                {
                    continue;
                }

                anyName.Add(candidate);
                if (candidate.Name == handler.TypeSimpleName)
                {
                    sameName.Add(candidate);
                }
                else if (IsCloseName(candidate.Name, handler.TypeSimpleName)
                         && (candidate.ContainingNamespace?.ToDisplayString() ?? string.Empty) == handler.Namespace)
                {
                    closeName.Add(candidate);
                }
            }

            var chosen = sameName.Count == 1 ? sameName[0]
                : sameName.Count == 0 && closeName.Count == 1 ? closeName[0]
                : sameName.Count == 0 && closeName.Count == 0 && anyName.Count == 1 ? anyName[0]
                : null;
            return chosen is null ? null : HandlerString.Format(handler.AssemblyName, GetMetadataName(chosen), handler.MethodName);
        }

        return null;
    }

    /// <summary>Namespace-qualified name with '+' for nesting, as the runtime's Type.GetType expects.</summary>
    internal static string GetMetadataName(INamedTypeSymbol type)
    {
        var builder = new StringBuilder(type.MetadataName);
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            builder.Insert(0, outer.MetadataName + "+");
        }

        if (type.ContainingNamespace is { IsGlobalNamespace: false } ns)
        {
            builder.Insert(0, ns.ToDisplayString() + ".");
        }

        return builder.ToString();
    }

    internal static bool IsCloseName(string candidate, string written)
    {
        if (string.Equals(candidate, written, StringComparison.Ordinal))
        {
            return false;
        }

        if (string.Equals(candidate, written, StringComparison.OrdinalIgnoreCase)
            || string.Equals(TrimAsync(candidate), TrimAsync(written), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return Math.Min(candidate.Length, written.Length) > 3 && EditDistance(candidate.ToUpperInvariant(), written.ToUpperInvariant(), 2) <= 2;

        static string TrimAsync(string name)
            => name.EndsWith("Async", StringComparison.OrdinalIgnoreCase) ? name.Substring(0, name.Length - 5) : name;
    }

    /// <summary>Levenshtein distance, giving up (returning max + 1) once it exceeds <paramref name="max"/>.</summary>
    internal static int EditDistance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
