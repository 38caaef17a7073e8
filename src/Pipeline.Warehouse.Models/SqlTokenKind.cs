namespace Pipeline.Warehouse.Models;

internal enum SqlTokenKind
{
    Word,
    QuotedIdentifier,
    StringLiteral,
    Number,
    Symbol,
    LineComment,
    BlockComment,
}
