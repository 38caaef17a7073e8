using System.Text.Json;

namespace Pipeline.Warehouse.Ingest.Mapping;

/// <summary>
/// The line of every key of a JSON document, by its path ("files.deals.columns.stage"), so that a
/// mistake in a mapping file names the key and the line it is on.
/// </summary>
internal static class JsonLines
{
    public static Dictionary<string, int> Of(byte[] json)
    {
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < json.Length; i++)
            if (json[i] == '\n')
                lineStarts.Add(i + 1);
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        // One frame per open object or array; an object's frame holds the property being read.
        var frames = new List<string?>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    frames.Add(null);
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    frames.RemoveAt(frames.Count - 1);
                    break;
                case JsonTokenType.PropertyName:
                    frames[^1] = reader.GetString();
                    var line = lineStarts.BinarySearch((int)reader.TokenStartIndex);
                    lines.TryAdd(string.Join('.', frames.Where(f => f is not null)), line >= 0 ? line + 1 : ~line);
                    break;
            }
        }
        return lines;
    }
}
