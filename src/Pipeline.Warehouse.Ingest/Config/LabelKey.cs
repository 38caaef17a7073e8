using System.Text;

namespace Pipeline.Warehouse.Ingest.Config;

/// <summary>
/// Normalizes a source label for map look-ups: lower case, without whitespace, hyphens,
/// underscores, dots and slashes (INPUTS.md). The SQL macro <c>label_key</c> does the same.
/// </summary>
public static class LabelKey
{
    public static string Of(string label)
    {
        var key = new StringBuilder(label.Length);
        foreach (var c in label)
        {
            if (char.IsWhiteSpace(c) || c is '-' or '_' or '.' or '/')
                continue;
            key.Append(char.ToLowerInvariant(c));
        }
        return key.ToString();
    }
}
