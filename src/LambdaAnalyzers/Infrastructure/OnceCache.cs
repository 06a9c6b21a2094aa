using System;
using System.Threading;

namespace LambdaAnalyzers.Infrastructure;

/// <summary>
/// A lazily computed value that, unlike <see cref="Lazy{T}"/>, does not cache a cancellation: if the
/// first caller is cancelled the next caller computes again. Computation happens once under a lock.
/// </summary>
internal sealed class OnceCache<T>
    where T : class
{
    private readonly Func<CancellationToken, T> _factory;
    private readonly object _gate = new();
    private T? _value;

    public OnceCache(Func<CancellationToken, T> factory) => _factory = factory;

    public T Get(CancellationToken cancellationToken)
    {
        var value = Volatile.Read(ref _value);
        if (value is not null)
        {
            return value;
        }

        lock (_gate)
        {
            value = _value;
            if (value is null)
            {
                value = _factory(cancellationToken);
                Volatile.Write(ref _value, value);
            }

            return value;
        }
    }
}
