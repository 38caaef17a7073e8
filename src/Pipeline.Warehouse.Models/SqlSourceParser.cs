using System.Text.RegularExpressions;

namespace Pipeline.Warehouse.Models;

/// <summary>Checks that a model or data test file is one query and extracts its references, depends_on lines and documentation.</summary>
internal static partial class SqlSourceParser
{
    /// <summary>Words a single query may start with. Anything else (create, drop, insert, alter, copy, attach, ...) is rejected.</summary>
    private static readonly HashSet<string> QueryStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "select", "with", "from", "values", "pivot", "unpivot",
    };

    /// <param name="path">The file, for messages.</param>
    /// <param name="sql">The file's text.</param>
    /// <param name="what">"model" or "data test", for messages.</param>
    public static ParsedSource Parse(string path, string sql, string what)
    {
        var tokens = SqlLexer.Tokenize(sql);
        var code = tokens.Where(t => !t.IsComment).ToList();
        if (code.Count == 0)
        {
            throw new ModelDefinitionException(
                $"{path}: the file has no query. A {what} file holds one select (it may start with with).");
        }

        var first = code[0];
        if (!(first.IsSymbol('(') || (first.Kind == SqlTokenKind.Word && QueryStarts.Contains(first.Text))))
        {
            throw new ModelDefinitionException(
                $"{path} line {first.Line}: a {what} file holds one query starting with select or with; found '{first.Text}'. " +
                $"The runner creates the view or table itself: remove the {first.Text.ToLowerInvariant()} statement and keep only the query.");
        }

        var last = code.Count - 1;
        while (code[last].IsSymbol(';'))
        {
            last--;
        }

        var separator = code.Take(last + 1).FirstOrDefault(t => t.IsSymbol(';'));
        if (separator.Text is not null)
        {
            throw new ModelDefinitionException(
                $"{path} line {separator.Line}: found ';' followed by more SQL; a {what} file holds exactly one query.");
        }

        var query = SqlLexer.BlankComments(sql, tokens)[..code[last].End];
        return new ParsedSource(query, References(code), DependsOn(tokens), Documentation(path, tokens));
    }

    private static List<(string? Schema, string Name)> References(List<SqlToken> code)
    {
        var references = new List<(string? Schema, string Name)>();
        for (var j = 0; j < code.Count; j++)
        {
            if (!code[j].IsIdentifier)
            {
                continue;
            }

            if (j == 0 || !code[j - 1].IsSymbol('.'))
            {
                references.Add((null, code[j].Identifier));
            }

            if (j + 2 < code.Count && code[j + 1].IsSymbol('.') && code[j + 2].IsIdentifier)
            {
                references.Add((code[j].Identifier, code[j + 2].Identifier));
            }
        }

        return references;
    }

    private static List<(string Name, int Line)> DependsOn(IReadOnlyList<SqlToken> tokens)
    {
        var declared = new List<(string Name, int Line)>();
        foreach (var token in tokens.Where(t => t.Kind == SqlTokenKind.LineComment))
        {
            var match = DependsOnLine().Match(token.Text);
            if (match.Success)
            {
                declared.AddRange(match.Groups["names"].Value
                    .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(name => (name, token.Line)));
            }
        }

        return declared;
    }

    /// <summary>The first block comment, if it comes before any code, parsed as a documentation block.</summary>
    private static ModelDocumentation? Documentation(string path, IReadOnlyList<SqlToken> tokens)
    {
        var leading = tokens.TakeWhile(t => t.IsComment).FirstOrDefault(t => t.Kind == SqlTokenKind.BlockComment);
        return leading.Text is null ? null : DocumentationBlockParser.Parse(path, leading);
    }

    [GeneratedRegex(@"^--\s*depends_on\s*:(?<names>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex DependsOnLine();
}
