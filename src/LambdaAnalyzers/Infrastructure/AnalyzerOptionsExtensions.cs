using System;
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
    public static string? GetRuleOption(this AnalyzerOptions options, SyntaxTree tree, RuleOption option)
        => Lookup(options.AnalyzerConfigOptionsProvider.GetOptions(tree), option)
           ?? Lookup(options.AnalyzerConfigOptionsProvider.GlobalOptions, option);

    /// <summary>Reads a rule option for an additional file (deployment templates).</summary>
    public static string? GetRuleOption(this AnalyzerOptions options, AdditionalText file, RuleOption option)
        => Lookup(options.AnalyzerConfigOptionsProvider.GetOptions(file), option)
           ?? Lookup(options.AnalyzerConfigOptionsProvider.GlobalOptions, option);

    public static int GetIntRuleOption(this AnalyzerOptions options, SyntaxTree tree, RuleOption option, int defaultValue, int min = int.MinValue, int max = int.MaxValue)
        => ParseInt(options.GetRuleOption(tree, option), defaultValue, min, max);

    public static int GetIntRuleOption(this AnalyzerOptions options, AdditionalText file, RuleOption option, int defaultValue, int min = int.MinValue, int max = int.MaxValue)
        => ParseInt(options.GetRuleOption(file, option), defaultValue, min, max);

    /// <summary>Splits a comma- or space-separated list option; empty when absent.</summary>
    public static string[] SplitList(string? value)
        => string.IsNullOrWhiteSpace(value)
            ? Array.Empty<string>()
            : value!.Split(new[] { ',', ' ', ';' }, StringSplitOptions.RemoveEmptyEntries);

    private static int ParseInt(string? value, int defaultValue, int min, int max)
        => int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : defaultValue;

    private static string? Lookup(AnalyzerConfigOptions config, RuleOption option)
    {
        if (config.TryGetValue(option.SpecificKey, out var specific) && !string.IsNullOrWhiteSpace(specific))
        {
            return specific.Trim();
        }

        return config.TryGetValue(option.GeneralKey, out var general) && !string.IsNullOrWhiteSpace(general)
            ? general.Trim()
            : null;
    }
}

/// <summary>
/// One rule option's two <c>.editorconfig</c> keys, built once per rule (a static field next to the rule's ID):
/// rules read options per file and some per function, and building the keys on each read showed in build profiles.
/// </summary>
internal sealed class RuleOption
{
    public RuleOption(string ruleId, string name)
    {
        Name = name;
        SpecificKey = "dotnet_diagnostic." + ruleId + "." + name;
        GeneralKey = "lambda_analyzers." + name;
    }

    public string Name { get; }

    /// <summary><c>dotnet_diagnostic.LAMBDAnnn.&lt;option&gt;</c>: this rule only.</summary>
    public string SpecificKey { get; }

    /// <summary><c>lambda_analyzers.&lt;option&gt;</c>: every rule that has the option.</summary>
    public string GeneralKey { get; }
}
