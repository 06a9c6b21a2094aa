using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace Shop.Orders;

/// <summary>One function per route: each method is its own Lambda function in template.yaml.</summary>
public class OrdersApi
{
    private static readonly OrderStore Store = new();

    public async Task<APIGatewayProxyResponse> ListAsync(APIGatewayProxyRequest request, ILambdaContext context)
        => Json(200, await Store.ListAsync());

    public async Task<APIGatewayProxyResponse> GetAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        var order = await Store.GetAsync(request.PathParameters["id"]);
        return order is null ? Json(404, null) : Json(200, order);
    }

    public async Task<APIGatewayProxyResponse> CreateAsync(APIGatewayProxyRequest request, ILambdaContext context)
        => Json(201, await Store.CreateAsync(JsonSerializer.Deserialize<Order>(request.Body)!));

    private static APIGatewayProxyResponse Json(int status, object? body) => new()
    {
        StatusCode = status,
        Body = body is null ? string.Empty : JsonSerializer.Serialize(body),
        Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
    };
}

public sealed record Order(string Id, string CustomerId, decimal Total);

/// <summary>Reads and writes the orders table; holds no per-request data.</summary>
public sealed class OrderStore
{
    public Task<IReadOnlyCollection<Order>> ListAsync() => Task.FromResult<IReadOnlyCollection<Order>>(new List<Order>());

    public Task<Order?> GetAsync(string id) => Task.FromResult<Order?>(null);

    public Task<Order> CreateAsync(Order order) => Task.FromResult(order);
}
