using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Pipeline.Warehouse.Host.Operation;

/// <summary>
/// One log entry as one JSON object on one line: <c>timestamp</c> (UTC, ISO 8601), <c>level</c>,
/// <c>event</c> (the [LoggerMessage] name) and <c>eventId</c>, <c>category</c>, <c>message</c>
/// (as the console shows it), <c>fields</c> (the structured values: {LoadId}, {Folder}, ...) and,
/// when there is one, <c>exception</c>.
/// </summary>
public sealed class JsonLinesLogger(string category, RunLogFile file) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && file.IsOpen;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
            return;
        file.Write(Format(DateTimeOffset.UtcNow, logLevel, eventId, category, formatter(state, exception), state as IEnumerable<KeyValuePair<string, object?>>, exception));
    }

    public static string Format(DateTimeOffset timestamp, LogLevel level, EventId eventId, string category, string message,
        IEnumerable<KeyValuePair<string, object?>>? fields, Exception? exception)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", timestamp.UtcDateTime);
            json.WriteString("level", level.ToString());
            json.WriteString("event", eventId.Name ?? eventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("eventId", eventId.Id);
            json.WriteString("category", category);
            json.WriteString("message", message);
            json.WriteStartObject("fields");
            foreach (var (name, value) in fields ?? [])
            {
                if (name == "{OriginalFormat}")
                    continue;
                json.WritePropertyName(name);
                WriteValue(json, value);
            }
            json.WriteEndObject();
            if (exception is not null)
                json.WriteString("exception", exception.ToString());
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int or long or short or byte:
                json.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case double or float or decimal when double.IsFinite(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)):
                json.WriteNumberValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
            case DateTime time:
                json.WriteStringValue(time);
                break;
            case DateTimeOffset time:
                json.WriteStringValue(time);
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
