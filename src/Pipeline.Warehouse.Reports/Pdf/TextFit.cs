namespace Pipeline.Warehouse.Reports.Pdf;

/// <summary>Fits text into a width: wrapped at spaces (long words broken), or cut with an ellipsis.</summary>
internal static class TextFit
{
    private const string Ellipsis = "…";

    public static List<string> Wrap(string text, TextStyle style, float width, int maxLines = int.MaxValue)
    {
        var lines = new List<string>();
        foreach (var paragraph in Clean(text).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (style.Width(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                    lines.Add(line);
                line = word;
                while (style.Width(line) > width && line.Length > 1)
                {
                    var cut = Fitting(line, style, width);
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] = Ellipsize(lines[^1] + Ellipsis, style, width);
        }
        return lines;
    }

    /// <summary>The text on one line, cut with an ellipsis when it is wider than <paramref name="width"/>.</summary>
    public static string Ellipsize(string text, TextStyle style, float width)
    {
        var clean = Clean(text).Replace('\n', ' ');
        if (style.Width(clean) <= width)
            return clean;
        var cut = Fitting(clean, style, width - style.Width(Ellipsis));
        return cut <= 0 ? Ellipsis : clean[..cut].TrimEnd() + Ellipsis;
    }

    /// <summary>Control characters (from untrusted export text) become spaces; the text is drawn as text only.</summary>
    private static string Clean(string text) =>
        new(text.Select(c => c == '\n' ? c : char.IsControl(c) ? ' ' : c).ToArray());

    private static int Fitting(string text, TextStyle style, float width)
    {
        int low = 0, high = text.Length;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (style.Width(text[..middle]) <= width)
                low = middle;
            else
                high = middle - 1;
        }
        return Math.Max(low, 1);
    }
}
