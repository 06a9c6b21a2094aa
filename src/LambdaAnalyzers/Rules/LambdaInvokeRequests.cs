using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace LambdaAnalyzers.Rules;

/// <summary>How a Lambda invoke request asks to be invoked.</summary>
internal enum InvocationMode
{
    /// <summary>RequestResponse, explicitly or because InvocationType is not set.</summary>
    Synchronous,
    /// <summary>Event (asynchronous) or DryRun.</summary>
    NotSynchronous,
    /// <summary>The request or its InvocationType comes from somewhere we cannot see.</summary>
    Unknown,
}

/// <summary>The AWSSDK.Lambda symbols LAMBDA002 needs, resolved once per compilation by metadata name.</summary>
internal sealed class LambdaInvokeSymbols
{
    private LambdaInvokeSymbols(
        INamedTypeSymbol? lambdaInterface,
        INamedTypeSymbol? lambdaClient,
        INamedTypeSymbol? invokeRequest,
        INamedTypeSymbol? streamRequest,
        INamedTypeSymbol? invocationType,
        INamedTypeSymbol? streamInvocationType,
        INamedTypeSymbol? environment)
    {
        LambdaInterface = lambdaInterface;
        LambdaClient = lambdaClient;
        InvokeRequest = invokeRequest;
        StreamRequest = streamRequest;
        InvocationType = invocationType;
        StreamInvocationType = streamInvocationType;
        Environment = environment;
    }

    public INamedTypeSymbol? LambdaInterface { get; }
    public INamedTypeSymbol? LambdaClient { get; }
    public INamedTypeSymbol? InvokeRequest { get; }
    public INamedTypeSymbol? StreamRequest { get; }
    public INamedTypeSymbol? InvocationType { get; }
    public INamedTypeSymbol? StreamInvocationType { get; }
    public INamedTypeSymbol? Environment { get; }

    /// <summary>Null when the compilation does not reference AWSSDK.Lambda.</summary>
    public static LambdaInvokeSymbols? Create(Compilation compilation)
    {
        var lambdaInterface = compilation.GetTypeByMetadataName("Amazon.Lambda.IAmazonLambda");
        var lambdaClient = compilation.GetTypeByMetadataName("Amazon.Lambda.AmazonLambdaClient");
        var invokeRequest = compilation.GetTypeByMetadataName("Amazon.Lambda.Model.InvokeRequest");
        if ((lambdaInterface is null && lambdaClient is null) || invokeRequest is null)
        {
            return null;
        }

        return new LambdaInvokeSymbols(
            lambdaInterface,
            lambdaClient,
            invokeRequest,
            compilation.GetTypeByMetadataName("Amazon.Lambda.Model.InvokeWithResponseStreamRequest"),
            compilation.GetTypeByMetadataName("Amazon.Lambda.InvocationType"),
            compilation.GetTypeByMetadataName("Amazon.Lambda.ResponseStreamingInvocationType"),
            compilation.GetTypeByMetadataName("System.Environment"));
    }

    /// <summary>
    /// True for <c>InvokeAsync(InvokeRequest…)</c>, <c>Invoke(InvokeRequest)</c> and
    /// <c>InvokeWithResponseStreamAsync(InvokeWithResponseStreamRequest…)</c> on IAmazonLambda, AmazonLambdaClient,
    /// or a type deriving from / implementing them. The legacy <c>InvokeAsyncAsync</c> is asynchronous and never matches.
    /// </summary>
    public bool IsInvoke(IMethodSymbol method, out bool streaming)
    {
        streaming = false;
        switch (method.Name)
        {
            case "InvokeAsync" or "Invoke":
                if (method.Parameters.Length == 0 || !SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, InvokeRequest))
                {
                    return false;
                }

                break;
            case "InvokeWithResponseStreamAsync":
                if (StreamRequest is null || method.Parameters.Length == 0 || !SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, StreamRequest))
                {
                    return false;
                }

