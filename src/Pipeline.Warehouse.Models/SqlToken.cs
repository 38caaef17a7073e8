namespace Pipeline.Warehouse.Models;

/// <summary>A lexical token of a SQL file; <paramref name="Line"/> is 1-based.</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, string Text, int Start, int Line)
{
    public bool IsComment => Kind is SqlTokenKind.LineComment or SqlTokenKind.BlockComment;

    public bool IsIdentifier => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;

    public int End => Start + Text.Length;

    /// <summary>The identifier's name: a word as written, a quoted identifier without its quotes.</summary>
    public string Identifier => Kind == SqlTokenKind.QuotedIdentifier
        ? Text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal)
        : Text;

    public bool IsWord(string word) =>
        Kind == SqlTokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(char symbol) => Kind == SqlTokenKind.Symbol && Text[0] == symbol;
}
