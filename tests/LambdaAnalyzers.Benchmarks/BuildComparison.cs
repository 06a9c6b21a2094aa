using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace LambdaAnalyzers.Benchmarks;

/// <summary>
/// Build-level comparison, one run, side by side: `dotnet build -p:ReportAnalyzer=true` of generated
/// solutions at N files with (a) no analyzer package, (b) LambdaAnalyzers (packed and installed from a
/// local feed, as a user gets it), (c) Meziantou.Analyzer and (d) Roslynator.Analyzers at their defaults,
/// plus a non-Lambda project of the same size. Reports Csc time, each package's analyzer time, ours as a
/// percentage of Csc and as a ratio to each peer — medians of R runs with min–max.
/// </summary>
public static class BuildComparison
{
    private static readonly Regex TotalAnalyzerTime = new(@"Total analyzer execution time:\s*(?<s>[0-9.,]+)\s*seconds", RegexOptions.Compiled);
    private static readonly Regex AssemblyLine = new(@"^\s*(?<s>[0-9.,]+)\s+(?<pct>[0-9<]+)\s+(?<name>[A-Za-z][\w.]*), Version=", RegexOptions.Compiled | RegexOptions.Multiline);
    private static readonly Regex CscLine = new(@"^\s*(?<ms>[0-9]+) ms\s+Csc\s+\d+ calls", RegexOptions.Compiled | RegexOptions.Multiline);

    private sealed record Config(string Name, string PackageReferences, bool Lambda);

    public static int Run(string repoRoot, int[] sizes, int runs, string workRoot)
    {
        Directory.CreateDirectory(workRoot);
        var feed = Path.Combine(workRoot, "feed");
        var version = "0.0.0-perf." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        Exec(repoRoot, $"pack src/LambdaAnalyzers.Package/LambdaAnalyzers.Package.csproj -c Release -o \"{feed}\" -p:Version={version}", out _);
        var standIn = Path.Combine(repoRoot, "tests", "Lambda.StandIn", "bin", "Release", "net8.0", "Lambda.StandIn.dll");
        Exec(repoRoot, "build tests/Lambda.StandIn/Lambda.StandIn.csproj -c Release", out _);

        // The floors, at build level: the benchmark's baseline analyzers compiled into their own assemblies
        // (netstandard2.0, Roslyn 4.8 — like the package) and passed to csc as analyzers.
        var floors = BuildFloorAnalyzers(repoRoot, workRoot);
        var configs = new[]
        {
            new Config("none", string.Empty, true),
            new Config("empty-bodies floor", $"<Analyzer Include=\"{floors.Empty}\" />", true),
            new Config("walk-every-node", $"<Analyzer Include=\"{floors.Walk}\" />", true),
            new Config("LambdaAnalyzers", $"<PackageReference Include=\"LambdaAnalyzers\" Version=\"{version}\" PrivateAssets=\"all\" />", true),
            new Config("Meziantou.Analyzer", "<PackageReference Include=\"Meziantou.Analyzer\" Version=\"3.0.321\" PrivateAssets=\"all\" />", true),
            new Config("Roslynator.Analyzers", "<PackageReference Include=\"Roslynator.Analyzers\" Version=\"4.14.1\" PrivateAssets=\"all\" />", true),
            new Config("none (non-Lambda)", string.Empty, false),
            new Config("LambdaAnalyzers (non-Lambda)", $"<PackageReference Include=\"LambdaAnalyzers\" Version=\"{version}\" PrivateAssets=\"all\" />", false),
            new Config("empty-bodies floor (non-Lambda)", $"<Analyzer Include=\"{floors.Empty}\" />", false),
        };

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET SDK build of {DateTime.UtcNow:yyyy-MM-dd}; medians of {runs} runs (min–max)");
        foreach (var size in sizes)
        {
            var results = new Dictionary<string, (List<double> Csc, List<double> Analyzer)>();
            foreach (var config in configs)
            {
                var dir = WriteProject(workRoot, size, config, feed, standIn, repoRoot);
                Exec(dir, "restore", out _);
                var csc = new List<double>();
                var analyzer = new List<double>();
                for (var run = 0; run < runs; run++)
                {
                    Exec(dir, "build --no-restore --no-incremental -c Release -p:ReportAnalyzer=true -v:d -clp:PerformanceSummary -nodeReuse:false", out var output);
                    csc.Add(ParseCsc(output));
                    analyzer.Add(ParseAnalyzer(output, config.Name));
                }

                results[config.Name] = (csc, analyzer);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{size} files, {config.Name}: Csc {Median(csc):F2}s, analyzers {Median(analyzer):F3}s"));
            }

            var ours = results["LambdaAnalyzers"];
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"### {size} files");
            report.AppendLine("| configuration | Csc (s) | package analyzer time (s) | % of Csc |");
            report.AppendLine("|---|---:|---:|---:|");
            foreach (var (name, (csc, analyzer)) in results)
            {
                report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Median(csc):F2} ({csc.Min():F2}–{csc.Max():F2}) | {Median(analyzer):F3} ({analyzer.Min():F3}–{analyzer.Max():F3}) | {100 * Median(analyzer) / Median(csc):F2} % |"));
            }

