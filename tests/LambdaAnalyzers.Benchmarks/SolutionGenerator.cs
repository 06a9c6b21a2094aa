using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace LambdaAnalyzers.Benchmarks;

/// <summary>
/// Writes a realistic Lambda solution of N C# files — API, queue and stream handlers, services,
/// repositories, DTOs, utilities, a console-style invoker that is not Lambda code — plus a SAM
/// template, with a known number of planted violations per rule. The clean code is chosen to be what a
/// naive rule would flag (lazy clients, event-type switches, System.Net.Http.HttpMethod switches, an
/// unreachable synchronous invoke), so a count that matches means precision as well as recall.
/// With <c>lambda: false</c> it writes the same amount of ordinary code with no Lambda types at all.
/// </summary>
public sealed class GeneratedSolution
{
    public const int FilesPerUnit = 10;

    private GeneratedSolution(List<(string Path, string Text)> sources, List<(string Path, string Text)> deployment, Dictionary<string, int> expected, bool lambda)
    {
        Sources = sources;
        DeploymentFiles = deployment;
        Expected = expected;
        IsLambda = lambda;
    }

    public IReadOnlyList<(string Path, string Text)> Sources { get; }

    public IReadOnlyList<(string Path, string Text)> DeploymentFiles { get; }

    /// <summary>Planted diagnostics per rule ID. Rules absent from the package are simply not checked.</summary>
    public IReadOnlyDictionary<string, int> Expected { get; }

    public bool IsLambda { get; }

    public int LineCount => Sources.Sum(s => s.Text.Count(c => c == '\n'));

    public static GeneratedSolution Generate(int files, bool lambda = true, string root = "/gen/Shop")
    {
        var units = System.Math.Max(1, files / FilesPerUnit);
        var sources = new List<(string, string)>();
        var deployment = new List<(string, string)>();
        var expected = new Dictionary<string, int>
        {
            ["LAMBDA001"] = 0, ["LAMBDA002"] = 0, ["LAMBDA003"] = 0, ["LAMBDA004"] = 0, ["LAMBDA005"] = 0, ["LAMBDA009"] = 0,
        };

        if (lambda)
        {
            sources.Add(($"{root}/AssemblyInfo.cs", "[assembly: Amazon.Lambda.Core.LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]\n"));
        }

        var template = new StringBuilder();
        template.Append("""
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Description: Generated shop
            Globals:
              Function:
                Runtime: dotnet8
                MemorySize: 512
                CodeUri: src/Shop
            Resources:
              ShopApi:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  MethodSettings:
                    - ResourcePath: /*
                      HttpMethod: '*'
                      ThrottlingRateLimit: 100
                      ThrottlingBurstLimit: 200

            """);

        for (var u = 0; u < units; u++)
        {
            var plant = u % 10;
            var ns = $"Shop.Area{u}";
            if (lambda)
            {
                sources.Add(($"{root}/Api/OrdersApi{u}.cs", ApiHandler(ns, u, plant)));
                sources.Add(($"{root}/Queue/QueueHandler{u}.cs", QueueHandler(ns, u)));
                sources.Add(($"{root}/Stream/StreamHandler{u}.cs", StreamHandler(ns, u)));
                sources.Add(($"{root}/Tools/Invoker{u}.cs", Invoker(ns, u)));
                expected["LAMBDA001"] += plant == 0 ? 1 : 0;
                expected["LAMBDA002"] += plant == 1 ? 1 : 0;
                expected["LAMBDA003"] += plant == 2 ? 1 : 0;
                expected["LAMBDA004"] += plant == 3 ? 1 : 0;
                expected["LAMBDA009"] += plant == 4 ? 1 : 0;
                AppendFunctions(template, ns, u, plant);
            }
            else
            {
                sources.Add(($"{root}/Util/Formatter{u}.cs", Formatter(ns, u)));
                sources.Add(($"{root}/Models/Invoice{u}.cs", Invoice(ns, u)));
                sources.Add(($"{root}/Util/Calculator{u}.cs", Calculator(ns, u)));
                sources.Add(($"{root}/Models/Address{u}.cs", Address(ns, u)));
            }

            sources.Add(($"{root}/Services/OrderService{u}.cs", Service(ns, u, lambda)));
            sources.Add(($"{root}/Data/OrderRepository{u}.cs", Repository(ns, u)));
            sources.Add(($"{root}/Models/Order{u}.cs", Order(ns, u)));
            sources.Add(($"{root}/Models/Customer{u}.cs", Customer(ns, u)));
            sources.Add(($"{root}/Util/TextUtil{u}.cs", TextUtil(ns, u)));
            sources.Add(($"{root}/Util/HttpHelper{u}.cs", HttpHelper(ns, u)));
        }

        if (lambda)
        {
            // One legacy function on the implicit SAM API: that API has no throttling (LAMBDA005, once).
            template.Append("""
                  LegacyFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: Shop::Shop.Area0.QueueHandler0::HandleAsync
                      ReservedConcurrentExecutions: 5
                      Events:
                        Legacy:
                          Type: Api
                          Properties:
                            Path: /legacy
                            Method: GET

                """);
            expected["LAMBDA005"] = 1;
            deployment.Add(("/gen/template.yaml", template.ToString()));
        }
        else
        {
            foreach (var key in expected.Keys.ToList())
            {
                expected[key] = 0;
            }
        }

        return new GeneratedSolution(sources, deployment, expected, lambda);
    }

