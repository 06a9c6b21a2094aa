using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport.Bootstrap;

namespace Amazon.Lambda.RuntimeSupport;

/// <summary>Builds a <see cref="LambdaBootstrap"/> from a handler delegate (all public overloads of RuntimeSupport 2.1.2).</summary>
public class LambdaBootstrapBuilder
{
    private readonly HandlerWrapper _handlerWrapper;

    private LambdaBootstrapBuilder(HandlerWrapper handlerWrapper)
    {
        _handlerWrapper = handlerWrapper;
    }

    public static LambdaBootstrapBuilder Create(Action<Stream, ILambdaContext, MemoryStream> handler) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));

    public static LambdaBootstrapBuilder Create(Func<Task> handler) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));

    public static LambdaBootstrapBuilder Create(Func<Stream, Task> handler) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));

    public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, Task> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput>(handler, serializer));

    public static LambdaBootstrapBuilder Create(Func<ILambdaContext, Task> handler) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));

    public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Task> handler) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));

    public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, ILambdaContext, Task> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput>(handler, serializer));

    public static LambdaBootstrapBuilder Create(Func<Task<Stream>> handler) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));

    public static LambdaBootstrapBuilder Create(Func<Stream, Task<Stream>> handler) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));

    public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, Task<Stream>> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput>(handler, serializer));

    public static LambdaBootstrapBuilder Create(Func<ILambdaContext, Task<Stream>> handler) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));

    public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Task<Stream>> handler) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));

    public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, ILambdaContext, Task<Stream>> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput>(handler, serializer));

    public static LambdaBootstrapBuilder Create<TOutput>(Func<Task<TOutput>> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TOutput>(handler, serializer));

    public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, Task<TOutput>> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TOutput>(handler, serializer));

    public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, Task<TOutput>> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput, TOutput>(handler, serializer));

    public static LambdaBootstrapBuilder Create<TOutput>(Func<ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TOutput>(handler, serializer));

    public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TOutput>(handler, serializer));

    public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, ILambdaContext, Task<TOutput>> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput, TOutput>(handler, serializer));

    public static LambdaBootstrapBuilder Create(Action handler) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));

    public static LambdaBootstrapBuilder Create(Action<Stream> handler) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));

    public static LambdaBootstrapBuilder Create<TInput>(Action<TInput> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput>(handler, serializer));

    public static LambdaBootstrapBuilder Create(Action<ILambdaContext> handler) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));

    public static LambdaBootstrapBuilder Create(Action<Stream, ILambdaContext> handler) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));

    public static LambdaBootstrapBuilder Create<TInput>(Action<TInput, ILambdaContext> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput>(handler, serializer));

    public static LambdaBootstrapBuilder Create(Func<Stream> handler) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));

    public static LambdaBootstrapBuilder Create(Func<Stream, Stream> handler) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));

    public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, Stream> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput>(handler, serializer));

    public static LambdaBootstrapBuilder Create(Func<ILambdaContext, Stream> handler) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));

    public static LambdaBootstrapBuilder Create(Func<Stream, ILambdaContext, Stream> handler) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper(handler));

    public static LambdaBootstrapBuilder Create<TInput>(Func<TInput, ILambdaContext, Stream> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput>(handler, serializer));

    public static LambdaBootstrapBuilder Create<TOutput>(Func<TOutput> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TOutput>(handler, serializer));

    public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, TOutput> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TOutput>(handler, serializer));

    public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, TOutput> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput, TOutput>(handler, serializer));

    public static LambdaBootstrapBuilder Create<TOutput>(Func<ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TOutput>(handler, serializer));

    public static LambdaBootstrapBuilder Create<TOutput>(Func<Stream, ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TOutput>(handler, serializer));

    public static LambdaBootstrapBuilder Create<TInput, TOutput>(Func<TInput, ILambdaContext, TOutput> handler, ILambdaSerializer serializer) => new LambdaBootstrapBuilder(HandlerWrapper.GetHandlerWrapper<TInput, TOutput>(handler, serializer));

    public LambdaBootstrapBuilder UseHttpClient(HttpClient httpClient) => this;

    public LambdaBootstrapBuilder UseBootstrapHandler(LambdaBootstrapInitializer lambdaBootstrapInitializer) => this;

    public LambdaBootstrapBuilder ConfigureOptions(Action<LambdaBootstrapOptions> options = null) => this;

    public LambdaBootstrap Build() => new LambdaBootstrap(_handlerWrapper);
}
