using System.Linq;
using LambdaAnalyzers.Templates;
using static LambdaAnalyzers.Tests.Templates.TemplateTestHelpers;

namespace LambdaAnalyzers.Tests.Templates;

public class HclReaderTests
{
    [Fact]
    public void AttributesAndBlocksWithLabels()
    {
        var text = """
            resource "aws_lambda_function" "orders" {
              function_name = "orders"
              handler       = "Orders::Orders.Function::Handle"
              memory_size   = 512
              publish       = true
              layers        = null
            }
            """;
        var root = Hcl(text);
        var entry = root.Entries.Single();
        Assert.Equal("resource", entry.Key);
        Assert.Equal("resource", text.At(entry.KeySpan));
        var block = entry.Value;
        Assert.Equal(new[] { "aws_lambda_function", "orders" }, block.Labels);
        Assert.Equal("orders", text.At(block.LabelSpans[1]));
        block.Get("handler")!.AssertScalar(text, "Orders::Orders.Function::Handle", "Orders::Orders.Function::Handle");
        Assert.True(block.Get("handler")!.IsQuoted);
        Assert.True(block.Get("handler")!.IsLiteral);
        Assert.Equal("handler       = \"Orders::Orders.Function::Handle\"", text.At(block.GetEntry("handler")!.Span));
        block.Get("memory_size")!.AssertScalar(text, "512", "512");
        Assert.Null(block.Get("memory_size")!.Tag);
        Assert.Equal("true", block.Get("publish")!.Value);
        Assert.Equal("null", block.Get("layers")!.Value);
        Assert.Equal(text.Length, entry.Span.End);
    }

    [Fact]
    public void BlockForms_IdentifierLabelsNoLabelsAndOneLine()
    {
        var text = """
            terraform {
              required_providers {
                aws = { source = "hashicorp/aws", version = "~> 5.0" }
              }
            }
            locals { name = "x" }
            provider aws { region = "eu-west-1" }
            """;
        var root = Hcl(text);
        Assert.Equal(new[] { "terraform", "locals", "provider" }, root.Entries.Select(e => e.Key));
        Assert.Equal("hashicorp/aws", root.Path("terraform/required_providers/aws/source").Value);
        Assert.Equal("~> 5.0", root.Path("terraform/required_providers/aws/version").Value);
        Assert.Equal("x", root.Path("locals/name").Value);
        Assert.Equal(new[] { "aws" }, root.Get("provider")!.Labels);
        Assert.Equal("eu-west-1", root.Path("provider/region").Value);
    }

    [Fact]
    public void NonLiteralExpressions_AreRawText()
    {
        var text = """
            a = var.name
            b = aws_iam_role.lambda.arn
            c = length(var.list) > 0 ? var.list[0] : "none"
            d = [for s in var.list : upper(s)]
            e = { for k, v in var.map : k => v }
            f = -1
            g = !var.enabled
            h = jsonencode({ a = 1 })
            """;
        var root = Hcl(text);
        foreach (var (key, raw) in new[]
        {
            ("a", "var.name"),
            ("b", "aws_iam_role.lambda.arn"),
            ("c", "length(var.list) > 0 ? var.list[0] : \"none\""),
            ("d", "[for s in var.list : upper(s)]"),
            ("e", "{ for k, v in var.map : k => v }"),
            ("g", "!var.enabled"),
            ("h", "jsonencode({ a = 1 })"),
        })
        {
            var node = root.Get(key)!;
            Assert.Equal(TemplateNode.HclExpressionTag, node.Tag);
            node.AssertScalar(text, raw, raw);
            Assert.False(node.IsLiteral);
        }

        Assert.Equal("-1", root.Get("f")!.Value);
    }

