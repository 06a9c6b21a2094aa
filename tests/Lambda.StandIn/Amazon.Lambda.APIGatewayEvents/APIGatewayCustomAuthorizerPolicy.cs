using System.Collections.Generic;

namespace Amazon.Lambda.APIGatewayEvents;

public class APIGatewayCustomAuthorizerPolicy
{
    public string Version { get; set; } = "2012-10-17";

    public List<IAMPolicyStatement> Statement { get; set; } = new List<IAMPolicyStatement>();

    public class IAMPolicyStatement
    {
        public string Effect { get; set; } = "Allow";

        public HashSet<string> Action { get; set; }

        public HashSet<string> Resource { get; set; }

        public HashSet<string> NotResource { get; set; }

        public IDictionary<string, IDictionary<string, object>> Condition { get; set; }
    }
}
