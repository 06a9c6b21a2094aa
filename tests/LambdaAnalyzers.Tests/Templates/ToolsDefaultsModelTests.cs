using LambdaAnalyzers.Templates;
using static LambdaAnalyzers.Tests.Templates.TemplateTestHelpers;

namespace LambdaAnalyzers.Tests.Templates;

public class ToolsDefaultsModelTests
{
    [Fact]
    public void FunctionProject_HandlerRuntimeAndProjectName()
    {
        var text = TemplateSamples.ToolsDefaults;
        var file = Read("/src/Orders/aws-lambda-tools-defaults.json", text);
        Assert.Equal(TemplateFormat.ToolsDefaults, file.Format);
        var fn = Assert.Single(file.Functions);
        Assert.Equal("Orders", fn.Name); // no function-name: the project folder
        Assert.Equal("function-handler", text.At(fn.NameSpan));
        Assert.Equal("tools-defaults", fn.ResourceType);
        Assert.Equal("Orders::Orders.Function::FunctionHandler", text.At(fn.Handler!.ValueSpan));
        Assert.Equal("dotnet8", fn.Runtime);
        Assert.Equal("Zip", fn.PackageType);
        Assert.Equal("512", fn.GetProperty("function-memory-size")!.Value);
        Assert.Empty(file.ReferencedTemplates);
    }

    [Fact]
    public void FunctionName_IsUsedWhenPresent()
    {
        var text = """{ "function-name": "orders-prod", "function-handler": "A::B.C::D", "package-type": "image" }""";
        var file = Read(@"C:\src\Orders\aws-lambda-tools-defaults.json", text);
        var fn = Assert.Single(file.Functions);
        Assert.Equal("orders-prod", fn.Name);
        Assert.Equal("function-name", text.At(fn.NameSpan));
        Assert.Equal("image", fn.PackageType);
    }

    [Fact]
    public void ServerlessProject_ReferencesTemplate()
    {
        var text = TemplateSamples.ToolsDefaultsServerless;
        var file = Read("src/Shop/aws-lambda-tools-defaults.json", text);
        Assert.Empty(file.Functions);
        var (path, span) = Assert.Single(file.ReferencedTemplates);
        Assert.Equal("serverless.template", path);
        Assert.Equal("serverless.template", text.At(span));
        Assert.Equal("net8.0", file.Root!.Get("framework")!.Value);
    }
}
