namespace Amazon.Lambda.Model;

public partial class GetFunctionRequest : AmazonLambdaRequest
{
    public string FunctionName { get; set; }

    public string Qualifier { get; set; }
}
