using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LambdaAnalyzers.CodeFixes.Rules;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>
/// LAMBDA001 fix "Split into one function per route". The C# document and the SAM template change in one
/// solution; the testing library cannot check a fix registered on a C# document that also edits an
/// additional document, so this harness applies the action and compares both, then checks the result
/// compiles and the diagnostic is gone.
/// </summary>
public sealed class RouterFunctionCodeFixTests
{
    private const string Path = "/0/template.yaml";

    private static async Task<(string? Source, string? Template)> ApplyAsync(string source, string? template, bool fixAll = false, string path = Path)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var references = (await TestReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)).AddRange(TestReferences.Lambda);
        var documentId = DocumentId.CreateNewId(projectId);
        var templateId = DocumentId.CreateNewId(projectId);
        var solution = workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "TestProject", "TestProject", LanguageNames.CSharp,
                filePath: "/0/TestProject.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: references))
            .AddDocument(documentId, "Test0.cs", SourceText.From(source), filePath: "/0/Test0.cs")
            .AddAnalyzerConfigDocument(DocumentId.CreateNewId(projectId), ".globalconfig", SourceText.From(TestReferences.GlobalConfig("Lambda", false, string.Empty)), filePath: "/.globalconfig");
        if (template is not null)
        {
            solution = solution.AddAdditionalDocument(templateId, System.IO.Path.GetFileName(path), SourceText.From(template), filePath: path);
        }

        var diagnostics = await AnalyzeAsync(solution.GetProject(projectId)!);
        Assert.NotEmpty(diagnostics);
        Assert.Empty((await solution.GetProject(projectId)!.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var fixer = new RouterFunctionCodeFixProvider();
        CodeAction? action;
        if (fixAll)
        {
            var context = new FixAllContext(solution.GetDocument(documentId)!, fixer, FixAllScope.Document, RouterFunctionCodeFixProvider.EquivalenceKey,
                fixer.FixableDiagnosticIds, new Provider(diagnostics), CancellationToken.None);
            action = await fixer.GetFixAllProvider().GetFixAsync(context);
        }
        else
        {
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(solution.GetDocument(documentId)!, diagnostics[0], (a, _) => actions.Add(a), CancellationToken.None);
            await fixer.RegisterCodeFixesAsync(context);
            action = actions.SingleOrDefault(a => a.EquivalenceKey == RouterFunctionCodeFixProvider.EquivalenceKey);
        }

        if (action is null)
        {
            return (null, null);
        }

        var operations = await action.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        var project = changed.GetProject(projectId)!;
        var compilation = await project.GetCompilationAsync();
        Assert.Empty(compilation!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        if (!fixAll)
        {
            Assert.DoesNotContain(await AnalyzeAsync(project), d => d.Location.SourceSpan.Start >= 0 && d.Id == "LAMBDA001" && diagnostics.Length == 1);
        }
        else
        {
            Assert.Empty(await AnalyzeAsync(project));
        }

        var newSource = (await project.GetDocument(documentId)!.GetTextAsync()).ToString();
        var newTemplate = template is null ? null : (await project.GetAdditionalDocument(templateId)!.GetTextAsync()).ToString();
        return (newSource, newTemplate);
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project)
    {
        var compilation = await project.GetCompilationAsync();
        var withAnalyzers = compilation!.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new RouterFunctionAnalyzer()), project.AnalyzerOptions);
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync();
    }

    private static void AssertText(string expected, string? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.ReplaceLineEndings("\n").TrimEnd(), actual!.ReplaceLineEndings("\n").TrimEnd());
    }

    private sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Provider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => Task.FromResult(_diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
    }

    private const string Router = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.Lambda.Core;

        namespace Shop.Orders;

        public class OrdersFunction
        {
            private readonly Dictionary<string, string> _orders = new();

            /// <summary>The router.</summary>
            public async Task<APIGatewayProxyResponse> HandleAsync(APIGatewayProxyRequest request, ILambdaContext context)
            {
                context.Logger.LogLine($"{request.HttpMethod} {request.Path}");
                switch (request.HttpMethod)
                {
                    case "GET" when request.Path == "/orders":
                        await Task.Yield();
                        return Ok(string.Join(",", _orders.Values));
                    case "GET" when request.Path.StartsWith("/orders/"):
                    {
                        var found = _orders.TryGetValue(request.PathParameters["id"], out var order);
                        return found ? Ok(order!) : NotFound();
                    }
                    case "POST" when request.Path == "/orders":
                        _orders[request.Body] = request.Body;
                        return Ok(request.Body);
                    default:
                        return NotFound();
                }
            }

            private static APIGatewayProxyResponse Ok(string body) => new() { StatusCode = 200, Body = body };

            private static APIGatewayProxyResponse NotFound() => new() { StatusCode = 404 };
        }
        """;

    private const string RouterSplit = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.Lambda.Core;

        namespace Shop.Orders;

        public class OrdersFunction
        {
            private readonly Dictionary<string, string> _orders = new();

            public async Task<APIGatewayProxyResponse> GetOrdersAsync(APIGatewayProxyRequest request, ILambdaContext context)
            {
                context.Logger.LogLine($"{request.HttpMethod} {request.Path}");
                await Task.Yield();
                return Ok(string.Join(",", _orders.Values));
            }

            public async Task<APIGatewayProxyResponse> GetOrdersByIdAsync(APIGatewayProxyRequest request, ILambdaContext context)
            {
                context.Logger.LogLine($"{request.HttpMethod} {request.Path}");
                var found = _orders.TryGetValue(request.PathParameters["id"], out var order);
                return found ? Ok(order!) : NotFound();
            }

            public async Task<APIGatewayProxyResponse> PostOrdersAsync(APIGatewayProxyRequest request, ILambdaContext context)
            {
                context.Logger.LogLine($"{request.HttpMethod} {request.Path}");
                _orders[request.Body] = request.Body;
                return Ok(request.Body);
            }

            private static APIGatewayProxyResponse Ok(string body) => new() { StatusCode = 200, Body = body };

            private static APIGatewayProxyResponse NotFound() => new() { StatusCode = 404 };
        }
        """;

    private const string ProxyTemplate = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          OrdersFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
              Runtime: dotnet8
              MemorySize: 512
              Events:
                Proxy:
                  Type: Api
                  Properties:
                    Path: /{proxy+}
                    Method: ANY

          OrdersTable:
            Type: AWS::DynamoDB::Table
        """;

    [Fact]
    public async Task SwitchWithPathGuards_SplitsCSharp()
    {
        var (source, _) = await ApplyAsync(Router, null);
        AssertText(RouterSplit, source);
    }

    [Fact]
    public async Task SwitchWithPathGuards_SplitsCSharpAndTemplate()
    {
        var (source, template) = await ApplyAsync(Router, ProxyTemplate);
        AssertText(RouterSplit, source);
        AssertText("""
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              GetOrdersFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::GetOrdersAsync
                  Runtime: dotnet8
                  MemorySize: 512
                  Events:
                    GetOrders:
                      Type: Api
                      Properties:
                        Path: /orders
                        Method: GET

              GetOrdersByIdFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::GetOrdersByIdAsync
                  Runtime: dotnet8
                  MemorySize: 512
                  Events:
                    GetOrdersById:
                      Type: Api
                      Properties:
                        Path: /orders/{id}
                        Method: GET

              PostOrdersFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::PostOrdersAsync
                  Runtime: dotnet8
                  MemorySize: 512
                  Events:
                    PostOrders:
                      Type: Api
                      Properties:
                        Path: /orders
                        Method: POST

              OrdersTable:
                Type: AWS::DynamoDB::Table
            """, template);
    }

    [Fact]
    public async Task TupleSwitchOnHttpApi_SplitsWithFlowStyleEvent()
    {
        var (source, template) = await ApplyAsync("""
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class Api
            {
                public APIGatewayHttpApiV2ProxyResponse Handle(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
                {
                    switch (request.RequestContext.Http.Method, request.RawPath)
                    {
                        case ("GET", "/users"):
                            return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200 };
                        case ("PUT", "/users/{id}"):
                            return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 204 };
                        case ("OPTIONS", _):
                        default:
                            return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 404 };
                    }
                }
            }
            """, """
            Resources:
              UsersFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: "TestProject::Shop.Api::Handle"
                  Events:
                    Catch: { Type: HttpApi, Properties: { ApiId: !Ref Http, Path: "/{proxy+}", Method: any } }
            """);
        AssertText("""
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class Api
            {
                public APIGatewayHttpApiV2ProxyResponse GetUsers(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
                {
                    return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200 };
                }

                public APIGatewayHttpApiV2ProxyResponse PutUsersById(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
                {
                    return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 204 };
                }
            }
            """, source);
        AssertText("""
            Resources:
              GetUsersFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: "TestProject::Shop.Api::GetUsers"
                  Events:
                    GetUsers: { Type: HttpApi, Properties: { ApiId: !Ref Http, Path: "/users", Method: get } }

              PutUsersByIdFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: "TestProject::Shop.Api::PutUsersById"
                  Events:
                    PutUsersById: { Type: HttpApi, Properties: { ApiId: !Ref Http, Path: "/users/{id}", Method: put } }
            """, template);
    }

    [Fact]
    public async Task MethodSwitchBehindOnePath_KeepsPathAndNamesByVerb()
    {
        var (source, template) = await ApplyAsync("""
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class Cart
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var user = request.Headers["x-user"];
                    switch (request.HttpMethod.ToUpperInvariant())
                    {
                        case "GET": return new APIGatewayProxyResponse { StatusCode = 200, Body = user };
                        case "DELETE": return new APIGatewayProxyResponse { StatusCode = 204 };
                        default: return new APIGatewayProxyResponse { StatusCode = 405 };
                    }
                }
            }
            """, """
            Resources:
              CartFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Cart::Handle
                  Events:
                    Cart:
                      Type: Api
                      Properties:
                        Path: /cart
                        Method: ANY
            """);
        AssertText("""
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class Cart
            {
                public APIGatewayProxyResponse HandleGet(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var user = request.Headers["x-user"];
                    return new APIGatewayProxyResponse { StatusCode = 200, Body = user };
                }

                public APIGatewayProxyResponse HandleDelete(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var user = request.Headers["x-user"];
                    return new APIGatewayProxyResponse { StatusCode = 204 };
                }
            }
            """, source);
        AssertText("""
            Resources:
              HandleGetFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Cart::HandleGet
                  Events:
                    HandleGet:
                      Type: Api
                      Properties:
                        Path: /cart
                        Method: GET

              HandleDeleteFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Cart::HandleDelete
                  Events:
                    HandleDelete:
                      Type: Api
                      Properties:
                        Path: /cart
                        Method: DELETE
            """, template);
    }

    [Fact]
    public async Task FixAll_SplitsEveryRouterInTheDocument()
    {
        var (source, _) = await ApplyAsync("""
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class A
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    switch (request.Path)
                    {
                        case "/a": return new APIGatewayProxyResponse { StatusCode = 200 };
                        case "/b": return new APIGatewayProxyResponse { StatusCode = 201 };
                    }

                    return new APIGatewayProxyResponse { StatusCode = 404 };
                }
            }

            public class B
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    switch (request.HttpMethod)
                    {
                        case "GET": return new APIGatewayProxyResponse { StatusCode = 200 };
                        case "POST": throw new System.NotSupportedException();
                    }

                    return new APIGatewayProxyResponse { StatusCode = 405 };
                }
            }
            """, null, fixAll: true);
        AssertText("""
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class A
            {
                public APIGatewayProxyResponse HandleA(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    return new APIGatewayProxyResponse { StatusCode = 200 };
                }

                public APIGatewayProxyResponse HandleB(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    return new APIGatewayProxyResponse { StatusCode = 201 };
                }
            }

            public class B
            {
                public APIGatewayProxyResponse HandleGet(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    return new APIGatewayProxyResponse { StatusCode = 200 };
                }

                public APIGatewayProxyResponse HandlePost(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    throw new System.NotSupportedException();
                }
            }
            """, source);
    }

    // ---------------------------------------------------------------- no fix offered

    private static async Task NoFixAsync(string source, string? template = null, string path = Path)
    {
        var (fixedSource, _) = await ApplyAsync(source, template, path: path);
        Assert.Null(fixedSource);
    }

    private const string Header = """
        using System.Text.RegularExpressions;
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.Lambda.Core;

        namespace Shop;

        """;

    [Fact]
    public Task SectionFallsThroughToSharedCode_NoFix()
        => NoFixAsync(Header + """
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var status = 0;
                    switch (request.Path)
                    {
                        case "/a": status = 200; break;
                        case "/b": status = 201; break;
                    }

                    return new APIGatewayProxyResponse { StatusCode = status };
                }
            }
            """);

    [Fact]
    public Task RouteComputedByRegex_NoFix()
        => NoFixAsync(Header + """
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    switch (request.HttpMethod)
                    {
                        case "GET" when Regex.IsMatch(request.Path, "^/a/[0-9]+$"): return new APIGatewayProxyResponse { StatusCode = 200 };
                        case "POST" when request.Path == "/a": return new APIGatewayProxyResponse { StatusCode = 201 };
                        default: return new APIGatewayProxyResponse { StatusCode = 404 };
                    }
                }
            }
            """);

    [Fact]
    public async Task RunOfIfReturn_SplitsWithTheCodeThatRanBeforeEachTest()
    {
        var (source, template) = await ApplyAsync("""
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    if (request is null) return new APIGatewayProxyResponse { StatusCode = 400 };
                    var method = request.HttpMethod.ToUpperInvariant();
                    if (method == "GET" && request.Resource == "/a")
                    {
                        return new APIGatewayProxyResponse { StatusCode = 200 };
                    }

                    context.Logger.LogLine("not a read");
                    if (method == "POST" && request.Resource == "/a") return new APIGatewayProxyResponse { StatusCode = 201 };
                    else if (method == "DELETE" && request.Resource == "/a/{id}") return new APIGatewayProxyResponse { StatusCode = 204 };
                    return new APIGatewayProxyResponse { StatusCode = 404 };
                }
            }
            """, """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Api::Handle
                  Events:
                    All:
                      Type: Api
                      Properties:
                        Path: /{proxy+}
                        Method: any
            """);
        AssertText("""
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class Api
            {
                public APIGatewayProxyResponse GetA(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    if (request is null) return new APIGatewayProxyResponse { StatusCode = 400 };
                    var method = request.HttpMethod.ToUpperInvariant();
                    return new APIGatewayProxyResponse { StatusCode = 200 };
                }

                public APIGatewayProxyResponse PostA(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    if (request is null) return new APIGatewayProxyResponse { StatusCode = 400 };
                    var method = request.HttpMethod.ToUpperInvariant();

                    context.Logger.LogLine("not a read");
                    return new APIGatewayProxyResponse { StatusCode = 201 };
                }

                public APIGatewayProxyResponse DeleteAById(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    if (request is null) return new APIGatewayProxyResponse { StatusCode = 400 };
                    var method = request.HttpMethod.ToUpperInvariant();

                    context.Logger.LogLine("not a read");
                    return new APIGatewayProxyResponse { StatusCode = 204 };
                }
            }
            """, source);
        AssertText("""
            Resources:
              GetAFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Api::GetA
                  Events:
                    GetA:
                      Type: Api
                      Properties:
                        Path: /a
                        Method: get

              PostAFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Api::PostA
                  Events:
                    PostA:
                      Type: Api
                      Properties:
                        Path: /a
                        Method: post

              DeleteAByIdFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Api::DeleteAById
                  Events:
                    DeleteAById:
                      Type: Api
                      Properties:
                        Path: /a/{id}
                        Method: delete
            """, template);
    }

    [Fact]
    public Task IfWithGuardBesideRoute_NoFix()
        => NoFixAsync(Header + """
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    if (request.HttpMethod != "GET" && request.HttpMethod != "POST") return new APIGatewayProxyResponse { StatusCode = 405 };
                    if (request.Path == "/a") return new APIGatewayProxyResponse { StatusCode = 200 };
                    if (request.Path == "/b") return new APIGatewayProxyResponse { StatusCode = 201 };
                    return new APIGatewayProxyResponse { StatusCode = 404 };
                }
            }
            """);

    [Fact]
    public Task IfBranchFallsThrough_NoFix()
        => NoFixAsync(Header + """
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var status = 404;
                    if (request.Path == "/a") status = 200;
                    else if (request.Path == "/b") status = 201;
                    return new APIGatewayProxyResponse { StatusCode = status };
                }
            }
            """);

    [Fact]
    public Task DispatchInHelper_NoFix()
        => NoFixAsync(Header + """
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context) => Route(request);

                private static APIGatewayProxyResponse Route(APIGatewayProxyRequest request)
                {
                    switch (request.Path)
                    {
                        case "/a": return new APIGatewayProxyResponse { StatusCode = 200 };
                        case "/b": return new APIGatewayProxyResponse { StatusCode = 201 };
                        default: return new APIGatewayProxyResponse { StatusCode = 404 };
                    }
                }
            }
            """);

    [Fact]
    public async Task AnnotationsHttpApi_OneLambdaFunctionPerRoute()
    {
        var (source, _) = await ApplyAsync("""
            using Amazon.Lambda.Annotations;
            using Amazon.Lambda.Annotations.APIGateway;
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class Api
            {
                [LambdaFunction(ResourceName = "Router", MemorySize = 256)]
                [HttpApi(LambdaHttpMethod.Any, "/{proxy+}")]
                public APIGatewayHttpApiV2ProxyResponse Handle(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
                {
                    switch (request.RouteKey)
                    {
                        case "GET /items/{id}":
                            return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200, Body = request.PathParameters["id"] };
                        case "POST /items":
                            return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 201 };
                        default:
                            return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 404 };
                    }
                }
            }
            """, null);
        AssertText("""
            using Amazon.Lambda.Annotations;
            using Amazon.Lambda.Annotations.APIGateway;
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class Api
            {
                [LambdaFunction(MemorySize = 256)]
                [HttpApi(LambdaHttpMethod.Get, "/items/{id}")]
                public APIGatewayHttpApiV2ProxyResponse GetItemsById([FromRoute] string id, ILambdaContext context)
                {
                    return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200, Body = id };
                }

                [LambdaFunction(MemorySize = 256)]
                [HttpApi(LambdaHttpMethod.Post, "/items")]
                public APIGatewayHttpApiV2ProxyResponse PostItems(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
                {
                    return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 201 };
                }
            }
            """, source);
    }

    [Fact]
    public async Task AnnotationsRestPayloadWithoutApiAttribute_AddsRestApi()
    {
        var (source, _) = await ApplyAsync("""
            using Amazon.Lambda.Annotations;
            using Amazon.Lambda.APIGatewayEvents;

            namespace Shop;

            public class Api
            {
                [LambdaFunction]
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request)
                {
                    switch (request.Resource)
                    {
                        case "/a": return new APIGatewayProxyResponse { StatusCode = 200 };
                        case "/b": return new APIGatewayProxyResponse { StatusCode = 201 };
                        default: return new APIGatewayProxyResponse { StatusCode = 404 };
                    }
                }
            }
            """, null);
        AssertText("""
            using Amazon.Lambda.Annotations;
            using Amazon.Lambda.Annotations.APIGateway;
            using Amazon.Lambda.APIGatewayEvents;

            namespace Shop;

            public class Api
            {
                [LambdaFunction]
                [RestApi(LambdaHttpMethod.Any, "/a")]
                public APIGatewayProxyResponse HandleA(APIGatewayProxyRequest request)
                {
                    return new APIGatewayProxyResponse { StatusCode = 200 };
                }

                [LambdaFunction]
                [RestApi(LambdaHttpMethod.Any, "/b")]
                public APIGatewayProxyResponse HandleB(APIGatewayProxyRequest request)
                {
                    return new APIGatewayProxyResponse { StatusCode = 201 };
                }
            }
            """, source);
    }

    [Fact]
    public Task CorsPreflightArm_NoFix()
        => NoFixAsync(Header + """
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    switch (request.HttpMethod)
                    {
                        case "OPTIONS": return new APIGatewayProxyResponse { StatusCode = 204 };
                        case "GET": return new APIGatewayProxyResponse { StatusCode = 200 };
                        case "POST": return new APIGatewayProxyResponse { StatusCode = 201 };
                        default: return new APIGatewayProxyResponse { StatusCode = 405 };
                    }
                }
            }
            """);

    [Fact]
    public Task TemplateFunctionWithSeveralEvents_NoFix()
        => NoFixAsync(Router, """
            Resources:
              OrdersFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Events:
                    Proxy:
                      Type: Api
                      Properties:
                        Path: /{proxy+}
                        Method: ANY
                    Nightly:
                      Type: Schedule
                      Properties:
                        Schedule: rate(1 day)
            """);

    [Fact]
    public Task SectionUsesPatternVariable_NoFix()
        => NoFixAsync(Header + """
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    switch (request.Path)
                    {
                        case "/a": return new APIGatewayProxyResponse { StatusCode = 200 };
                        case var p when p == "/b": return new APIGatewayProxyResponse { StatusCode = 201, Body = p };
                        default: return new APIGatewayProxyResponse { StatusCode = 404 };
                    }
                }
            }
            """);
    [Fact]
    public Task WhenClauseWithExtraCondition_NoFix()
        => NoFixAsync(Header + """
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    switch (request.HttpMethod)
                    {
                        case "GET" when request.Path == "/a": return new APIGatewayProxyResponse { StatusCode = 200 };
                        case "POST" when request.Path == "/a" && request.Body != null: return new APIGatewayProxyResponse { StatusCode = 201 };
                        default: return new APIGatewayProxyResponse { StatusCode = 404 };
                    }
                }
            }
            """);

    [Fact]
    public Task SectionWithTwoLabels_NoFix()
        => NoFixAsync(Header + """
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    switch (request.HttpMethod)
                    {
                        case "GET": return new APIGatewayProxyResponse { StatusCode = 200 };
                        case "PUT":
                        case "PATCH":
                            return new APIGatewayProxyResponse { StatusCode = 204 };
                        default: return new APIGatewayProxyResponse { StatusCode = 405 };
                    }
                }
            }
            """);
    [Fact]
    public async Task FixAll_TwoRoutersInOneTemplate_SplitsBoth()
    {
        var (_, template) = await ApplyAsync("""
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class A
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    switch (request.Path)
                    {
                        case "/a": return new APIGatewayProxyResponse { StatusCode = 200 };
                        case "/b": return new APIGatewayProxyResponse { StatusCode = 201 };
                        default: return new APIGatewayProxyResponse { StatusCode = 404 };
                    }
                }
            }

            public class C
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    switch (request.HttpMethod)
                    {
                        case "GET": return new APIGatewayProxyResponse { StatusCode = 200 };
                        case "PUT": return new APIGatewayProxyResponse { StatusCode = 204 };
                        default: return new APIGatewayProxyResponse { StatusCode = 405 };
                    }
                }
            }
            """, """
            Resources:
              AFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.A::Handle
                  Events:
                    Proxy:
                      Type: Api
                      Properties:
                        Path: /{proxy+}
                        Method: ANY
              CFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.C::Handle
                  Events:
                    Settings:
                      Type: Api
                      Properties:
                        Path: /settings
                        Method: ANY
            """, fixAll: true);
        AssertText("""
            Resources:
              HandleAFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.A::HandleA
                  Events:
                    HandleA:
                      Type: Api
                      Properties:
                        Path: /a
                        Method: ANY

              HandleBFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.A::HandleB
                  Events:
                    HandleB:
                      Type: Api
                      Properties:
                        Path: /b
                        Method: ANY
              HandleGetFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.C::HandleGet
                  Events:
                    HandleGet:
                      Type: Api
                      Properties:
                        Path: /settings
                        Method: GET

              HandlePutFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.C::HandlePut
                  Events:
                    HandlePut:
                      Type: Api
                      Properties:
                        Path: /settings
                        Method: PUT
            """, template);
    }

    // ---------------------------------------------------------------- JSON templates

    [Fact]
    public async Task RouterMappedByJsonTemplate_SplitsTemplate()
    {
        var (source, template) = await ApplyAsync(Router, """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Transform": "AWS::Serverless-2016-10-31",
              "Resources": {
                "OrdersFunction": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync",
                    "MemorySize": 512,
                    "Events": { "Proxy": { "Type": "Api", "Properties": { "Path": "/{proxy+}", "Method": "ANY" } } }
                  }
                },
                "OrdersTable": { "Type": "AWS::DynamoDB::Table" }
              }
            }
            """, path: "/0/serverless.template");
        AssertText(RouterSplit, source);
        AssertText("""
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Transform": "AWS::Serverless-2016-10-31",
              "Resources": {
                "GetOrdersFunction": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "Handler": "TestProject::Shop.Orders.OrdersFunction::GetOrdersAsync",
                    "MemorySize": 512,
                    "Events": { "GetOrders": { "Type": "Api", "Properties": { "Path": "/orders", "Method": "GET" } } }
                  }
                },
                "GetOrdersByIdFunction": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "Handler": "TestProject::Shop.Orders.OrdersFunction::GetOrdersByIdAsync",
                    "MemorySize": 512,
                    "Events": { "GetOrdersById": { "Type": "Api", "Properties": { "Path": "/orders/{id}", "Method": "GET" } } }
                  }
                },
                "PostOrdersFunction": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "Handler": "TestProject::Shop.Orders.OrdersFunction::PostOrdersAsync",
                    "MemorySize": 512,
                    "Events": { "PostOrders": { "Type": "Api", "Properties": { "Path": "/orders", "Method": "POST" } } }
                  }
                },
                "OrdersTable": { "Type": "AWS::DynamoDB::Table" }
              }
            }
            """, template);
    }

    [Fact]
    public async Task RouterLastInJsonTemplate_KeepsJsonValid()
    {
        var (_, template) = await ApplyAsync(Router, """
            {
              "Resources": {
                "OrdersTable": { "Type": "AWS::DynamoDB::Table" },
                "OrdersFunction": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync",
                    "Events": {
                      "Proxy": {
                        "Type": "HttpApi",
                        "Properties": { "Path": "/{proxy+}", "Method": "any" }
                      }
                    }
                  }
                }
              }
            }
            """, path: "/0/serverless.template");
        using var parsed = System.Text.Json.JsonDocument.Parse(template!);
        var resources = parsed.RootElement.GetProperty("Resources");
        Assert.Equal(new[] { "OrdersTable", "GetOrdersFunction", "GetOrdersByIdFunction", "PostOrdersFunction" }, resources.EnumerateObject().Select(p => p.Name));
        var post = resources.GetProperty("PostOrdersFunction").GetProperty("Properties");
        Assert.Equal("TestProject::Shop.Orders.OrdersFunction::PostOrdersAsync", post.GetProperty("Handler").GetString());
        var ev = post.GetProperty("Events").GetProperty("PostOrders").GetProperty("Properties");
        Assert.Equal("/orders", ev.GetProperty("Path").GetString());
        Assert.Equal("post", ev.GetProperty("Method").GetString());
    }

    [Fact]
    public Task RouterReferencedByTemplateOutputs_NoFix()
        => NoFixAsync(Router, """
            Resources:
              OrdersFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Events:
                    Proxy:
                      Type: Api
                      Properties:
                        Path: /{proxy+}
                        Method: ANY
            Outputs:
              OrdersFunctionRoleArn:
                Value: !GetAtt OrdersFunctionRole.Arn
            """);

    [Fact]
    public Task RouterReferencedByJsonPermission_NoFix()
        => NoFixAsync(Router, """
            {
              "Resources": {
                "OrdersFunction": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync",
                    "Events": { "Proxy": { "Type": "Api", "Properties": { "Path": "/{proxy+}", "Method": "ANY" } } }
                  }
                },
                "Invoke": {
                  "Type": "AWS::Lambda::Permission",
                  "Properties": { "FunctionName": { "Fn::GetAtt": [ "OrdersFunction", "Arn" ] }, "Action": "lambda:InvokeFunction", "Principal": "s3.amazonaws.com" }
                }
              }
            }
            """, "/0/serverless.template");

    // ---------------------------------------------------------------- switch expressions

    [Fact]
    public async Task SwitchExpressionOnTuple_OneMethodPerArmWithSharedCode()
    {
        var (source, template) = await ApplyAsync("""
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class Orders
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    context.Logger.LogLine(request.Path);
                    return (request.HttpMethod, request.Resource) switch
                    {
                        ("GET", "/orders") => List(request),
                        ("GET", "/orders/{id}") => Get(request.PathParameters["id"]),
                        ("DELETE", "/orders/{id}") => throw new System.NotSupportedException(),
                        _ => NotFound(),
                    };
                }

                private static APIGatewayProxyResponse List(APIGatewayProxyRequest request) => new() { StatusCode = 200 };

                private static APIGatewayProxyResponse Get(string id) => new() { StatusCode = 200, Body = id };

                private static APIGatewayProxyResponse NotFound() => new() { StatusCode = 404 };
            }
            """, """
            Resources:
              OrdersFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders::Handle
                  Events:
                    Proxy:
                      Type: Api
                      Properties:
                        Path: /{proxy+}
                        Method: ANY
            """);
        AssertText("""
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class Orders
            {
                public APIGatewayProxyResponse GetOrders(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    context.Logger.LogLine(request.Path);
                    return List(request);
                }

                public APIGatewayProxyResponse GetOrdersById(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    context.Logger.LogLine(request.Path);
                    return Get(request.PathParameters["id"]);
                }

                public APIGatewayProxyResponse DeleteOrdersById(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    context.Logger.LogLine(request.Path);
                    throw new System.NotSupportedException();
                }

                private static APIGatewayProxyResponse List(APIGatewayProxyRequest request) => new() { StatusCode = 200 };

                private static APIGatewayProxyResponse Get(string id) => new() { StatusCode = 200, Body = id };

                private static APIGatewayProxyResponse NotFound() => new() { StatusCode = 404 };
            }
            """, source);
        Assert.Contains("Handler: TestProject::Shop.Orders::DeleteOrdersById", template);
        Assert.Contains("Path: /orders/{id}", template);
        Assert.DoesNotContain("{proxy+}", template);
    }

    [Fact]
    public async Task ExpressionBodiedSwitchExpressionOnRouteKey_ExpressionBodiedMethods()
    {
        var (source, _) = await ApplyAsync("""
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class Api
            {
                public APIGatewayHttpApiV2ProxyResponse Handle(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
                    => request.RouteKey switch
                    {
                        "GET /orders" => Ok(),
                        "POST /orders" => new APIGatewayHttpApiV2ProxyResponse { StatusCode = 201, Body = request.Body },
                        "$default" => new APIGatewayHttpApiV2ProxyResponse { StatusCode = 404 },
                        _ => new APIGatewayHttpApiV2ProxyResponse { StatusCode = 404 },
                    };

                private static APIGatewayHttpApiV2ProxyResponse Ok() => new() { StatusCode = 200 };
            }
            """, null);
        AssertText("""
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class Api
            {
                public APIGatewayHttpApiV2ProxyResponse GetOrders(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context) => Ok();

                public APIGatewayHttpApiV2ProxyResponse PostOrders(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context) => new APIGatewayHttpApiV2ProxyResponse { StatusCode = 201, Body = request.Body };

                private static APIGatewayHttpApiV2ProxyResponse Ok() => new() { StatusCode = 200 };
            }
            """, source);
    }

    [Fact]
    public Task SwitchExpressionArmWithOrPattern_NoFix()
        => NoFixAsync(Header + """
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    => request.HttpMethod switch
                    {
                        "GET" => new APIGatewayProxyResponse { StatusCode = 200 },
                        "PUT" or "PATCH" => new APIGatewayProxyResponse { StatusCode = 204 },
                        _ => new APIGatewayProxyResponse { StatusCode = 405 },
                    };
            }
            """);

    [Fact]
    public Task SwitchExpressionValueConvertedOnReturn_NoFix()
        => NoFixAsync(Header + """
            public class Api
            {
                public object Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    => request.Path switch
                    {
                        "/a" => 1,
                        "/b" => 2L,
                        _ => 0,
                    };
            }
            """);

    [Fact]
    public Task SwitchExpressionNotReturnedDirectly_NoFix()
        => NoFixAsync(Header + """
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var status = request.Path switch
                    {
                        "/a" => 200,
                        "/b" => 201,
                        _ => 404,
                    };
                    context.Logger.LogLine(status.ToString());
                    return new APIGatewayProxyResponse { StatusCode = status };
                }
            }
            """);

    [Fact]
    public Task SwitchExpressionGovernedByRouteHelper_NoFix()
        => NoFixAsync(Header + """
            public class Api
            {
                private int _calls;

                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    => GetRoute(request) switch
                    {
                        "GET /a" => new APIGatewayProxyResponse { StatusCode = 200 },
                        "GET /b" => new APIGatewayProxyResponse { StatusCode = 201 },
                        _ => new APIGatewayProxyResponse { StatusCode = 404 },
                    };

                private string GetRoute(APIGatewayProxyRequest request)
                {
                    _calls++;
                    return request.HttpMethod + " " + request.Path;
                }
            }
            """);

    [Fact]
    public Task PrefixRouteBeforeExactRouteItCovers_NoFix()
        => NoFixAsync(Header + """
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    => (request.HttpMethod, request.Path) switch
                    {
                        ("GET", var p) when p.StartsWith("/orders/") => new APIGatewayProxyResponse { StatusCode = 200 },
                        ("GET", "/orders/export") => new APIGatewayProxyResponse { StatusCode = 202 },
                        _ => new APIGatewayProxyResponse { StatusCode = 404 },
                    };
            }
            """);

    // ---------------------------------------------------------------- route tables

    [Fact]
    public async Task RouteTableOfMethodGroups_OneMethodPerEntryAndTableRemoved()
    {
        var (source, _) = await ApplyAsync("""
            using System;
            using System.Collections.Generic;
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class Api
            {
                private static readonly Dictionary<string, Func<APIGatewayProxyRequest, APIGatewayProxyResponse>> Routes = new()
                {
                    ["GET /orders"] = ListOrders,
                    ["POST /orders"] = CreateOrder,
                };

                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    context.Logger.LogLine(request.Path);
                    return Routes.TryGetValue($"{request.HttpMethod} {request.Resource}", out var route)
                        ? route(request)
                        : new APIGatewayProxyResponse { StatusCode = 404 };
                }

                private static APIGatewayProxyResponse ListOrders(APIGatewayProxyRequest request) => new() { StatusCode = 200 };

                private static APIGatewayProxyResponse CreateOrder(APIGatewayProxyRequest request) => new() { StatusCode = 201 };
            }
            """, null);
        AssertText("""
            using System;
            using System.Collections.Generic;
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class Api
            {
                public APIGatewayProxyResponse GetOrders(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    context.Logger.LogLine(request.Path);
                    return ListOrders(request);
                }

                public APIGatewayProxyResponse PostOrders(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    context.Logger.LogLine(request.Path);
                    return CreateOrder(request);
                }

                private static APIGatewayProxyResponse ListOrders(APIGatewayProxyRequest request) => new() { StatusCode = 200 };

                private static APIGatewayProxyResponse CreateOrder(APIGatewayProxyRequest request) => new() { StatusCode = 201 };
            }
            """, source);
    }

    [Fact]
    public async Task RouteTableOfLambdas_InlinesEachLambdaWithTheHandlersParameterNames()
    {
        var (source, template) = await ApplyAsync("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class Api
            {
                private readonly Dictionary<string, Func<APIGatewayProxyRequest, Task<APIGatewayProxyResponse>>> _routes = new()
                {
                    { "/orders", async r => { await Task.Yield(); return new APIGatewayProxyResponse { StatusCode = 200, Body = r.Path }; } },
                    { "/users", r => Task.FromResult(new APIGatewayProxyResponse { StatusCode = 200, Body = r.Body }) },
                };

                public Task<APIGatewayProxyResponse> Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    => _routes[request.Path](request);
            }
            """, """
            Resources:
              ApiFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Api::Handle
                  Events:
                    Proxy:
                      Type: Api
                      Properties:
                        Path: /{proxy+}
                        Method: GET
            """);
        AssertText("""
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class Api
            {
                public async Task<APIGatewayProxyResponse> HandleOrders(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    await Task.Yield(); return new APIGatewayProxyResponse { StatusCode = 200, Body = request.Path };
                }

                public Task<APIGatewayProxyResponse> HandleUsers(APIGatewayProxyRequest request, ILambdaContext context) => Task.FromResult(new APIGatewayProxyResponse { StatusCode = 200, Body = request.Body });
            }
            """, source);
        Assert.Contains("Path: /users", template);
        Assert.Contains("Method: GET", template);
    }

    [Fact]
    public Task RouteTableLambdaUsingNameOfHandlerParameter_NoFix()
        => NoFixAsync(Header + """
            public class Api
            {
                private static readonly string context = "shared";

                private static readonly System.Collections.Generic.Dictionary<string, System.Func<APIGatewayProxyRequest, APIGatewayProxyResponse>> Routes = new()
                {
                    ["/a"] = r => new APIGatewayProxyResponse { StatusCode = 200, Body = context },
                    ["/b"] = r => new APIGatewayProxyResponse { StatusCode = 201 },
                };

                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    if (Routes.TryGetValue(request.Path, out var route))
                    {
                        return route(request);
                    }

                    return new APIGatewayProxyResponse { StatusCode = 404 };
                }
            }
            """);

    [Fact]
    public Task RouteTableWithObjectValues_NoFix()
        => NoFixAsync(Header + """
            public interface IRoute { APIGatewayProxyResponse Run(APIGatewayProxyRequest request); }

            public sealed class A : IRoute { public APIGatewayProxyResponse Run(APIGatewayProxyRequest request) => new() { StatusCode = 200 }; }

            public class Api
            {
                private static readonly System.Collections.Generic.Dictionary<string, IRoute> Routes = new()
                {
                    ["/a"] = new A(),
                    ["/b"] = new A(),
                };

                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    => Routes.TryGetValue(request.Path, out var route) ? route.Run(request) : new APIGatewayProxyResponse { StatusCode = 404 };
            }
            """);

    // ---------------------------------------------------------------- Annotations parameters

    [Fact]
    public async Task AnnotationsRouteReadingOnlyPathParameterAndBody_TakesFromRouteAndFromBody()
    {
        var (source, _) = await ApplyAsync("""
            using Amazon.Lambda.Annotations;
            using Amazon.Lambda.Annotations.APIGateway;
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class Api
            {
                [LambdaFunction]
                [HttpApi(LambdaHttpMethod.Any, "/{proxy+}")]
                public APIGatewayHttpApiV2ProxyResponse Handle(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
                {
                    switch (request.RouteKey)
                    {
                        case "PUT /items/{id}":
                            var id = request.PathParameters["id"];
                            context.Logger.LogLine(id);
                            return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200, Body = id + request.Body };
                        case "GET /items/{id}":
                            return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200, Body = request.PathParameters["id"], Headers = request.Headers };
                        default:
                            return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 404 };
                    }
                }
            }
            """, null);
        AssertText("""
            using Amazon.Lambda.Annotations;
            using Amazon.Lambda.Annotations.APIGateway;
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;

            namespace Shop;

            public class Api
            {
                [LambdaFunction]
                [HttpApi(LambdaHttpMethod.Put, "/items/{id}")]
                public APIGatewayHttpApiV2ProxyResponse PutItemsById([FromRoute] string id, [FromBody] string body, ILambdaContext context)
                {
                    context.Logger.LogLine(id);
                    return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200, Body = id + body };
                }

                [LambdaFunction]
                [HttpApi(LambdaHttpMethod.Get, "/items/{id}")]
                public APIGatewayHttpApiV2ProxyResponse GetItemsById(APIGatewayHttpApiV2ProxyRequest request, [FromRoute] string id, ILambdaContext context)
                {
                    return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200, Body = id, Headers = request.Headers };
                }
            }
            """, source);
    }

    [Fact]
    public Task AnnotationsPrefixRouteWithoutPathParameter_NoFix()
        => NoFixAsync("""
            using Amazon.Lambda.Annotations;
            using Amazon.Lambda.APIGatewayEvents;

            namespace Shop;

            public class Api
            {
                [LambdaFunction]
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request)
                {
                    if (request.HttpMethod == "GET" && request.Path.StartsWith("/files/")) return new APIGatewayProxyResponse { StatusCode = 200 };
                    if (request.HttpMethod == "POST" && request.Path == "/files") return new APIGatewayProxyResponse { StatusCode = 201 };
                    return new APIGatewayProxyResponse { StatusCode = 404 };
                }
            }
            """);
}
