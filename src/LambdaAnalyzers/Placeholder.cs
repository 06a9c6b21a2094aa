namespace LambdaAnalyzers;

internal static class AssemblyMarker
{
}
