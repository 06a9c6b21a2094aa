using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace LambdaAnalyzers.CodeFixes.Rules;

public sealed partial class RouterFunctionCodeFixProvider
{
    /// <summary>
    /// The parameters of an Amazon.Lambda.Annotations route. The generator requires a parameter for every <c>{name}</c> of
    /// the route template (<c>[FromRoute] string id</c>); reads of <c>request.PathParameters["id"]</c> become that parameter.
    /// When the route's code then uses the request for nothing but <c>request.Body</c>, the request parameter is replaced by
    /// <c>[FromBody] string body</c> (the generator passes the body through unchanged for a string; a typed body would be
    /// deserialized with the function's serializer and answer 400 on bad input, which the router did not).
    /// </summary>
    private sealed class AnnotationsParameters
    {
        private const string Namespace = "Amazon.Lambda.Annotations.APIGateway";

        private readonly ParameterListSyntax _parameters;
        private readonly Dictionary<SyntaxNode, SyntaxNode> _replacements;
        private readonly HashSet<StatementSyntax> _removed;

        private AnnotationsParameters(ParameterListSyntax parameters, Dictionary<SyntaxNode, SyntaxNode> replacements, HashSet<StatementSyntax> removed)
        {
            _parameters = parameters;
            _replacements = replacements;
            _removed = removed;
        }

        public static AnnotationsParameters? Plan(SemanticModel semanticModel, MethodDeclarationSyntax method, IMethodSymbol handler, string path,
            IReadOnlyList<StatementSyntax> prefix, IReadOnlyList<SyntaxNode> arm, CancellationToken ct)
        {
            var routeParameters = new List<string>();
            foreach (var segment in path.Split('/'))
            {
                if (segment.Length > 2 && segment[0] == '{' && segment[segment.Length - 1] == '}')
                {
                    var name = segment.Substring(1, segment.Length - 2);
                    if (!SyntaxFacts.IsValidIdentifier(name) || SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
                    {
                        // {proxy+} and names that are not C# identifiers cannot be method parameters.
                        return null;
                    }

                    routeParameters.Add(name);
                }
            }

            var requestIndex = -1;
            for (var i = 0; i < handler.Parameters.Length; i++)
            {
                if (handler.Parameters[i].Type.ToDisplayString() is "Amazon.Lambda.APIGatewayEvents.APIGatewayProxyRequest" or "Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyRequest")
                {
                    requestIndex = i;
                    break;
                }
            }

            var statements = prefix.Concat(arm).ToList();
            var request = requestIndex >= 0 ? handler.Parameters[requestIndex] : null;

            // var id = request.PathParameters["id"]; — the parameter takes the local's place.
            var removed = new HashSet<StatementSyntax>();
            var declaredByRead = new HashSet<string>();
            foreach (var statement in statements.SelectMany(s => s.DescendantNodesAndSelf()).OfType<LocalDeclarationStatementSyntax>())
            {
                if (statement.Declaration.Variables is { Count: 1 } variables && variables[0].Initializer?.Value is { } value
                    && statement.Parent is BlockSyntax or SwitchSectionSyntax && !statement.Modifiers.Any()
                    && PathParameterRead(semanticModel, value, request, ct) is { } key && key == variables[0].Identifier.ValueText && routeParameters.Contains(key))
                {
                    removed.Add(statement);
                    declaredByRead.Add(key);
                }
            }

            // Names already used in the route's code or by the other parameters.
            var taken = new HashSet<string>(handler.Parameters.Where(p => !SymbolEqualityComparer.Default.Equals(p, request)).Select(p => p.Name));
            foreach (var node in statements.Where(s => !removed.Contains(s)).SelectMany(s => s.DescendantNodesAndSelf()))
            {
                switch (node)
                {
                    case IdentifierNameSyntax identifier when !declaredByRead.Contains(identifier.Identifier.ValueText):
                        taken.Add(identifier.Identifier.ValueText);
                        break;
                    case VariableDeclaratorSyntax v:
                        taken.Add(v.Identifier.ValueText);
                        break;
                    case SingleVariableDesignationSyntax d:
                        taken.Add(d.Identifier.ValueText);
                        break;
                }
            }

            var names = new Dictionary<string, string>();
            foreach (var key in routeParameters)
            {
                names[key] = Unique(key, taken);
            }

            // Every use of the request: a path parameter of the template, the body, or something else.
            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            var bodyReads = new List<SyntaxNode>();
            var otherUse = false;
            if (request is not null)
            {
                foreach (var identifier in statements.Where(s => !removed.Contains(s)).SelectMany(s => s.DescendantNodesAndSelf()).OfType<IdentifierNameSyntax>())
                {
                    if (identifier.Identifier.ValueText != request.Name || !SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(identifier, ct).Symbol, request))
                    {
                        continue;
                    }

                    if (identifier.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "PathParameters" } pathParameters && pathParameters.Expression == identifier)
                    {
                        var read = pathParameters.Parent switch
                        {
                            ElementAccessExpressionSyntax element when element.Expression == pathParameters => (ExpressionSyntax)element,
                            ConditionalAccessExpressionSyntax { WhenNotNull: ElementBindingExpressionSyntax } conditional when conditional.Expression == pathParameters => conditional,
                            _ => null,
                        };

                        if (read is not null && !IsWritten(read) && PathParameterRead(semanticModel, read, request, ct) is { } key && names.TryGetValue(key, out var parameterName))
                        {
                            replacements[read] = SyntaxFactory.IdentifierName(parameterName).WithTriviaFrom(read);
                            continue;
                        }
                    }
                    else if (identifier.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Body" } body && body.Expression == identifier && !IsWritten(body))
                    {
                        bodyReads.Add(body);
                        continue;
                    }

                    otherUse = true;
                }
            }

            // The request is replaced only when the route read its path parameters or body and nothing else of it.
            var keepRequest = request is not null && (otherUse || replacements.Count == 0 && bodyReads.Count == 0);
            string? bodyName = null;
            if (!keepRequest && bodyReads.Count > 0)
            {
                bodyName = Unique("body", taken);
                foreach (var read in bodyReads)
                {
                    replacements[read] = SyntaxFactory.IdentifierName(bodyName).WithTriviaFrom(read);
                }
            }

            var added = new List<ParameterSyntax>();
            foreach (var key in routeParameters)
            {
                added.Add(Parameter("FromRoute", names[key], names[key] == key ? null : key));
            }

            if (bodyName is not null)
            {
                added.Add(Parameter("FromBody", bodyName, null));
            }

            var list = method.ParameterList.Parameters.ToList();
            var insertAt = requestIndex >= 0 ? requestIndex + (keepRequest ? 1 : 0) : 0;
            if (requestIndex >= 0 && !keepRequest)
            {
                list.RemoveAt(requestIndex);
            }

            list.InsertRange(insertAt, added);
            var parameters = method.ParameterList.WithParameters(SyntaxFactory.SeparatedList(list));
            return new AnnotationsParameters(parameters, replacements, removed);
        }

