using Amazon.Runtime;

namespace Amazon.Lambda;

/// <summary>Constants used for properties of type InvocationType.</summary>
public class InvocationType : ConstantClass
{
    public static readonly InvocationType DryRun = new InvocationType("DryRun");

    public static readonly InvocationType Event = new InvocationType("Event");

    public static readonly InvocationType RequestResponse = new InvocationType("RequestResponse");

    public InvocationType(string value)
        : base(value)
    {
    }

    public static InvocationType FindValue(string value) => FindValue<InvocationType>(value);

    public static implicit operator InvocationType(string value) => FindValue(value);
}

/// <summary>Constants used for properties of type LogType.</summary>
public class LogType : ConstantClass
{
    public static readonly LogType None = new LogType("None");

    public static readonly LogType Tail = new LogType("Tail");

    public LogType(string value)
        : base(value)
    {
    }

    public static LogType FindValue(string value) => FindValue<LogType>(value);

    public static implicit operator LogType(string value) => FindValue(value);
}

/// <summary>Constants used for properties of type ResponseStreamingInvocationType.</summary>
public class ResponseStreamingInvocationType : ConstantClass
{
    public static readonly ResponseStreamingInvocationType DryRun = new ResponseStreamingInvocationType("DryRun");

    public static readonly ResponseStreamingInvocationType RequestResponse = new ResponseStreamingInvocationType("RequestResponse");

    public ResponseStreamingInvocationType(string value)
        : base(value)
    {
    }

    public static ResponseStreamingInvocationType FindValue(string value) => FindValue<ResponseStreamingInvocationType>(value);

    public static implicit operator ResponseStreamingInvocationType(string value) => FindValue(value);
}

/// <summary>Constants used for properties of type FunctionVersion.</summary>
public class FunctionVersion : ConstantClass
{
    public static readonly FunctionVersion ALL = new FunctionVersion("ALL");

    public FunctionVersion(string value)
        : base(value)
    {
    }

    public static FunctionVersion FindValue(string value) => FindValue<FunctionVersion>(value);

    public static implicit operator FunctionVersion(string value) => FindValue(value);
}

/// <summary>Constants used for properties of type PackageType.</summary>
public class PackageType : ConstantClass
{
    public static readonly PackageType Image = new PackageType("Image");

    public static readonly PackageType Zip = new PackageType("Zip");

    public PackageType(string value)
        : base(value)
    {
    }

    public static PackageType FindValue(string value) => FindValue<PackageType>(value);

    public static implicit operator PackageType(string value) => FindValue(value);
}

/// <summary>Constants used for properties of type Runtime.</summary>
/// <remarks>Subset: the real class lists every runtime identifier Lambda ever had.</remarks>
public class Runtime : ConstantClass
{
    public static readonly Runtime Dotnet6 = new Runtime("dotnet6");

    public static readonly Runtime Dotnet8 = new Runtime("dotnet8");

    public static readonly Runtime Dotnetcore31 = new Runtime("dotnetcore3.1");

    public static readonly Runtime Java21 = new Runtime("java21");

    public static readonly Runtime Nodejs20X = new Runtime("nodejs20.x");

    public static readonly Runtime Provided = new Runtime("provided");

    public static readonly Runtime ProvidedAl2 = new Runtime("provided.al2");

    public static readonly Runtime ProvidedAl2023 = new Runtime("provided.al2023");

    public static readonly Runtime Python312 = new Runtime("python3.12");

    public Runtime(string value)
        : base(value)
    {
    }

    public static Runtime FindValue(string value) => FindValue<Runtime>(value);

    public static implicit operator Runtime(string value) => FindValue(value);
}
