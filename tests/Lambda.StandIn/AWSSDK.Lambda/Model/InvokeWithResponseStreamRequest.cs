using System.IO;

namespace Amazon.Lambda.Model;

public partial class InvokeWithResponseStreamRequest : AmazonLambdaRequest
{
    public string ClientContext { get; set; }

    public string FunctionName { get; set; }

    public ResponseStreamingInvocationType InvocationType { get; set; }

    public LogType LogType { get; set; }

    public MemoryStream Payload { get; set; }

    public string Qualifier { get; set; }
}
