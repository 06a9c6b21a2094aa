using System;
using System.IO;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.RuntimeSupport;

public class InvocationRequest : IDisposable
{
    internal InvocationRequest()
    {
    }

    public Stream InputStream { get; internal set; }

    public ILambdaContext LambdaContext { get; internal set; }

    public void Dispose() => InputStream?.Dispose();
}
