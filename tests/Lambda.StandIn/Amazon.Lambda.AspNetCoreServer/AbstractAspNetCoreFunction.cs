using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;
using Microsoft.Extensions.Hosting;

namespace Amazon.Lambda.AspNetCoreServer;

public abstract class AbstractAspNetCoreFunction
{
    public const string LAMBDA_CONTEXT = "LambdaContext";

    public const string LAMBDA_REQUEST_OBJECT = "LambdaRequestObject";
}

/// <summary>
/// Base of the ASP.NET Core bridge functions (Amazon.Lambda.AspNetCoreServer 10.1.1). The request and
/// response marshalling members (MarshallRequest/MarshallResponse, which use an internal feature type)
/// and the preview response-streaming members are not declared.
/// </summary>
public abstract class AbstractAspNetCoreFunction<TREQUEST, TRESPONSE> : AbstractAspNetCoreFunction
{
    protected AbstractAspNetCoreFunction()
    {
    }

    protected AbstractAspNetCoreFunction(StartupMode startupMode)
    {
    }

    protected AbstractAspNetCoreFunction(IServiceProvider hostedServices)
    {
    }

    public ResponseContentEncoding DefaultResponseContentEncoding { get; set; } = ResponseContentEncoding.Default;

    public bool IncludeUnhandledExceptionDetailInResponse { get; set; }

    public void RegisterResponseContentEncodingForContentType(string contentType, ResponseContentEncoding encoding)
    {
    }

    public void RegisterResponseContentEncodingForContentEncoding(string contentEncoding, ResponseContentEncoding encoding)
    {
    }

    public ResponseContentEncoding GetResponseContentEncodingForContentType(string contentType) => DefaultResponseContentEncoding;

    public ResponseContentEncoding GetResponseContentEncodingForContentEncoding(string contentEncoding) => DefaultResponseContentEncoding;

    [LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]
    public virtual Task<TRESPONSE> FunctionHandlerAsync(TREQUEST request, ILambdaContext lambdaContext) => throw new NotImplementedException();

    protected virtual void Init(IWebHostBuilder builder)
    {
    }

    protected virtual void Init(IHostBuilder builder)
    {
    }

    protected virtual IHostBuilder CreateHostBuilder() => throw new NotImplementedException();

    protected virtual IEnumerable<HttpRequestMessage> GetBeforeSnapshotRequests() => Enumerable.Empty<HttpRequestMessage>();

    protected void Start() => throw new NotImplementedException();

    protected object CreateContext(IFeatureCollection features) => throw new NotImplementedException();

    protected string ErrorReport(Exception e) => e?.ToString();

    protected virtual void PostCreateHost(IHost webHost)
    {
    }

    protected virtual void PostMarshallItemsFeatureFeature(IItemsFeature aspNetCoreItemFeature, TREQUEST lambdaRequest, ILambdaContext lambdaContext)
    {
    }

    protected virtual void PostMarshallHttpAuthenticationFeature(IHttpAuthenticationFeature aspNetCoreHttpAuthenticationFeature, TREQUEST lambdaRequest, ILambdaContext lambdaContext)
    {
    }

    protected virtual void PostMarshallRequestFeature(IHttpRequestFeature aspNetCoreRequestFeature, TREQUEST lambdaRequest, ILambdaContext lambdaContext)
    {
    }

    protected virtual void PostMarshallConnectionFeature(IHttpConnectionFeature aspNetCoreConnectionFeature, TREQUEST lambdaRequest, ILambdaContext lambdaContext)
    {
    }

    protected virtual void PostMarshallTlsConnectionFeature(ITlsConnectionFeature aspNetCoreConnectionFeature, TREQUEST lambdaRequest, ILambdaContext lambdaContext)
    {
    }

    protected virtual void PostMarshallResponseFeature(IHttpResponseFeature aspNetCoreResponseFeature, TRESPONSE lambdaResponse, ILambdaContext lambdaContext)
    {
    }
}
