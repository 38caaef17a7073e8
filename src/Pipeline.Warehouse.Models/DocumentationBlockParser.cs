using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Warehouse.Models;

/// <summary>
/// Parses the leading block comment of a model when it has the documentation form:
/// <code>
/// /*
/// description: One row per deal. Grain: deal.
///   Indented lines continue the previous text, joined with a space.
/// columns:
///   deal_id: The deal's id as exported.
///   amount: Deal amount in the reporting currency;
///     may continue on a deeper-indented line.
/// */
/// </code>
/// A block comment whose first line does not start with <c>description:</c> or <c>columns:</c> is an
/// ordinary comment and yields null.
/// </summary>
internal static partial class DocumentationBlockParser
{
    private const string DescriptionKey = "description:";
    private const string ColumnsKey = "columns:";

    public static ModelDocumentation? Parse(string path, SqlToken comment)
    {
        var body = comment.Text.EndsWith("*/", StringComparison.Ordinal) ? comment.Text[2..^2] : comment.Text[2..];
        var lines = body.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var first = Array.FindIndex(lines, l => !string.IsNullOrWhiteSpace(l));
        if (first < 0 || !(IsKey(lines[first], DescriptionKey) || IsKey(lines[first], ColumnsKey)))
        {
            return null;
        }

        var baseIndent = Indent(lines[first]);
        StringBuilder? description = null;
        var columns = new List<(string Name, StringBuilder Text, int Line)>();
        string? section = null;
        int? columnIndent = null;

        for (var k = first; k < lines.Length; k++)
        {
            var raw = lines[k];
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var line = comment.Line + k;
            var text = raw.Trim();
            var indent = Indent(raw);
            if (indent <= baseIndent)
            {
                if (IsKey(text, DescriptionKey))
                {
                    if (description is not null)
                    {
                        throw Error(path, line, "'description:' appears twice in the documentation block; keep one.");
                    }

                    section = DescriptionKey;
                    description = new StringBuilder(text[DescriptionKey.Length..].Trim());
                }
                else if (IsKey(text, ColumnsKey))
                {
                    if (section == ColumnsKey || columns.Count > 0)
                    {
                        throw Error(path, line, "'columns:' appears twice in the documentation block; keep one.");
                    }

                    if (text.Length > ColumnsKey.Length)
                    {
                        throw Error(path, line, $"expected 'columns:' alone on its line, then one indented 'column_name: definition' line per column; found '{text}'.");
                    }

                    section = ColumnsKey;
                }
                else
                {
                    throw Error(path, line, $"expected 'description:' or 'columns:' at the start of the line; found '{text}'. Indent a line to continue the text above it.");
                }

                continue;
            }

            if (section == DescriptionKey)
            {
                Append(description!, text);
                continue;
            }

            columnIndent ??= indent;
            if (indent <= columnIndent)
            {
                var match = ColumnEntry().Match(text);
                if (!match.Success)
                {
                    throw Error(path, line, $"expected 'column_name: definition' under 'columns:'; found '{text}'. Indent a continuation line deeper than the column names.");
                }

                var name = match.Groups["name"].Value;
                if (columns.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw Error(path, line, $"column '{name}' is documented twice; keep one entry.");
                }

                columns.Add((name, new StringBuilder(match.Groups["text"].Value.Trim()), line));
            }
            else
            {
                Append(columns[^1].Text, text);
            }
        }

        if (description is not null && description.Length == 0)
        {
            throw Error(path, comment.Line + first, "'description:' has no text; say what one row is (the grain) and what the table is for.");
        }

        var empty = columns.FirstOrDefault(c => c.Text.Length == 0);
        if (empty.Name is not null)
        {
            throw Error(path, empty.Line, $"column '{empty.Name}' has no definition; write it after the colon.");
        }

        return new ModelDocumentation(
            description?.ToString(),
            [.. columns.Select(c => new ColumnDocumentation(c.Name, c.Text.ToString()))]);
    }

    private static bool IsKey(string line, string key) =>
        line.TrimStart().StartsWith(key, StringComparison.OrdinalIgnoreCase);

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    private static void Append(StringBuilder text, string continuation)
    {
        if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append(continuation);
    }

    private static ModelDefinitionException Error(string path, int line, string message) =>
        new($"{path} line {line}: documentation block: {message}");

    [GeneratedRegex(@"^(?<name>[A-Za-z_][A-Za-z0-9_]*)\s*:(?<text>.*)$")]
    private static partial Regex ColumnEntry();
}
