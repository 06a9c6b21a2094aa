using System.Collections.Generic;

namespace Amazon.Lambda.APIGatewayEvents;

public class APIGatewayCustomAuthorizerV2SimpleResponse
{
    public bool IsAuthorized { get; set; }

    public Dictionary<string, object> Context { get; set; }
}
