using System;
using System.IO;
using System.Text.Json;

namespace Amazon.Lambda.Serialization.SystemTextJson;

/// <summary>Base of the System.Text.Json serializers. Note: it does not itself implement ILambdaSerializer.</summary>
public abstract class AbstractLambdaJsonSerializer
{
    protected AbstractLambdaJsonSerializer(Action<JsonWriterOptions> jsonWriterCustomizer)
    {
        var options = new JsonWriterOptions();
        jsonWriterCustomizer?.Invoke(options);
        WriterOptions = options;
    }

    protected JsonWriterOptions WriterOptions { get; }

    public void Serialize<T>(T response, Stream responseStream) => throw new NotImplementedException();

    public T Deserialize<T>(Stream requestStream) => throw new NotImplementedException();

    protected virtual JsonSerializerOptions CreateDefaultJsonSerializationOptions() => new JsonSerializerOptions();

    protected abstract void InternalSerialize<T>(Utf8JsonWriter writer, T response);

    protected abstract T InternalDeserialize<T>(byte[] utf8Json);
}
