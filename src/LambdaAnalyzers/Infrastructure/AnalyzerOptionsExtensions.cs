using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Infrastructure;

/// <summary>
/// Typed access to the options a user can set. Rule options are read from <c>.editorconfig</c> as
/// <c>dotnet_diagnostic.LAMBDAnnn.&lt;option&gt;</c> (one rule) or <c>lambda_analyzers.&lt;option&gt;</c>
/// (every rule); MSBuild properties made compiler-visible by the package's props arrive as
/// <c>build_property.&lt;Name&gt;</c> in the global options.
/// </summary>
internal static class AnalyzerOptionsExtensions
{
    public static string? GetBuildProperty(this AnalyzerOptions options, string name)
        => options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property." + name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : null;

    public static bool IsBuildPropertyTrue(this AnalyzerOptions options, string name)
        => string.Equals(options.GetBuildProperty(name), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads a rule option for a syntax tree: the rule-specific key wins over the package-wide key.</summary>
    public static string? GetRuleOption(this AnalyzerOptions options, SyntaxTree tree, string ruleId, string option)
        => Lookup(options.AnalyzerConfigOptionsProvider.GetOptions(tree), ruleId, option)
           ?? Lookup(options.AnalyzerConfigOptionsProvider.GlobalOptions, ruleId, option);

    /// <summary>Reads a rule option for an additional file (deployment templates).</summary>
    public static string? GetRuleOption(this AnalyzerOptions options, AdditionalText file, string ruleId, string option)
        => Lookup(options.AnalyzerConfigOptionsProvider.GetOptions(file), ruleId, option)
           ?? Lookup(options.AnalyzerConfigOptionsProvider.GlobalOptions, ruleId, option);

    /// <summary>Reads a rule option from the global options only (compilation-wide settings).</summary>
    public static string? GetGlobalRuleOption(this AnalyzerOptions options, string ruleId, string option)
        => Lookup(options.AnalyzerConfigOptionsProvider.GlobalOptions, ruleId, option);

    public static int GetIntRuleOption(this AnalyzerOptions options, SyntaxTree tree, string ruleId, string option, int defaultValue, int min = int.MinValue, int max = int.MaxValue)
        => ParseInt(options.GetRuleOption(tree, ruleId, option), defaultValue, min, max);

    public static int GetIntRuleOption(this AnalyzerOptions options, AdditionalText file, string ruleId, string option, int defaultValue, int min = int.MinValue, int max = int.MaxValue)
        => ParseInt(options.GetRuleOption(file, ruleId, option), defaultValue, min, max);

    /// <summary>Splits a comma- or space-separated list option; empty when absent.</summary>
    public static string[] SplitList(string? value)
        => string.IsNullOrWhiteSpace(value)
            ? Array.Empty<string>()
            : value!.Split(new[] { ',', ' ', ';' }, StringSplitOptions.RemoveEmptyEntries);

    private static int ParseInt(string? value, int defaultValue, int min, int max)
        => int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : defaultValue;

    /// <summary>The two keys of a rule option, built once: rules read options per file, some per function.</summary>
    private static readonly ConcurrentDictionary<(string RuleId, string Option), (string Specific, string General)> Keys = new();

    private static string? Lookup(AnalyzerConfigOptions config, string ruleId, string option)
    {
        var keys = Keys.GetOrAdd((ruleId, option), static key => ("dotnet_diagnostic." + key.RuleId + "." + key.Option, "lambda_analyzers." + key.Option));
        if (config.TryGetValue(keys.Specific, out var specific) && !string.IsNullOrWhiteSpace(specific))
        {
            return specific.Trim();
        }

        return config.TryGetValue(keys.General, out var general) && !string.IsNullOrWhiteSpace(general)
            ? general.Trim()
            : null;
    }
}
