using System;
using System.IO;
using System.Net;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.Annotations.APIGateway;

public class HttpResultSerializationOptions
{
    public enum ProtocolFormat
    {
        RestApi,
        HttpApi,
    }

    public enum ProtocolVersion
    {
        V1,
        V2,
    }

    public ProtocolFormat Format { get; set; }

    public ProtocolVersion Version { get; set; }

    public ILambdaSerializer Serializer { get; set; }
}

public interface IHttpResult
{
    HttpStatusCode StatusCode { get; }

    Stream Serialize(HttpResultSerializationOptions options);

    IHttpResult AddHeader(string name, string value);
}

/// <summary>Factory of API Gateway results for Annotations functions. Serialize is not implemented in the stand-in.</summary>
public class HttpResults : IHttpResult
{
    private HttpResults(HttpStatusCode statusCode)
    {
        StatusCode = statusCode;
    }

    public HttpStatusCode StatusCode { get; }

    public IHttpResult AddHeader(string name, string value) => this;

    public Stream Serialize(HttpResultSerializationOptions options) => throw new NotImplementedException();

    public static IHttpResult Accepted(object body = null) => new HttpResults(HttpStatusCode.Accepted);

    public static IHttpResult BadGateway() => new HttpResults(HttpStatusCode.BadGateway);

    public static IHttpResult BadRequest(object body = null) => new HttpResults(HttpStatusCode.BadRequest);

    public static IHttpResult Conflict(object body = null) => new HttpResults(HttpStatusCode.Conflict);

    public static IHttpResult Created(string uri = null, object body = null) => new HttpResults(HttpStatusCode.Created);

    public static IHttpResult Forbid(object body = null) => new HttpResults(HttpStatusCode.Forbidden);

    public static IHttpResult InternalServerError(object body = null) => new HttpResults(HttpStatusCode.InternalServerError);

    public static IHttpResult NotFound(object body = null) => new HttpResults(HttpStatusCode.NotFound);

    public static IHttpResult Ok(object body = null) => new HttpResults(HttpStatusCode.OK);

    public static IHttpResult Redirect(string uri, bool permanent = false, bool preserveMethod = false) =>
        new HttpResults(permanent
            ? (preserveMethod ? HttpStatusCode.PermanentRedirect : HttpStatusCode.MovedPermanently)
            : (preserveMethod ? HttpStatusCode.TemporaryRedirect : HttpStatusCode.Redirect));

    public static IHttpResult ServiceUnavailable(int? delaySeconds = null) => new HttpResults(HttpStatusCode.ServiceUnavailable);

    public static IHttpResult Unauthorized() => new HttpResults(HttpStatusCode.Unauthorized);

    public static IHttpResult NewResult(HttpStatusCode statusCode, object body = null) => new HttpResults(statusCode);
}
