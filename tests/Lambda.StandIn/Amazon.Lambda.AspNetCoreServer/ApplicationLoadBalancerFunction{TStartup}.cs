using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Hosting;

namespace Amazon.Lambda.AspNetCoreServer;

/// <summary>Variant that configures the web host with UseStartup&lt;TStartup&gt;().</summary>
public abstract class ApplicationLoadBalancerFunction<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.PublicConstructors)] TStartup> : ApplicationLoadBalancerFunction
    where TStartup : class
{
    protected ApplicationLoadBalancerFunction()
    {
    }

    protected ApplicationLoadBalancerFunction(StartupMode startupMode)
        : base(startupMode)
    {
    }

    protected override void Init(IWebHostBuilder builder)
    {
    }
}