    private static void AppendFunctions(StringBuilder template, string ns, int u, int plant)
    {
        var concurrency = plant == 3 ? string.Empty : "\n      ReservedConcurrentExecutions: 5";
        var queueMethod = plant == 4 ? "HandleMissing" : "HandleAsync";
        template.Append($$"""
              Api{{u}}Function:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::{{ns}}.OrdersApi{{u}}::HandleAsync{{concurrency}}
                  Events:
                    Get:
                      Type: Api
                      Properties: { RestApiId: !Ref ShopApi, Path: /area{{u}}/orders, Method: ANY }
              Queue{{u}}Function:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::{{ns}}.QueueHandler{{u}}::{{queueMethod}}
                  ReservedConcurrentExecutions: 5
                  Events:
                    Queue:
                      Type: SQS
                      Properties:
                        Queue: !GetAtt Queue{{u}}.Arn
              Stream{{u}}Function:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Shop::{{ns}}.StreamHandler{{u}}::HandleAsync
                  ReservedConcurrentExecutions: 5
              Queue{{u}}:
                Type: AWS::SQS::Queue

            """);
    }

    private static string ApiHandler(string ns, int u, int plant)
    {
        var fields = plant switch
        {
            1 => "    private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();\n",
            2 => "    private static readonly Dictionary<string, string> LastOrderByUser = new();\n",
            _ => string.Empty,
        };
        var body = plant switch
        {
            0 => $$"""
                        switch (request.HttpMethod)
                        {
                            case "GET":
                                return Ok(await _service.GetAsync(request.PathParameters["id"]));
                            case "POST":
                                return Ok(await _service.CreateAsync(request.Body));
                            case "DELETE":
                                await _service.DeleteAsync(request.PathParameters["id"]);
                                return Ok(null);
                            default:
                                return new APIGatewayProxyResponse { StatusCode = 405 };
                        }
                """,
            1 => $$"""
                        var price = await Lambda.InvokeAsync(new InvokeRequest { FunctionName = "pricing-{{u}}", Payload = request.Body });
                        return Ok(await _service.GetAsync(request.PathParameters["id"]) + price.StatusCode);
                """,
            2 => $$"""
                        LastOrderByUser[request.Headers["x-user-id"]] = request.Body;
                        return Ok(await _service.GetAsync(request.PathParameters["id"]));
                """,
            _ => $$"""
                        if (request.PathParameters is null || !request.PathParameters.TryGetValue("id", out var id))
                        {
                            return new APIGatewayProxyResponse { StatusCode = 400 };
                        }

                        context.Logger.LogLine($"GET order {id}");
                        return Ok(await _service.GetAsync(id));
                """,
        };

        return $$"""
            using System.Collections.Generic;
            using System.Text.Json;
            using System.Threading.Tasks;
            using Amazon.Lambda;
            using Amazon.Lambda.APIGatewayEvents;
            using Amazon.Lambda.Core;
            using Amazon.Lambda.Model;

            namespace {{ns}};

            public class OrdersApi{{u}}
            {
            {{fields}}    private readonly IOrderService{{u}} _service = new OrderService{{u}}(new OrderRepository{{u}}());

                public async Task<APIGatewayProxyResponse> HandleAsync(APIGatewayProxyRequest request, ILambdaContext context)
                {
            {{body}}
                }

                private static APIGatewayProxyResponse Ok(object? body) => new()
                {
                    StatusCode = 200,
                    Body = body is null ? string.Empty : JsonSerializer.Serialize(body),
                    Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
                };
            }

            """;
    }

