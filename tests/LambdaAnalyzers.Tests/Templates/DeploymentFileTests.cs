using System.Collections.Immutable;
using System.Threading;
using LambdaAnalyzers.Templates;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Tests.Templates;

public class DeploymentFileTests
{
    [Theory]
    [InlineData("serverless.template", true)]
    [InlineData("template.YAML", true)]
    [InlineData("a/b/serverless.yml", true)]
    [InlineData("main.TF", true)]
    [InlineData("aws-lambda-tools-defaults.json", true)]
    [InlineData("Program.cs", false)]
    [InlineData("template.yaml.bak", false)]
    [InlineData("variables.tfvars", false)]
    [InlineData("", false)]
    public void IsCandidatePath(string path, bool expected) => Assert.Equal(expected, DeploymentFile.IsCandidatePath(path));

    [Theory]
    [InlineData("appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }""")]
    [InlineData("package.json", """{ "name": "x", "version": "1.0.0" }""")]
    [InlineData(".github/workflows/ci.yml", "name: CI\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n")]
    [InlineData("docker-compose.yaml", "services:\n  web:\n    image: nginx\n")]
    [InlineData("config.json", """{ "Resources": "not a mapping" }""")]
    [InlineData("Program.cs", "AWSTemplateFormatVersion: x")]
    [InlineData("broken.json", "{{{")]
    public void NotDeploymentFiles_AreNull(string path, string text) =>
        Assert.Null(DeploymentFile.Read(path, SourceText.From(text), default));

    [Theory]
    [InlineData("stack.json", """{ "AWSTemplateFormatVersion": "2010-09-09" }""", "CloudFormationJson")]
    [InlineData("stack.template", """{ "Resources": {} }""", "CloudFormationJson")]
    [InlineData("stack.template", "Resources: {}\n", "CloudFormationYaml")]
    [InlineData("stack.yml", "Transform: AWS::Serverless-2016-10-31\n", "CloudFormationYaml")]
    [InlineData("serverless.yml", "service: x\n", "ServerlessFramework")]
    [InlineData("empty.tf", "", "Terraform")]
    public void Classification(string path, string text, string format)
    {
        var file = DeploymentFile.Read(path, SourceText.From(text), default);
        Assert.NotNull(file);
        Assert.Equal(format, file!.Format.ToString());
        Assert.Equal(path, file.Path);
    }

    [Fact]
    public void GetOrRead_CachesPerSourceText()
    {
        var text = SourceText.From(TemplateSamples.SamInitTemplate);
        var first = DeploymentFile.GetOrRead(new TestAdditionalText("template.yaml", text), default);
        var second = DeploymentFile.GetOrRead(new TestAdditionalText("template.yaml", text), default);
        Assert.NotNull(first);
        Assert.Same(first, second);
        Assert.Same(text, first!.Text);

        var changed = DeploymentFile.GetOrRead(new TestAdditionalText("template.yaml", SourceText.From(TemplateSamples.SamInitTemplate)), default);
        Assert.NotSame(first, changed);

        Assert.Null(DeploymentFile.GetOrRead(new TestAdditionalText("readme.md", text), default));
        Assert.Null(DeploymentFile.GetOrRead(new TestAdditionalText("template.yaml", null), default));
    }

    [Fact]
    public void Cancellation_IsHonoured()
    {
        var big = SourceText.From(string.Concat(System.Linq.Enumerable.Repeat("Resources:\n  A:\n    Type: AWS::SQS::Queue\n", 40_000)));
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<System.OperationCanceledException>(() => DeploymentFile.Read("t.yaml", big, cts.Token));
    }

    private sealed class TestAdditionalText : AdditionalText
    {
        private readonly SourceText? _text;

        public TestAdditionalText(string path, SourceText? text)
        {
            Path = path;
            _text = text;
        }

        public override string Path { get; }

        public override SourceText? GetText(CancellationToken cancellationToken = default) => _text;
    }
}
