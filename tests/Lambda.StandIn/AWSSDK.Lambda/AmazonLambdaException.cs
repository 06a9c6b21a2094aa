using System;
using System.Net;
using Amazon.Runtime;

namespace Amazon.Lambda;

public partial class AmazonLambdaException : AmazonServiceException
{
    public AmazonLambdaException()
    {
    }

    public AmazonLambdaException(string message)
        : base(message)
    {
    }

    public AmazonLambdaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AmazonLambdaException(Exception innerException)
        : base(innerException)
    {
    }

    public AmazonLambdaException(string message, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, errorType, errorCode, requestId, statusCode)
    {
    }

    public AmazonLambdaException(string message, Exception innerException, ErrorType errorType, string errorCode, string requestId, HttpStatusCode statusCode)
        : base(message, innerException, errorType, errorCode, requestId, statusCode)
    {
    }
}
