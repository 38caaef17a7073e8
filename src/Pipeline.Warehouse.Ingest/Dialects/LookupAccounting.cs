using System.Globalization;
using DuckDB.NET.Data;
using Pipeline.Warehouse.Ingest.Csv;

namespace Pipeline.Warehouse.Ingest.Dialects;

/// <summary>
/// The accounting of a look-up file (an Account or Product2 export, say), which feeds no canonical
/// table row for row: the first row of a key is used (loaded), a later row identical in every field
/// is an exact duplicate, a later different one and a row without a key are rejected, so every row
/// is accounted for like any other file's.
/// </summary>
public sealed record LookupOutcome(LoadedFile File, long Loaded, long Duplicates, IReadOnlyList<RejectedRow> Rejected)
{
    public static LookupOutcome Collect(DuckDBConnection connection, LoadedFile file)
    {
        var structural = file.Structural.Select(s => new RejectedRow(file.File.FileName, s.Line, s.Column, s.Value, s.Reason)).ToList();
        var rows = file.Rows - file.Structural.Count;
        if (file.File.Spec.Key is not { } key)
            return new LookupOutcome(file, rows, 0, structural);
        var header = file.File.Headers[file.File.Columns.ToList().IndexOf(file.File.Spec.Columns.First(c => c.RawName == key).Name)];
        var rejected = new List<RejectedRow>(structural);
        long loaded = 0, duplicates = 0;
        var first = new Dictionary<string, (long Ordinal, long Hash)>(StringComparer.Ordinal);
        using var command = Sql.Command(connection, $"select rowid, clean({key}), hash(*columns(*)) from {file.File.RawTable} order by rowid");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var ordinal = reader.GetInt64(0);
            var hash = unchecked((long)reader.GetFieldValue<ulong>(2));
            if (reader.IsDBNull(1))
            {
                rejected.Add(new RejectedRow(file.File.FileName, file.LineOf(ordinal), header, "",
                    $"{header} is empty. Every row of {file.File.FileName} needs its {header}, the key other files use to refer to it."));
                continue;
            }
            var id = reader.GetString(1);
            if (!first.TryGetValue(id, out var winner))
            {
                first[id] = (ordinal, hash);
                loaded++;
            }
            else if (winner.Hash == hash)
                duplicates++;
            else
                rejected.Add(new RejectedRow(file.File.FileName, file.LineOf(ordinal), header, id,
                    $"{header} \"{id}\" repeats the {header} of line {file.LineOf(winner.Ordinal).ToString(CultureInfo.InvariantCulture)} with other values; that first row is the one used. Keep one row per {header}, or make the rows identical."));
        }
        return new LookupOutcome(file, loaded, duplicates, rejected);
    }
}
