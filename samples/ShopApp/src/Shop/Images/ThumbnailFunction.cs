using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.S3Events;
using Amazon.S3;

namespace Shop.Images;

/// <summary>Moved from namespace Shop to Shop.Images; template.yaml still says Shop.ThumbnailFunction (LAMBDA009).</summary>
public class ThumbnailFunction
{
    private static readonly IAmazonS3 S3 = new AmazonS3Client();

    public async Task HandleAsync(S3Event s3Event, ILambdaContext context)
    {
        foreach (var record in s3Event.Records)
        {
            var source = await S3.GetObjectMetadataAsync(record.S3.Bucket.Name, record.S3.Object.Key);
            context.Logger.LogLine($"Thumbnail for {record.S3.Object.Key} ({source.ContentLength} bytes)");
        }
    }
}
