using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Model;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace Amazon.Lambda;

/// <summary>
/// Lambda service client interface (AWSSDK.Lambda 4.x, net8.0 asset: asynchronous methods only).
/// Subset of operations: Invoke, InvokeWithResponseStream, GetFunction, ListFunctions, plus the
/// v3-only InvokeAsyncAsync kept for analyzer tests.
/// </summary>
public partial interface IAmazonLambda : IAmazonService, IDisposable
{
    ILambdaPaginatorFactory Paginators { get; }

    // As in the generated v4 interfaces, the interface itself implements AWSSDK.Core's static abstract
    // IAmazonService members; without this IAmazonLambda could not be a type argument (CS8920).
    static ClientConfig IAmazonService.CreateDefaultClientConfig() => new AmazonLambdaConfig();

    static IAmazonService IAmazonService.CreateDefaultServiceClient(AWSCredentials awsCredentials, ClientConfig clientConfig) =>
        new AmazonLambdaClient(awsCredentials, (AmazonLambdaConfig)clientConfig);

    Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default);

    Task<InvokeWithResponseStreamResponse> InvokeWithResponseStreamAsync(InvokeWithResponseStreamRequest request, CancellationToken cancellationToken = default);

    /// <summary>AWSSDK.Lambda v3 only (removed in v4). Asynchronous despite the doubled suffix.</summary>
    [Obsolete(LegacyApi.Message, DiagnosticId = LegacyApi.DiagnosticId)]
    Task<InvokeAsyncResponse> InvokeAsyncAsync(InvokeAsyncRequest request, CancellationToken cancellationToken = default);

    Task<GetFunctionResponse> GetFunctionAsync(string functionName, CancellationToken cancellationToken = default);

    Task<GetFunctionResponse> GetFunctionAsync(GetFunctionRequest request, CancellationToken cancellationToken = default);

    Task<ListFunctionsResponse> ListFunctionsAsync(CancellationToken cancellationToken = default);

    Task<ListFunctionsResponse> ListFunctionsAsync(ListFunctionsRequest request, CancellationToken cancellationToken = default);

    Endpoint DetermineServiceOperationEndpoint(AmazonWebServiceRequest request);

#if STANDIN_LEGACY_SYNC
    // Synchronous form: only in the .NET Framework targets (net35/net45 in v3, net472 in v4).
    InvokeResponse Invoke(InvokeRequest request);
#endif
}
