using System.Linq;
using LambdaAnalyzers.Templates;
using static LambdaAnalyzers.Tests.Templates.TemplateTestHelpers;

namespace LambdaAnalyzers.Tests.Templates;

public class CloudFormationModelTests
{
    [Fact]
    public void SamInitTemplate_FunctionEventsGlobalsAndImplicitApi()
    {
        var text = TemplateSamples.SamInitTemplate;
        var file = Read("sam-app/template.yaml", text);
        Assert.Equal(TemplateFormat.CloudFormationYaml, file.Format);

        var function = Assert.Single(file.Functions);
        Assert.Equal("HelloWorldFunction", function.Name);
        Assert.Equal("HelloWorldFunction", text.At(function.NameSpan));
        Assert.Equal("AWS::Serverless::Function", function.ResourceType);
        Assert.Equal("HelloWorld::HelloWorld.Function::FunctionHandler", function.Handler!.Value);
        Assert.Equal("HelloWorld::HelloWorld.Function::FunctionHandler", text.At(function.Handler.ValueSpan));
        Assert.Equal("dotnet8", function.Runtime); // from Globals
        Assert.Equal("Zip", function.PackageType);
        Assert.Equal("./src/HelloWorld/", function.CodeUri);
        Assert.Equal("256", function.GetProperty("MemorySize")!.Value); // own wins
        Assert.Equal("10", function.GetProperty("Timeout")!.Value);     // from Globals
        Assert.Same(file.GlobalsFunction!.Get("Timeout"), function.GetProperty("Timeout"));

        var ev = Assert.Single(function.Events);
        Assert.Equal("HelloWorld", ev.Name);
        Assert.Equal("Api", ev.Type);
        Assert.Equal("/hello", ev.Path);
        Assert.Equal("get", ev.Method);
        Assert.StartsWith("HelloWorld:\n", text.At(ev.Span));

        var api = Assert.Single(file.Apis);
        Assert.True(api.IsImplicit);
        Assert.Equal("ServerlessRestApi", api.Name);
        Assert.Equal("AWS::Serverless::Api", api.ResourceType);
        Assert.Equal("HelloWorld", text.At(api.NameSpan));
        Assert.Equal("true", api.Properties!.Get("TracingEnabled")!.Value);
        Assert.Empty(file.Queues);
    }

    [Fact]
    public void AnnotationsTemplate_JsonFunctionsMetadataQueueAndImplicitHttpApi()
    {
        var text = TemplateSamples.AnnotationsTemplate;
        var file = Read("src/Shop/serverless.template", text);
        Assert.Equal(TemplateFormat.CloudFormationJson, file.Format);
        Assert.Equal(new[] { "Stage" }, file.Parameters);
        Assert.Equal(2, file.Functions.Length);

        var getOrder = file.Functions[0];
        Assert.Equal("ShopFunctionsGetOrderGenerated", getOrder.Name);
        Assert.Equal("ShopFunctionsGetOrderGenerated", text.At(getOrder.NameSpan));
        Assert.Equal("Shop::Shop.Functions_GetOrder_Generated::GetOrder", getOrder.Handler!.Value);
        Assert.Equal("Shop::Shop.Functions_GetOrder_Generated::GetOrder", text.At(getOrder.Handler.ValueSpan));
        Assert.Equal("Amazon.Lambda.Annotations", getOrder.Resource!.Path("Metadata/Tool").Value);
        Assert.Equal("dotnet8", getOrder.Runtime);
        Assert.Equal("Zip", getOrder.PackageType);
        Assert.Equal(".", getOrder.CodeUri);
        var route = Assert.Single(getOrder.Events);
        Assert.Equal(("HttpApi", "/orders/{id}", "GET"), (route.Type, route.Path, route.Method));

        var sqs = Assert.Single(file.Functions[1].Events);
        Assert.Equal("SQS", sqs.Type);
        Assert.True(sqs.Node!.Path("Properties/Queue").IsIntrinsic);

        var queue = Assert.Single(file.Queues);
        Assert.Equal("OrdersQueue", queue.Name);
        Assert.Equal("360", queue.Properties!.Get("VisibilityTimeout")!.Value);

        var api = Assert.Single(file.Apis);
        Assert.Equal(("ServerlessHttpApi", "AWS::Serverless::HttpApi", true), (api.Name, api.ResourceType, api.IsImplicit));
    }

    [Fact]
    public void Handler_IntrinsicIsNullAndGlobalsFallback()
    {
        var text = """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Handler: Shared::Shared.Function::Handle
                Runtime: dotnet8
                FunctionUrlConfig:
                  AuthType: NONE
            Resources:
              FromGlobals:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: src/
              Computed:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: !Sub '${Assembly}::Ns.Type::Method'
                  Runtime: !Ref RuntimeParam
              Plain:
                Type: AWS::Lambda::Function
                Properties:
                  Code: ./publish
                  Role: !GetAtt Role.Arn
            """;
        var file = Read("template.yml", text);
        var fromGlobals = file.Functions[0];
        Assert.Equal("Shared::Shared.Function::Handle", fromGlobals.Handler!.Value);
        Assert.Equal("dotnet8", fromGlobals.Runtime);
        Assert.Contains(fromGlobals.Events, e => e.Type == "FunctionUrl");

        var computed = file.Functions[1];
        Assert.Null(computed.Handler);
        Assert.Null(computed.Runtime);
        Assert.Equal("!Sub", computed.GetProperty("Handler")!.Tag);

        var plain = file.Functions[2];
        Assert.Equal("AWS::Lambda::Function", plain.ResourceType);
        Assert.Null(plain.Handler);           // no Globals for non-SAM resources
        Assert.Null(plain.GetProperty("Runtime"));
        Assert.Equal("./publish", plain.CodeUri);
        Assert.Empty(plain.Events);
        Assert.False(plain.UsesGlobals);
    }

