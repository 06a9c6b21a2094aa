using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.S3Events;
using Amazon.S3;

namespace Shop.Images;

/// <summary>Renamed from FunctionHandler to HandleAsync; template.yaml still says FunctionHandler (LAMBDA009).</summary>
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
