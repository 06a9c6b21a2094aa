using System;
using Amazon.Runtime;

namespace Amazon.Lambda.Model;

/// <summary>Result of the legacy InvokeAsync operation (AWSSDK.Lambda v3 only; removed in v4).</summary>
[Obsolete(LegacyApi.Message, DiagnosticId = LegacyApi.DiagnosticId)]
public partial class InvokeAsyncResponse : AmazonWebServiceResponse
{
    public int Status { get; set; }
}
