using System;
using System.Collections.Generic;

namespace Amazon.Lambda.APIGatewayEvents;

/// <summary>Authorizer values of a REST API request; a dictionary, with a few legacy typed accessors.</summary>
public class APIGatewayCustomAuthorizerContext : Dictionary<string, object>
{
    [Obsolete("This property is obsolete. Code should be updated to use the string index property like authorizer[\"principalId\"]")]
    public string PrincipalId
    {
        get => TryGetValue("principalId", out var value) ? value?.ToString() : null;
        set => this["principalId"] = value;
    }

    [Obsolete("This property is obsolete. Code should be updated to use the string index property like authorizer[\"stringKey\"]")]
    public string StringKey
    {
        get => TryGetValue("stringKey", out var value) ? value?.ToString() : null;
        set => this["stringKey"] = value;
    }

    [Obsolete("This property is obsolete. Code should be updated to use the string index property like authorizer[\"numKey\"]")]
    public int? NumKey
    {
        get => TryGetValue("numKey", out var value) && int.TryParse(value?.ToString(), out var i) ? i : null;
        set => this["numKey"] = value;
    }

    [Obsolete("This property is obsolete. Code should be updated to use the string index property like authorizer[\"boolKey\"]")]
    public bool? BoolKey
    {
        get => TryGetValue("boolKey", out var value) && bool.TryParse(value?.ToString(), out var b) ? b : null;
        set => this["boolKey"] = value;
    }

    public Dictionary<string, string> Claims { get; set; } = new Dictionary<string, string>();
}