    private static string QueueHandler(string ns, int u) => $$"""
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.SQSEvents;

        namespace {{ns}};

        public class QueueHandler{{u}}
        {
            private readonly IOrderService{{u}} _service = new OrderService{{u}}(new OrderRepository{{u}}());

            public async Task<SQSBatchResponse> HandleAsync(SQSEvent sqsEvent, ILambdaContext context)
            {
                var failures = new List<SQSBatchResponse.BatchItemFailure>();
                foreach (var message in sqsEvent.Records)
                {
                    var kind = message.MessageAttributes != null && message.MessageAttributes.TryGetValue("type", out var attribute) ? attribute.StringValue : "created";
                    switch (kind)
                    {
                        case "created":
                            await _service.CreateAsync(message.Body);
                            break;
                        case "deleted":
                            await _service.DeleteAsync(message.Body);
                            break;
                        default:
                            failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
                            break;
                    }
                }

                return new SQSBatchResponse { BatchItemFailures = failures };
            }
        }

        """;

    private static string StreamHandler(string ns, int u) => $$"""
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;
        using Amazon.Lambda.DynamoDBEvents;

        namespace {{ns}};

        public class StreamHandler{{u}}
        {
            public Task HandleAsync(DynamoDBEvent dynamoEvent, ILambdaContext context)
            {
                foreach (var record in dynamoEvent.Records)
                {
                    switch (record.EventName)
                    {
                        case "INSERT":
                            context.Logger.LogLine("inserted");
                            break;
                        case "MODIFY":
                            context.Logger.LogLine("modified");
                            break;
                        case "REMOVE":
                            context.Logger.LogLine("removed");
                            break;
                    }
                }

                return Task.CompletedTask;
            }
        }

        """;

    private static string Invoker(string ns, int u) => $$"""
        using System.Threading.Tasks;
        using Amazon.Lambda;
        using Amazon.Lambda.Model;

        namespace {{ns}};

        /// <summary>Operations tooling: invokes a function and waits. Not called from any handler.</summary>
        public static class Invoker{{u}}
        {
            public static async Task<int?> SmokeTestAsync(IAmazonLambda lambda)
            {
                var response = await lambda.InvokeAsync(new InvokeRequest { FunctionName = "area{{u}}-orders" });
                return response.StatusCode;
            }
        }

        """;

    private static string Service(string ns, int u, bool lambda) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading.Tasks;

        namespace {{ns}};

        public interface IOrderService{{u}}
        {
            Task<string?> GetAsync(string id);
            Task<string> CreateAsync(string body);
            Task DeleteAsync(string id);
        }

        public sealed class OrderService{{u}} : IOrderService{{u}}
        {
            private static string? _tableName;
            private static readonly Dictionary<string, string> Settings = new();
            private readonly OrderRepository{{u}} _repository;

            public OrderService{{u}}(OrderRepository{{u}} repository) => _repository = repository;

            private static string TableName => _tableName ??= Environment.GetEnvironmentVariable("TABLE_{{u}}") ?? "orders-{{u}}";

            public Task<string?> GetAsync(string id)
            {
                if (!Settings.ContainsKey("region"))
                {
                    Settings["region"] = Environment.GetEnvironmentVariable("AWS_REGION") ?? "us-east-1";
                }

                return Task.FromResult(_repository.Find(TableName, id));
            }

            public Task<string> CreateAsync(string body) => Task.FromResult(_repository.Save(TableName, body));

            public Task DeleteAsync(string id)
            {
                _repository.Remove(TableName, id);
                return Task.CompletedTask;
            }
        }

