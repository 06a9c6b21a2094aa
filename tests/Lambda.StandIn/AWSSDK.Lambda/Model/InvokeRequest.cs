using System;
using System.IO;
using System.Text;

namespace Amazon.Lambda.Model;

/// <summary>Parameters of the Invoke operation.</summary>
public partial class InvokeRequest : AmazonLambdaRequest
{
    public string ClientContextBase64 { get; set; }

    public string FunctionName { get; set; }

    public InvocationType InvocationType { get; set; }

    public LogType LogType { get; set; }

    public MemoryStream PayloadStream { get; set; }

    public string Qualifier { get; set; }

    /// <summary>String view of <see cref="PayloadStream"/> (an SDK customization).</summary>
    public string Payload
    {
        get => PayloadStream == null ? null : Encoding.UTF8.GetString(PayloadStream.ToArray());
        set => PayloadStream = value == null ? null : new MemoryStream(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Plain-text view of <see cref="ClientContextBase64"/> (an SDK customization).</summary>
    public string ClientContext
    {
        get => ClientContextBase64 == null ? null : Encoding.UTF8.GetString(Convert.FromBase64String(ClientContextBase64));
        set => ClientContextBase64 = value == null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
    }
}
