using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Verify = LambdaAnalyzers.Tests.Verifiers.AnalyzerVerifier<LambdaAnalyzers.Rules.ApiWithoutThrottlingAnalyzer>;

namespace LambdaAnalyzers.Tests.Rules;

/// <summary>LAMBDA005: API Gateway APIs and stages without default throttling.</summary>
public sealed class ApiWithoutThrottlingTests
{
    private const string ProjectDir = "build_property.ProjectDir = /repo/src/Shop/";

    private const string OwnFunctionYaml = """
          Orders:
            Type: AWS::Serverless::Function
            Properties:
              Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
        """;

    private static Task VerifyAsync(string path, string template, string globalOptions = ProjectDir, bool isTestProject = false, params DiagnosticResult[] expected)
    {
        var test = new Verify.Test { TestCode = MissingReservedConcurrencyTests.Function, GlobalOptions = globalOptions, IsTestProject = isTestProject };
        test.TestState.AdditionalFiles.Add((path, template));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    // ---- SAM / CloudFormation ----

    [Fact]
    public Task ImplicitSamApi_Reports()
        => VerifyAsync("/repo/template.yaml", """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Events:
                    {|#0:Proxy|}:
                      Type: Api
                      Properties:
                        Path: /{proxy+}
                        Method: ANY
            """,
            expected: Verify.Diagnostic("LAMBDA005").WithLocation(0).WithArguments("ServerlessRestApi", " (the implicit API SAM creates for Api events)"));

    [Fact]
    public Task ImplicitSamApi_GlobalsMethodSettings_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", """
            Globals:
              Api:
                MethodSettings:
                  - ResourcePath: /*
                    HttpMethod: '*'
                    ThrottlingRateLimit: 50
                    ThrottlingBurstLimit: 100
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
    public Task ImplicitSamHttpApi_Reports()
        => VerifyAsync("/repo/template.yaml", """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Events:
                    {|LAMBDA005:Get|}:
                      Type: HttpApi
            """);

    [Fact]
    public Task ImplicitSamHttpApi_GlobalsDefaultRouteSettings_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", """
            Globals:
              HttpApi:
                DefaultRouteSettings:
                  ThrottlingBurstLimit: 100
                  ThrottlingRateLimit: 50
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Events:
                    Get:
                      Type: HttpApi
            """);

    [Fact]
    public Task EventsOnExplicitThrottledApi_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", """
            Resources:
              ShopApi:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  MethodSettings:
                    - ResourcePath: /*
                      HttpMethod: '*'
                      ThrottlingRateLimit: 50
                      ThrottlingBurstLimit: 100
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Events:
                    List:
                      Type: Api
                      Properties: { RestApiId: !Ref ShopApi, Path: /orders, Method: GET }
            """);

    [Fact]
    public Task EventWithoutRestApiId_BesideThrottledExplicitApi_ReportsTheImplicitApi()
        => VerifyAsync("/repo/template.yaml", """
            Resources:
              ShopApi:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  MethodSettings:
                    - ResourcePath: /*
                      HttpMethod: '*'
                      ThrottlingRateLimit: 50
                      ThrottlingBurstLimit: 100
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Events:
                    List:
                      Type: Api
                      Properties: { RestApiId: !Ref ShopApi, Path: /orders, Method: GET }
                    {|#0:Legacy|}:
                      Type: Api
                      Properties: { Path: /legacy, Method: GET }
            """,
            expected: Verify.Diagnostic("LAMBDA005").WithLocation(0).WithArguments("ServerlessRestApi", " (the implicit API SAM creates for Api events)"));

    [Fact]
    public Task ExplicitSamApi_WithoutMethodSettings_Reports()
        => VerifyAsync("/repo/template.yaml", $$"""
            Resources:
              {|LAMBDA005:ShopApi|}:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
            {{OwnFunctionYaml}}
            """);

    [Fact]
    public Task ExplicitSamApi_MethodSettingsWithoutThrottling_Reports()
        => VerifyAsync("/repo/template.yaml", $$"""
            Resources:
              {|LAMBDA005:ShopApi|}:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  MethodSettings:
                    - ResourcePath: /*
                      HttpMethod: '*'
                      LoggingLevel: INFO
            {{OwnFunctionYaml}}
            """);

    [Fact]
    public Task ExplicitSamApi_MethodSettingsFromCondition_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", $$"""
            Resources:
              ShopApi:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  MethodSettings: !If [IsProd, [{ResourcePath: /*, HttpMethod: '*', ThrottlingRateLimit: 5}], !Ref AWS::NoValue]
            {{OwnFunctionYaml}}
            """);

    [Fact]
    public Task ApiGatewayStage_Reports_RestApiDoesNot()
        => VerifyAsync("/repo/template.json", """
            {
              "Resources": {
                "Orders": { "Type": "AWS::Lambda::Function", "Properties": { "Handler": "TestProject::Shop.Orders.OrdersFunction::HandleAsync", "ReservedConcurrentExecutions": 5 } },
                "Api": { "Type": "AWS::ApiGateway::RestApi", "Properties": { "Name": "shop" } },
                "{|LAMBDA005:Prod|}": { "Type": "AWS::ApiGateway::Stage", "Properties": { "RestApiId": { "Ref": "Api" }, "StageName": "prod" } }
              }
            }
            """);

    [Fact]
    public Task ApiGatewayV2Stage_WithDefaultRouteThrottling_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", $$"""
            Resources:
              Stage:
                Type: AWS::ApiGatewayV2::Stage
                Properties:
                  ApiId: !Ref HttpApi
                  StageName: $default
                  DefaultRouteSettings:
                    ThrottlingBurstLimit: 20
                    ThrottlingRateLimit: 10
            {{OwnFunctionYaml}}
            """);

    [Fact]
    public Task ExplicitHttpApi_DefaultRouteSettingsWithoutThrottling_Reports()
        => VerifyAsync("/repo/template.yaml", $$"""
            Resources:
              {|LAMBDA005:ShopHttpApi|}:
                Type: AWS::Serverless::HttpApi
                Properties:
                  DefaultRouteSettings:
                    DetailedMetricsEnabled: true
            {{OwnFunctionYaml}}
            """);

    [Fact]
    public Task TemplateOfOtherProject_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", """
            Resources:
              ShopApi:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
              Billing:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Billing::Billing.Invoices::HandleAsync
            """);

    [Fact]
    public Task TemplateWithoutFunctionsOutsideProject_DoesNotReport()
        => VerifyAsync("/repo/infra/api.yaml", """
            Resources:
              ShopApi:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
            """);

    [Fact]
    public Task TemplateWithoutFunctionsInProjectFolder_Reports()
        => VerifyAsync("/repo/src/Shop/api.yaml", """
            Resources:
              {|LAMBDA005:ShopApi|}:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
            """);

    [Fact]
    public Task TestProject_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", """
            Resources:
              Orders:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                  Events:
                    Proxy:
                      Type: Api
            """, isTestProject: true);

    // ---- Terraform ----

    private const string TerraformFunction = """
        resource "aws_lambda_function" "orders" {
          handler                        = "TestProject::Shop.Orders.OrdersFunction::HandleAsync"
          reserved_concurrent_executions = 10
        }
        """;

    [Fact]
    public Task TerraformRestStage_WithoutMethodSettings_Reports()
        => VerifyAsync("/repo/main.tf", $$"""
            {{TerraformFunction}}

            resource "aws_api_gateway_stage" "{|LAMBDA005:prod|}" {
              rest_api_id   = aws_api_gateway_rest_api.shop.id
              deployment_id = aws_api_gateway_deployment.shop.id
              stage_name    = "prod"
            }
            """);

    [Fact]
    public Task TerraformRestStage_WithThrottlingMethodSettings_DoesNotReport()
        => VerifyAsync("/repo/main.tf", $$"""
            {{TerraformFunction}}

            resource "aws_api_gateway_stage" "prod" {
              rest_api_id   = aws_api_gateway_rest_api.shop.id
              deployment_id = aws_api_gateway_deployment.shop.id
              stage_name    = "prod"
            }

            resource "aws_api_gateway_method_settings" "all" {
              rest_api_id = aws_api_gateway_rest_api.shop.id
              stage_name  = aws_api_gateway_stage.prod.stage_name
              method_path = "*/*"

              settings {
                throttling_rate_limit  = 50
                throttling_burst_limit = 100
              }
            }
            """);

    [Fact]
    public Task TerraformRestStage_MethodSettingsWithoutThrottling_Reports()
        => VerifyAsync("/repo/main.tf", $$"""
            {{TerraformFunction}}