            foreach (var peer in new[] { "Meziantou.Analyzer", "Roslynator.Analyzers" })
            {
                report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- LambdaAnalyzers / {peer}: {Median(ours.Analyzer) / Math.Max(1e-6, Median(results[peer].Analyzer)):F3}x"));
            }

            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- LambdaAnalyzers / walk-every-node: {Median(ours.Analyzer) / Math.Max(1e-6, Median(results["walk-every-node"].Analyzer)):F3}x"));
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- non-Lambda: LambdaAnalyzers / empty-bodies floor: {Median(results["LambdaAnalyzers (non-Lambda)"].Analyzer) / Math.Max(1e-6, Median(results["empty-bodies floor (non-Lambda)"].Analyzer)):F3}x"));
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- Csc with LambdaAnalyzers vs none: {100 * (Median(ours.Csc) / Median(results["none"].Csc) - 1):+0.0;-0.0} %"));
            report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"- ms per file: {1000 * Median(ours.Analyzer) / size:F3}"));
        }

        Console.WriteLine();
        Console.WriteLine(report.ToString());
        File.WriteAllText(Path.Combine(workRoot, "build-comparison.md"), report.ToString());
        return 0;
    }

    private static string WriteProject(string workRoot, int size, Config config, string feed, string standIn, string repoRoot)
    {
        var dir = Path.Combine(workRoot, $"n{size}-{config.Name.Replace(' ', '-').Replace("(", string.Empty).Replace(")", string.Empty)}");
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, recursive: true);
        }

        Directory.CreateDirectory(dir);
        var solution = GeneratedSolution.Generate(size, config.Lambda, root: "src");
        foreach (var (path, text) in solution.Sources)
        {
            var full = Path.Combine(dir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }

        foreach (var (_, text) in solution.DeploymentFiles)
        {
            File.WriteAllText(Path.Combine(dir, "template.yaml"), text);
        }

        var lambdaReferences = config.Lambda
            ? $"<Reference Include=\"Lambda.StandIn\" HintPath=\"{standIn}\" /><PackageReference Include=\"AWSSDK.Core\" Version=\"4.0.102.13\" />"
            : string.Empty;
        File.WriteAllText(Path.Combine(dir, "Shop.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
                <AssemblyName>Shop</AssemblyName>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                {(config.Lambda ? "<AWSProjectType>Lambda</AWSProjectType>" : string.Empty)}
                <NoWarn>$(NoWarn);CS1591;NU1603</NoWarn>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                {lambdaReferences}
                {config.PackageReferences}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        Directory.CreateDirectory(Path.Combine(dir, ".git"));
        return dir;
    }

    /// <summary>Two one-analyzer assemblies from BaselineAnalyzers.cs: the empty-bodies floor and the walk-every-node analyzer.</summary>
    private static (string Empty, string Walk) BuildFloorAnalyzers(string repoRoot, string workRoot)
    {
        var source = Path.Combine(repoRoot, "tests", "LambdaAnalyzers.Benchmarks", "BaselineAnalyzers.cs");
        string Build(string name, string symbol)
        {
            var dir = Path.Combine(workRoot, name);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>netstandard2.0</TargetFramework>
                    <LangVersion>latest</LangVersion>
                    <Nullable>enable</Nullable>
                    <AssemblyName>{name}</AssemblyName>
                    <DefineConstants>$(DefineConstants);{symbol}</DefineConstants>
                    <NoWarn>$(NoWarn);RS1036;RS1041;RS2008;NU1603</NoWarn>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.8.0" PrivateAssets="all" />
                    <Compile Include="{source}" />
                  </ItemGroup>
                </Project>
                """);
            Exec(dir, "build -c Release -o out", out _);
            return Path.Combine(dir, "out", name + ".dll");
        }

        return (Build("FloorEmptyBodies", "FLOOR_EMPTY_BODIES"), Build("FloorWalkEveryNode", "FLOOR_WALK_EVERY_NODE"));
    }

    private static double ParseCsc(string output)
    {
        var match = CscLine.Matches(output).LastOrDefault();
        return match is null ? double.NaN : double.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture) / 1000.0;
    }

    /// <summary>The named package's own analyzer assemblies; for "none", the total (the SDK's own analyzers).</summary>
    private static double ParseAnalyzer(string output, string config)
    {
        var prefix = config switch
        {
            _ when config.StartsWith("LambdaAnalyzers", StringComparison.Ordinal) => "LambdaAnalyzers",
            "Meziantou.Analyzer" => "Meziantou.Analyzer",
            "Roslynator.Analyzers" => "Roslynator",
            _ when config.StartsWith("empty-bodies floor", StringComparison.Ordinal) => "FloorEmptyBodies",
            "walk-every-node" => "FloorWalkEveryNode",
            _ => null,
        };
        if (prefix is null)
        {
            return 0;
        }

        return AssemblyLine.Matches(output)
            .Where(m => m.Groups["name"].Value.StartsWith(prefix, StringComparison.Ordinal))
            .Select(m => double.Parse(m.Groups["s"].Value.Replace(',', '.'), CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Sum();
    }

    private static void Exec(string directory, string arguments, out string output)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        output = stdout.Result + stderr.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {arguments} failed in {directory}:\n{output[^Math.Min(output.Length, 4000)..]}");
        }
    }

    private static double Median(List<double> values) => Program.Median(values);
}
