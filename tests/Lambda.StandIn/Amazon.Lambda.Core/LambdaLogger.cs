using System;

namespace Amazon.Lambda.Core;

/// <summary>Static logger. The stand-in writes to the console; the real one is redirected by the runtime.</summary>
public static class LambdaLogger
{
    public static void Log(string message) => Console.WriteLine(message);

    public static void Log(string level, string message, params object[] args) => Console.WriteLine(level + ": " + message);

    public static void Log(LogLevel level, string message, params object[] args) => Log(level.ToString(), message, args);

    public static void Log(string level, Exception exception, string message, params object[] args) => Console.WriteLine(level + ": " + message + Environment.NewLine + exception);

    public static void Log(LogLevel level, Exception exception, string message, params object[] args) => Log(level.ToString(), exception, message, args);
}
