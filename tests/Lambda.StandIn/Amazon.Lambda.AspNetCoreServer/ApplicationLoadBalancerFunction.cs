using System;
using Amazon.Lambda.ApplicationLoadBalancerEvents;

namespace Amazon.Lambda.AspNetCoreServer;

/// <summary>ASP.NET Core behind an Application Load Balancer.</summary>
public abstract class ApplicationLoadBalancerFunction : AbstractAspNetCoreFunction<ApplicationLoadBalancerRequest, ApplicationLoadBalancerResponse>
{
    protected ApplicationLoadBalancerFunction()
    {
    }

    protected ApplicationLoadBalancerFunction(StartupMode startupMode)
        : base(startupMode)
    {
    }

    protected ApplicationLoadBalancerFunction(IServiceProvider hostedServices)
        : base(hostedServices)
    {
    }
}
