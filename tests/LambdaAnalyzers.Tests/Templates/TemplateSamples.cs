namespace LambdaAnalyzers.Tests.Templates;

/// <summary>Real-shaped deployment files, shared by the model tests and the robustness tests.</summary>
internal static class TemplateSamples
{
    /// <summary>What <c>sam init</c> (dotnet8, Hello World) writes.</summary>
    public const string SamInitTemplate = """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Description: >
          Sample SAM Template for sam-app

        # More info about Globals: https://github.com/awslabs/serverless-application-model/blob/master/docs/globals.rst
        Globals:
          Function:
            Timeout: 10
            MemorySize: 512
            Runtime: dotnet8
          Api:
            TracingEnabled: true

        Resources:
          HelloWorldFunction:
            Type: AWS::Serverless::Function # More info about Function Resource: https://github.com/awslabs/serverless-application-model/blob/master/versions/2016-10-31.md#awsserverlessfunction
            Properties:
              CodeUri: ./src/HelloWorld/
              Handler: HelloWorld::HelloWorld.Function::FunctionHandler
              Architectures:
                - x86_64
              MemorySize: 256
              Environment: # More info about Env Vars: https://github.com/awslabs/serverless-application-model/blob/master/versions/2016-10-31.md#environment-object
                Variables:
                  PARAM1: VALUE
              Events:
                HelloWorld:
                  Type: Api # More info about API Event Source: https://github.com/awslabs/serverless-application-model/blob/master/versions/2016-10-31.md#api
                  Properties:
                    Path: /hello
                    Method: get

        Outputs:
          # ServerlessRestApi is an implicit API created by Serverless Function in the SAM CLI.
          # Find out more about other implicit resources you can reference within SAM
          # https://github.com/awslabs/serverless-application-model/blob/master/docs/internals/generated_resources.rst#api
          HelloWorldApi:
            Description: "API Gateway endpoint URL for Prod stage for Hello World function"
            Value: !Sub "https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod/hello/"
          HelloWorldFunction:
            Description: "Hello World Lambda Function ARN"
            Value: !GetAtt HelloWorldFunction.Arn
          HelloWorldFunctionIamRole:
            Description: "Implicit IAM Role created for Hello World function"
            Value: !GetAtt HelloWorldFunctionRole.Arn

        """;

    /// <summary>What Amazon.Lambda.Annotations generates into serverless.template.</summary>
    public const string AnnotationsTemplate = """
        {
          "AWSTemplateFormatVersion": "2010-09-09",
          "Transform": "AWS::Serverless-2016-10-31",
          "Description": "This template is partially managed by Amazon.Lambda.Annotations (v1.5.0.0).",
          "Parameters": {
            "Stage": {
              "Type": "String",
              "Default": "dev"
            }
          },
          "Resources": {
            "ShopFunctionsGetOrderGenerated": {
              "Type": "AWS::Serverless::Function",
              "Metadata": {
                "Tool": "Amazon.Lambda.Annotations",
                "SyncedEvents": [
                  "RootGet"
                ]
              },
              "Properties": {
                "Runtime": "dotnet8",
                "CodeUri": ".",
                "MemorySize": 512,
                "Timeout": 30,
                "Policies": [
                  "AWSLambdaBasicExecutionRole"
                ],
                "PackageType": "Zip",
                "Handler": "Shop::Shop.Functions_GetOrder_Generated::GetOrder",
                "Events": {
                  "RootGet": {
                    "Type": "HttpApi",
                    "Properties": {
                      "Path": "/orders/{id}",
                      "Method": "GET"
                    }
                  }
                }
              }
            },
            "ShopFunctionsProcessOrdersGenerated": {
              "Type": "AWS::Serverless::Function",
              "Metadata": {
                "Tool": "Amazon.Lambda.Annotations"
              },
              "Properties": {
                "Runtime": "dotnet8",
                "CodeUri": ".",
                "MemorySize": 1024,
                "Timeout": 60,
                "PackageType": "Zip",
                "Handler": "Shop::Shop.Functions_ProcessOrders_Generated::ProcessOrders",
                "Events": {
                  "OrdersQueueEvent": {
                    "Type": "SQS",
                    "Properties": {
                      "Queue": { "Fn::GetAtt": ["OrdersQueue", "Arn"] },
                      "BatchSize": 10
                    }
                  }
                }
              }
            },
            "OrdersQueue": {
              "Type": "AWS::SQS::Queue",
              "Properties": {
                "VisibilityTimeout": 360
              }
            }
          },
          "Outputs": {
            "ApiURL": {
              "Description": "API endpoint URL for Prod environment",
              "Value": {
                "Fn::Sub": "https://${ServerlessHttpApi}.execute-api.${AWS::Region}.amazonaws.com/"
              }
            }
          }
        }
        """;

