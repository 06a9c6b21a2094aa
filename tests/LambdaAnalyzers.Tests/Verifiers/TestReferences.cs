using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace LambdaAnalyzers.Tests.Verifiers;

/// <summary>
/// The references every test compilation gets: .NET 8 reference assemblies, the API-shaped stand-in of
/// the Lambda packages (Amazon.Lambda.*, AWSSDK.Lambda), and the real AWSSDK.Core and AWSSDK.SQS.
/// </summary>
internal static class TestReferences
{
    public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80;

    /// <summary>The stand-in assembly plus the real AWS SDK assemblies that exist in the registry.</summary>
    public static ImmutableArray<MetadataReference> Lambda { get; } = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(Amazon.Lambda.Core.ILambdaContext).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.Runtime.ConstantClass).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.SQS.IAmazonSQS).Assembly.Location));

    /// <summary>The real Amazon.CDK.Lib with what its types derive from (JSII runtime, Constructs), for CDK tests.</summary>
    public static ImmutableArray<MetadataReference> Cdk { get; } = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(Amazon.CDK.Stack).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Constructs.Construct).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.JSII.Runtime.Deputy.DeputyBase).Assembly.Location));

    /// <summary>A global analyzer config carrying MSBuild properties, as the package's props make them visible.</summary>
    public static string GlobalConfig(string? awsProjectType = "Lambda", bool isTestProject = false, string extra = "")
    {
        var text = "is_global = true\n";
        if (awsProjectType is not null)
        {
            text += $"build_property.AWSProjectType = {awsProjectType}\n";
        }

        if (isTestProject)
        {
            text += "build_property.IsTestProject = true\n";
        }

        return text + extra;
    }

    public static string RepoRoot
    {
        get
        {
            var directory = new DirectoryInfo(System.AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LambdaAnalyzers.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new DirectoryNotFoundException("LambdaAnalyzers.sln not found above the test output.");
        }
    }
}
