using System;
using System.IO;
using System.Text;

namespace Amazon.Lambda.Model;

/// <summary>
/// Parameters of the legacy InvokeAsync operation. AWSSDK.Lambda v3 only: v4 removed
/// InvokeAsyncAsync and this type. Kept so analyzer tests can describe v3-era code.
/// </summary>
[Obsolete(LegacyApi.Message, DiagnosticId = LegacyApi.DiagnosticId)]
public partial class InvokeAsyncRequest : AmazonLambdaRequest
{
    public string FunctionName { get; set; }

    public Stream InvokeArgsStream { get; set; }

    public string InvokeArgs
    {
        get => InvokeArgsStream == null ? null : new StreamReader(InvokeArgsStream, Encoding.UTF8, false, 1024, leaveOpen: true).ReadToEnd();
        set => InvokeArgsStream = value == null ? null : new MemoryStream(Encoding.UTF8.GetBytes(value));
    }
}