    public const string ServerlessYml = """
        service: orders-api
        frameworkVersion: '3'

        provider:
          name: aws
          runtime: dotnet8
          region: eu-west-1
          memorySize: 512
          apiGateway:
            minimumCompressionSize: 1024
          httpApi:
            cors: true

        package:
          individually: true

        functions:
          getOrder:
            handler: Orders::Orders.Functions::GetOrder
            package:
              artifact: bin/release/net8.0/orders.zip
            events:
              - http:
                  path: orders/{id}
                  method: get
              - httpApi: 'GET /v2/orders/{id}'
          processQueue:
            handler: Orders::Orders.Functions::ProcessQueue
            runtime: provided.al2023
            events:
              - sqs:
                  arn:
                    Fn::GetAtt: [OrdersQueue, Arn]
                  batchSize: 10
              - schedule: rate(5 minutes)
              - alb:
                  listenerArn: arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/my/abc/def
                  priority: 1
                  conditions:
                    path: /alb
                    method: [GET, POST]
          publicUrl:
            handler: Orders::Orders.Functions::Url
            url: true

        resources:
          Resources:
            OrdersQueue:
              Type: AWS::SQS::Queue
              Properties:
                VisibilityTimeout: 60
        """;

    public const string TerraformMain = """
        terraform {
          required_providers {
            aws = {
              source  = "hashicorp/aws"
              version = "~> 5.0"
            }
          }
        }

        variable "environment" {
          type    = string
          default = "dev"
        }

        data "archive_file" "orders" {
          type        = "zip"
          source_dir  = "../src/Orders/bin/Release/net8.0/publish"
          output_path = "${path.module}/orders.zip"
        }

        resource "aws_iam_role" "lambda" {
          name               = "orders-lambda"
          assume_role_policy = <<EOF
        {
          "Version": "2012-10-17",
          "Statement": [{
            "Action": "sts:AssumeRole",
            "Principal": { "Service": "lambda.amazonaws.com" },
            "Effect": "Allow"
          }]
        }
        EOF
        }

        resource "aws_lambda_function" "orders" {
          function_name    = "orders-${var.environment}"
          role             = aws_iam_role.lambda.arn
          handler          = "Orders::Orders.Function::FunctionHandler"
          runtime          = "dotnet8"
          filename         = data.archive_file.orders.output_path
          source_code_hash = data.archive_file.orders.output_base64sha256
          memory_size      = 512
          timeout          = 30
          reserved_concurrent_executions = 10

          environment {
            variables = {
              TABLE = aws_dynamodb_table.orders.name
            }
          }
        }

        resource "aws_sqs_queue" "orders" {
          name                       = "orders-${var.environment}"
          visibility_timeout_seconds = 180
        }

        resource "aws_lambda_event_source_mapping" "orders_queue" {
          event_source_arn = aws_sqs_queue.orders.arn
          function_name    = aws_lambda_function.orders.arn
          batch_size       = 10
        }

        resource "aws_lambda_function_url" "orders" {
          function_name      = aws_lambda_function.orders.function_name
          authorization_type = "NONE"
        }

        resource "aws_apigatewayv2_api" "http" {
          name          = "orders"
          protocol_type = "HTTP"
        }

        resource "aws_apigatewayv2_integration" "orders" {
          api_id           = aws_apigatewayv2_api.http.id
          integration_type = "AWS_PROXY"
          integration_uri  = aws_lambda_function.orders.invoke_arn
        }

        resource "aws_apigatewayv2_route" "get_order" {
          api_id    = aws_apigatewayv2_api.http.id
          route_key = "GET /orders/{id}"
          target    = "integrations/${aws_apigatewayv2_integration.orders.id}"
        }

        resource "aws_apigatewayv2_stage" "default" {
          api_id      = aws_apigatewayv2_api.http.id
          name        = "$default"
          auto_deploy = true
        }

        module "notifications" {
          source        = "terraform-aws-modules/lambda/aws"
          function_name = "notifications"
          handler       = "Notifications::Notifications.Function::Handler"
          runtime       = "dotnet8"
          source_path   = "../src/Notifications"
        }

        module "network" {
          source = "./modules/network"
        }
        """;

    public const string ToolsDefaults = """
        {
          "Information": [
            "This file provides default values for the deployment wizard inside Visual Studio and the AWS Lambda commands added to the .NET Core CLI.",
            "To learn more about the Lambda commands with the .NET Core CLI execute the following command at the command line in the project root directory.",
            "dotnet lambda help",
            "All the command line options for the Lambda command can be specified in this file."
          ],
          "profile": "",
          "region": "",
          "configuration": "Release",
          "function-architecture": "x86_64",
          "function-runtime": "dotnet8",
          "function-memory-size": 512,
          "function-timeout": 30,
          "function-handler": "Orders::Orders.Function::FunctionHandler"
        }
        """;

    public const string ToolsDefaultsServerless = """
        {
          "Information": [
            "This file provides default values for the deployment wizard inside Visual Studio and the AWS Lambda commands added to the .NET Core CLI."
          ],
          "profile": "",
          "region": "",
          "configuration": "Release",
          "s3-prefix": "Shop/",
          "template": "serverless.template",
          "template-parameters": "",
          "framework": "net8.0"
        }
        """;
}
