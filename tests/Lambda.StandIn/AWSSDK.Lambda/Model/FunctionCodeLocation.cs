namespace Amazon.Lambda.Model;

public partial class FunctionCodeLocation
{
    public string ImageUri { get; set; }

    public string Location { get; set; }

    public string RepositoryType { get; set; }

    public string ResolvedImageUri { get; set; }
}
