using System;
using System.Text.Json;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.Serialization.SystemTextJson;

public class DefaultLambdaJsonSerializer : AbstractLambdaJsonSerializer, ILambdaSerializer
{
    public DefaultLambdaJsonSerializer()
        : this(null, null)
    {
    }

    public DefaultLambdaJsonSerializer(Action<JsonSerializerOptions> customizer)
        : this(customizer, null)
    {
    }

    public DefaultLambdaJsonSerializer(Action<JsonSerializerOptions> customizer, Action<JsonWriterOptions> jsonWriterCustomizer)
        : base(jsonWriterCustomizer)
    {
        SerializerOptions = CreateDefaultJsonSerializationOptions();
        customizer?.Invoke(SerializerOptions);
    }

    protected JsonSerializerOptions SerializerOptions { get; }

    protected override void InternalSerialize<T>(Utf8JsonWriter writer, T response) => throw new NotImplementedException();

    protected override T InternalDeserialize<T>(byte[] utf8Json) => throw new NotImplementedException();
}