                streaming = true;
                break;
            default:
                return false;
        }

        return method.ContainingType is { } type && IsLambdaClientType(type);
    }

    private bool IsLambdaClientType(INamedTypeSymbol type)
    {
        if (SymbolEqualityComparer.Default.Equals(type, LambdaInterface))
        {
            return true;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, LambdaClient))
            {
                return true;
            }
        }

        if (LambdaInterface is not null)
        {
            foreach (var @interface in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(@interface, LambdaInterface))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public bool IsInvocationTypeConstantClass(ITypeSymbol? type)
        => type is not null
           && (SymbolEqualityComparer.Default.Equals(type, InvocationType) || SymbolEqualityComparer.Default.Equals(type, StreamInvocationType));

    public bool IsRequestType(ITypeSymbol? type)
        => type is not null
           && (SymbolEqualityComparer.Default.Equals(type, InvokeRequest) || SymbolEqualityComparer.Default.Equals(type, StreamRequest));
}

/// <summary>What LAMBDA002 found out about the request passed to an invoke.</summary>
internal sealed class InvokeRequestInfo
{
    public InvocationMode Mode { get; set; } = InvocationMode.Unknown;

    /// <summary>The <c>new InvokeRequest …</c> the request comes from (possibly in a factory method).</summary>
    public IObjectCreationOperation? Creation { get; set; }

    /// <summary>The local the request travels through, when it is one of the calling method.</summary>
    public ILocalSymbol? Local { get; set; }

    /// <summary>True when the request came out of a factory method.</summary>
    public bool ViaFactory { get; set; }

    /// <summary>Assignments of InvocationType: in the creation's initializer and, for a local, statements before the call.</summary>
    public List<ISimpleAssignmentOperation> InvocationTypeAssignments { get; } = new();

    /// <summary>The last value assigned to FunctionName before the call, if seen.</summary>
    public IOperation? FunctionName { get; set; }

    /// <summary>The last value assigned to Payload before the call, if seen.</summary>
    public IOperation? Payload { get; set; }

