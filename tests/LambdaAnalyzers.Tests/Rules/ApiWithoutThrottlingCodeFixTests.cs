using System.Threading.Tasks;
using LambdaAnalyzers.CodeFixes.Rules;
using Verify = LambdaAnalyzers.Tests.Verifiers.DeploymentFileFixVerifier<LambdaAnalyzers.Rules.ApiWithoutThrottlingAnalyzer, LambdaAnalyzers.CodeFixes.Rules.ApiWithoutThrottlingCodeFixProvider>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>LAMBDA005 fixes: default throttling written where each format keeps it.</summary>
public sealed class ApiWithoutThrottlingCodeFixTests
{
    private static Task FixAsync(string path, string before, string after, bool fixAll = false, string options = "")
        => Verify.VerifyAsync(MissingReservedConcurrencyTests.Function, path, before, after, ApiWithoutThrottlingCodeFixProvider.EquivalenceKey, fixAll, options);

    [Fact]
    public Task ImplicitApi_NoGlobals_AddsGlobalsApiMethodSettings()
        => FixAsync("/repo/template.yaml", """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Events:
                    {|LAMBDA005:Proxy|}:
                      Type: Api
            """, """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Api:
                MethodSettings:
                  - ResourcePath: '/*'
                    HttpMethod: '*'
                    ThrottlingRateLimit: 100
                    ThrottlingBurstLimit: 200

            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Events:
                    Proxy:
                      Type: Api
            """);

    [Fact]
    public Task ImplicitApi_ExistingGlobals_AddsApiSection()
        => FixAsync("/repo/template.yaml", """
            Globals:
              Function:
                Runtime: dotnet8
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Events:
                    {|LAMBDA005:Proxy|}:
                      Type: Api
            """, """
            Globals:
              Api:
                MethodSettings:
                  - ResourcePath: '/*'
                    HttpMethod: '*'
                    ThrottlingRateLimit: 100
                    ThrottlingBurstLimit: 200
              Function:
                Runtime: dotnet8
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Events:
                    Proxy:
                      Type: Api
            """);

    [Fact]
    public Task ImplicitHttpApi_ExistingGlobalsHttpApi_AddsDefaultRouteSettings_FromOptions()
        => FixAsync("/repo/template.yaml", """
            Globals:
              HttpApi:
                CorsConfiguration: true
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Events:
                    {|LAMBDA005:Get|}:
                      Type: HttpApi
            """, """
            Globals:
              HttpApi:
                CorsConfiguration: true
                DefaultRouteSettings:
                  ThrottlingBurstLimit: 40
                  ThrottlingRateLimit: 20
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Events:
                    Get:
                      Type: HttpApi
            """, options: "dotnet_diagnostic.LAMBDA005.rate_limit = 20\ndotnet_diagnostic.LAMBDA005.burst_limit = 40\n");

    [Fact]
    public Task ExplicitSamApi_AddsMethodSettings()
        => FixAsync("/repo/template.yaml", """
            Resources:
              {|LAMBDA005:ShopApi|}:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """, """
            Resources:
              ShopApi:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  MethodSettings:
                    - ResourcePath: '/*'
                      HttpMethod: '*'
                      ThrottlingRateLimit: 100
                      ThrottlingBurstLimit: 200
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """);

    [Fact]
    public Task JsonStage_AddsMethodSettings()
        => FixAsync("/repo/template.json", """
            {
              "Resources": {
                "Orders": { "Type": "AWS::Lambda::Function", "Properties": { "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync" } },
                "{|LAMBDA005:Prod|}": {
                  "Type": "AWS::ApiGateway::Stage",
                  "Properties": {
                    "StageName": "prod"
                  }
                }
              }
            }
            """, """
            {
              "Resources": {
                "Orders": { "Type": "AWS::Lambda::Function", "Properties": { "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync" } },
                "Prod": {
                  "Type": "AWS::ApiGateway::Stage",
                  "Properties": {
                    "MethodSettings": [
                      {
                        "ResourcePath": "/*",
                        "HttpMethod": "*",
                        "ThrottlingRateLimit": 100,
                        "ThrottlingBurstLimit": 200
                      }
                    ],
                    "StageName": "prod"
                  }
                }
              }
            }
            """);

    [Fact]
    public Task YamlV2Stage_AddsDefaultRouteSettings()
        => FixAsync("/repo/template.yaml", """
            Resources:
              {|LAMBDA005:Stage|}:
                Type: AWS::ApiGatewayV2::Stage
                Properties:
                  ApiId: !Ref HttpApi
                  StageName: $default
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """, """
            Resources:
              Stage:
                Type: AWS::ApiGatewayV2::Stage
                Properties:
                  ApiId: !Ref HttpApi
                  StageName: $default
                  DefaultRouteSettings:
                    ThrottlingBurstLimit: 200
                    ThrottlingRateLimit: 100
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
            """);

