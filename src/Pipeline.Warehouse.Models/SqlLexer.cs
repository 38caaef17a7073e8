namespace Pipeline.Warehouse.Models;

/// <summary>
/// Just enough of DuckDB's lexical rules to tell code from comments (<c>--</c>, nested <c>/* */</c>)
/// and literals (<c>'...'</c>, <c>E'...'</c>, <c>$tag$...$tag$</c>, <c>"identifiers"</c>).
/// Unterminated literals and comments run to the end of the file; DuckDB reports them when it runs the SQL.
/// </summary>
internal static class SqlLexer
{
    public static IReadOnlyList<SqlToken> Tokenize(string sql)
    {
        var tokens = new List<SqlToken>();
        var line = 1;
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                line += c == '\n' ? 1 : 0;
                i++;
                continue;
            }

            var start = i;
            var kind = Scan(sql, ref i);
            var text = sql[start..i];
            tokens.Add(new SqlToken(kind, text, start, line));
            line += text.Count(ch => ch == '\n');
        }

        return tokens;
    }

    /// <summary>The SQL with every comment character replaced by a space; line breaks are kept so line numbers still match.</summary>
    public static string BlankComments(string sql, IReadOnlyList<SqlToken> tokens)
    {
        var chars = sql.ToCharArray();
        foreach (var token in tokens.Where(t => t.IsComment))
        {
            for (var k = token.Start; k < token.End; k++)
            {
                if (chars[k] is not ('\n' or '\r'))
                {
                    chars[k] = ' ';
                }
            }
        }

        return new string(chars);
    }

    private static SqlTokenKind Scan(string sql, ref int i)
    {
        var c = sql[i];
        var next = i + 1 < sql.Length ? sql[i + 1] : '\0';
        switch (c)
        {
            case '-' when next == '-':
                var newline = sql.IndexOf('\n', i);
                i = newline < 0 ? sql.Length : newline;
                return SqlTokenKind.LineComment;
            case '/' when next == '*':
                i = SkipBlockComment(sql, i);
                return SqlTokenKind.BlockComment;
            case '\'':
                i = SkipQuoted(sql, i, '\'', backslashEscapes: false);
                return SqlTokenKind.StringLiteral;
            case 'e' or 'E' when next == '\'':
                i = SkipQuoted(sql, i + 1, '\'', backslashEscapes: true);
                return SqlTokenKind.StringLiteral;
            case '"':
                i = SkipQuoted(sql, i, '"', backslashEscapes: false);
                return SqlTokenKind.QuotedIdentifier;
            case '$' when TryReadDollarTag(sql, i, out var tag):
                var close = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                i = close < 0 ? sql.Length : close + tag.Length;
                return SqlTokenKind.StringLiteral;
        }

        if (char.IsLetter(c) || c == '_')
        {
            while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$'))
            {
                i++;
            }

            return SqlTokenKind.Word;
        }

        if (char.IsDigit(c))
        {
            while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_'))
            {
                i++;
            }

            return SqlTokenKind.Number;
        }

        i++;
        return SqlTokenKind.Symbol;
    }

    private static int SkipBlockComment(string sql, int i)
    {
        var depth = 0;
        while (i < sql.Length)
        {
            if (sql[i] == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                depth++;
                i += 2;
            }
            else if (sql[i] == '*' && i + 1 < sql.Length && sql[i + 1] == '/')
            {
                depth--;
                i += 2;
                if (depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return sql.Length;
    }

    /// <summary>Skips a literal opened at <paramref name="open"/>; a doubled quote is an escaped quote.</summary>
    private static int SkipQuoted(string sql, int open, char quote, bool backslashEscapes)
    {
        var i = open + 1;
        while (i < sql.Length)
        {
            if (backslashEscapes && sql[i] == '\\')
            {
                i += 2;
            }
            else if (sql[i] == quote)
            {
                if (i + 1 < sql.Length && sql[i + 1] == quote)
                {
                    i += 2;
                }
                else
                {
                    return i + 1;
                }
            }
            else
            {
                i++;
            }
        }

        return sql.Length;
    }

    /// <summary>Reads <c>$$</c> or <c>$tag$</c> (a tag cannot start with a digit, so <c>$1</c> stays a parameter).</summary>
    private static bool TryReadDollarTag(string sql, int i, out string tag)
    {
        var k = i + 1;
        if (k < sql.Length && (char.IsLetter(sql[k]) || sql[k] == '_'))
        {
            while (k < sql.Length && (char.IsLetterOrDigit(sql[k]) || sql[k] == '_'))
            {
                k++;
            }
        }

        if (k < sql.Length && sql[k] == '$')
        {
            tag = sql[i..(k + 1)];
            return true;
        }

        tag = string.Empty;
        return false;
    }
}
