namespace Pipeline.Warehouse.Ingest.Csv;

/// <summary>A record the CSV reader could not take as a row (wrong field count, broken quoting).</summary>
public sealed record StructuralReject(long Line, string Value, string Reason);

/// <summary>
/// An input file after its raw load: the raw table holds one VARCHAR row per well-formed record,
/// in file order (its rowid is the record's ordinal); structural rejects are kept here with their
/// physical line; <see cref="Lines"/> maps an ordinal to the line the record starts on.
/// </summary>
public sealed record LoadedFile(InputFile File, long Rows, long RawRows, IReadOnlyList<StructuralReject> Structural, LineMap Lines, bool SlowPath);
