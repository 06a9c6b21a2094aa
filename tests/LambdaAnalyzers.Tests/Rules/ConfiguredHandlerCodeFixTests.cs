using System.Threading.Tasks;
using LambdaAnalyzers.CodeFixes.Rules;
using Verify = LambdaAnalyzers.Tests.Verifiers.DeploymentFileFixVerifier<LambdaAnalyzers.Rules.ConfiguredHandlerAnalyzer, LambdaAnalyzers.CodeFixes.Rules.ConfiguredHandlerCodeFixProvider>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>LAMBDA009 fix: rewrite the handler string when exactly one plausible method exists.</summary>
public sealed class ConfiguredHandlerCodeFixTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        namespace Shop.Orders
        {
            public class OrdersFunction
            {
                public Task HandleAsync(ILambdaContext context) => Task.CompletedTask;
                public void Cleanup(ILambdaContext context) { }
            }
        }

        namespace Shop.Images
        {
            public class Thumbnails
            {
                public void Resize(ILambdaContext context) { }
            }
        }
        """;

    private static Task VerifyFixAsync(string before, string after, string source = Source, bool fixAll = false)
        => Verify.VerifyAsync(source, "/repo/template.yaml", before, after, ConfiguredHandlerCodeFixProvider.EquivalenceKey, fixAll);

    [Fact]
    public Task MissingAsyncSuffix_RewritesMethodName()
        => VerifyFixAsync("""
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {|LAMBDA009:TestProject::Shop.Orders.OrdersFunction::Handle|}
                  Runtime: dotnet8
            """, """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Runtime: dotnet8
            """);

    [Fact]
    public Task TypoInMethodName_RewritesMethodName()
        => VerifyFixAsync("""
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: "{|LAMBDA009:TestProject::Shop.Orders.OrdersFunction::Clenaup|}"
            """, """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: "TestProject::Shop.Orders.OrdersFunction::Cleanup"
            """);

    [Fact]
    public Task TypeMovedToAnotherNamespace_RewritesTypeName()
        => VerifyFixAsync("""
            Resources:
              Thumbs:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {|LAMBDA009:TestProject::Shop.Thumbnails::Resize|}
            """, """
            Resources:
              Thumbs:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Images.Thumbnails::Resize
            """);

    [Fact]
    public Task TwoPlausibleMethods_OffersNoFix()
    {
        const string source = """
            using Amazon.Lambda.Core;
            namespace Shop;
            public class Jobs
            {
                public void RunA(ILambdaContext context) { }
                public void RunB(ILambdaContext context) { }
            }
            """;
        const string template = """
            Resources:
              Jobs:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {|LAMBDA009:TestProject::Shop.Jobs::Run|}
            """;
        return VerifyFixAsync(template, template, source);
    }

    [Fact]
    public Task JsonTemplate_RewritesInsideTheString()
        => Verify.VerifyAsync(Source, "/repo/src/Shop/serverless.template", """
            {
              "Resources": {
                "Orders": { "Type": "AWS::Lambda::Function", "Properties": { "Handler": "{|LAMBDA009:TestProject::Shop.Orders.OrdersFunction::handleAsync|}" } }
              }
            }
            """, """
            {
              "Resources": {
                "Orders": { "Type": "AWS::Lambda::Function", "Properties": { "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync" } }
              }
            }
            """, ConfiguredHandlerCodeFixProvider.EquivalenceKey);

    [Fact]
    public Task FixAll_RewritesEveryHandlerInTheFile()
        => VerifyFixAsync("""
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {|LAMBDA009:TestProject::Shop.Orders.OrdersFunction::Handle|}
              Thumbs:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: {|LAMBDA009:TestProject::Shop.Thumbnails::Resize|}
            """, """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
              Thumbs:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Images.Thumbnails::Resize
            """, fixAll: true);
}
