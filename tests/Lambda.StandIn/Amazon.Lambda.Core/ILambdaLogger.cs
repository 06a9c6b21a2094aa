using System;

namespace Amazon.Lambda.Core;

/// <summary>
/// Stand-in for ILambdaLogger. Log/LogLine are abstract; the level methods are default interface
/// members on net8.0+ in the real package too, so a test logger only has to implement two members.
/// </summary>
public interface ILambdaLogger
{
    void Log(string message);

    void LogLine(string message);

    void Log(string level, string message) => LogLine(message);

    void Log(LogLevel level, string message) => Log(level.ToString(), message);

    void LogTrace(string message) => Log(LogLevel.Trace.ToString(), message);

    void LogDebug(string message) => Log(LogLevel.Debug.ToString(), message);

    void LogInformation(string message) => Log(LogLevel.Information.ToString(), message);

    void LogWarning(string message) => Log(LogLevel.Warning.ToString(), message);

    void LogError(string message) => Log(LogLevel.Error.ToString(), message);

    void LogCritical(string message) => Log(LogLevel.Critical.ToString(), message);

    void Log(string level, string message, params object[] args) => Log(level, message);

    void Log(string level, Exception exception, string message, params object[] args) => Log(level, message);

    void Log(LogLevel level, string message, params object[] args) => Log(level.ToString(), message, args);

    void Log(LogLevel level, Exception exception, string message, params object[] args) => Log(level.ToString(), exception, message, args);

    void LogTrace(string message, params object[] args) => Log(LogLevel.Trace, message, args);

    void LogTrace(Exception exception, string message, params object[] args) => Log(LogLevel.Trace, exception, message, args);

    void LogDebug(string message, params object[] args) => Log(LogLevel.Debug, message, args);

    void LogDebug(Exception exception, string message, params object[] args) => Log(LogLevel.Debug, exception, message, args);

    void LogInformation(string message, params object[] args) => Log(LogLevel.Information, message, args);

    void LogInformation(Exception exception, string message, params object[] args) => Log(LogLevel.Information, exception, message, args);

    void LogWarning(string message, params object[] args) => Log(LogLevel.Warning, message, args);

    void LogWarning(Exception exception, string message, params object[] args) => Log(LogLevel.Warning, exception, message, args);

    void LogError(string message, params object[] args) => Log(LogLevel.Error, message, args);

    void LogError(Exception exception, string message, params object[] args) => Log(LogLevel.Error, exception, message, args);

    void LogCritical(string message, params object[] args) => Log(LogLevel.Critical, message, args);

    void LogCritical(Exception exception, string message, params object[] args) => Log(LogLevel.Critical, exception, message, args);
}
