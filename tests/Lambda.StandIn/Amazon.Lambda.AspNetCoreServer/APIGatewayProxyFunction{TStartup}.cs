using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Hosting;

namespace Amazon.Lambda.AspNetCoreServer;

/// <summary>Variant that configures the web host with UseStartup&lt;TStartup&gt;().</summary>
public abstract class APIGatewayProxyFunction<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors)] TStartup> : APIGatewayProxyFunction
    where TStartup : class
{
    protected APIGatewayProxyFunction()
    {
    }

    protected APIGatewayProxyFunction(StartupMode startupMode)
        : base(startupMode)
    {
    }

    protected override void Init(IWebHostBuilder builder)
    {
    }
}
