namespace LambdaAnalyzers.Templates;

/// <summary>Bounds shared by every reader, so that no input can make an analyzer slow or overflow the stack.</summary>
internal static class TemplateLimits
{
    /// <summary>Deepest nesting of collections a reader follows; deeper input ends the read (partial tree).</summary>
    public const int MaxDepth = 64;

    /// <summary>Files longer than this (in characters) are not read at all.</summary>
    public const int MaxLength = 4 * 1024 * 1024;

    /// <summary>How many reader steps pass between two cancellation checks.</summary>
    internal const int CancellationCheckMask = 0x3FF;
}
