using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;

namespace Shop.Users;

/// <summary>
/// Keeps user sessions in a static dictionary. The next user's invocation in the same execution
/// environment sees them; a cold start or another concurrent environment does not.
/// </summary>
public class SessionFunction
{
    private static readonly Dictionary<string, UserSession> Sessions = new();
    private static string? _lastUser;

    public Task<APIGatewayProxyResponse> HandleAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        var userId = request.Headers["x-user-id"];
        _lastUser = userId;
        if (!Sessions.TryGetValue(userId, out var session))
        {
            session = new UserSession(userId, request.RequestContext.RequestId);
            Sessions[userId] = session;
        }

        return Task.FromResult(new APIGatewayProxyResponse { StatusCode = 200, Body = session.SessionId });
    }
}

public sealed record UserSession(string UserId, string SessionId);
