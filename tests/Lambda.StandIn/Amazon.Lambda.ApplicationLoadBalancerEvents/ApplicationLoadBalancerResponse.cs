using System.Collections.Generic;

namespace Amazon.Lambda.ApplicationLoadBalancerEvents;

public class ApplicationLoadBalancerResponse
{
    public int StatusCode { get; set; }

    public string StatusDescription { get; set; }

    public IDictionary<string, string> Headers { get; set; }

    public IDictionary<string, IList<string>> MultiValueHeaders { get; set; }

    public string Body { get; set; }

    public bool IsBase64Encoded { get; set; }
}
