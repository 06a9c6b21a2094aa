using System.Text.Json;

namespace Amazon.Lambda.Serialization.SystemTextJson;

public class CamelCaseLambdaJsonSerializer : DefaultLambdaJsonSerializer
{
    public CamelCaseLambdaJsonSerializer()
        : base(options => options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase)
    {
    }
}
