using System.Collections.Generic;
using Amazon.Runtime;

namespace Amazon.Lambda.Model;

public partial class ListFunctionsResponse : AmazonWebServiceResponse
{
    public List<FunctionConfiguration> Functions { get; set; }

    public string NextMarker { get; set; }
}
