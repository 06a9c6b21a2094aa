using Amazon.Runtime;

namespace Amazon.Lambda.Model;

/// <summary>Paginators of the client (subset: ListFunctions only).</summary>
public interface ILambdaPaginatorFactory
{
    IListFunctionsPaginator ListFunctions(ListFunctionsRequest request);
}

public interface IListFunctionsPaginator
{
    IPaginatedEnumerable<ListFunctionsResponse> Responses { get; }

    IPaginatedEnumerable<FunctionConfiguration> Functions { get; }
}
