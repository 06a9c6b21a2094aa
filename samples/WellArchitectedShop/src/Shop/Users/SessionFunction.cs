using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.Core;

namespace Shop.Users;

/// <summary>Sessions live in DynamoDB, keyed by user. The only static is the client, created once per environment.</summary>
public class SessionFunction
{
    private static readonly IAmazonDynamoDB DynamoDb = new AmazonDynamoDBClient();
    private static readonly string Table = Environment.GetEnvironmentVariable("SESSIONS_TABLE") ?? "sessions";

    public async Task<APIGatewayProxyResponse> HandleAsync(APIGatewayProxyRequest request, ILambdaContext context)
    {
        var userId = request.Headers["x-user-id"];
        var sessionId = context.AwsRequestId;
        await DynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = Table,
            Item = new Dictionary<string, AttributeValue>
            {
                ["userId"] = new AttributeValue { S = userId },
                ["sessionId"] = new AttributeValue { S = sessionId },
            },
        });

        return new APIGatewayProxyResponse { StatusCode = 200, Body = sessionId };
    }
}
