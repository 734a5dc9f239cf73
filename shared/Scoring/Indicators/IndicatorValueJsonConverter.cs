using System.Text.Json;
using System.Text.Json.Serialization;

namespace CulturalServerless.Scoring.Indicators;

/// <summary>Reads and writes <see cref="IndicatorValue"/> in its four JSON shapes.</summary>
public sealed class IndicatorValueJsonConverter : JsonConverter<IndicatorValue>
{
    private const string AboveProperty = "above";
    private const string AtLeastProperty = "atLeast";

    public override bool HandleNull => true;

    public override IndicatorValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => IndicatorValue.Missing,
            JsonTokenType.True => IndicatorValue.Of(true),
            JsonTokenType.False => IndicatorValue.Of(false),
            JsonTokenType.String => IndicatorValue.Of(reader.GetString()!),
            JsonTokenType.Number => IndicatorValue.Of(reader.GetDecimal()),
            JsonTokenType.StartObject => ReadBound(ref reader),
            _ => throw new JsonException("An indicator value is a number, a bound {\"above\"|\"atLeast\": n}, true/false or a string."),
        };

    private static IndicatorValue ReadBound(ref Utf8JsonReader reader)
    {
        IndicatorValue? value = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (value is not null || reader.TokenType != JsonTokenType.Number)
            {
                throw new JsonException("A bound has exactly one numeric property: \"above\" or \"atLeast\".");
            }
            value = name switch
            {
                AboveProperty => IndicatorValue.Above(reader.GetDecimal()),
                AtLeastProperty => IndicatorValue.AtLeast(reader.GetDecimal()),
                _ => throw new JsonException($"Unknown bound \"{name}\": use \"above\" or \"atLeast\"."),
            };
        }
        return value ?? throw new JsonException("A bound has exactly one numeric property: \"above\" or \"atLeast\".");
    }

    public override void Write(Utf8JsonWriter writer, IndicatorValue value, JsonSerializerOptions options)
    {
        switch (value.Type)
        {
            case IndicatorValueType.Boolean:
                writer.WriteBooleanValue(value.Boolean);
                break;
            case IndicatorValueType.Text:
                writer.WriteStringValue(value.Text);
                break;
            case IndicatorValueType.Number when value.Bound == NumberBound.Exact:
                writer.WriteNumberValue(value.Number);
                break;
            case IndicatorValueType.Number:
                writer.WriteStartObject();
                writer.WriteNumber(value.Bound == NumberBound.Above ? AboveProperty : AtLeastProperty, value.Number);
                writer.WriteEndObject();
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
