using System.Text.Json;
using System.Text.Json.Serialization;
using SeriousCases.Core.Data;

namespace SeriousCases.Web.Infrastructure.Security;

/// <summary>The NUL character (U+0000) cannot be typed, and PostgreSQL cannot take it in text: any JSON string that
/// holds one is refused as it is read, so the answer names the field (see <c>DomainExceptionHandler</c>) whichever
/// path the value would have taken. Found by the fuzz tests as a 500 from a lookup by reference.</summary>
public sealed class NulRefusingStringConverter : JsonConverter<string>
{
    /// <summary>The reader's message, recognised when the problem is written.</summary>
    public const string ReadMessage = "The text holds the NUL character.";

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return NulCharacter.In(text) ? throw new JsonException(ReadMessage) : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
