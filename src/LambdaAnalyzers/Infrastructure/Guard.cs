using System;

namespace LambdaAnalyzers.Infrastructure;

/// <summary>
/// Analyzer callbacks run on half-typed code in the IDE and in every build. An exception escaping an
/// analyzer becomes AD0001, which breaks builds that use -warnaserror and shows as an IDE error bar.
/// Release builds swallow unexpected exceptions (the rule then reports nothing for that node); debug
/// builds — which the tests run — rethrow so that bugs surface.
/// </summary>
internal static class Guard
{
    public static void Run<TContext>(TContext context, Action<TContext> action)
    {
        try
        {
            action(context);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // Deliberate: see the summary.
        catch (Exception)
#pragma warning restore CA1031
        {
#if DEBUG
            throw;
#endif
        }
    }
}
