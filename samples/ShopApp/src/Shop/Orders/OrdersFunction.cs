using System.Collections.Generic;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Shop.Orders;

/// <summary>
/// The "Lambda monolith": one function behind /{proxy+} whose switch is the router. One IAM role,
/// one deployment, one cold start and one concurrency pool for every route.
/// </summary>
public class OrdersFunction
{
    private readonly OrderStore _store = new();

    public async Task<APIGatewayProxyResponse> HandleAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        context.Logger.LogLine($"{request.HttpMethod} {request.Path}");
        switch (request.HttpMethod)
        {
            case "GET" when request.Path == "/orders":
                return Json(HttpStatusCode.OK, await _store.ListAsync());
            case "GET" when request.Path.StartsWith("/orders/"):
                var order = await _store.GetAsync(request.PathParameters["id"]);
                return order is null ? Json(HttpStatusCode.NotFound, null) : Json(HttpStatusCode.OK, order);
            case "POST" when request.Path == "/orders":
                var created = await _store.CreateAsync(JsonSerializer.Deserialize<Order>(request.Body)!);
                return Json(HttpStatusCode.Created, created);
            case "DELETE" when request.Path.StartsWith("/orders/"):
                await _store.DeleteAsync(request.PathParameters["id"]);
                return Json(HttpStatusCode.NoContent, null);
            default:
                return Json(HttpStatusCode.NotFound, null);
        }
    }

    private static APIGatewayProxyResponse Json(HttpStatusCode status, object? body) => new()
    {
        StatusCode = (int)status,
        Body = body is null ? string.Empty : JsonSerializer.Serialize(body),
        Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
    };
}

public sealed record Order(string Id, string CustomerId, decimal Total);

public sealed class OrderStore
{
    private readonly Dictionary<string, Order> _orders = new();

    public Task<IReadOnlyCollection<Order>> ListAsync() => Task.FromResult<IReadOnlyCollection<Order>>(_orders.Values);

    public Task<Order?> GetAsync(string id) => Task.FromResult(_orders.TryGetValue(id, out var order) ? order : null);

    public Task<Order> CreateAsync(Order order) => Task.FromResult(order);

    public Task DeleteAsync(string id) => Task.CompletedTask;
}
