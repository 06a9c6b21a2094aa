namespace Amazon.Lambda.Core;