    [Fact]
    public void TemplatesWithInterpolationAndDirectives()
    {
        var text = """
            a = "${var.prefix}-orders"
            b = "%{ if var.x }yes%{ endif }"
            c = "plain \"quoted\" \\ $${not} %%{nor}"
            d = "${join(",", ["a", "b"])}"
            """;
        var root = Hcl(text);
        var a = root.Get("a")!;
        Assert.Equal(TemplateNode.HclTemplateTag, a.Tag);
        a.AssertScalar(text, "${var.prefix}-orders", "${var.prefix}-orders");
        Assert.True(a.IsQuoted);
        Assert.False(a.IsLiteral);
        Assert.Equal(TemplateNode.HclTemplateTag, root.Get("b")!.Tag);
        var c = root.Get("c")!;
        Assert.Null(c.Tag);
        Assert.Equal("plain \"quoted\" \\ ${not} %{nor}", c.Value);
        Assert.Equal("${join(\",\", [\"a\", \"b\"])}", root.Get("d")!.Value);
    }

    [Fact]
    public void Heredocs_PlainAndIndented()
    {
        var text = "policy = <<EOF\n{\n  \"a\": 1\n}\nEOF\nscript = <<-EOT\n    echo ${var.x}\n      two\n    EOT\nafter = 1\n";
        var root = Hcl(text);
        var policy = root.Get("policy")!;
        Assert.Equal("{\n  \"a\": 1\n}\n", policy.Value);
        Assert.Equal("{\n  \"a\": 1\n}", text.At(policy.ValueSpan));
        Assert.Equal("<<EOF\n{\n  \"a\": 1\n}\nEOF", text.At(policy.Span));
        Assert.Null(policy.Tag);
        var script = root.Get("script")!;
        Assert.Equal("echo ${var.x}\n  two\n", script.Value);
        Assert.Equal(TemplateNode.HclTemplateTag, script.Tag);
        Assert.Equal("1", root.Get("after")!.Value);
    }

    [Fact]
    public void ListsAndObjects()
    {
        var text = """
            subnets = ["a", "b",
              "c",   # comment
            ]
            tags = {
              Name = "orders"
              "team" = "shop"
              env: "prod",
              (var.k) = 1
            }
            """;
        var root = Hcl(text);
        var subnets = root.Get("subnets")!;
        Assert.Equal(TemplateNodeKind.Sequence, subnets.Kind);
        Assert.Equal(new[] { "a", "b", "c" }, subnets.Items.Select(i => i.Value));
        var tags = root.Get("tags")!;
        Assert.Equal(new[] { "Name", "team", "env", "(var.k)" }, tags.Entries.Select(e => e.Key));
        Assert.Equal("team", text.At(tags.GetEntry("team")!.KeySpan));
        Assert.Equal("prod", tags.Get("env")!.Value);
    }

    [Fact]
    public void Comments_AllThreeForms()
    {
        var text = """
            # hash
            // slashes
            /* block
               comment */
            a = 1 # trailing
            b = /* inline */ 2
            """;
        var root = Hcl(text);
        Assert.Equal("1", root.Get("a")!.Value);
        Assert.Equal("2", root.Get("b")!.Value);
    }

    [Fact]
    public void ModuleBlock_KeepsSource()
    {
        var text = """
            module "orders_lambda" {
              source  = "./modules/lambda"
              handler = "Orders::Orders.Function::Handle"
            }
            """;
        var module = Hcl(text).Get("module")!;
        Assert.Equal("orders_lambda", module.Labels[0]);
        Assert.Equal("./modules/lambda", module.Get("source")!.Value);
    }

    [Fact]
    public void Malformed_DoesNotThrowAndKeepsWhatItCan()
    {
        var text = "a = 1\n= junk\nresource \"x\" {\n  b = \"unclosed\n  c = 3\n";
        var root = Hcl(text);
        Assert.Equal("1", root.Get("a")!.Value);
        var block = root.Get("resource")!;
        Assert.Equal("unclosed", block.Get("b")!.Value);
        Assert.Equal("3", block.Get("c")!.Value);
    }
}
