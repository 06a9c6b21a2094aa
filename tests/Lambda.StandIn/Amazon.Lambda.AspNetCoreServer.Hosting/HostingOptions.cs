using System;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Features.Authentication;

namespace Amazon.Lambda.AspNetCoreServer.Hosting;

/// <summary>Options of AddAWSLambdaHosting (Amazon.Lambda.AspNetCoreServer.Hosting 2.1.0; preview streaming option omitted).</summary>
public class HostingOptions
{
    public ILambdaSerializer Serializer { get; set; }

    public ResponseContentEncoding DefaultResponseContentEncoding { get; set; } = ResponseContentEncoding.Default;

    public bool IncludeUnhandledExceptionDetailInResponse { get; set; }

    public Action<IHttpRequestFeature, object, ILambdaContext> PostMarshallRequestFeature { get; set; }

    public Action<IHttpResponseFeature, object, ILambdaContext> PostMarshallResponseFeature { get; set; }

    public Action<IHttpConnectionFeature, object, ILambdaContext> PostMarshallConnectionFeature { get; set; }

    public Action<IHttpAuthenticationFeature, object, ILambdaContext> PostMarshallHttpAuthenticationFeature { get; set; }

    public Action<ITlsConnectionFeature, object, ILambdaContext> PostMarshallTlsConnectionFeature { get; set; }

    public Action<IItemsFeature, object, ILambdaContext> PostMarshallItemsFeature { get; set; }

    public void RegisterResponseContentEncodingForContentType(string contentType, ResponseContentEncoding encoding)
    {
    }

    public void RegisterResponseContentEncodingForContentEncoding(string contentEncoding, ResponseContentEncoding encoding)
    {
    }
}
