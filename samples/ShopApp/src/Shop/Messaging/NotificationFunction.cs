using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;

namespace Shop.Messaging;

public class NotificationFunction
{
    public Task HandleAsync(SQSEvent sqsEvent, ILambdaContext context)
    {
        foreach (var record in sqsEvent.Records)
        {
            context.Logger.LogLine($"Notify: {record.Body}");
        }

        return Task.CompletedTask;
    }
}
