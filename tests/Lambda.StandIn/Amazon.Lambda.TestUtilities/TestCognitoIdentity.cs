using Amazon.Lambda.Core;

namespace Amazon.Lambda.TestUtilities;

public class TestCognitoIdentity : ICognitoIdentity
{
    public string IdentityId { get; set; }

    public string IdentityPoolId { get; set; }
}
