using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.Lambda.Core;

namespace Amazon.Lambda.Serialization.SystemTextJson;

/// <summary>Serializer for Native AOT / trimming, driven by a source-generated JsonSerializerContext.</summary>
public class SourceGeneratorLambdaJsonSerializer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TSGContext>
    : AbstractLambdaJsonSerializer, ILambdaSerializer
    where TSGContext : JsonSerializerContext
{
    public SourceGeneratorLambdaJsonSerializer()
        : this(null, null)
    {
    }

    public SourceGeneratorLambdaJsonSerializer(Action<JsonSerializerOptions> customizer)
        : this(customizer, null)
    {
    }

    public SourceGeneratorLambdaJsonSerializer(Action<JsonWriterOptions> jsonWriterCustomizer)
        : this(null, jsonWriterCustomizer)
    {
    }

    public SourceGeneratorLambdaJsonSerializer(Action<JsonSerializerOptions> customizer, Action<JsonWriterOptions> jsonWriterCustomizer)
        : base(jsonWriterCustomizer)
    {
        SerializerOptions = CreateDefaultJsonSerializationOptions();
        customizer?.Invoke(SerializerOptions);
    }

    [Obsolete("The method is marked obsolete because the jsonSerializerContext parameter is unlikely to be created with the required JsonSerializerOptions for Lambda serialization.")]
    public SourceGeneratorLambdaJsonSerializer(TSGContext jsonSerializerContext, Action<JsonSerializerOptions> customizer = null, Action<JsonWriterOptions> jsonWriterCustomizer = null)
        : this(customizer, jsonWriterCustomizer)
    {
    }

    protected JsonSerializerOptions SerializerOptions { get; }

    protected override void InternalSerialize<T>(Utf8JsonWriter writer, T response) => throw new NotImplementedException();

    protected override T InternalDeserialize<T>(byte[] utf8Json) => throw new NotImplementedException();
}
