using System;

namespace Amazon.Lambda.Core;

/// <summary>Stand-in for Amazon.Lambda.Core's ILambdaContext (Amazon.Lambda.Core 3.2.0, net8.0 asset).</summary>
public interface ILambdaContext
{
    string AwsRequestId { get; }

    IClientContext ClientContext { get; }

    string FunctionName { get; }

    string FunctionVersion { get; }

    ICognitoIdentity Identity { get; }

    string InvokedFunctionArn { get; }

    ILambdaLogger Logger { get; }

    string LogGroupName { get; }

    string LogStreamName { get; }

    int MemoryLimitInMB { get; }

    TimeSpan RemainingTime { get; }

    // The real package default-implements these three on net8.0+ (TraceId since 2.7.1, Serializer since 3.1.0).
    string TenantId => string.Empty;

    string TraceId => string.Empty;

    ILambdaSerializer Serializer => null;
}
