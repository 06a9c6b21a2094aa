using System.Collections.Generic;
using Amazon.Runtime;

namespace Amazon.Lambda.Model;

/// <summary>Result of GetFunction (subset: Concurrency and TagsError are not declared).</summary>
public partial class GetFunctionResponse : AmazonWebServiceResponse
{
    public FunctionCodeLocation Code { get; set; }

    public FunctionConfiguration Configuration { get; set; }

    public Dictionary<string, string> Tags { get; set; }
}
