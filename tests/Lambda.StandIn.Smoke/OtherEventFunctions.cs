using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.Lambda.ApplicationLoadBalancerEvents;
using Amazon.Lambda.CloudWatchEvents.ScheduledEvents;
using Amazon.Lambda.Core;
using Amazon.Lambda.DynamoDBEvents;
using KinesisEvent = Amazon.Lambda.KinesisEvents.KinesisEvent;
using Amazon.Lambda.LexEvents;
using Amazon.Lambda.S3Events;
using Amazon.Lambda.SNSEvents;

namespace Lambda.StandIn.Smoke;

public class OtherEventFunctions
{
    public Task S3Handler(S3Event evnt, ILambdaContext context)
    {
        foreach (var record in evnt.Records)
        {
            context.Logger.LogLine($"{record.EventName} s3://{record.S3.Bucket.Name}/{record.S3.Object.Key} ({record.S3.Object.Size} bytes)");
        }

        return Task.CompletedTask;
    }

    public StreamsEventResponse DynamoHandler(DynamoDBEvent evnt, ILambdaContext context)
    {
        var failures = new List<StreamsEventResponse.BatchItemFailure>();
        foreach (var record in evnt.Records)
        {
            if (record.EventName == "INSERT" && record.Dynamodb.NewImage.TryGetValue("pk", out var pk))
            {
                context.Logger.LogLine(pk.S ?? pk.N);
            }
            else
            {
                failures.Add(new StreamsEventResponse.BatchItemFailure { ItemIdentifier = record.Dynamodb.SequenceNumber });
            }
        }

        return new StreamsEventResponse { BatchItemFailures = failures };
    }

    public void ScheduleHandler(ScheduledEvent evnt, ILambdaContext context) =>
        context.Logger.LogLine($"{evnt.DetailType} at {evnt.Time:O} in {evnt.Region}");

    public void SnsHandler(SNSEvent evnt, ILambdaContext context)
    {
        foreach (var record in evnt.Records)
        {
            context.Logger.LogLine($"{record.Sns.TopicArn}: {record.Sns.Subject} {record.Sns.Message}");
        }
    }

    public void KinesisHandler(KinesisEvent evnt, ILambdaContext context)
    {
        foreach (var record in evnt.Records)
        {
            context.Logger.LogLine($"{record.EventSourceARN} {record.Kinesis.PartitionKey} {record.Kinesis.Data.Length}");
        }
    }

    public ApplicationLoadBalancerResponse AlbHandler(ApplicationLoadBalancerRequest request, ILambdaContext context) =>
        new ApplicationLoadBalancerResponse { StatusCode = 200, StatusDescription = "200 OK", Body = request.Path, IsBase64Encoded = false };

    public LexResponse LexHandler(LexEvent lexEvent, ILambdaContext context) =>
        new LexResponse
        {
            SessionAttributes = lexEvent.SessionAttributes,
            DialogAction = new LexResponse.LexDialogAction
            {
                Type = "Close",
                FulfillmentState = "Fulfilled",
                Message = new LexResponse.LexMessage { ContentType = "PlainText", Content = lexEvent.CurrentIntent.Name },
            },
        };
}
