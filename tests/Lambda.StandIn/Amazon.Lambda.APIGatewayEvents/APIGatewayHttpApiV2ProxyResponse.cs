using System.Collections.Generic;

namespace Amazon.Lambda.APIGatewayEvents;

public class APIGatewayHttpApiV2ProxyResponse
{
    public int StatusCode { get; set; }

    public IDictionary<string, string> Headers { get; set; }

    public string[] Cookies { get; set; }

    public string Body { get; set; }

    public bool IsBase64Encoded { get; set; }

    public void SetHeaderValues(string headerName, string value, bool append) => SetHeaderValues(headerName, new[] { value }, append);

    public void SetHeaderValues(string headerName, IEnumerable<string> values, bool append)
    {
        Headers ??= new Dictionary<string, string>();
        var joined = string.Join(",", values);
        Headers[headerName] = append && Headers.TryGetValue(headerName, out var existing) ? existing + "," + joined : joined;
    }
}
