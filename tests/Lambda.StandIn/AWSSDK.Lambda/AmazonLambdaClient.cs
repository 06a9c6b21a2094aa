using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Model;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;

namespace Amazon.Lambda;

/// <summary>
/// Lambda service client. Constructors mirror the generated v4 client; operations throw
/// NotImplementedException (the stand-in never talks to AWS).
/// </summary>
public partial class AmazonLambdaClient : AmazonServiceClient, IAmazonLambda
{
    public AmazonLambdaClient()
        : base(new AmazonLambdaConfig())
    {
    }

    public AmazonLambdaClient(RegionEndpoint region)
        : base(new AmazonLambdaConfig { RegionEndpoint = region })
    {
    }

    public AmazonLambdaClient(AmazonLambdaConfig config)
        : base(config)
    {
    }

    public AmazonLambdaClient(AWSCredentials credentials)
        : this(credentials, new AmazonLambdaConfig())
    {
    }

    public AmazonLambdaClient(AWSCredentials credentials, RegionEndpoint region)
        : this(credentials, new AmazonLambdaConfig { RegionEndpoint = region })
    {
    }

    public AmazonLambdaClient(AWSCredentials credentials, AmazonLambdaConfig clientConfig)
        : base(credentials, clientConfig)
    {
    }

    public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey)
        : this(awsAccessKeyId, awsSecretAccessKey, new AmazonLambdaConfig())
    {
    }

    public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, RegionEndpoint region)
        : this(awsAccessKeyId, awsSecretAccessKey, new AmazonLambdaConfig { RegionEndpoint = region })
    {
    }

    public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, AmazonLambdaConfig clientConfig)
        : base(awsAccessKeyId, awsSecretAccessKey, clientConfig)
    {
    }

    public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken)
        : this(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonLambdaConfig())
    {
    }

    public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, RegionEndpoint region)
        : this(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, new AmazonLambdaConfig { RegionEndpoint = region })
    {
    }

    public AmazonLambdaClient(string awsAccessKeyId, string awsSecretAccessKey, string awsSessionToken, AmazonLambdaConfig clientConfig)
        : base(awsAccessKeyId, awsSecretAccessKey, awsSessionToken, clientConfig)
    {
    }

    public ILambdaPaginatorFactory Paginators => throw new NotImplementedException();

    public virtual Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public virtual Task<InvokeWithResponseStreamResponse> InvokeWithResponseStreamAsync(InvokeWithResponseStreamRequest request, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    [Obsolete(LegacyApi.Message, DiagnosticId = LegacyApi.DiagnosticId)]
    public virtual Task<InvokeAsyncResponse> InvokeAsyncAsync(InvokeAsyncRequest request, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public virtual Task<GetFunctionResponse> GetFunctionAsync(string functionName, CancellationToken cancellationToken = default) =>
        GetFunctionAsync(new GetFunctionRequest { FunctionName = functionName }, cancellationToken);

    public virtual Task<GetFunctionResponse> GetFunctionAsync(GetFunctionRequest request, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public virtual Task<ListFunctionsResponse> ListFunctionsAsync(CancellationToken cancellationToken = default) =>
        ListFunctionsAsync(new ListFunctionsRequest(), cancellationToken);

    public virtual Task<ListFunctionsResponse> ListFunctionsAsync(ListFunctionsRequest request, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException();

    public Endpoint DetermineServiceOperationEndpoint(AmazonWebServiceRequest request) => throw new NotImplementedException();

#if STANDIN_LEGACY_SYNC
    public virtual InvokeResponse Invoke(InvokeRequest request) => throw new NotImplementedException();
#endif
}