    [Fact]
    public Task TerraformV2Stage_AddsDefaultRouteSettingsBlock()
        => FixAsync("/repo/main.tf", """
            resource "aws_lambda_function" "orders" {
              handler = "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
            }

            resource "aws_apigatewayv2_stage" "{|LAMBDA005:default|}" {
              api_id      = aws_apigatewayv2_api.shop.id
              name        = "$default"
              auto_deploy = true
            }
            """, """
            resource "aws_lambda_function" "orders" {
              handler = "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
            }

            resource "aws_apigatewayv2_stage" "default" {
              api_id      = aws_apigatewayv2_api.shop.id
              name        = "$default"
              auto_deploy = true

              default_route_settings {
                throttling_burst_limit = 200
                throttling_rate_limit  = 100
              }
            }
            """);

    [Fact]
    public Task TerraformRestStage_AddsMethodSettingsResource()
        => FixAsync("/repo/main.tf", """
            resource "aws_lambda_function" "orders" {
              handler = "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
            }

            resource "aws_api_gateway_stage" "{|LAMBDA005:prod|}" {
              rest_api_id   = aws_api_gateway_rest_api.shop.id
              deployment_id = aws_api_gateway_deployment.shop.id
              stage_name    = "prod"
            }
            """, """
            resource "aws_lambda_function" "orders" {
              handler = "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
            }

            resource "aws_api_gateway_stage" "prod" {
              rest_api_id   = aws_api_gateway_rest_api.shop.id
              deployment_id = aws_api_gateway_deployment.shop.id
              stage_name    = "prod"
            }

            resource "aws_api_gateway_method_settings" "prod_throttling" {
              rest_api_id = aws_api_gateway_stage.prod.rest_api_id
              stage_name  = aws_api_gateway_stage.prod.stage_name
              method_path = "*/*"

              settings {
                throttling_burst_limit = 200
                throttling_rate_limit  = 100
              }
            }
            """);

    [Fact]
    public Task FixAll_TwoStages()
        => FixAsync("/repo/main.tf", """
            resource "aws_lambda_function" "orders" {
              handler = "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
            }

            resource "aws_apigatewayv2_stage" "{|LAMBDA005:a|}" {
              name = "a"
            }

            resource "aws_apigatewayv2_stage" "{|LAMBDA005:b|}" {
              name = "b"
            }
            """, """
            resource "aws_lambda_function" "orders" {
              handler = "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
            }

            resource "aws_apigatewayv2_stage" "a" {
              name = "a"

              default_route_settings {
                throttling_burst_limit = 200
                throttling_rate_limit  = 100
              }
            }

            resource "aws_apigatewayv2_stage" "b" {
              name = "b"

              default_route_settings {
                throttling_burst_limit = 200
                throttling_rate_limit  = 100
              }
            }
            """, fixAll: true);

    [Fact]
    public Task ServerlessFramework_NotOffered()
        => FixAsync("/repo/serverless.yml", """
            service: shop
            functions:
              orders:
                handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                events:
                  - {|LAMBDA005:httpApi|}: 'GET /orders'
            """, """
            service: shop
            functions:
              orders:
                handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                events:
                  - {|LAMBDA005:httpApi|}: 'GET /orders'
            """);

    [Fact]
    public Task AnnotationsTemplate_ImplicitApi_AddsGlobalsInJson()
        => FixAsync("/repo/src/Shop/serverless.template", """
            {
              "AWSTemplateFormatVersion": "2010-09-09",
              "Transform": "AWS::Serverless-2016-10-31",
              "Resources": {
                "Orders": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync",
                    "Events": {
                      "{|LAMBDA005:RootGet|}": { "Type": "Api", "Properties": { "Path": "/", "Method": "GET" } }
                    }
                  }
                }
              }
            }
            """, """
            {
              "Globals": {
                "Api": {
                  "MethodSettings": [
                    {
                      "ResourcePath": "/*",
                      "HttpMethod": "*",
                      "ThrottlingRateLimit": 100,
                      "ThrottlingBurstLimit": 200
                    }
                  ]
                }
              },
              "AWSTemplateFormatVersion": "2010-09-09",
              "Transform": "AWS::Serverless-2016-10-31",
              "Resources": {
                "Orders": {
                  "Type": "AWS::Serverless::Function",
                  "Properties": {
                    "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync",
                    "Events": {
                      "RootGet": { "Type": "Api", "Properties": { "Path": "/", "Method": "GET" } }
                    }
                  }
                }
              }
            }
            """);
}
