using System;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.TestUtilities;

namespace Lambda.StandIn.Smoke;

// "Test code is not Lambda code": what a unit test of ApiGatewayFunction looks like.
public static class ApiGatewayFunctionTest
{
    public static bool Run()
    {
        var logger = new TestLambdaLogger();
        var context = new TestLambdaContext
        {
            FunctionName = "api",
            AwsRequestId = Guid.NewGuid().ToString(),
            RemainingTime = TimeSpan.FromSeconds(3),
            Logger = logger,
        };
        var response = new ApiGatewayFunction().FunctionHandler(
            new APIGatewayProxyRequest
            {
                HttpMethod = "GET",
                Path = "/items/1",
                RequestContext = new APIGatewayProxyRequest.ProxyRequestContext { RequestId = "r", Stage = "test" },
            },
            context);
        return response.StatusCode == 404 && logger.Buffer.ToString().Contains("GET /items/1");
    }
}
