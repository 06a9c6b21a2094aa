using Amazon.Runtime;

namespace Amazon.Lambda;

/// <summary>Base class of the Lambda request objects.</summary>
public partial class AmazonLambdaRequest : AmazonWebServiceRequest
{
}
