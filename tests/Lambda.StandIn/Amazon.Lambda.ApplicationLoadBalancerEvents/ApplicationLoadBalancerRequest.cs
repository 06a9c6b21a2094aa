using System.Collections.Generic;

namespace Amazon.Lambda.ApplicationLoadBalancerEvents;

public class ApplicationLoadBalancerRequest
{
    public ALBRequestContext RequestContext { get; set; }

    public string Path { get; set; }

    public string HttpMethod { get; set; }

    public IDictionary<string, string> Headers { get; set; }

    public IDictionary<string, IList<string>> MultiValueHeaders { get; set; }

    public IDictionary<string, string> QueryStringParameters { get; set; }

    public IDictionary<string, IList<string>> MultiValueQueryStringParameters { get; set; }

    public string Body { get; set; }

    public bool IsBase64Encoded { get; set; }

    public class ALBRequestContext
    {
        public ElbInfo Elb { get; set; }
    }

    public class ElbInfo
    {
        public string TargetGroupArn { get; set; }
    }
}
