using System.Collections.Generic;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;

namespace Lambda.StandIn.Smoke;

public class ApiGatewayFunction
{
    public APIGatewayProxyResponse FunctionHandler(APIGatewayProxyRequest request, ILambdaContext context)
    {
        context.Logger.LogLine($"{request.HttpMethod} {request.Path} ({request.RequestContext.RequestId}, stage {request.RequestContext.Stage})");
        string id = null;
        request.PathParameters?.TryGetValue("id", out id);
        var remaining = context.RemainingTime.TotalMilliseconds;
        return new APIGatewayProxyResponse
        {
            StatusCode = id == null ? 404 : 200,
            Body = $"{{\"id\":\"{id}\",\"remainingMs\":{remaining}}}",
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" },
        };
    }
}
