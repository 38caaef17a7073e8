namespace Pipeline.Warehouse.Ingest.Csv;

/// <summary>
/// A record the CSV reader could not take as a row (wrong field count, broken quoting, a NUL byte).
/// <paramref name="Column"/> (the user's header) and <paramref name="Value"/> name the field when the
/// problem is one field's; otherwise the column is null and the value is the whole record.
/// </summary>
public sealed record StructuralReject(long Line, string Value, string Reason, string? Column = null);

/// <summary>
/// An input file after its raw load: the raw table holds one VARCHAR row per well-formed record,
/// in file order (its rowid is the record's ordinal); structural rejects are kept here with their
/// physical line (and their fields in <c>raw_&lt;table&gt;_malformed</c>); <see cref="Lines"/> maps an
/// ordinal to the line the record starts on.
/// </summary>
public sealed record LoadedFile(InputFile File, long Rows, long RawRows, IReadOnlyList<StructuralReject> Structural, LineMap Lines, bool SlowPath)
{
    /// <summary>
    /// The line of a record by its ordinal: a raw row's ordinal (0 and up), or -(k + 1) for the k-th
    /// structural reject (the ordinals of <c>raw_&lt;table&gt;_malformed</c>).
    /// </summary>
    public long LineOf(long ordinal) => ordinal < 0 ? Structural[checked((int)(-ordinal - 1))].Line : Lines.LineOf(ordinal);
}
