using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Hosting;

namespace Amazon.Lambda.AspNetCoreServer;

/// <summary>Variant that configures the web host with UseStartup&lt;TStartup&gt;().</summary>
public abstract class APIGatewayHttpApiV2ProxyFunction<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors)] TStartup> : APIGatewayHttpApiV2ProxyFunction
    where TStartup : class
{
    protected APIGatewayHttpApiV2ProxyFunction()
    {
    }

    protected APIGatewayHttpApiV2ProxyFunction(StartupMode startupMode)
        : base(startupMode)
    {
    }

    protected override void Init(IWebHostBuilder builder)
    {
    }
}
