using System.Threading.Tasks;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Annotations.APIGateway;
using Amazon.Lambda.Annotations.SQS;
using Amazon.Lambda.Core;
using Amazon.Lambda.SQSEvents;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.StandIn.Smoke;

public interface IItemStore
{
    Task<string> FindAsync(string id);
}

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
    }
}

public class AnnotationsFunctions
{
    [LambdaFunction(MemorySize = 512, Timeout = 30, Policies = "AWSLambdaBasicExecutionRole")]
    [HttpApi(LambdaHttpMethod.Get, "/items/{id}")]
    public async Task<IHttpResult> GetItem([FromRoute] string id, [FromQuery(Name = "v")] string version, [FromServices] IItemStore store, ILambdaContext context)
    {
        var item = await store.FindAsync(id);
        return item == null ? HttpResults.NotFound() : HttpResults.Ok(item).AddHeader("x-version", version);
    }

    [LambdaFunction(ResourceName = "CreateItem")]
    [RestApi(LambdaHttpMethod.Post, "/items")]
    public IHttpResult CreateItem([FromBody] string body, [FromHeader(Name = "x-request-id")] string requestId)
    {
        return string.IsNullOrEmpty(body) ? HttpResults.BadRequest("empty") : HttpResults.Created($"/items/{requestId}", body);
    }

    [LambdaFunction]
    [HttpApi(LambdaHttpMethod.Get, "/v1/ping", Version = HttpApiVersion.V1)]
    public string Ping() => "pong";

    [LambdaFunction]
    [SQSEvent("@OrdersQueue", BatchSize = 10)]
    public SQSBatchResponse Orders(SQSEvent evnt, ILambdaContext context) => new SQSBatchResponse();
}