    [Fact]
    public void ExplicitApisStagesAndApiEventsWithRestApiId_NoImplicitApi()
    {
        var text = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              MyApi:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
              MyHttpApi:
                Type: AWS::Serverless::HttpApi
              Rest:
                Type: AWS::ApiGateway::RestApi
              Stage:
                Type: AWS::ApiGateway::Stage
              V2:
                Type: AWS::ApiGatewayV2::Api
              V2Stage:
                Type: AWS::ApiGatewayV2::Stage
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: A::B.C::D
                  Events:
                    Get:
                      Type: Api
                      Properties:
                        RestApiId: !Ref MyApi
                        Path: /x
                        Method: GET
                    Http:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref MyHttpApi
            """;
        var file = Read("template.yaml", text);
        Assert.Equal(new[] { "MyApi", "MyHttpApi", "Rest", "Stage", "V2", "V2Stage" }, file.Apis.Select(a => a.Name));
        Assert.All(file.Apis, a => Assert.False(a.IsImplicit));
        Assert.Equal("prod", file.Apis[0].Properties!.Get("StageName")!.Value);
    }

    [Fact]
    public void LinkedResources_UrlMappingPermissionAndTargetGroup()
    {
        var text = """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Resources": {
                "Fn": { "Type": "AWS::Lambda::Function", "Properties": { "Handler": "A::B.C::D", "FunctionName": "orders", "Code": { "ZipFile": "x" } } },
                "Queue": { "Type": "AWS::SQS::Queue" },
                "Url": { "Type": "AWS::Lambda::Url", "Properties": { "TargetFunctionArn": { "Fn::GetAtt": ["Fn", "Arn"] }, "AuthType": "NONE" } },
                "Mapping": { "Type": "AWS::Lambda::EventSourceMapping", "Properties": { "FunctionName": { "Ref": "Fn" }, "EventSourceArn": { "Fn::GetAtt": ["Queue", "Arn"] } } },
                "Stream": { "Type": "AWS::Lambda::EventSourceMapping", "Properties": { "FunctionName": "orders", "EventSourceArn": "arn:aws:kinesis:eu-west-1:1:stream/s" } },
                "Perm": { "Type": "AWS::Lambda::Permission", "Properties": { "FunctionName": { "Fn::GetAtt": "Fn.Arn" }, "Principal": "s3.amazonaws.com", "Action": "lambda:InvokeFunction" } },
                "Tg": { "Type": "AWS::ElasticLoadBalancingV2::TargetGroup", "Properties": { "TargetType": "lambda", "Targets": [ { "Id": { "Fn::GetAtt": ["Fn", "Arn"] } } ] } },
                "Other": { "Type": "AWS::Lambda::Permission", "Properties": { "FunctionName": { "Ref": "SomethingElse" }, "Principal": "sns.amazonaws.com" } }
              }
            }
            """;
        var file = Read("stack.json", text);
        var fn = Assert.Single(file.Functions);
        Assert.Null(fn.CodeUri); // inline ZipFile
        Assert.Equal(
            new[] { ("Url", "FunctionUrl"), ("Mapping", "SQS"), ("Stream", "Kinesis"), ("Perm", "S3"), ("Tg", "ALB") },
            fn.Events.Select(e => (e.Name, e.Type)));
        Assert.Equal("Queue", Assert.Single(file.Queues).Name);
    }

    [Fact]
    public void ImageFunctions_PackageType()
    {
        var text = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Explicit:
                Type: AWS::Serverless::Function
                Properties:
                  PackageType: Image
              FromMetadata:
                Type: AWS::Serverless::Function
                Metadata:
                  Dockerfile: Dockerfile
              FromCode:
                Type: AWS::Lambda::Function
                Properties:
                  Code:
                    ImageUri: 123.dkr.ecr.eu-west-1.amazonaws.com/x:latest
              Computed:
                Type: AWS::Serverless::Function
                Properties:
                  PackageType: !Ref Kind
            """;
        var file = Read("template.yaml", text);
        Assert.Equal(new[] { "Image", "Image", "Image", null }, file.Functions.Select(f => f.PackageType));
    }

    [Fact]
    public void ResourcesWithoutFunctions_AndMissingSections()
    {
        var file = Read("infra.yaml", "AWSTemplateFormatVersion: '2010-09-09'\n");
        Assert.Empty(file.Functions);
        Assert.Null(file.GlobalsFunction);

        var weird = Read("weird.yaml", "Resources:\n  A: just a string\n  B:\n    Type: [not, a, string]\n");
        Assert.Empty(weird.Functions);
    }
}
