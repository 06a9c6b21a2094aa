using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon;
using Amazon.Lambda;
using Amazon.Lambda.Core;
using Amazon.Lambda.Model;

namespace Lambda.StandIn.Smoke;

public class InvokerFunction
{
    private readonly IAmazonLambda _lambdaClient;

    public InvokerFunction()
        : this(new AmazonLambdaClient(RegionEndpoint.USEast1))
    {
    }

    public InvokerFunction(IAmazonLambda lambdaClient)
    {
        _lambdaClient = lambdaClient;
    }

    public async Task<string> FunctionHandler(string input, ILambdaContext context)
    {
        await _lambdaClient.InvokeAsync(new InvokeRequest { FunctionName = "x", InvocationType = "Event" });

        var response = await _lambdaClient.InvokeAsync(new InvokeRequest
        {
            FunctionName = "worker",
            InvocationType = InvocationType.RequestResponse,
            LogType = LogType.Tail,
            Payload = "{\"input\":\"" + input + "\"}",
            Qualifier = "live",
        }, CancellationToken.None);

        if (response.FunctionError != null || response.StatusCode != 200)
        {
            context.Logger.LogWarning($"worker failed ({response.StatusCode}): {response.FunctionError}");
        }

        var config = await _lambdaClient.GetFunctionAsync("worker");
        var list = await _lambdaClient.ListFunctionsAsync(new ListFunctionsRequest { MaxItems = 10 });
        context.Logger.LogLine($"{config.Configuration?.Runtime} / {list.Functions?.Count} functions");

        var stream = await _lambdaClient.InvokeWithResponseStreamAsync(new InvokeWithResponseStreamRequest
        {
            FunctionName = "streamer",
            InvocationType = ResponseStreamingInvocationType.RequestResponse,
            Payload = new MemoryStream(Encoding.UTF8.GetBytes("{}")),
        });
        context.Logger.LogLine(stream.ExecutedVersion);

        using var reader = new StreamReader(response.Payload);
        return await reader.ReadToEndAsync();
    }
}