            resource "aws_api_gateway_stage" "{|LAMBDA005:prod|}" {
              stage_name = "prod"
            }

            resource "aws_api_gateway_method_settings" "all" {
              stage_name  = aws_api_gateway_stage.prod.stage_name
              method_path = "*/*"

              settings {
                metrics_enabled = true
              }
            }
            """);

    [Fact]
    public Task TerraformHttpStage_WithoutDefaultRouteSettings_Reports()
        => VerifyAsync("/repo/main.tf", $$"""
            {{TerraformFunction}}

            resource "aws_apigatewayv2_stage" "{|LAMBDA005:default|}" {
              api_id      = aws_apigatewayv2_api.shop.id
              name        = "$default"
              auto_deploy = true
            }
            """);

    [Fact]
    public Task TerraformHttpStage_WithThrottling_DoesNotReport()
        => VerifyAsync("/repo/main.tf", $$"""
            {{TerraformFunction}}

            resource "aws_apigatewayv2_stage" "default" {
              api_id = aws_apigatewayv2_api.shop.id
              name   = "$default"

              default_route_settings {
                throttling_burst_limit = 100
                throttling_rate_limit  = 50
              }
            }
            """);

    // ---- Serverless Framework ----

    [Fact]
    public Task ServerlessHttpEvents_Reports()
        => VerifyAsync("/repo/serverless.yml", """
            service: shop
            provider:
              name: aws
            functions:
              orders:
                handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                events:
                  - {|LAMBDA005:http|}:
                      path: orders
                      method: get
            """);

    [Fact]
    public Task ServerlessHttpApiEvents_Reports()
        => VerifyAsync("/repo/serverless.yml", """
            service: shop
            functions:
              orders:
                handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                events:
                  - {|LAMBDA005:httpApi|}: 'GET /orders'
            """);

    [Fact]
    public Task ServerlessThrottlingPlugin_DoesNotReport()
        => VerifyAsync("/repo/serverless.yml", """
            service: shop
            plugins:
              - serverless-api-gateway-throttling
            custom:
              apiGatewayThrottling:
                maxRequestsPerSecond: 100
                maxConcurrentRequests: 50
            functions:
              orders:
                handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                events:
                  - http: GET orders
            """);

    [Fact]
    public Task ServerlessUsagePlanThrottle_DoesNotReport()
        => VerifyAsync("/repo/serverless.yml", """
            service: shop
            provider:
              name: aws
              apiGateway:
                usagePlan:
                  throttle:
                    burstLimit: 200
                    rateLimit: 100
            functions:
              orders:
                handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                events:
                  - http: GET orders
            """);

    [Fact]
    public Task ServerlessSharedRestApi_DoesNotReport()
        => VerifyAsync("/repo/serverless.yml", """
            service: shop
            provider:
              name: aws
              apiGateway:
                restApiId: abc123
                restApiRootResourceId: xyz
            functions:
              orders:
                handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                events:
                  - http: GET orders
            """);

    [Fact]
    public Task TerraformMethodSettingsInAnotherFile_DoesNotReport()
    {
        var test = new Verify.Test { TestCode = MissingReservedConcurrencyTests.Function, GlobalOptions = ProjectDir };
        test.TestState.AdditionalFiles.Add(("/repo/infra/main.tf", TerraformFunction + """


