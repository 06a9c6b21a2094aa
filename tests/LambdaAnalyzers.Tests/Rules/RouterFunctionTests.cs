using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.RouterFunctionAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>
/// LAMBDA001: one function dispatching several API routes or operations. Positive tests mark the dispatch
/// with <c>{|#0:…|}</c> and the handler with <c>{|#1:…|}</c> (the additional location).
/// </summary>
public sealed class RouterFunctionTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Text.RegularExpressions;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.APIGatewayEvents;
        using Amazon.Lambda.ApplicationLoadBalancerEvents;

        """;

    private static Task ReportsAsync(string source, params object[] arguments)
        => ReportsWithOptionsAsync(source, string.Empty, arguments);

    private static Task ReportsWithOptionsAsync(string source, string globalOptions, params object[] arguments)
    {
        var test = new Verify.Test { TestCode = Usings + source, GlobalOptions = globalOptions };
        var expected = Verify.Diagnostic("LAMBDA001").WithLocation(0).WithLocation(1);
        if (arguments.Length > 0)
        {
            expected = expected.WithArguments(arguments);
        }

        test.ExpectedDiagnostics.Add(expected);
        return test.RunAsync();
    }

    private static Task NoDiagnosticAsync(string source, string? awsProjectType = "Lambda", bool isTestProject = false, string globalOptions = "")
    {
        var test = new Verify.Test { TestCode = Usings + source, AwsProjectType = awsProjectType, IsTestProject = isTestProject, GlobalOptions = globalOptions };
        return test.RunAsync();
    }

    private const string SampleRouter = """
        public class OrdersFunction
        {
            public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
            {
                context.Logger.LogLine(request.Path);
                {|#0:switch|} (request.HttpMethod)
                {
                    case "GET" when request.Path == "/orders":
                        return new APIGatewayProxyResponse { StatusCode = 200 };
                    case "GET" when request.Path.StartsWith("/orders/"):
                        return new APIGatewayProxyResponse { StatusCode = 200 };
                    case "POST" when request.Path == "/orders":
                        return new APIGatewayProxyResponse { StatusCode = 201 };
                    case "DELETE" when request.Path.StartsWith("/orders/"):
                        return new APIGatewayProxyResponse { StatusCode = 204 };
                    default:
                        return new APIGatewayProxyResponse { StatusCode = 404 };
                }
            }
        }
        """;

    // ---------------------------------------------------------------- positives

    [Fact]
    public Task SwitchOnHttpMethodWithPathGuards_Reports()
        => ReportsAsync(SampleRouter, "OrdersFunction.Handle", 4, "API routes", "GET /orders, GET /orders/*, POST /orders, …");

    [Fact]
    public Task SwitchOnPath_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|#0:switch|} (request.Path)
                    {
                        case "/orders": return Ok();
                        case "/users": return Ok();
                        default: return new APIGatewayProxyResponse { StatusCode = 404 };
                    }
                }

                private static APIGatewayProxyResponse Ok() => new() { StatusCode = 200 };
            }
            """, "Api.Handle", 2, "API routes", "/orders, /users");

    [Fact]
    public Task NestedSwitchResourceThenMethod_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|#0:switch|} (request.Resource)
                    {
                        case "/orders":
                            switch (request.HttpMethod)
                            {
                                case "GET": return Ok();
                                case "POST": return Ok();
                            }
                            break;
                        case "/orders/{id}":
                            switch (request.HttpMethod)
                            {
                                case "GET": return Ok();
                            }
                            break;
                    }

                    return new APIGatewayProxyResponse { StatusCode = 404 };
                }

                private static APIGatewayProxyResponse Ok() => new() { StatusCode = 200 };
            }
            """, "Api.Handle", 3, "API routes", "GET /orders, POST /orders, GET /orders/{id}");

    [Fact]
    public Task SwitchExpressionOnRouteKey_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayHttpApiV2ProxyResponse {|#1:Handle|}(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
                    => request.RouteKey {|#0:switch|}
                    {
                        "GET /orders" => Ok(),
                        "POST /orders" => Ok(),
                        "$default" => new APIGatewayHttpApiV2ProxyResponse { StatusCode = 404 },
                        _ => new APIGatewayHttpApiV2ProxyResponse { StatusCode = 404 },
                    };

                private static APIGatewayHttpApiV2ProxyResponse Ok() => new() { StatusCode = 200 };
            }
            """, "Api.Handle", 2, "API routes", "GET /orders, POST /orders");

    [Fact]
    public Task TuplePatternOnMethodAndPath_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayHttpApiV2ProxyResponse {|#1:Handle|}(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
                {
                    return (request.RequestContext.Http.Method, request.RawPath) {|#0:switch|}
                    {
                        ("GET", "/orders") => Ok(),
                        ("POST", "/orders") => Ok(),
                        ("OPTIONS", _) => Ok(),
                        _ => new APIGatewayHttpApiV2ProxyResponse { StatusCode = 404 },
                    };
                }

                private static APIGatewayHttpApiV2ProxyResponse Ok() => new() { StatusCode = 200 };
            }
            """, "Api.Handle", 2, "API routes", "GET /orders, POST /orders");

    [Fact]
    public Task TupleSwitchStatementWithLocals_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var method = request.HttpMethod.ToUpperInvariant();
                    var path = request.Path.ToLowerInvariant();
                    {|#0:switch|} (method, path)
                    {
                        case ("GET", "/orders"): return Ok();
                        case ("PUT", var p) when p.StartsWith("/orders/"): return Ok();
                        default: return new APIGatewayProxyResponse { StatusCode = 404 };
                    }
                }

                private static APIGatewayProxyResponse Ok() => new() { StatusCode = 200 };
            }
            """, "Api.Handle", 2, "API routes", "GET /orders, PUT /orders/*");

    [Fact]
    public Task IfElseIfChain_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    APIGatewayProxyResponse response;
                    {|#0:if|} (request.HttpMethod == "GET" && request.Path == "/orders")
                    {
                        response = Ok();
                    }
                    else if (request.HttpMethod == "POST" && request.Path == "/orders")
                    {
                        response = Ok();
                    }
                    else
                    {
                        response = new APIGatewayProxyResponse { StatusCode = 404 };
                    }

                    return response;
                }

                private static APIGatewayProxyResponse Ok() => new() { StatusCode = 200 };
            }
            """, "Api.Handle", 2, "API routes", "GET /orders, POST /orders");

    [Fact]
    public Task RunOfIfReturn_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    if (request.HttpMethod == "OPTIONS") return Ok();
                    {|#0:if|} (request.Path.Equals("/orders", StringComparison.OrdinalIgnoreCase)) return Ok();
                    var id = request.PathParameters?["id"];
                    if (string.Equals(request.Path, "/users", StringComparison.Ordinal)) return Ok();
                    if (Regex.IsMatch(request.Path, "^/items/[0-9]+$")) return Ok();
                    return new APIGatewayProxyResponse { StatusCode = 404 };
                }

                private static APIGatewayProxyResponse Ok() => new() { StatusCode = 200 };
            }
            """, "Api.Handle", 3, "API routes", "/orders, /users, ^/items/[0-9]+$");

    [Fact]
    public Task InterpolatedRouteKey_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var route = $"{request.RequestContext.HttpMethod} {request.RequestContext.ResourcePath}";
                    {|#0:switch|} (route)
                    {
                        case "GET /orders": return Ok();
                        case "DELETE /orders/{id}": return Ok();
                    }

                    return new APIGatewayProxyResponse { StatusCode = 404 };
                }

                private static APIGatewayProxyResponse Ok() => new() { StatusCode = 200 };
            }
            """, "Api.Handle", 2, "API routes", "GET /orders, DELETE /orders/{id}");

    [Fact]
    public Task ConcatenatedRouteKey_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|#0:switch|} (request.HttpMethod + " " + request.Path)
                    {
                        case "GET /a": return Ok();
                        case "GET /b": return Ok();
                    }

                    return new APIGatewayProxyResponse { StatusCode = 404 };
                }

                private static APIGatewayProxyResponse Ok() => new() { StatusCode = 200 };
            }
            """);

    [Fact]
    public Task AlbRequest_Reports()
        => ReportsAsync("""
            public class Api
            {
                public ApplicationLoadBalancerResponse {|#1:Handle|}(ApplicationLoadBalancerRequest request, ILambdaContext context)
                {
                    {|#0:if|} (request.HttpMethod == "GET") return new ApplicationLoadBalancerResponse { StatusCode = 200 };
                    if (request.HttpMethod == "POST") return new ApplicationLoadBalancerResponse { StatusCode = 201 };
                    return new ApplicationLoadBalancerResponse { StatusCode = 405 };
                }
            }
            """, "Api.Handle", 2, "API routes", "GET, POST");

    [Fact]
    public Task V2RequestContextHttpWithNullConditional_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayHttpApiV2ProxyResponse {|#1:Handle|}(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
                {
                    {|#0:switch|} (request.RequestContext?.Http?.Path)
                    {
                        case "/a": return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200 };
                        case "/b": return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200 };
                        default: return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 404 };
                    }
                }
            }
            """);

    [Fact]
    public Task PropertyPatternOnRequest_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                    => request {|#0:switch|}
                    {
                        { HttpMethod: "GET", Path: "/orders" } => Ok(),
                        { HttpMethod: "POST", Path: "/orders" } => Ok(),
                        _ => new APIGatewayProxyResponse { StatusCode = 404 },
                    };

                private static APIGatewayProxyResponse Ok() => new() { StatusCode = 200 };
            }
            """, "Api.Handle", 2, "API routes", "GET /orders, POST /orders");

    [Fact]
    public Task RouteTableDictionary_Reports()
        => ReportsAsync("""
            public class Api
            {
                private static readonly Dictionary<string, Func<APIGatewayProxyRequest, APIGatewayProxyResponse>> Routes = new()
                {
                    ["GET /orders"] = r => new APIGatewayProxyResponse { StatusCode = 200 },
                    ["POST /orders"] = r => new APIGatewayProxyResponse { StatusCode = 201 },
                    ["GET /users"] = r => new APIGatewayProxyResponse { StatusCode = 200 },
                };

                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    return {|#0:Routes.TryGetValue($"{request.HttpMethod} {request.Resource}", out var route)|}
                        ? route(request)
                        : new APIGatewayProxyResponse { StatusCode = 404 };
                }
            }
            """, "Api.Handle", 3, "API routes", "GET /orders, POST /orders, GET /users");

    [Fact]
    public Task RouteTableIndexedByPath_Reports()
        => ReportsAsync("""
            public class Api
            {
                private readonly Dictionary<string, Func<APIGatewayProxyResponse>> _routes = new()
                {
                    { "/orders", () => new APIGatewayProxyResponse { StatusCode = 200 } },
                    { "/users", () => new APIGatewayProxyResponse { StatusCode = 200 } },
                };

                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                    => {|#0:_routes[request.Path]|}();
            }
            """);

    [Fact]
    public Task DispatchInHelperReachableFromHandler_ReportsWithHandler()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context) => Route(request);

                private static APIGatewayProxyResponse Route(APIGatewayProxyRequest request)
                {
                    {|#0:switch|} (request.HttpMethod)
                    {
                        case "GET": return new APIGatewayProxyResponse { StatusCode = 200 };
                        case "PUT": return new APIGatewayProxyResponse { StatusCode = 200 };
                        default: return new APIGatewayProxyResponse { StatusCode = 405 };
                    }
                }
            }
            """, "Api.Handle", 2, "API routes", "GET, PUT");

    [Fact]
    public Task OperationFieldOfOwnPayload_Reports()
        => ReportsAsync("""
            public class Command
            {
                public string Action { get; set; } = "";
                public string Id { get; set; } = "";
            }

            public class Api
            {
                public string {|#1:Handle|}(Command input, ILambdaContext context)
                {
                    {|#0:switch|} (input.Action)
                    {
                        case "create": return "created";
                        case "delete": return "deleted";
                        case "archive": return "archived";
                        default: throw new ArgumentException(input.Action);
                    }
                }
            }
            """, "Api.Handle", 3, "operations", "create, delete, archive");

    [Fact]
    public Task OperationFieldEnum_Reports()
        => ReportsAsync("""
            public enum Op { Create, Delete }

            public record Request(Op Operation, string Id);

            public class Api
            {
                public string {|#1:Handle|}(Request input, ILambdaContext context)
                    => input.Operation {|#0:switch|}
                    {
                        Op.Create => "created",
                        Op.Delete => "deleted",
                        _ => "unknown",
                    };
            }
            """, "Api.Handle", 2, "operations", "Create, Delete");

    [Fact]
    public Task ExtraOperationFieldOption_Reports()
        => ReportsWithOptionsAsync("""
            public class Message { public string Verb { get; set; } = ""; }

            public class Api
            {
                public string {|#1:Handle|}(Message input, ILambdaContext context)
                    => input.Verb {|#0:switch|} { "a" => "1", "b" => "2", _ => "0" };
            }
            """, "dotnet_diagnostic.LAMBDA001.operation_fields = Verb, Kind", "Api.Handle", 2, "operations", "a, b");

    [Fact]
    public Task AnnotationsHandler_Reports()
        => ReportsAsync("""
            public class Api
            {
                [Amazon.Lambda.Annotations.LambdaFunction]
                public APIGatewayHttpApiV2ProxyResponse {|#1:Handle|}(APIGatewayHttpApiV2ProxyRequest request)
                {
                    {|#0:switch|} (request.RequestContext.Http.Method)
                    {
                        case "GET": return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200 };
                        case "POST": return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 201 };
                    }

                    return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 405 };
                }
            }
            """);

    [Fact]
    public Task PartialClass_Reports()
        => ReportsAsync("""
            public partial class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context) => Dispatch(request);
            }

            public partial class Api
            {
                private APIGatewayProxyResponse Dispatch(APIGatewayProxyRequest request)
                {
                    {|#0:if|} (request.Path == "/a") return new APIGatewayProxyResponse { StatusCode = 200 };
                    else if (request.Path == "/b") return new APIGatewayProxyResponse { StatusCode = 200 };
                    return new APIGatewayProxyResponse { StatusCode = 404 };
                }
            }
            """);

    [Fact]
    public Task SplitPathSegment_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var segments = request.Path.Split('/');
                    {|#0:switch|} (segments[1])
                    {
                        case "orders": return new APIGatewayProxyResponse { StatusCode = 200 };
                        case "users": return new APIGatewayProxyResponse { StatusCode = 200 };
                        default: return new APIGatewayProxyResponse { StatusCode = 404 };
                    }
                }
            }
            """);

    [Fact]
    public Task MinRoutesOptionMet_Reports()
        => ReportsWithOptionsAsync(SampleRouter, "dotnet_diagnostic.LAMBDA001.min_routes = 4");

    // ---------------------------------------------------------------- negatives

    [Fact]
    public Task MinRoutesOptionNotMet_DoesNotReport()
        => NoDiagnosticAsync(SampleRouter.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty), globalOptions: "dotnet_diagnostic.LAMBDA001.min_routes = 5");

    [Fact]
    public Task SingleRouteWithMethodGuard_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    if (request.HttpMethod == "OPTIONS") return new APIGatewayProxyResponse { StatusCode = 204 };
                    if (request.HttpMethod != "POST") return new APIGatewayProxyResponse { StatusCode = 405 };
                    if (!request.Path.StartsWith("/orders")) return new APIGatewayProxyResponse { StatusCode = 404 };
                    return new APIGatewayProxyResponse { StatusCode = 201 };
                }
            }
            """);

    [Fact]
    public Task SingleRouteSwitchWithOptionsAndDefault_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    switch (request.HttpMethod)
                    {
                        case "OPTIONS": return new APIGatewayProxyResponse { StatusCode = 204 };
                        case "GET": return new APIGatewayProxyResponse { StatusCode = 200 };
                        default: return new APIGatewayProxyResponse { StatusCode = 405 };
                    }
                }
            }
            """);

    [Fact]
    public Task SystemNetHttpMethod_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Outgoing
            {
                public string Path { get; set; } = "";
                public System.Net.Http.HttpMethod HttpMethod { get; set; } = System.Net.Http.HttpMethod.Get;
            }

            public class Api
            {
                public string Handle(Outgoing input, ILambdaContext context)
                {
                    if (input.HttpMethod == System.Net.Http.HttpMethod.Get) return "get";
                    if (input.HttpMethod == System.Net.Http.HttpMethod.Post) return "post";
                    switch (input.Path) { case "/a": return "a"; case "/b": return "b"; }
                    return "";
                }
            }
            """);

    [Fact]
    public Task DtoWithHttpMethodAndPathStrings_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Downstream
            {
                public string HttpMethod { get; set; } = "";
                public string Path { get; set; } = "";
            }

            public class Api
            {
                public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var call = new Downstream { HttpMethod = "GET", Path = "/x" };
                    switch (call.HttpMethod) { case "GET": return "g"; case "POST": return "p"; }
                    return call.Path switch { "/a" => "a", "/b" => "b", _ => "" };
                }
            }
            """);

    [Fact]
    public Task DynamoDbStreamEventName_DoesNotReport()
        => NoDiagnosticAsync("""
            using Amazon.Lambda.DynamoDBEvents;

            public class Stream
            {
                public void Handle(DynamoDBEvent evnt, ILambdaContext context)
                {
                    foreach (var record in evnt.Records)
                    {
                        switch (record.EventName)
                        {
                            case "INSERT": break;
                            case "MODIFY": break;
                            case "REMOVE": break;
                        }
                    }
                }
            }
            """);

    [Fact]
    public Task SnsSubjectsAndSqsAttributes_DoesNotReport()
        => NoDiagnosticAsync("""
            using Amazon.Lambda.SNSEvents;
            using Amazon.Lambda.SQSEvents;

            public class Notifications
            {
                public void OnSns(SNSEvent evnt, ILambdaContext context)
                {
                    foreach (var record in evnt.Records)
                    {
                        if (record.Sns.Subject == "OrderPlaced") { }
                        else if (record.Sns.Subject == "OrderShipped") { }
                    }
                }

                public void OnSqs(SQSEvent evnt, ILambdaContext context)
                {
                    foreach (var message in evnt.Records)
                    {
                        switch (message.MessageAttributes["type"].StringValue)
                        {
                            case "a": break;
                            case "b": break;
                        }
                    }
                }
            }
            """);

    [Fact]
    public Task CloudFormationCustomResourceRequestType_DoesNotReport()
        => NoDiagnosticAsync("""
            public class CustomResourceRequest
            {
                public string RequestType { get; set; } = "";
                public string ResponseURL { get; set; } = "";
            }

            public class Provider
            {
                public Task Handle(CustomResourceRequest request, ILambdaContext context)
                {
                    switch (request.RequestType)
                    {
                        case "Create": return Task.CompletedTask;
                        case "Update": return Task.CompletedTask;
                        case "Delete": return Task.CompletedTask;
                    }

                    return Task.CompletedTask;
                }
            }
            """);

    [Fact]
    public Task LexIntentHandler_DoesNotReport()
        => NoDiagnosticAsync("""
            using Amazon.Lambda.LexEvents;

            public class Bot
            {
                public LexResponse Handle(LexEvent lexEvent, ILambdaContext context)
                {
                    switch (lexEvent.CurrentIntent.Name)
                    {
                        case "OrderFlowers": return new LexResponse();
                        case "CancelOrder": return new LexResponse();
                        default: return new LexResponse();
                    }
                }
            }
            """);

    [Fact]
    public Task QueryStringAndBusinessData_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var sort = request.QueryStringParameters["sort"];
                    switch (sort)
                    {
                        case "date": break;
                        case "price": break;
                    }

                    var region = Environment.GetEnvironmentVariable("REGION");
                    if (region == "eu-west-1") { }
                    else if (region == "us-east-1") { }

                    return new APIGatewayProxyResponse { StatusCode = 200 };
                }
            }
            """);

    [Fact]
    public Task PaymentMethodBusinessField_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Payment
            {
                public string Method { get; set; } = "";
                public string Type { get; set; } = "";
            }

            public class Api
            {
                public string Handle(Payment input, ILambdaContext context)
                {
                    switch (input.Method) { case "card": return "c"; case "paypal": return "p"; }
                    return input.Type switch { "express" => "e", "standard" => "s", _ => "" };
                }
            }
            """);

    [Fact]
    public Task OperationFieldOfNonPayloadType_DoesNotReport()
        => NoDiagnosticAsync("""
            public class AuditEntry { public string Action { get; set; } = ""; }

            public class Api
            {
                public string Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var entry = new AuditEntry { Action = request.Body };
                    switch (entry.Action) { case "create": return "c"; case "delete": return "d"; }
                    return "";
                }
            }
            """);

    [Fact]
    public Task AspNetCoreOnLambda_DoesNotReport()
        => NoDiagnosticAsync("""
            public class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction
            {
            }

            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    switch (request.Path) { case "/a": break; case "/b": break; }
                    return new APIGatewayProxyResponse();
                }
            }
            """);

    [Fact]
    public Task NotInvocationCode_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Tools
            {
                public static string Describe(APIGatewayProxyRequest request)
                {
                    switch (request.Path) { case "/a": return "a"; case "/b": return "b"; }
                    return "";
                }
            }
            """);

    [Fact]
    public Task NonLambdaProject_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, object context)
                {
                    switch (request.Path) { case "/a": break; case "/b": break; }
                    return new APIGatewayProxyResponse();
                }
            }
            """, awsProjectType: null);

    [Fact]
    public Task TestProject_DoesNotReport()
        => NoDiagnosticAsync(SampleRouter.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty), isTestProject: true);

    [Fact]
    public Task GeneratedCode_DoesNotReport()
        => new Verify.Test { TestCode = "// <auto-generated/>\n" + Usings + Plain(SampleRouter) }.RunAsync();

    [Fact]
    public Task GeneratedCodeAttribute_DoesNotReport()
        => new Verify.Test
        {
            TestCode = Usings + Plain(SampleRouter).Replace(
                "public class OrdersFunction",
                "[System.CodeDom.Compiler.GeneratedCode(\"tool\", \"1.0\")]\npublic class OrdersFunction"),
        }.RunAsync();

    private static string Plain(string markup) => markup.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty);

    [Fact]
    public Task RoutesComparedToRuntimeValues_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Api
            {
                private readonly string _expected = Environment.GetEnvironmentVariable("ROUTE") ?? "";

                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    if (request.Path == _expected) return new APIGatewayProxyResponse { StatusCode = 200 };
                    if (request.HttpMethod == request.Headers["x-method"]) return new APIGatewayProxyResponse { StatusCode = 200 };
                    return new APIGatewayProxyResponse { StatusCode = 404 };
                }
            }
            """);

    [Fact]
    public Task SameRouteTestedTwice_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    if (request.HttpMethod == "POST") context.Logger.LogLine("creating");
                    var body = request.Body;
                    if (request.HttpMethod == "POST") return new APIGatewayProxyResponse { StatusCode = 201 };
                    return new APIGatewayProxyResponse { StatusCode = 405 };
                }
            }
            """);
    [Fact]
    public Task TopLevelBootstrapLambda_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                using Amazon.Lambda.RuntimeSupport;
                using Amazon.Lambda.Serialization.SystemTextJson;

                await LambdaBootstrapBuilder.Create((APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context) =>
                {
                    var response = request.RouteKey {|#0:switch|}
                    {
                        "GET /items" => new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200 },
                        "POST /items" => new APIGatewayHttpApiV2ProxyResponse { StatusCode = 201 },
                        _ => new APIGatewayHttpApiV2ProxyResponse { StatusCode = 404 },
                    };
                    return response;
                }, new DefaultLambdaJsonSerializer()).Build().RunAsync();
                """,
        };
        test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("LAMBDA001").WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations)
            .WithArguments("top-level handler", 2, "API routes", "GET /items, POST /items"));
        return test.RunAsync();
    }

    [Fact]
    public Task LocalFunctionRouter_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    return Route(request.HttpMethod);

                    APIGatewayProxyResponse Route(string method)
                    {
                        {|#0:if|} (request.HttpMethod is "GET") return new APIGatewayProxyResponse { StatusCode = 200 };
                        if (request.HttpMethod is "DELETE") return new APIGatewayProxyResponse { StatusCode = 204 };
                        return new APIGatewayProxyResponse { StatusCode = 405 };
                    }
                }
            }
            """, "Api.Handle", 2, "API routes", "GET, DELETE");

    [Fact]
    public Task ElseIfChainAfterNullCheck_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|#0:if|} (request is null) return new APIGatewayProxyResponse { StatusCode = 400 };
                    else if (request.Resource == "/a") return new APIGatewayProxyResponse { StatusCode = 200 };
                    else if (request.Resource == "/b") return new APIGatewayProxyResponse { StatusCode = 200 };
                    return new APIGatewayProxyResponse { StatusCode = 404 };
                }
            }
            """);

    [Fact]
    public Task DeconstructedLocals_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var (method, path) = (request.HttpMethod, request.Path);
                    {|#0:if|} (method == "GET" && path == "/a") return new APIGatewayProxyResponse { StatusCode = 200 };
                    if (method == "GET" && path == "/b") return new APIGatewayProxyResponse { StatusCode = 200 };
                    return new APIGatewayProxyResponse { StatusCode = 404 };
                }
            }
            """, "Api.Handle", 2, "API routes", "GET /a, GET /b");

    [Fact]
    public Task WebSocketRouteKeys_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Socket
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    switch (request.RequestContext.RouteKey)
                    {
                        case "$connect": return new APIGatewayProxyResponse { StatusCode = 200 };
                        case "$disconnect": return new APIGatewayProxyResponse { StatusCode = 200 };
                        case "sendmessage": return new APIGatewayProxyResponse { StatusCode = 200 };
                        default: return new APIGatewayProxyResponse { StatusCode = 400 };
                    }
                }
            }
            """);

    [Fact]
    public Task CustomAuthorizerRequest_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Authorizer
            {
                public APIGatewayCustomAuthorizerResponse Handle(APIGatewayCustomAuthorizerRequest request, ILambdaContext context)
                {
                    switch (request.HttpMethod)
                    {
                        case "GET": return new APIGatewayCustomAuthorizerResponse();
                        case "POST": return new APIGatewayCustomAuthorizerResponse();
                    }

                    return request.Path switch { "/a" => new APIGatewayCustomAuthorizerResponse(), _ => new APIGatewayCustomAuthorizerResponse() };
                }
            }
            """);

    [Fact]
    public Task HeadersAndPathParameters_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    switch (request.Headers["Accept"])
                    {
                        case "application/json": break;
                        case "text/csv": break;
                    }

                    var kind = request.PathParameters["kind"] switch { "a" => 1, "b" => 2, _ => 0 };
                    return new APIGatewayProxyResponse { StatusCode = 200 + kind };
                }
            }
            """);

    [Fact]
    public Task GetOrHeadOneRoute_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    switch (request.HttpMethod)
                    {
                        case "GET":
                        case "HEAD":
                            return new APIGatewayProxyResponse { StatusCode = 200 };
                        case "OPTIONS":
                            return new APIGatewayProxyResponse { StatusCode = 204 };
                        default:
                            return new APIGatewayProxyResponse { StatusCode = 405 };
                    }
                }
            }
            """);

    [Fact]
    public Task HandlerClassConstructor_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Api
            {
                private readonly int _mode;

                public Api()
                {
                    var request = new APIGatewayProxyRequest { Path = Environment.GetEnvironmentVariable("P") ?? "" };
                    switch (request.Path) { case "/a": _mode = 1; break; case "/b": _mode = 2; break; }
                }

                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                    => new APIGatewayProxyResponse { StatusCode = 200 + _mode };
            }
            """);
    [Fact]
    public Task RouteTableOfRecordsSearchedWithLinq_Reports()
        => ReportsAsync("""
            public sealed record Route(string Method, string Path, Func<APIGatewayProxyRequest, APIGatewayProxyResponse> Handler);

            public class Api
            {
                private static readonly Route[] Routes =
                {
                    new("GET", "/orders", r => new APIGatewayProxyResponse { StatusCode = 200 }),
                    new("POST", "/orders", r => new APIGatewayProxyResponse { StatusCode = 201 }),
                    new Route("DELETE", "/orders/{id}", r => new APIGatewayProxyResponse { StatusCode = 204 }),
                };

                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var route = {|#0:Routes.FirstOrDefault(r => r.Method == request.HttpMethod && r.Path == request.Resource)|};
                    return route is null ? new APIGatewayProxyResponse { StatusCode = 404 } : route.Handler(request);
                }
            }
            """.Replace("public sealed record", "using System.Linq;\npublic sealed record"), "Api.Handle", 3, "API routes", "GET /orders, POST /orders, DELETE /orders/{id}");

    [Fact]
    public Task ComparedWithSystemNetHttpMethodConstants_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|#0:if|} (request.HttpMethod == System.Net.Http.HttpMethod.Get.Method) return new APIGatewayProxyResponse { StatusCode = 200 };
                    if (request.HttpMethod == System.Net.Http.HttpMethod.Put.ToString()) return new APIGatewayProxyResponse { StatusCode = 200 };
                    return new APIGatewayProxyResponse { StatusCode = 405 };
                }
            }
            """, "Api.Handle", 2, "API routes", "GET, PUT");

    [Fact]
    public Task RequestMethodComparedWithUnqualifiedHttpMethodConstants_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|#0:if|} (request.HttpMethod == HttpMethod.Get.Method) return new APIGatewayProxyResponse { StatusCode = 200 };
                    if (request.HttpMethod == HttpMethod.Put.ToString()) return new APIGatewayProxyResponse { StatusCode = 200 };
                    return new APIGatewayProxyResponse { StatusCode = 405 };
                }
            }
            """.Replace("public class Api", "using System.Net.Http;\npublic class Api"), "Api.Handle", 2, "API routes", "GET, PUT");

    [Fact]
    public Task LastPathSegment_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    var resource = System.Linq.Enumerable.Last(request.Path.Split('/'));
                    var last = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Last();
                    return last {|#0:switch|}
                    {
                        "orders" => new APIGatewayProxyResponse { StatusCode = 200 },
                        "users" => new APIGatewayProxyResponse { StatusCode = 200 },
                        _ => new APIGatewayProxyResponse { StatusCode = 404 },
                    };
                }
            }
            """.Replace("public class Api", "using System.Linq;\npublic class Api"));

    [Fact]
    public Task BusinessTableSearchedWithLinq_DoesNotReport()
        => NoDiagnosticAsync("""
            public sealed record Product(string Sku, decimal Price);
            public sealed class Query { public string Sku { get; set; } = ""; }

            public class Api
            {
                private static readonly Product[] Products = { new("a", 1m), new("b", 2m) };

                public decimal Handle(Query input, ILambdaContext context)
                    => System.Linq.Enumerable.First(Products, p => p.Sku == input.Sku).Price;
            }
            """);
    [Fact]
    public Task RouteTableInOtherFileOfPartialClass_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public partial class Api
                {
                    public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                        => {|#0:Routes[request.Path]|}(request);
                }
                """,
        };
        test.TestState.Sources.Add(("/0/Routes.cs", Usings + """
            public partial class Api
            {
                private const string Users = "/users";

                private static readonly Dictionary<string, Func<APIGatewayProxyRequest, APIGatewayProxyResponse>> Routes = new()
                {
                    ["/orders"] = r => new APIGatewayProxyResponse { StatusCode = 200 },
                    [Users] = r => new APIGatewayProxyResponse { StatusCode = 200 },
                    ["/items"] = r => new APIGatewayProxyResponse { StatusCode = 200 },
                };
            }
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("LAMBDA001").WithLocation(0).WithLocation(1).WithArguments("Api.Handle", 2, "API routes", "/orders, /items"));
        return test.RunAsync();
    }
    [Fact]
    public Task HealthCheckAndNormalizationBesideOneRoute_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Api
            {
                public ApplicationLoadBalancerResponse Handle(ApplicationLoadBalancerRequest request, ILambdaContext context)
                {
                    var path = request.Path;
                    if (path.EndsWith("/")) path = path.TrimEnd('/');
                    if (request.Path == "/health") return new ApplicationLoadBalancerResponse { StatusCode = 200 };
                    if (request.HttpMethod == "POST") context.Logger.LogLine("write");
                    if (request.HttpMethod == "GET") return new ApplicationLoadBalancerResponse { StatusCode = 200, Body = path };
                    return new ApplicationLoadBalancerResponse { StatusCode = 405 };
                }
            }
            """);

    // ---------------------------------------------------------------- route helpers, path parameters, nested operation fields

    [Fact]
    public Task RouteFromHelperMethod_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|#0:switch|} (GetRoute(request))
                    {
                        case "GET /orders": return Ok();
                        case "POST /orders": return Ok();
                        default: return new APIGatewayProxyResponse { StatusCode = 404 };
                    }
                }

                private static string GetRoute(APIGatewayProxyRequest r) => $"{r.HttpMethod} {r.Resource}";

                private static APIGatewayProxyResponse Ok() => new() { StatusCode = 200 };
            }
            """, "Api.Handle", 2, "API routes", "GET /orders, POST /orders");

    [Fact]
    public Task RouteFromRouterClassInAnotherFile_Reports()
    {
        var test = new Verify.Test
        {
            TestCode = Usings + """
                public class Api
                {
                    public APIGatewayHttpApiV2ProxyResponse {|#1:Handle|}(APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context)
                    {
                        var route = Router.Resolve(request);
                        return route {|#0:switch|}
                        {
                            "GET /users" => new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200 },
                            "DELETE /users/{id}" => new APIGatewayHttpApiV2ProxyResponse { StatusCode = 204 },
                            _ => new APIGatewayHttpApiV2ProxyResponse { StatusCode = 404 },
                        };
                    }
                }
                """,
        };
        test.TestState.Sources.Add(("/0/Router.cs", """
            using Amazon.Lambda.APIGatewayEvents;

            public static class Router
            {
                public static string Resolve(APIGatewayHttpApiV2ProxyRequest request)
                {
                    if (request.RouteKey is null)
                    {
                        return "unknown";
                    }

                    return request.RouteKey;
                }
            }
            """));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("LAMBDA001").WithLocation(0).WithLocation(1)
            .WithArguments("Api.Handle", 2, "API routes", "GET /users, DELETE /users/{id}"));
        return test.RunAsync();
    }

    [Fact]
    public Task HelperReturningHeaderValue_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    switch (ResolveTier(request))
                    {
                        case "gold": return new APIGatewayProxyResponse { StatusCode = 200 };
                        case "silver": return new APIGatewayProxyResponse { StatusCode = 201 };
                        default: return new APIGatewayProxyResponse { StatusCode = 402 };
                    }
                }

                private static string ResolveTier(APIGatewayProxyRequest request) => request.Headers["x-tier"];
            }
            """);

    [Fact]
    public Task HelperComputingRouteNames_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    switch (GetRoute(request))
                    {
                        case "orders": return new APIGatewayProxyResponse { StatusCode = 200 };
                        case "users": return new APIGatewayProxyResponse { StatusCode = 201 };
                        default: return new APIGatewayProxyResponse { StatusCode = 404 };
                    }
                }

                private static string GetRoute(APIGatewayProxyRequest request) => request.Headers.Count > 2 ? "orders" : "users";
            }
            """);

    [Fact]
    public Task PathParameterChoosesBetweenListAndItem_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|#0:if|} (request.HttpMethod == "GET" && request.PathParameters?.ContainsKey("id") == true)
                    {
                        return new APIGatewayProxyResponse { StatusCode = 200, Body = request.PathParameters["id"] };
                    }

                    if (request.HttpMethod == "GET")
                    {
                        return new APIGatewayProxyResponse { StatusCode = 200, Body = "[]" };
                    }

                    return new APIGatewayProxyResponse { StatusCode = 405 };
                }
            }
            """, "Api.Handle", 2, "API routes", "GET …/{id}, GET");

    [Fact]
    public Task PathParameterInsideMethodSwitch_CountsBothReads_Reports()
        => ReportsAsync("""
            public class Api
            {
                public APIGatewayProxyResponse {|#1:Handle|}(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    {|#0:switch|} (request.HttpMethod)
                    {
                        case "GET":
                            if (request.PathParameters != null && request.PathParameters.TryGetValue("id", out var id))
                            {
                                return new APIGatewayProxyResponse { StatusCode = 200, Body = id };
                            }

                            return new APIGatewayProxyResponse { StatusCode = 200, Body = "[]" };
                        case "POST":
                            return new APIGatewayProxyResponse { StatusCode = 201 };
                        default:
                            return new APIGatewayProxyResponse { StatusCode = 405 };
                    }
                }
            }
            """, "Api.Handle", 3, "API routes", "GET …/{id}, GET, POST");

    [Fact]
    public Task PathParameterPresenceAsValidation_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Api
            {
                public APIGatewayProxyResponse Handle(APIGatewayProxyRequest request, ILambdaContext context)
                {
                    if (request.PathParameters.TryGetValue("id", out var id))
                    {
                        return new APIGatewayProxyResponse { StatusCode = 200, Body = id };
                    }

                    if (request.PathParameters == null || !request.PathParameters.ContainsKey("id"))
                    {
                        return new APIGatewayProxyResponse { StatusCode = 400 };
                    }

                    return new APIGatewayProxyResponse { StatusCode = 400, Body = "id required" };
                }
            }
            """);

    [Fact]
    public Task NestedOperationFieldOfPayload_Reports()
        => ReportsAsync("""
            public class Detail
            {
                public string Action { get; set; } = "";
            }

            public class Envelope
            {
                public Detail Detail { get; set; } = new();
            }

            public class Api
            {
                public string {|#1:Handle|}(Envelope payload, ILambdaContext context)
                {
                    {|#0:switch|} (payload.Detail.Action)
                    {
                        case "create": return "created";
                        case "cancel": return "cancelled";
                        default: return "ignored";
                    }
                }
            }
            """, "Api.Handle", 2, "operations", "create, cancel");

    [Fact]
    public Task OperationFieldOfEventBridgeDetail_Reports()
        => ReportsAsync("""
            public class OrderCommand
            {
                public string Command { get; set; } = "";
            }

            public class Api
            {
                public void {|#1:Handle|}(Amazon.Lambda.CloudWatchEvents.CloudWatchEvent<OrderCommand> evnt, ILambdaContext context)
                {
                    {|#0:if|} (evnt.Detail.Command == "ship") { context.Logger.LogLine("ship"); return; }
                    if (evnt.Detail.Command == "refund") { context.Logger.LogLine("refund"); return; }
                }
            }
            """, "Api.Handle", 2, "operations", "ship, refund");

    [Fact]
    public Task OperationFieldOfMessageBodyInQueueProcessor_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Message
            {
                public string Action { get; set; } = "";
            }

            public class Worker
            {
                public void Handle(Amazon.Lambda.SQSEvents.SQSEvent evnt, ILambdaContext context)
                {
                    foreach (var record in evnt.Records)
                    {
                        var message = System.Text.Json.JsonSerializer.Deserialize<Message>(record.Body)!;
                        switch (message.Action)
                        {
                            case "create": context.Logger.LogLine("c"); break;
                            case "delete": context.Logger.LogLine("d"); break;
                        }
                    }
                }
            }
            """);

    [Fact]
    public Task NestedPropertyOfPayloadNotAnOperation_DoesNotReport()
        => NoDiagnosticAsync("""
            public class Payment
            {
                public string Method { get; set; } = "";
            }

            public class Order
            {
                public Payment Payment { get; set; } = new();
            }

            public class Api
            {
                public string Handle(Order order, ILambdaContext context)
                {
                    switch (order.Payment.Method)
                    {
                        case "card": return "charged";
                        case "invoice": return "invoiced";
                        default: return "unknown";
                    }
                }
            }
            """);
}
