namespace Amazon.Lambda.RuntimeSupport.Bootstrap;

public class LambdaBootstrapOptions
{
    public string RuntimeApiEndpoint { get; set; }
}
