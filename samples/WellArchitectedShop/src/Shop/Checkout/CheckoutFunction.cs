using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Shop.Checkout;

/// <summary>Checkout hands the payment to a queue and answers 202; the payment function consumes the queue.</summary>
public class CheckoutFunction
{
    private static readonly IAmazonSQS Sqs = new AmazonSQSClient();
    private static readonly string QueueUrl = Environment.GetEnvironmentVariable("PAYMENT_QUEUE_URL") ?? string.Empty;

    public async Task<APIGatewayProxyResponse> HandleAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        await Sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = QueueUrl, MessageBody = request.Body });
        return new APIGatewayProxyResponse { StatusCode = 202 };
    }
}

public sealed record CheckoutRequest(string OrderId, decimal Amount);

public class PaymentFunction
{
    public Task<SQSBatchResponse> HandleAsync(SQSEvent sqsEvent, ILambdaContext context)
    {
        var failures = new List<SQSBatchResponse.BatchItemFailure>();
        foreach (var message in sqsEvent.Records)
        {
            try
            {
                var request = JsonSerializer.Deserialize<CheckoutRequest>(message.Body);
                context.Logger.LogLine($"Capturing {request?.Amount} for {request?.OrderId}");
            }
            catch (JsonException)
            {
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
            }
        }

        return Task.FromResult(new SQSBatchResponse { BatchItemFailures = failures });
    }
}
