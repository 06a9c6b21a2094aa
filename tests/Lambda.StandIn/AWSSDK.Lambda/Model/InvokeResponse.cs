using System.IO;
using Amazon.Runtime;

namespace Amazon.Lambda.Model;

/// <summary>Result of the Invoke operation.</summary>
public partial class InvokeResponse : AmazonWebServiceResponse
{
    public string ExecutedVersion { get; set; }

    public string FunctionError { get; set; }

    public string LogResult { get; set; }

    public MemoryStream Payload { get; set; }

    /// <summary>Nullable in AWSSDK v4, like every value-type member of v4 request/response classes (int in v3).</summary>
    public int? StatusCode { get; set; }
}
