using System;
using Amazon.Runtime;

namespace Amazon.Lambda.Model;

/// <summary>
/// Result of InvokeWithResponseStream. DEVIATION: the EventStream property (an AWSSDK.Core event-stream
/// type) is not declared.
/// </summary>
public partial class InvokeWithResponseStreamResponse : AmazonWebServiceResponse, IDisposable
{
    public string ExecutedVersion { get; set; }

    public string ResponseStreamContentType { get; set; }

    public int? StatusCode { get; set; }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
    }
}