        public PlannedRoute Apply(PlannedRoute route)
        {
            T RewriteNode<T>(T node)
                where T : SyntaxNode
            {
                var inside = node.DescendantNodesAndSelf().Where(n => _replacements.ContainsKey(n) || n is StatementSyntax st && _removed.Contains(st)).ToList();
                if (inside.Count == 0)
                {
                    return node;
                }

                var rewritten = node.ReplaceNodes(inside, (original, _) => original is StatementSyntax st && _removed.Contains(st)
                    ? SyntaxFactory.EmptyStatement().WithAdditionalAnnotations(RemovedAnnotation)
                    : _replacements[original]);
                return rewritten.RemoveNodes(rewritten.GetAnnotatedNodes(RemovedAnnotation), SyntaxRemoveOptions.KeepNoTrivia) as T ?? rewritten;
            }

            List<StatementSyntax> Rewrite(IEnumerable<StatementSyntax> statements)
                => statements.Where(s => !_removed.Contains(s)).Select(RewriteNode).ToList();

            return new PlannedRoute(route.Verb, route.Path, route.Name, Rewrite(route.Prefix), Rewrite(route.Arm), route.Origin)
            {
                ExpressionBody = route.ExpressionBody,
                MakeAsync = route.MakeAsync,
                ArmExpression = route.ArmExpression is { } expression ? RewriteNode(expression) : null,
                ExpressionBodied = route.ExpressionBodied,
                Parameters = _parameters,
            };
        }

        private static readonly SyntaxAnnotation RemovedAnnotation = new("LAMBDA001.Removed");

        /// <summary>The key of <c>request.PathParameters["id"]</c> / <c>request.PathParameters?["id"]</c>.</summary>
        private static string? PathParameterRead(SemanticModel semanticModel, ExpressionSyntax expression, IParameterSymbol? request, CancellationToken ct)
        {
            var (receiver, argument) = expression switch
            {
                ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element => (element.Expression, element.ArgumentList.Arguments[0].Expression),
                ConditionalAccessExpressionSyntax { WhenNotNull: ElementBindingExpressionSyntax { ArgumentList.Arguments.Count: 1 } binding } conditional
                    => (conditional.Expression, binding.ArgumentList.Arguments[0].Expression),
                _ => ((ExpressionSyntax?)null, (ExpressionSyntax?)null),
            };

            return request is not null
                   && receiver is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "PathParameters", Expression: IdentifierNameSyntax owner }
                   && SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(owner, ct).Symbol, request)
                   && argument is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } literal
                ? literal.Token.ValueText
                : null;
        }

        private static bool IsWritten(ExpressionSyntax expression)
            => expression.Parent is AssignmentExpressionSyntax assignment && assignment.Left == expression
               || expression.Parent is ArgumentSyntax { RefKindKeyword.RawKind: (int)SyntaxKind.RefKeyword or (int)SyntaxKind.OutKeyword };

        private static ParameterSyntax Parameter(string attribute, string name, string? routeName)
        {
            var attributeSyntax = SyntaxFactory.Attribute(SyntaxFactory.ParseName(Namespace + "." + attribute).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
            if (routeName is not null)
            {
                attributeSyntax = attributeSyntax.WithArgumentList(SyntaxFactory.AttributeArgumentList(SyntaxFactory.SingletonSeparatedList(
                    SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(routeName)))
                        .WithNameEquals(SyntaxFactory.NameEquals("Name")))));
            }

            return SyntaxFactory.Parameter(SyntaxFactory.Identifier(name))
                .WithAttributeLists(SyntaxFactory.SingletonList(SyntaxFactory.AttributeList(SyntaxFactory.SingletonSeparatedList(attributeSyntax))))
                .WithType(SyntaxFactory.PredefinedType(SyntaxFactory.Token(SyntaxKind.StringKeyword)));
        }
    }
}