        """;

    private static string Repository(string ns, int u) => $$"""
        using System.Collections.Generic;
        using System.Linq;

        namespace {{ns}};

        public sealed class OrderRepository{{u}}
        {
            public string? Find(string table, string id)
            {
                var rows = Enumerable.Range(0, 10).Select(i => $"{table}:{id}:{i}").ToList();
                return rows.FirstOrDefault(r => r.EndsWith(":3"));
            }

            public string Save(string table, string body)
            {
                var local = new Dictionary<string, string> { [table] = body };
                return local.Count > 0 ? table + "/" + body.Length : string.Empty;
            }

            public void Remove(string table, string id)
            {
                var pending = new List<string>();
                pending.Add(table + id);
                pending.Clear();
            }
        }

        """;

    private static string Order(string ns, int u) => $$"""
        using System;
        using System.Collections.Generic;

        namespace {{ns}};

        public sealed record Order{{u}}(string Id, string CustomerId, decimal Total, DateTimeOffset CreatedAt)
        {
            public IReadOnlyList<OrderLine{{u}}> Lines { get; init; } = Array.Empty<OrderLine{{u}}>();
            public decimal Tax => Math.Round(Total * 0.2m, 2);
        }

        public sealed record OrderLine{{u}}(string Sku, int Quantity, decimal Price);

        """;

    private static string Customer(string ns, int u) => $$"""
        namespace {{ns}};

        public sealed class Customer{{u}}
        {
            public string Id { get; set; } = string.Empty;
            public string Name { get; set; } = string.Empty;
            public string Email { get; set; } = string.Empty;
            public string? Phone { get; set; }
            public bool IsActive { get; set; }
            public int Orders { get; set; }

            public string Describe() => IsActive ? $"{Name} <{Email}> ({Orders} orders)" : $"{Name} (inactive)";
        }

        """;

    private static string TextUtil(string ns, int u) => $$"""
        using System.Linq;
        using System.Text;

        namespace {{ns}};

        public enum Casing{{u}} { Upper, Lower, Title }

        public static class TextUtil{{u}}
        {
            public static string Apply(string value, Casing{{u}} casing)
            {
                switch (casing)
                {
                    case Casing{{u}}.Upper: return value.ToUpperInvariant();
                    case Casing{{u}}.Lower: return value.ToLowerInvariant();
                    default: return string.Join(" ", value.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w.Substring(1)));
                }
            }

            public static string Slug(string value)
            {
                var builder = new StringBuilder();
                foreach (var c in value)
                {
                    builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
                }

                return builder.ToString().Trim('-');
            }
        }

        """;

    private static string HttpHelper(string ns, int u) => $$"""
        using System.Net.Http;

        namespace {{ns}};

        public static class HttpHelper{{u}}
        {
            public static bool HasBody(HttpMethod method)
            {
                if (method == HttpMethod.Post) { return true; }
                if (method == HttpMethod.Put) { return true; }
                if (method == HttpMethod.Patch) { return true; }
                return false;
            }

            public static string Describe(string method) => method switch
            {
                "GET" => "read",
                "POST" => "create",
                "DELETE" => "delete",
                _ => "other",
            };
        }

        """;

    private static string Formatter(string ns, int u) => $$"""
        using System.Globalization;

        namespace {{ns}};

        public static class Formatter{{u}}
        {
            public static string Money(decimal amount) => amount.ToString("C", CultureInfo.InvariantCulture);
            public static string Percent(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        }

        """;

    private static string Invoice(string ns, int u) => $$"""
        using System.Collections.Generic;
        using System.Linq;

        namespace {{ns}};

        public sealed class Invoice{{u}}
        {
            public List<decimal> Amounts { get; } = new();
            public decimal Total => Amounts.Sum();
            public void Add(decimal amount) { if (amount > 0) { Amounts.Add(amount); } }
        }

        """;

    private static string Calculator(string ns, int u) => $$"""
        namespace {{ns}};

        public sealed class Calculator{{u}}
        {
            private int _count;
            public int Next() => ++_count;
            public static int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);
        }

        """;

    private static string Address(string ns, int u) => $$"""
        namespace {{ns}};

        public sealed record Address{{u}}(string Street, string City, string Country, string? PostalCode);

        """;
}
