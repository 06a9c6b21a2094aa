using System;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace Amazon.Lambda;

/// <summary>Client configuration (AWSSDK.Lambda 4.x shape; ClientConfig comes from the real AWSSDK.Core 4).</summary>
public partial class AmazonLambdaConfig : ClientConfig
{
    public AmazonLambdaConfig()
        : base(new DefaultConfigurationProvider(new IDefaultConfiguration[]
        {
            new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard },
        }))
    {
    }

    public override string RegionEndpointServiceName => "lambda";

    public override string ServiceVersion => "2015-03-31";

    public override string UserAgent => "aws-sdk-dotnet-lambda-standin";

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => throw new NotImplementedException();
}
