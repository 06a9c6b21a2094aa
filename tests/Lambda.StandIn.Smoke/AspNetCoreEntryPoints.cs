using Amazon.Lambda;
using Amazon.Lambda.AspNetCoreServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lambda.StandIn.Smoke;

public class WebStartup
{
    public void ConfigureServices(IServiceCollection services) => services.AddControllers();

    public void Configure(IApplicationBuilder app) => app.UseRouting();
}

// Classic bridge: the Lambda handler is Lambda.StandIn.Smoke::Lambda.StandIn.Smoke.RestApiEntryPoint::FunctionHandlerAsync.
public class RestApiEntryPoint : APIGatewayProxyFunction<WebStartup>
{
    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<WebStartup>();

    protected override void Init(IHostBuilder builder)
    {
    }
}

public class HttpApiEntryPoint : APIGatewayHttpApiV2ProxyFunction<WebStartup>
{
}

public class AlbEntryPoint : ApplicationLoadBalancerFunction
{
    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<WebStartup>();
}

public static class MinimalApiHosting
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSingleton<IAmazonLambda, AmazonLambdaClient>();
        builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
        builder.Services.AddAWSLambdaHosting(LambdaEventSource.RestApi, options => options.IncludeUnhandledExceptionDetailInResponse = true);
        var app = builder.Build();
        app.MapGet("/", () => "hello");
        return app;
    }
}
