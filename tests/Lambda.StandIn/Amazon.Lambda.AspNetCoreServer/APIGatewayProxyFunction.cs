using System;
using Amazon.Lambda.APIGatewayEvents;
using Microsoft.AspNetCore.Http;

namespace Amazon.Lambda.AspNetCoreServer;

/// <summary>ASP.NET Core behind an API Gateway REST API (payload 1.0).</summary>
public abstract class APIGatewayProxyFunction : AbstractAspNetCoreFunction<APIGatewayProxyRequest, APIGatewayProxyResponse>
{
    [Obsolete("References should be updated to Amazon.Lambda.AspNetCoreServer.AbstractAspNetCoreFunction.LAMBDA_CONTEXT")]
    public new const string LAMBDA_CONTEXT = AbstractAspNetCoreFunction.LAMBDA_CONTEXT;

    [Obsolete("References should be updated to Amazon.Lambda.AspNetCoreServer.AbstractAspNetCoreFunction.LAMBDA_REQUEST_OBJECT")]
    public const string APIGATEWAY_REQUEST = AbstractAspNetCoreFunction.LAMBDA_REQUEST_OBJECT;

    protected APIGatewayProxyFunction()
    {
    }

    [Obsolete("Calls to the constructor should be replaced with the constructor that takes a Amazon.Lambda.AspNetCoreServer.StartupMode as the parameter.")]
    protected APIGatewayProxyFunction(AspNetCoreStartupMode startupMode)
        : base((StartupMode)startupMode)
    {
    }

    protected APIGatewayProxyFunction(StartupMode startupMode)
        : base(startupMode)
    {
    }

    protected APIGatewayProxyFunction(IServiceProvider hostedServices)
        : base(hostedServices)
    {
    }

    [Obsolete("References should be updated to Amazon.Lambda.AspNetCoreServer.StartupMode")]
    public enum AspNetCoreStartupMode
    {
        Constructor = StartupMode.Constructor,
        FirstRequest = StartupMode.FirstRequest,
    }

    protected virtual string ParseHttpPath(APIGatewayProxyRequest apiGatewayRequest) => apiGatewayRequest?.Path;

    protected virtual string ParseHttpMethod(APIGatewayProxyRequest apiGatewayRequest) => apiGatewayRequest?.HttpMethod;

    protected virtual IHeaderDictionary AddMissingRequestHeaders(APIGatewayProxyRequest apiGatewayRequest, IHeaderDictionary headers) => headers;
}
