using System;

namespace Amazon.Lambda.Annotations;

/// <summary>
/// Marks a method as a Lambda function for the Annotations source generator (Amazon.Lambda.Annotations 2.3.0).
/// There is no Name property: it was renamed to ResourceName in 2023.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public class LambdaFunctionAttribute : Attribute
{
    public string ResourceName { get; set; }

    public uint Timeout { get; set; }

    public uint MemorySize { get; set; }

    public string Role { get; set; }

    public string Policies { get; set; }

    public LambdaPackageType PackageType { get; set; }
}
