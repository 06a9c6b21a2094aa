using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LambdaAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LambdaAnalyzers.CodeFixes.Rules;

public sealed partial class RouterFunctionCodeFixProvider
{
    /// <summary>
    /// A dictionary route table written in a field or property initializer of the handler's file, looked up once by the
    /// handler and its delegate called with the handler's own parameters:
    /// <code>
    /// return Routes.TryGetValue(key, out var route) ? route(request) : NotFound();
    /// if (Routes.TryGetValue(key, out var route)) return route(request); return NotFound();
    /// =&gt; Routes[key](request);
    /// </code>
    /// Each entry becomes a handler: a method group is called (<c>return ListOrders(request);</c>), a lambda's body is
    /// inlined with its parameters renamed to the handler's. The table is removed when nothing else uses it.
    /// </summary>
    private sealed class TableSplit
    {
        private readonly ISymbol _table;
        private readonly MethodDeclarationSyntax _method;
        private readonly SemanticModel _semanticModel;

        private TableSplit(ISymbol table, MethodDeclarationSyntax method, SemanticModel semanticModel, List<CandidateRoute> routes)
        {
            _table = table;
            _method = method;
            _semanticModel = semanticModel;
            Routes = routes;
        }

        public List<CandidateRoute> Routes { get; }

        public static TableSplit? Create(SemanticModel semanticModel, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options, MethodDeclarationSyntax method, IMethodSymbol handler, SyntaxNode? lookup, CancellationToken ct)
        {
            ExpressionSyntax table;
            ExpressionSyntax key;
            InvocationExpressionSyntax? call;
            SyntaxNode site;
            ISymbol? delegateLocal = null;
            switch (lookup)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "TryGetValue" } access, ArgumentList.Arguments: { Count: 2 } arguments } tryGet
                    when arguments[1].RefKindKeyword.IsKind(SyntaxKind.OutKeyword)
                         && arguments[1].Expression is DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax designation }:
                    table = access.Expression;
                    key = arguments[0].Expression;
                    delegateLocal = semanticModel.GetDeclaredSymbol(designation, ct);
                    switch (tryGet.Parent)
                    {
                        case ConditionalExpressionSyntax conditional when conditional.Condition == tryGet:
                            site = conditional;
                            call = Unawait(conditional.WhenTrue) as InvocationExpressionSyntax;
                            break;
                        case IfStatementSyntax { Else: null } ifStatement when ifStatement.Condition == tryGet && ifStatement.Parent == method.Body:
                            site = ifStatement;
                            var only = ifStatement.Statement is BlockSyntax { Statements.Count: 1 } block ? block.Statements[0] : ifStatement.Statement;
                            call = only is ReturnStatementSyntax { Expression: { } returned } ? Unawait(returned) as InvocationExpressionSyntax : null;
                            break;
                        default:
                            return null;
                    }

                    if (call?.Expression is not IdentifierNameSyntax callee || !SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(callee, ct).Symbol, delegateLocal))
                    {
                        return null;
                    }

                    break;

                case ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element when element.Parent is InvocationExpressionSyntax invocation && invocation.Expression == element:
                    table = element.Expression;
                    key = element.ArgumentList.Arguments[0].Expression;
                    call = invocation;
                    site = invocation.Parent is AwaitExpressionSyntax awaited ? awaited : invocation;
                    break;

                default:
                    return null;
            }

            if (RouterFunctionAnalyzer.UsesRouteHelper(semanticModel, key, ct)
                || semanticModel.GetSymbolInfo(table, ct).Symbol is not { } tableSymbol || tableSymbol is not (IFieldSymbol or IPropertySymbol)
                || call is null)
            {
                return null;
            }

            // Where the lookup sits: the returned value (last statement or expression body), or an if followed by the fallback.
            List<StatementSyntax> prefix;
            var expressionBodied = false;
            if (site is IfStatementSyntax ifSite)
            {
                prefix = method.Body!.Statements.TakeWhile(st => st != ifSite).ToList();
            }
            else if (site.Parent is ArrowExpressionClauseSyntax arrow && arrow.Parent == method)
            {
                prefix = new List<StatementSyntax>();
                expressionBodied = true;
            }
            else if (site.Parent is ReturnStatementSyntax returnStatement && method.Body is { } body && returnStatement.Parent == body && body.Statements.Last() == returnStatement)
            {
                prefix = body.Statements.Take(body.Statements.Count - 1).ToList();
            }
            else
            {
                return null;
            }

            if (prefix.Any(ContainsDispatchCandidate) || prefix.Any(st => st.DescendantNodes().Any(n => n is AssignmentExpressionSyntax)))
            {
                return null;
            }

            // The delegate is called with the handler's own parameters.
            var arguments2 = call.ArgumentList.Arguments;
            var argumentNames = new List<string>();
            foreach (var argument in arguments2)
            {
                if (argument.RefKindKeyword.RawKind != 0 || argument.NameColon is not null || argument.Expression is not IdentifierNameSyntax name
                    || semanticModel.GetSymbolInfo(name, ct).Symbol is not IParameterSymbol parameter || !SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, handler))
                {
                    return null;
                }

                argumentNames.Add(name.Identifier.ValueText);
            }

            var entries = RouterFunctionAnalyzer.GetTableRoutes(semanticModel, options, table, key, ct);
            if (entries is null)
            {
                return null;
            }

            // What the route's code may not capture once inlined: the handler's parameters and the locals of the shared code.
            var scope = new HashSet<string>(handler.Parameters.Select(p => p.Name));
            foreach (var declared in prefix.SelectMany(st => st.DescendantNodesAndSelf()))
            {
                switch (declared)
                {
                    case VariableDeclaratorSyntax v:
                        scope.Add(v.Identifier.ValueText);
                        break;
                    case SingleVariableDesignationSyntax d:
                        scope.Add(d.Identifier.ValueText);
                        break;
                }
            }

            var awaitedCall = call.Parent is AwaitExpressionSyntax;
            var handlerAsync = method.Modifiers.Any(SyntaxKind.AsyncKeyword);
            var routes = new List<CandidateRoute>();
            foreach (var (route, value) in entries)
            {
                if (value.SyntaxTree != semanticModel.SyntaxTree || !IsSplittable(route))
                {
                    return null;
                }

                ExpressionSyntax? newExpression = null;
                List<StatementSyntax>? arm = null;
                var makeAsync = false;
                if (value is IdentifierNameSyntax or MemberAccessExpressionSyntax or GenericNameSyntax
                    && (semanticModel.GetSymbolInfo(value, ct) is var info && (info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) is IMethodSymbol))
                {
                    // A method group: call it where the delegate was called.
                    var replacement = SyntaxFactory.InvocationExpression(value.WithoutTrivia(), call.ArgumentList.WithoutTrivia());
                    var returned = site switch
                    {
                        ConditionalExpressionSyntax conditional => conditional.WhenTrue,
                        IfStatementSyntax => awaitedCall ? (ExpressionSyntax)call.Parent! : call,
                        _ => (ExpressionSyntax)site,
                    };

                    newExpression = returned.ReplaceNode(call, replacement).WithoutTrivia();
                }
                else if (value is AnonymousFunctionExpressionSyntax lambda && InlineLambda(semanticModel, lambda, argumentNames, scope, ct) is { } inlined)
                {
                    // A lambda: its code becomes the route's code, when the handler returned the delegate's result as it is.
                    var returnedAsIs = site switch
                    {
                        ConditionalExpressionSyntax conditional => Unawait(conditional.WhenTrue) == call && conditional.WhenTrue == (awaitedCall ? call.Parent : call),
                        _ => true,
                    };
                    // The lambda's value becomes the handler's: the delegate must return exactly what the handler returns.
                    var expected = handlerAsync ? (handler.ReturnType as INamedTypeSymbol)?.TypeArguments.FirstOrDefault() : handler.ReturnType;
                    var actual = semanticModel.GetTypeInfo(awaitedCall ? call.Parent! : call, ct).Type;
                    var lambdaAsync = lambda.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword);
                    if (!returnedAsIs || (awaitedCall ? !(handlerAsync && lambdaAsync) : handlerAsync) || !SymbolEqualityComparer.Default.Equals(expected, actual))
                    {
                        return null;
                    }

                    makeAsync = lambdaAsync && !handlerAsync;
                    if (inlined is BlockSyntax block)
                    {
                        arm = new List<StatementSyntax> { block };
                    }
                    else
                    {
                        newExpression = ((ExpressionSyntax)inlined).WithoutTrivia();
                    }
                }
                else
                {
                    return null;
                }

                if (arm is null)
                {
                    arm = new List<StatementSyntax>
                    {
                        newExpression is ThrowExpressionSyntax thrown ? SyntaxFactory.ThrowStatement(thrown.Expression) : SyntaxFactory.ReturnStatement(newExpression!),
                    };
                }

                routes.Add(new CandidateRoute(route, value, prefix, arm)
                {
                    ExpressionBody = expressionBodied ? newExpression : null,
                    MakeAsync = makeAsync,
                });
            }

            return new TableSplit(tableSymbol, method, semanticModel, routes);
        }

        /// <summary>
        /// The table's declaration when nothing but the router uses it: a private field or property of a type declared only
        /// in this file (its lambdas now live in the new methods).
        /// </summary>
        public SyntaxNode? RemovableDeclaration(Solution solution, CancellationToken ct)
        {
            if (_table.DeclaredAccessibility != Accessibility.Private || _table.DeclaringSyntaxReferences.Length != 1
                || _table.ContainingType.DeclaringSyntaxReferences.Any(r => r.SyntaxTree != _semanticModel.SyntaxTree))
            {
                return null;
            }

            var declaration = _table.DeclaringSyntaxReferences[0].GetSyntax(ct);
            SyntaxNode? member = declaration switch
            {
                VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } } => field,
                PropertyDeclarationSyntax property => property,
                _ => null,
            };

            if (member is null)
            {
                return null;
            }

            var root = _semanticModel.SyntaxTree.GetRoot(ct);
            foreach (var identifier in root.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText == _table.Name && !_method.Span.Contains(identifier.Span) && !member.Span.Contains(identifier.Span)
                    && SymbolEqualityComparer.Default.Equals(_semanticModel.GetSymbolInfo(identifier, ct).Symbol, _table))
                {
                    return null;
                }
            }

            return member;
        }

        private static ExpressionSyntax Unawait(ExpressionSyntax expression)
            => expression is AwaitExpressionSyntax awaited ? awaited.Expression : expression;

        /// <summary>
        /// The lambda's body with its parameters renamed to the handler's arguments; null when a name in the body would then
        /// mean something else (it names a handler parameter or a local of the shared code) or the shapes do not match.
        /// </summary>
        private static SyntaxNode? InlineLambda(SemanticModel semanticModel, AnonymousFunctionExpressionSyntax lambda, List<string> argumentNames, HashSet<string> scope, CancellationToken ct)
        {
            var parameters = lambda switch
            {
                SimpleLambdaExpressionSyntax simple => new List<ParameterSyntax> { simple.Parameter },
                ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters.ToList(),
                _ => null,
            };

            if (parameters is null || parameters.Count != argumentNames.Count || parameters.Any(p => p.Modifiers.Count > 0))
            {
                return null;
            }

            var renames = new Dictionary<ISymbol, string>(SymbolEqualityComparer.Default);
            for (var i = 0; i < parameters.Count; i++)
            {
                if (semanticModel.GetDeclaredSymbol(parameters[i], ct) is not { } symbol)
                {
                    return null;
                }

                renames[symbol] = argumentNames[i];
            }

            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var identifier in lambda.Body.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                var symbol = semanticModel.GetSymbolInfo(identifier, ct).Symbol;
                if (symbol is not null && renames.TryGetValue(symbol, out var newName))
                {
                    replacements[identifier] = SyntaxFactory.IdentifierName(newName).WithTriviaFrom(identifier);
                }
                else if (scope.Contains(identifier.Identifier.ValueText) || argumentNames.Contains(identifier.Identifier.ValueText))
                {
                    return null;
                }
            }

            // Declarations in the body must not clash with the handler's names either.
            if (lambda.Body.DescendantNodes().Any(n => n is VariableDeclaratorSyntax v && scope.Contains(v.Identifier.ValueText)
                                                      || n is SingleVariableDesignationSyntax d && scope.Contains(d.Identifier.ValueText)))
            {
                return null;
            }

            return lambda.Body.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
        }
    }
}
