using System;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Lambda;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using Amazon.Lambda.Model;

namespace Shop.Checkout;

/// <summary>
/// Checkout waits for the payment function: a synchronous Lambda-to-Lambda call. Checkout is billed
/// while payment runs, inherits its latency and failures, and a retry charges the card twice.
/// </summary>
public class CheckoutFunction
{
    private static readonly IAmazonLambda Lambda = new AmazonLambdaClient();

    public async Task<APIGatewayProxyResponse> HandleAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        var response = await Lambda.InvokeAsync(new InvokeRequest
        {
            FunctionName = Environment.GetEnvironmentVariable("PAYMENT_FUNCTION_NAME"),
            Payload = request.Body,
        });

        var receipt = JsonSerializer.Deserialize<PaymentReceipt>(response.Payload);
        return new APIGatewayProxyResponse { StatusCode = 200, Body = JsonSerializer.Serialize(receipt) };
    }
}

public sealed record PaymentReceipt(string PaymentId, string Status);

public class PaymentFunction
{
    public Task<PaymentReceipt> HandleAsync(CheckoutRequest request, ILambdaContext context)
        => Task.FromResult(new PaymentReceipt(Guid.NewGuid().ToString("N"), "captured"));
}

public sealed record CheckoutRequest(string OrderId, decimal Amount);
