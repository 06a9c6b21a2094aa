namespace Amazon.Lambda.Core;

public class LambdaTraceProvider
{
    public static string CurrentTraceId => null;
}
