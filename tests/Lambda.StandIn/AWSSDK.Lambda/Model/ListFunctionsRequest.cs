namespace Amazon.Lambda.Model;

public partial class ListFunctionsRequest : AmazonLambdaRequest
{
    public FunctionVersion FunctionVersion { get; set; }

    public string Marker { get; set; }

    public string MasterRegion { get; set; }

    public int? MaxItems { get; set; }
}
