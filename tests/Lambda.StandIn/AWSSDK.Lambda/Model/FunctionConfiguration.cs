using System.Collections.Generic;

namespace Amazon.Lambda.Model;

/// <summary>A function's configuration (subset of the real members; value types nullable as in v4).</summary>
public partial class FunctionConfiguration
{
    public List<string> Architectures { get; set; }

    public string CodeSha256 { get; set; }

    public long? CodeSize { get; set; }

    public string Description { get; set; }

    public string FunctionArn { get; set; }

    public string FunctionName { get; set; }

    public string Handler { get; set; }

    public string LastModified { get; set; }

    public int? MemorySize { get; set; }

    public PackageType PackageType { get; set; }

    public string Role { get; set; }

    public Runtime Runtime { get; set; }

    public int? Timeout { get; set; }

    public string Version { get; set; }
}
