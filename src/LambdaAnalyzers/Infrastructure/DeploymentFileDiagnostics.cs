using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Infrastructure;

/// <summary>
/// Locations inside deployment files (additional files): `dotnet build` prints them as
/// <c>template.yaml(14,16): warning …</c>. Note for documentation: the compiler applies
/// <c>.editorconfig</c> section severities only to C# files; for these diagnostics severity comes from a
/// global config (<c>.globalconfig</c>, <c>is_global = true</c>), <c>NoWarn</c>/<c>WarningsAsErrors</c>,
/// or an assembly-level <c>SuppressMessage</c> (all verified end to end).
/// </summary>
internal static class DeploymentFileDiagnostics
{
    public static Location CreateLocation(string path, SourceText text, TextSpan span)
        => Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
}
