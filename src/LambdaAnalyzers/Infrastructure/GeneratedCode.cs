using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Infrastructure;

/// <summary>How every rule treats generated code: it is not analyzed, so nothing is reported in it.</summary>
internal static class GeneratedCode
{
    /// <summary>
    /// <see cref="GeneratedCodeAnalysisFlags.Analyze"/> is off: the driver runs no callback of ours in a generated
    /// file (<c>&lt;auto-generated&gt;</c> header, <c>.g.cs</c>-style name, <c>generated_code = true</c>) or in a
    /// symbol marked <c>[GeneratedCode]</c>. Every rule reports at a node of the code it analyzes (or in a
    /// deployment file), so a diagnostic can never land in generated code.
    /// <para>
    /// <see cref="GeneratedCodeAnalysisFlags.ReportDiagnostics"/> is on for speed, with the same result: without
    /// it the driver checks each reported diagnostic again, and the first report in a file makes it bind the
    /// declared symbol and attributes of every declaration in that file to look for <c>[GeneratedCode]</c>
    /// (1–3 ms a file, charged to the reporting rule).
    /// </para>
    /// <para>
    /// One difference remains: that report-time check also dropped a diagnostic inside a <c>#line hidden</c> region
    /// of an ordinary file (generators' and Razor's output, which is generated code and not analyzed anyway).
    /// </para>
    /// </summary>
    public const GeneratedCodeAnalysisFlags Flags = GeneratedCodeAnalysisFlags.ReportDiagnostics;
}
