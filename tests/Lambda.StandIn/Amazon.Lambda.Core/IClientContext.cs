using System.Collections.Generic;

namespace Amazon.Lambda.Core;

public interface IClientContext
{
    IDictionary<string, string> Environment { get; }

    IClientApplication Client { get; }

    IDictionary<string, string> Custom { get; }
}
