using System;

namespace Microsoft.AspNetCore.Hosting;

public static class WebHostBuilderExtensions
{
    [Obsolete("Calls should be replaced with UseLambdaServer")]
    public static IWebHostBuilder UseApiGateway(this IWebHostBuilder hostBuilder) => hostBuilder;

    public static IWebHostBuilder UseLambdaServer(this IWebHostBuilder hostBuilder) => hostBuilder;
}
