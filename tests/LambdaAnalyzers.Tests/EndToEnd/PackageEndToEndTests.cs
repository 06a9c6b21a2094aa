using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using LambdaAnalyzers.Tests.Verifiers;

namespace LambdaAnalyzers.Tests.EndToEnd;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "EndToEnd";
}

/// <summary>
/// The package as a user gets it: `dotnet pack`, install from a local folder feed into a throwaway
/// Lambda project laid out like `sam init` (template.yaml at the repository root, the project under
/// src/ with serverless.template beside it), `dotnet build` with no configuration, LAMBDA009 in both files.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackageEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task PackedPackage_InstalledFromLocalFeed_ReportsInTemplateYamlAndServerlessTemplate()
    {
        var root = DotnetCli.CreateTempDirectory("lambda-e2e");
        try
        {
            var feed = Path.Combine(root, "feed");
            var version = "0.0.0-e2e." + DateTime.UtcNow.ToString("yyyyMMddHHmmss");
            var pack = await DotnetCli.RunAsync(
                TestReferences.RepoRoot,
                $"pack src/LambdaAnalyzers.Package/LambdaAnalyzers.Package.csproj -c Release -o \"{feed}\" -p:Version={version} -nodeReuse:false",
                Timeout);
            Assert.True(pack.ExitCode == 0, pack.ToString());

            var nupkg = Path.Combine(feed, $"LambdaAnalyzers.{version}.nupkg");
            AssertPackageShape(nupkg);

            var repo = Path.Combine(root, "repo");
            var project = Path.Combine(repo, "src", "E2E.Orders");
            Directory.CreateDirectory(Path.Combine(repo, ".git"));
            Directory.CreateDirectory(project);
            File.WriteAllText(Path.Combine(repo, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(repo, "template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  OrdersFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: src/E2E.Orders
                      Handler: E2E.Orders::E2E.Orders.Function::Handle
                      Runtime: dotnet8
                  HealthFunction:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: src/E2E.Orders
                      Handler: E2E.Orders::E2E.Orders.Function::HandleAsync
                      Runtime: dotnet8
                """);
            File.WriteAllText(Path.Combine(project, "serverless.template"), """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Transform": "AWS::Serverless-2016-10-31",
                  "Resources": {
                    "Orders": {
                      "Type": "AWS::Serverless::Function",
                      "Properties": { "Handler": "E2E.Orders::E2E.Orders.Missing::HandleAsync", "Runtime": "dotnet8" }
                    }
                  }
                }
                """);
            File.WriteAllText(Path.Combine(project, "E2E.Orders.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net{Environment.Version.Major}.0</TargetFramework>
                    <AWSProjectType>Lambda</AWSProjectType>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="LambdaAnalyzers" Version="{version}" PrivateAssets="all" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(project, "Function.cs"), """
                using System.IO;
                using System.Threading.Tasks;
                namespace E2E.Orders;
                public class Function
                {
                    public Task<Stream> HandleAsync(Stream input) => Task.FromResult(input);
                }
                """);

            var packages = Path.Combine(root, "packages");
            var build = await DotnetCli.RunAsync(project, "build -tl:off -nodeReuse:false -clp:NoSummary", Timeout, ("NUGET_PACKAGES", packages));
            Assert.True(build.ExitCode == 0, build.ToString());

            var lines = build.Output.Split('\n').Select(l => l.Trim()).Where(l => l.Contains("LAMBDA009", StringComparison.Ordinal)).Distinct().ToList();
            Assert.Contains(lines, l => Regex.IsMatch(l, @"[/\\]repo[/\\]template\.yaml\(8,\d+\): warning LAMBDA009: Handler 'E2E\.Orders::E2E\.Orders\.Function::Handle'"));
            Assert.Contains(lines, l => Regex.IsMatch(l, @"[/\\]E2E\.Orders[/\\]serverless\.template\(\d+,\d+\): warning LAMBDA009: Handler 'E2E\.Orders::E2E\.Orders\.Missing::HandleAsync'"));
            Assert.DoesNotContain(lines, l => l.Contains("::HandleAsync' of function 'HealthFunction'", StringComparison.Ordinal));
            Assert.Equal(2, lines.Count);
        }
        finally
        {
            TryDelete(root);
        }
    }

    private static void AssertPackageShape(string nupkg)
    {
        Assert.True(File.Exists(nupkg), nupkg);
        using var archive = ZipFile.OpenRead(nupkg);
        var entries = archive.Entries.Select(e => e.FullName.Replace('\\', '/')).ToList();
        Assert.Contains("analyzers/dotnet/cs/LambdaAnalyzers.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/LambdaAnalyzers.CodeFixes.dll", entries);
        Assert.Contains("buildTransitive/LambdaAnalyzers.props", entries);
        Assert.Contains("buildTransitive/LambdaAnalyzers.targets", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("LICENSE", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.Equal(2, entries.Count(e => e.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)));

        using var nuspec = new StreamReader(archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<developmentDependency>true</developmentDependency>", text);
        Assert.DoesNotContain("<dependencies>", text);
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