            resource "aws_api_gateway_stage" "prod" {
              stage_name = "prod"
            }
            """));
        test.TestState.AdditionalFiles.Add(("/repo/infra/throttling.tf", """
            resource "aws_api_gateway_method_settings" "all" {
              stage_name  = aws_api_gateway_stage.prod.stage_name
              method_path = "*/*"

              settings {
                throttling_rate_limit = 50
              }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task TerraformStageInSiblingFileOfOwnFunction_Reports()
    {
        var test = new Verify.Test { TestCode = MissingReservedConcurrencyTests.Function, GlobalOptions = ProjectDir };
        test.TestState.AdditionalFiles.Add(("/repo/infra/lambda.tf", TerraformFunction));
        test.TestState.AdditionalFiles.Add(("/repo/infra/api.tf", """
            resource "aws_apigatewayv2_stage" "{|LAMBDA005:default|}" {
              name = "$default"
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task TerraformStageInSiblingFileOfOtherProjectsFunction_DoesNotReport()
    {
        var test = new Verify.Test { TestCode = MissingReservedConcurrencyTests.Function, GlobalOptions = ProjectDir };
        test.TestState.AdditionalFiles.Add(("/repo/infra/lambda.tf", """
            resource "aws_lambda_function" "billing" {
              handler = "Billing::Billing.Invoices::HandleAsync"
            }
            """));
        test.TestState.AdditionalFiles.Add(("/repo/infra/api.tf", """
            resource "aws_apigatewayv2_stage" "default" {
              name = "$default"
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task ServerlessThrottlingInResourcesOverride_DoesNotReport()
        => VerifyAsync("/repo/serverless.yml", """
            service: shop
            functions:
              orders:
                handler: TestProject::Shop.Orders.OrdersFunction::HandleAsync
                events:
                  - httpApi: 'GET /orders'
            resources:
              extensions:
                HttpApiStage:
                  Properties:
                    DefaultRouteSettings:
                      ThrottlingBurstLimit: 100
                      ThrottlingRateLimit: 50
            """);

    [Fact]
    public Task WebSocketStage_WithoutThrottling_Reports()
        => VerifyAsync("/repo/template.yaml", $$"""
            Resources:
              {|LAMBDA005:WsStage|}:
                Type: AWS::ApiGatewayV2::Stage
                Properties:
                  ApiId: !Ref WebSocketApi
                  StageName: prod
                  DefaultRouteSettings:
                    DataTraceEnabled: false
            {{OwnFunctionYaml}}
            """);

    [Fact]
    public Task RouteSettingsThrottling_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", $$"""
            Resources:
              ShopHttpApi:
                Type: AWS::Serverless::HttpApi
                Properties:
                  RouteSettings:
                    "GET /orders":
                      ThrottlingBurstLimit: 10
            {{OwnFunctionYaml}}
            """);

    [Fact]
    public Task SamApiUsagePlanThrottle_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", $$"""
            Resources:
              ShopApi:
                Type: AWS::Serverless::Api
                Properties:
                  StageName: prod
                  Auth:
                    ApiKeyRequired: true
                    UsagePlan:
                      CreateUsagePlan: PER_API
                      Throttle:
                        BurstLimit: 100
                        RateLimit: 50
            {{OwnFunctionYaml}}
            """);

    [Fact]
    public Task StageWithUsagePlanThrottle_DoesNotReport()
        => VerifyAsync("/repo/template.yaml", $$"""
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
              Prod:
                Type: AWS::ApiGateway::Stage
                Properties:
                  RestApiId: !Ref Api
                  StageName: prod
              Plan:
                Type: AWS::ApiGateway::UsagePlan
                Properties:
                  ApiStages:
                    - ApiId: !Ref Api
                      Stage: prod
                  Throttle:
                    BurstLimit: 100
                    RateLimit: 50
            {{OwnFunctionYaml}}
            """);
}
