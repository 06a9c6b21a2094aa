using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;

namespace Lambda.StandIn.Smoke;

public class SqsFunction
{
    public async Task<SQSBatchResponse> FunctionHandler(SQSEvent evnt, ILambdaContext context)
    {
        var failures = new List<SQSBatchResponse.BatchItemFailure>();
        foreach (var message in evnt.Records)
        {
            try
            {
                await ProcessAsync(message, context);
            }
            catch (Exception ex)
            {
                context.Logger.LogError(ex, "Message {MessageId} failed", message.MessageId);
                failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
            }
        }

        return new SQSBatchResponse(failures);
    }

    private static Task ProcessAsync(SQSEvent.SQSMessage message, ILambdaContext context)
    {
        context.Logger.LogInformation($"{message.EventSourceArn}: {message.Body} ({message.Attributes?.Count ?? 0} attributes)");
        return Task.CompletedTask;
    }
}
