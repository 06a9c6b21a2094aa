using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

// Executable-style function (custom runtime / Native AOT template shape).
var handler = async (APIGatewayHttpApiV2ProxyRequest request, ILambdaContext context) =>
{
    context.Logger.LogInformation("{Method} {Path}", request.RequestContext.Http.Method, request.RawPath);
    await Task.Yield();
    return new APIGatewayHttpApiV2ProxyResponse { StatusCode = 200, Body = request.Body };
};

await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer())
    .Build()
    .RunAsync();
