using System.Linq;
using LambdaAnalyzers.Templates;
using static LambdaAnalyzers.Tests.Templates.TemplateTestHelpers;

namespace LambdaAnalyzers.Tests.Templates;

public class TerraformModelTests
{
    [Fact]
    public void MainTf_FunctionEventsQueuesApisVariablesAndModules()
    {
        var text = TemplateSamples.TerraformMain;
        var file = Read("infra/main.tf", text);
        Assert.Equal(TemplateFormat.Terraform, file.Format);
        Assert.Equal(new[] { "environment" }, file.Parameters);

        var orders = file.Functions.Single(f => f.ResourceType == "aws_lambda_function");
        Assert.Equal("orders", orders.Name);
        Assert.Equal("orders", text.At(orders.NameSpan));
        Assert.EndsWith("resource \"aws_lambda_function\" \"orders\"", text.Substring(0, orders.NameSpan.End + 1));
        Assert.Equal("Orders::Orders.Function::FunctionHandler", text.At(orders.Handler!.ValueSpan));
        Assert.Equal("dotnet8", orders.Runtime);
        Assert.Equal("Zip", orders.PackageType);
        Assert.Equal("../src/Orders/bin/Release/net8.0/publish", orders.CodeUri); // through data.archive_file
        Assert.Equal("10", orders.GetProperty("reserved_concurrent_executions")!.Value);
        Assert.Equal(TemplateNode.HclTemplateTag, orders.GetProperty("function_name")!.Tag);
        Assert.Equal(
            new[] { ("orders_queue", "SQS", null, null), ("orders", "FunctionUrl", null, null), ("get_order", "HttpApi", "/orders/{id}", "GET") },
            orders.Events.Select(e => (e.Name, e.Type, e.Path, e.Method)));

        Assert.Equal("orders", Assert.Single(file.Queues).Name);
        Assert.Equal(new[] { ("http", "aws_apigatewayv2_api"), ("default", "aws_apigatewayv2_stage") }, file.Apis.Select(a => (a.Name, a.ResourceType)));

        Assert.Equal(new (string, string?)[] { ("notifications", "terraform-aws-modules/lambda/aws"), ("network", "./modules/network") }, file.Modules.Select(m => (m.Name, m.Source)));
        var moduleFunction = file.Functions.Single(f => f.ResourceType == "module");
        Assert.Equal("notifications", moduleFunction.Name);
        Assert.Equal("Notifications::Notifications.Function::Handler", moduleFunction.Handler!.Value);
        Assert.Equal("../src/Notifications", moduleFunction.CodeUri);

        var role = file.Root!.Entries.First(e => e.Value.Labels.Length == 2 && e.Value.Labels[1] == "lambda").Value;
        Assert.StartsWith("{\n  \"Version\"", role.Get("assume_role_policy")!.Value);
    }

    [Fact]
    public void RestApiIntegrationPermissionsAndAlb()
    {
        var text = """
            resource "aws_lambda_function" "api" {
              function_name = "api"
              handler       = "Api::Api.Function::Handle"
              runtime       = "dotnet8"
              package_type  = "Zip"
              filename      = "publish.zip"
            }

            resource "aws_api_gateway_rest_api" "rest" {
              name = "rest"
            }

            resource "aws_api_gateway_resource" "orders" {
              rest_api_id = aws_api_gateway_rest_api.rest.id
              parent_id   = aws_api_gateway_rest_api.rest.root_resource_id
              path_part   = "orders"
            }

            resource "aws_api_gateway_resource" "order" {
              rest_api_id = aws_api_gateway_rest_api.rest.id
              parent_id   = aws_api_gateway_resource.orders.id
              path_part   = "{id}"
            }

            resource "aws_api_gateway_method" "get" {
              rest_api_id   = aws_api_gateway_rest_api.rest.id
              resource_id   = aws_api_gateway_resource.order.id
              http_method   = "GET"
              authorization = "NONE"
            }

            resource "aws_api_gateway_integration" "get" {
              rest_api_id             = aws_api_gateway_rest_api.rest.id
              resource_id             = aws_api_gateway_resource.order.id
              http_method             = aws_api_gateway_method.get.http_method
              integration_http_method = "POST"
              type                    = "AWS_PROXY"
              uri                     = aws_lambda_function.api.invoke_arn
            }

            resource "aws_api_gateway_stage" "prod" {
              stage_name = "prod"
            }

            resource "aws_api_gateway_method_settings" "all" {
              method_path = "*/*"
            }

            resource "aws_lambda_permission" "apigw" {
              statement_id  = "AllowAPIGatewayInvoke"
              action        = "lambda:InvokeFunction"
              function_name = aws_lambda_function.api.function_name
              principal     = "apigateway.amazonaws.com"
            }

            resource "aws_lb_target_group_attachment" "alb" {
              target_group_arn = aws_lb_target_group.tg.arn
              target_id        = aws_lambda_function.api.arn
            }

            resource "aws_lambda_permission" "other" {
              function_name = aws_lambda_function.apix.function_name
              principal     = "sns.amazonaws.com"
            }
            """;
        var file = Read("api.tf", text);
        var fn = Assert.Single(file.Functions);
        Assert.Equal("publish.zip", fn.CodeUri);
        Assert.Equal(
            new[] { ("get", "Api", "/orders/{id}", "GET"), ("apigw", "Api", null, null), ("alb", "ALB", null, null) },
            fn.Events.Select(e => (e.Name, e.Type, e.Path, e.Method)));
        Assert.Equal(new[] { "rest", "prod", "all" }, file.Apis.Select(a => a.Name));
    }

    [Fact]
    public void ImageFunctionAndComputedHandler()
    {
        var text = """
            resource "aws_lambda_function" "img" {
              function_name = "img"
              package_type  = "Image"
              image_uri     = "${aws_ecr_repository.r.repository_url}:latest"
            }
            resource "aws_lambda_function" "computed" {
              handler  = "${var.assembly}::Ns.Type::Method"
              runtime  = var.runtime
              filename = local.zip
            }
            """;
        var file = Read("lambda.tf", text);
        Assert.Equal("Image", file.Functions[0].PackageType);
        Assert.Null(file.Functions[1].Handler);
        Assert.Null(file.Functions[1].Runtime);
        Assert.Null(file.Functions[1].CodeUri);
        Assert.Equal(TemplateNode.HclTemplateTag, file.Functions[1].GetProperty("handler")!.Tag);
    }

    [Fact]
    public void ModuleWithoutHandler_IsNotAFunction()
    {
        var file = Read("modules.tf", "module \"x\" {\n  source = \"./modules/lambda\"\n  name = \"x\"\n}\n");
        Assert.Empty(file.Functions);
        Assert.Equal("./modules/lambda", Assert.Single(file.Modules).Source);
    }
}
