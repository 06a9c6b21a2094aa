using System;
using System.Collections.Generic;
using System.Composition;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using LambdaAnalyzers.CodeFixes.Rules;
using LambdaAnalyzers.Rules;
using LambdaAnalyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LambdaAnalyzers.Tests.Conventions;

/// <summary>Meta-tests: a rule is a whole product (descriptor, docs page, release entry, README row).</summary>
public sealed class RuleConventionTests
{
    private static readonly string[] StandardCategories = { "Design", "Reliability", "Performance", "Security", "Usage" };

    public static IEnumerable<Type> AnalyzerTypes { get; } = typeof(ConfiguredHandlerAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
        .ToArray();

    public static IEnumerable<Type> CodeFixTypes { get; } = typeof(ConfiguredHandlerCodeFixProvider).Assembly.GetTypes()
        .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
        .ToArray();

    public static IEnumerable<DiagnosticDescriptor> AllDescriptors { get; } = AnalyzerTypes
        .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
        .GroupBy(d => d.Id)
        .Select(g => g.First())
        .OrderBy(d => d.Id)
        .ToArray();

    public static TheoryData<string> DescriptorIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in AllDescriptors)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    private static DiagnosticDescriptor Get(string id) => AllDescriptors.Single(d => d.Id == id);

    [Fact]
    public void AtLeastOneRuleExists() => Assert.NotEmpty(AllDescriptors);

    [Fact]
    public void EachIdHasOneDescriptor()
    {
        var all = AnalyzerTypes.SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics).ToList();
        foreach (var group in all.GroupBy(d => d.Id))
        {
            Assert.True(group.Select(d => (d.Title.ToString(), d.Category, d.DefaultSeverity)).Distinct().Count() == 1,
                $"{group.Key} is declared with different titles, categories or severities");
        }
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Descriptor_IsWellFormed(string id)
    {
        var descriptor = Get(id);
        Assert.Matches(new Regex("^LAMBDA[0-9]{3}$"), descriptor.Id);
        var title = descriptor.Title.ToString();
        Assert.False(string.IsNullOrWhiteSpace(title));
        Assert.False(title.EndsWith(".", StringComparison.Ordinal), $"{id}: title ends with a period");
        Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()));
        Assert.False(descriptor.MessageFormat.ToString().EndsWith(".", StringComparison.Ordinal), $"{id}: message ends with a period");
        Assert.True(descriptor.Description.ToString().Length > 80, $"{id}: the description must say why it matters in Lambda");
        Assert.Contains(descriptor.Category, StandardCategories);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void HelpLink_PointsAtExistingDocsPage(string id)
    {
        var descriptor = Get(id);
        Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        var page = Path.Combine(TestReferences.RepoRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"missing {page}");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {descriptor.Title}", text);
        foreach (var section in new[] { "## Cause", "## Why it matters in Lambda", "## How to fix", "## Configuration", "## When to suppress", "## How to suppress", "## Related rules" })
        {
            Assert.True(text.Contains(section, StringComparison.Ordinal), $"{id}.md lacks '{section}'");
        }
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void ReleaseTracking_HasRow(string id)
    {
        var descriptor = Get(id);
        var folder = Path.Combine(TestReferences.RepoRoot, "src", "LambdaAnalyzers");
        var text = File.ReadAllText(Path.Combine(folder, "AnalyzerReleases.Shipped.md")) + File.ReadAllText(Path.Combine(folder, "AnalyzerReleases.Unshipped.md"));
        var row = text.Split('\n').FirstOrDefault(l => l.StartsWith(id + " ", StringComparison.Ordinal));
        Assert.True(row is not null, $"{id} has no release-tracking row");
        Assert.Contains($"| {descriptor.Category} |", row);
        Assert.Contains($"| {descriptor.DefaultSeverity} |", row);
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Readme_HasRow(string id)
    {
        var readme = File.ReadAllText(Path.Combine(TestReferences.RepoRoot, "README.md"));
        Assert.Contains($"[{id}](docs/rules/{id}.md)", readme);
    }

    [Fact]
    public void Analyzers_AreSealedAndCSharp()
    {
        foreach (var type in AnalyzerTypes)
        {
            Assert.True(type.IsSealed, $"{type.Name} is not sealed");
            var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
            Assert.True(attribute is not null, $"{type.Name} lacks [DiagnosticAnalyzer]");
            Assert.Contains(LanguageNames.CSharp, attribute!.Languages);
            Assert.EndsWith("Analyzer", type.Name);
        }
    }

    [Fact]
    public void CodeFixes_AreSealedSharedExportedWithFixAll()
    {
        Assert.NotEmpty(CodeFixTypes);
        var ids = AllDescriptors.Select(d => d.Id).ToHashSet();
        foreach (var type in CodeFixTypes)
        {
            Assert.True(type.IsSealed, $"{type.Name} is not sealed");
            Assert.True(type.GetCustomAttribute<SharedAttribute>() is not null, $"{type.Name} lacks [Shared]");
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.True(export is not null, $"{type.Name} lacks [ExportCodeFixProvider]");
            Assert.Equal(type.Name, export!.Name);
            var provider = (CodeFixProvider)Activator.CreateInstance(type)!;
            Assert.NotNull(provider.GetFixAllProvider());
            Assert.All(provider.FixableDiagnosticIds, id => Assert.Contains(id, ids));
            Assert.EndsWith("CodeFixProvider", type.Name);
        }
    }
}
