using System.Linq;
using LambdaAnalyzers.Templates;
using static LambdaAnalyzers.Tests.Templates.TemplateTestHelpers;

namespace LambdaAnalyzers.Tests.Templates;

public class ServerlessModelTests
{
    [Fact]
    public void ServerlessYml_FunctionsEventsRuntimeFallbackAndApis()
    {
        var text = TemplateSamples.ServerlessYml;
        var file = Read("serverless.yml", text);
        Assert.Equal(TemplateFormat.ServerlessFramework, file.Format);
        Assert.Equal(new[] { "getOrder", "processQueue", "publicUrl" }, file.Functions.Select(f => f.Name));

        var getOrder = file.Functions[0];
        Assert.Equal("serverless:function", getOrder.ResourceType);
        Assert.Equal("getOrder", text.At(getOrder.NameSpan));
        Assert.Equal("Orders::Orders.Functions::GetOrder", text.At(getOrder.Handler!.ValueSpan));
        Assert.Equal("dotnet8", getOrder.Runtime); // provider.runtime
        Assert.Equal("bin/release/net8.0/orders.zip", getOrder.CodeUri);
        Assert.Equal("Zip", getOrder.PackageType);
        Assert.Equal(
            new (string, string?, string?)[] { ("http", "orders/{id}", "get"), ("httpApi", "/v2/orders/{id}", "GET") },
            getOrder.Events.Select(e => (e.Type, e.Path, e.Method)));
        Assert.StartsWith("http:", text.At(getOrder.Events[0].Span));

        var processQueue = file.Functions[1];
        Assert.Equal("provided.al2023", processQueue.Runtime);
        Assert.Equal(new[] { "sqs", "schedule", "alb" }, processQueue.Events.Select(e => e.Type));
        Assert.True(processQueue.Events[0].Node!.Get("arn")!.IsIntrinsic);
        Assert.Equal("rate(5 minutes)", processQueue.Events[1].Node!.Value);
        Assert.Equal(("/alb", "GET"), (processQueue.Events[2].Path, processQueue.Events[2].Method));

        Assert.Equal("FunctionUrl", Assert.Single(file.Functions[2].Events).Type);

        Assert.Equal(new[] { ("ApiGatewayRestApi", "serverless:http"), ("HttpApi", "serverless:httpApi") }, file.Apis.Select(a => (a.Name, a.ResourceType)));
        Assert.All(file.Apis, a => Assert.True(a.IsImplicit));
        Assert.Equal("1024", file.Apis[0].Properties!.Get("minimumCompressionSize")!.Value);

        Assert.Equal("OrdersQueue", Assert.Single(file.Queues).Name);
    }

    [Fact]
    public void DetectedByContent_NotOnlyByName()
    {
        var text = """
            service: tiny
            provider:
              name: aws
            functions:
              hello:
                handler: Tiny::Tiny.Function::Hello
                events:
                  - httpApi: '*'
                  - http: GET users/create
            """;
        var file = Read("deploy/app.yaml", text);
        Assert.Equal(TemplateFormat.ServerlessFramework, file.Format);
        var hello = Assert.Single(file.Functions);
        Assert.Null(hello.Runtime);
        Assert.Equal(new (string, string?, string?)[] { ("httpApi", "*", "*"), ("http", "users/create", "GET") }, hello.Events.Select(e => (e.Type, e.Path, e.Method)));
        Assert.Equal(new[] { "ApiGatewayRestApi", "HttpApi" }, file.Apis.Select(a => a.Name));
        Assert.Equal("http", text.At(file.Apis[0].NameSpan));
    }

    [Fact]
    public void ImageFunctionAndNoEvents()
    {
        var file = Read("serverless.yaml", "service: s\nfunctions:\n  img:\n    image: my-image\n  nothing: ~\n");
        var img = Assert.Single(file.Functions);
        Assert.Equal("Image", img.PackageType);
        Assert.Null(img.Handler);
        Assert.Empty(img.Events);
        Assert.Empty(file.Apis);
    }
}