    /// <summary>Every property the request's initializer or statements set (names).</summary>
    public HashSet<string> AssignedProperties { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// Tracks an invoke request to where it is built — inline, a local of the calling method assigned once
/// and then configured by property assignments, or a small factory method of this compilation — and
/// classifies its InvocationType (unset, RequestResponse in any spelling the SDK accepts, a constant or
/// static readonly field holding one). Anything it cannot see is <see cref="InvocationMode.Unknown"/>.
/// </summary>
internal static class LambdaInvokeRequests
{
    private const int MaxDepth = 4;

    public static InvokeRequestInfo Analyze(IOperation request, int callPosition, LambdaInvokeSymbols symbols, Compilation compilation, CancellationToken cancellationToken)
    {
        var info = new InvokeRequestInfo();
        info.Mode = Track(request, callPosition, symbols, compilation, info, depth: 0, cancellationToken);
        return info;
    }

    private static InvocationMode Track(IOperation? request, int callPosition, LambdaInvokeSymbols symbols, Compilation compilation, InvokeRequestInfo info, int depth, CancellationToken cancellationToken)
    {
        request = Unwrap(request);
        if (request is null || depth > MaxDepth)
        {
            return InvocationMode.Unknown;
        }

        switch (request)
        {
            case IObjectCreationOperation creation when symbols.IsRequestType(creation.Type):
                info.Creation = creation;
                return FromInitializer(creation, symbols, compilation, info, depth, cancellationToken);

            case ILocalReferenceOperation localReference when depth == 0 || info.Local is null:
                return FromLocal(localReference, callPosition, symbols, compilation, info, depth, cancellationToken);

            case IInvocationOperation factoryCall:
                return FromFactory(factoryCall, symbols, compilation, info, depth, cancellationToken);

            default:
                return InvocationMode.Unknown;
        }
    }

    private static InvocationMode FromInitializer(IObjectCreationOperation creation, LambdaInvokeSymbols symbols, Compilation compilation, InvokeRequestInfo info, int depth, CancellationToken cancellationToken)
    {
        if (creation.Arguments.Length != 0)
        {
            return InvocationMode.Unknown;
        }

        var mode = InvocationMode.Synchronous;
        if (creation.Initializer is null)
        {
            return mode;
        }

        foreach (var initializer in creation.Initializer.Initializers)
        {
            if (initializer is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
            {
                // Collection or nested member initializers cannot set InvocationType; ignore them.
                continue;
            }

            mode = Combine(mode, Record(assignment, property.Property.Name, symbols, compilation, info, depth, cancellationToken));
        }

        return mode;
    }

    private static InvocationMode Record(ISimpleAssignmentOperation assignment, string propertyName, LambdaInvokeSymbols symbols, Compilation compilation, InvokeRequestInfo info, int depth, CancellationToken cancellationToken)
    {
        info.AssignedProperties.Add(propertyName);
        switch (propertyName)
        {
            case "InvocationType":
                info.InvocationTypeAssignments.Add(assignment);
                return ClassifyInvocationType(assignment.Value, symbols, compilation, depth, cancellationToken);
            case "FunctionName":
                info.FunctionName = assignment.Value;
                break;
            case "Payload":
                info.Payload = assignment.Value;
                break;
        }

        return InvocationMode.Synchronous;
    }

    private static InvocationMode FromLocal(ILocalReferenceOperation localReference, int callPosition, LambdaInvokeSymbols symbols, Compilation compilation, InvokeRequestInfo info, int depth, CancellationToken cancellationToken)
    {
        var local = localReference.Local;
        if (local.IsRef || local.IsConst)
        {
            return InvocationMode.Unknown;
        }

        var root = (IOperation)localReference;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        var callContainer = EnclosingFunction(localReference);
        IOperation? source = null;
        var sources = 0;
        var lastReassignment = -1;
        var statementAssignments = new List<(ISimpleAssignmentOperation Assignment, string Name)>();
        foreach (var operation in root.Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                    if (declarator.GetVariableInitializer() is { } initializer)
                    {
                        source = initializer.Value;
                        sources++;
                    }

                    break;

                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                    if (reference.Syntax.SpanStart >= callPosition)
                    {
                        // Later uses cannot change what this call sends (loops aside).
                        break;
                    }

                    if (reference.Parent is ISimpleAssignmentOperation reassignment && reassignment.Target == reference)
                    {
                        source = reassignment.Value;
                        sources++;
                        lastReassignment = reassignment.Syntax.SpanStart;
                        if (!IsSameOrEnclosing(EnclosingFunction(reassignment), callContainer))
                        {
                            return InvocationMode.Unknown;
                        }

                        break;
                    }

                    if (reference.Parent is IPropertyReferenceOperation property && property.Instance == reference)
                    {
                        if (property.Parent is ISimpleAssignmentOperation set && set.Target == property)
                        {
                            if (!IsSameOrEnclosing(EnclosingFunction(set), callContainer))
                            {
                                return InvocationMode.Unknown;
                            }

                            statementAssignments.Add((set, property.Property.Name));
                            break;
                        }

                        if (property.Parent is IAssignmentOperation or IDeconstructionAssignmentOperation
                            && property.Property.Name is "InvocationType" or "FunctionName" or "Payload")
                        {
                            // ??= and friends: give up.
                            return InvocationMode.Unknown;
                        }

                        break; // A read.
                    }

                    if (reference.Parent is IMemberReferenceOperation)
                    {
                        break; // Method calls on the request (ToString, GetType…).
                    }

                    if (reference.Parent is IArgumentOperation { Parameter.Ordinal: 0, Parent: IInvocationOperation earlierInvoke }
                        && symbols.IsInvoke(earlierInvoke.TargetMethod, out _))
                    {
                        break; // An earlier invoke with the same request reads it, it does not change it.
                    }

                    // Passed somewhere, captured, aliased: someone else may set InvocationType.
                    return InvocationMode.Unknown;
            }
        }

        info.Local = local;
        var sourceMode = sources == 1 && source is not null
            ? Track(source, source.Syntax.SpanStart, symbols, compilation, info, depth + 1, cancellationToken)
            : InvocationMode.Unknown;

        // "request.InvocationType = X;" as a statement of the block that holds the call, after every
        // (re)assignment of the local: X decides, whatever came before.
        ISimpleAssignmentOperation? decisive = null;
        foreach (var (assignment, name) in statementAssignments)
        {
            if (name == "InvocationType")
            {
                decisive = assignment;
            }
        }

        if (decisive is not null
            && decisive.Syntax.SpanStart > lastReassignment
            && IsUnconditionalBefore(decisive, localReference))
        {
            foreach (var (assignment, name) in statementAssignments)
            {
                Record(assignment, name, symbols, compilation, info, depth, cancellationToken);
            }

            return ClassifyInvocationType(decisive.Value, symbols, compilation, depth, cancellationToken);
        }

        if (sourceMode == InvocationMode.Unknown)
        {
            return sourceMode;
        }

        var mode = sourceMode;
        foreach (var (assignment, name) in statementAssignments)
        {
            mode = Combine(mode, Record(assignment, name, symbols, compilation, info, depth, cancellationToken));
        }

        return mode;
    }

    /// <summary>The assignment is a statement of a block that also holds, later, the statement containing the call.</summary>
    private static bool IsUnconditionalBefore(ISimpleAssignmentOperation assignment, IOperation call)
    {
        if (assignment.Parent is not IExpressionStatementOperation { Parent: IBlockOperation block } statement)
        {
            return false;
        }

        for (var current = call; current.Parent is not null; current = current.Parent)
        {
            if (current.Parent == block)
            {
                return current.Syntax.SpanStart > statement.Syntax.SpanStart;
            }
        }

        return false;
    }

    private static InvocationMode FromFactory(IInvocationOperation call, LambdaInvokeSymbols symbols, Compilation compilation, InvokeRequestInfo info, int depth, CancellationToken cancellationToken)
    {
        var method = call.TargetMethod;
        if (!symbols.IsRequestType(method.ReturnType)
            || method.IsAbstract || method.IsVirtual || method.IsOverride || method.IsExtern
            || !SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly)
            || method.DeclaringSyntaxReferences.Length != 1)
        {
            return InvocationMode.Unknown;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
        SyntaxNode? body = syntax switch
        {
            MethodDeclarationSyntax { ExpressionBody: { } arrow } => arrow.Expression,
            MethodDeclarationSyntax { Body: { } block } => block,
            LocalFunctionStatementSyntax { ExpressionBody: { } arrow } => arrow.Expression,
            LocalFunctionStatementSyntax { Body: { } block } => block,
            _ => null,
        };

        if (body is null || body.DescendantNodes().Count() > 400)
        {
            return InvocationMode.Unknown;
        }

#pragma warning disable RS1030 // The factory lives in another method, possibly another file.
        var semanticModel = compilation.GetSemanticModel(body.SyntaxTree);
#pragma warning restore RS1030
        if (semanticModel.GetOperation(body, cancellationToken) is not { } bodyOperation)
        {
            return InvocationMode.Unknown;
        }

        IOperation? returned = null;
        if (body is ExpressionSyntax)
        {
            returned = bodyOperation;
        }
        else
        {
            var returns = 0;
            foreach (var operation in bodyOperation.Descendants())
            {
                if (operation is IReturnOperation { ReturnedValue: { } value } && !IsInsideNestedFunction(operation, bodyOperation))
                {
                    returned = value;
                    returns++;
                }
            }

            if (returns != 1)
            {
                return InvocationMode.Unknown;
            }
        }

        info.ViaFactory = true;
        return Track(returned, returned?.Syntax.SpanStart ?? 0, symbols, compilation, info, depth + 1, cancellationToken);
    }

    private static bool IsInsideNestedFunction(IOperation operation, IOperation root)
    {
        for (var current = operation.Parent; current is not null && current != root; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when code in <paramref name="container"/> (null: the method body) runs around the call: it is the
    /// call's own function or one that encloses it (a retry lambda around the call). Code in another lambda may
    /// run at any time.
    /// </summary>
    private static bool IsSameOrEnclosing(IOperation? container, IOperation? callContainer)
    {
        for (var current = callContainer; ; current = EnclosingFunction(current))
        {
            if (ReferenceEquals(current, container))
            {
                return true;
            }

            if (current is null)
            {
                return false;
            }
        }
    }

    private static IOperation? EnclosingFunction(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>Classifies a value assigned to InvocationType.</summary>
    public static InvocationMode ClassifyInvocationType(IOperation? value, LambdaInvokeSymbols symbols, Compilation compilation, int depth, CancellationToken cancellationToken)
    {
        if (value is null || depth > MaxDepth)
        {
            return InvocationMode.Unknown;
        }

        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value.ConstantValue.HasValue)
        {
            return value.ConstantValue.Value switch
            {
                null => InvocationMode.Synchronous, // null: not sent, the service defaults to RequestResponse
                string text => ClassifyName(text),
                _ => InvocationMode.Unknown,
            };
        }

        switch (value)
        {
            case IFieldReferenceOperation { Field: var field }:
                if (symbols.IsInvocationTypeConstantClass(field.ContainingType) && field.IsStatic)
                {
                    return ClassifyName(field.Name);
                }

                return FieldInitializer(field, compilation, cancellationToken) is { } initializer
                    ? ClassifyInvocationType(initializer, symbols, compilation, depth + 1, cancellationToken)
                    : InvocationMode.Unknown;

            case IPropertyReferenceOperation { Property.Name: "Value", Instance: { } instance } when symbols.IsInvocationTypeConstantClass(instance.Type):
                // InvocationType.RequestResponse.Value, converted back from string.
                return ClassifyInvocationType(instance, symbols, compilation, depth + 1, cancellationToken);

            case IObjectCreationOperation creation when symbols.IsInvocationTypeConstantClass(creation.Type) && creation.Arguments.Length == 1:
                return ClassifyConstantString(creation.Arguments[0].Value);

            case IInvocationOperation { TargetMethod: { Name: "FindValue", IsStatic: true } method } call
                when symbols.IsInvocationTypeConstantClass(method.ContainingType) && call.Arguments.Length == 1:
                return ClassifyConstantString(call.Arguments[0].Value);

            default:
                return InvocationMode.Unknown;
        }
    }

    private static InvocationMode ClassifyConstantString(IOperation value)
        => value.ConstantValue is { HasValue: true, Value: string text } ? ClassifyName(text) : InvocationMode.Unknown;

    private static InvocationMode ClassifyName(string name)
        => name switch
        {
            "RequestResponse" => InvocationMode.Synchronous,
            "Event" or "DryRun" => InvocationMode.NotSynchronous,
            _ => InvocationMode.Unknown,
        };

    private static InvocationMode Combine(InvocationMode first, InvocationMode second)
        => first == InvocationMode.Unknown || second == InvocationMode.Unknown
            ? InvocationMode.Unknown
            : first == InvocationMode.NotSynchronous || second == InvocationMode.NotSynchronous
                ? InvocationMode.NotSynchronous
                : InvocationMode.Synchronous;

    /// <summary>The initializer of a const or static readonly field declared in this compilation.</summary>
    public static IOperation? FieldInitializer(IFieldSymbol field, Compilation compilation, CancellationToken cancellationToken)
    {
        if (!(field.IsConst || (field.IsStatic && field.IsReadOnly))
            || field.DeclaringSyntaxReferences.Length != 1
            || !SymbolEqualityComparer.Default.Equals(field.ContainingAssembly, compilation.Assembly))
        {
            return null;
        }

        if (field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } value })
        {
            return null;
        }

        // A static readonly field assigned again in the static constructor is not what its initializer says.
        if (!field.IsConst && field.ContainingType.StaticConstructors.Any(c => !c.IsImplicitlyDeclared))
        {
            return null;
        }

#pragma warning disable RS1030 // The field may be declared in another file.
        var semanticModel = compilation.GetSemanticModel(value.SyntaxTree);
#pragma warning restore RS1030
        return semanticModel.GetOperation(value, cancellationToken);
    }

    /// <summary>
    /// The target named by a FunctionName value: a literal (<paramref name="isEnvironmentVariable"/> false) or the
    /// name of the environment variable read with <c>Environment.GetEnvironmentVariable("X")</c>. Null otherwise.
    /// </summary>
    public static string? DescribeTarget(IOperation? value, LambdaInvokeSymbols symbols, Compilation compilation, out bool isEnvironmentVariable, CancellationToken cancellationToken, int depth = 0)
    {
        isEnvironmentVariable = false;
        while (depth <= MaxDepth)
        {
            switch (value)
            {
                case null:
                    return null;
                case IConversionOperation conversion:
                    value = conversion.Operand;
                    continue;
                case ICoalesceOperation coalesce:
                    value = coalesce.Value;
                    continue;
                case IParenthesizedOperation parenthesized:
                    value = parenthesized.Operand;
                    continue;
            }

            if (value.ConstantValue is { HasValue: true, Value: string literal } && literal.Length > 0)
            {
                return literal;
            }

            switch (value)
            {
                case IInvocationOperation { TargetMethod: { Name: "GetEnvironmentVariable" } method } call
                    when SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.Environment)
                         && call.Arguments.Length >= 1
                         && call.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string name }
                         && name.Length > 0:
                    isEnvironmentVariable = true;
                    return name;
                case IFieldReferenceOperation { Field: var field }:
                    value = FieldInitializer(field, compilation, cancellationToken);
                    depth++;
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// An upper-case stem for environment variables about the target: <c>PAYMENT</c> for the variable
    /// <c>PAYMENT_FUNCTION_NAME</c> or the function name <c>payment-function</c>.
    /// </summary>
    public static string? TargetStem(string target, bool isEnvironmentVariable)
    {
        var name = target;
        if (!isEnvironmentVariable)
        {
            var functionMarker = name.IndexOf(":function:", StringComparison.Ordinal);
            if (functionMarker >= 0)
            {
                name = name.Substring(functionMarker + ":function:".Length);
            }

            var colon = name.IndexOf(':');
            if (colon >= 0)
            {
                name = name.Substring(0, colon);
            }
        }

        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsLetterOrDigit(c) && c < 128)
            {
                // camelCase / PascalCase boundaries become underscores.
                if (char.IsUpper(c) && i > 0 && char.IsLower(name[i - 1]))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToUpperInvariant(c));
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != '_')
            {
                builder.Append('_');
            }
        }

        var stem = builder.ToString().Trim('_');
        foreach (var suffix in new[] { "_FUNCTION_NAME", "_FUNCTION_ARN", "_FUNCTION", "_LAMBDA", "_NAME", "_ARN" })
        {
            if (stem.EndsWith(suffix, StringComparison.Ordinal) && stem.Length > suffix.Length)
            {
                stem = stem.Substring(0, stem.Length - suffix.Length);
                break;
            }
        }

        if (stem.Length == 0 || char.IsDigit(stem[0]))
        {
            return null;
        }

        return stem;
    }

    public static IOperation? Unwrap(IOperation? operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation { OperatorMethod: null } conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }
}
