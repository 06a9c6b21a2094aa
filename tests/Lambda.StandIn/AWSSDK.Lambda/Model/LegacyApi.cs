namespace Amazon.Lambda.Model;

/// <summary>Stand-in only: marks the AWSSDK.Lambda v3 members that v4 removed.</summary>
internal static class LegacyApi
{
    public const string DiagnosticId = "LAMBDASTANDIN001";

    public const string Message =
        "AWSSDK.Lambda v3 API (InvokeAsyncAsync/InvokeAsyncRequest), removed in v4; present in the stand-in for analyzer tests only. " +
        "Code that must also build against the real packages cannot use it: call InvokeAsync(InvokeRequest, CancellationToken).";
}
