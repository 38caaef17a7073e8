using DuckDB.NET.Data;
using Pipeline.Warehouse.Ingest.Csv;

namespace Pipeline.Warehouse.Ingest;

/// <summary>
/// Turns the models' outcomes into the run's accounting: the rejected rows with their physical
/// lines, the users' own column names and complete reasons, and per file
/// loaded + rejected + duplicates = rows (checked: a difference is a bug, never a silent loss).
/// </summary>
public static class LoadAccounting
{
    public static (IReadOnlyList<FileAccount> Files, IReadOnlyList<RejectedRow> Rejected) Collect(
        DuckDBConnection connection, IReadOnlyList<LoadedFile> loadedFiles, IReadOnlyList<Dialects.LookupOutcome> lookups,
        Dialects.Dialect dialect, IReadOnlyDictionary<string, string> sha256)
    {
        // Files that feed a canonical table row for row, by that table; look-ups are accounted apart.
        var files = loadedFiles.Where(f => f.File.Spec.Feeds is not null).ToList();
        var byTable = files.ToDictionary(f => f.File.Spec.Feeds!);
        var excludedRows = new Dictionary<string, long>(StringComparer.Ordinal);
        var rejected = new List<RejectedRow>();
        var reasons = new Dictionary<(string Table, long Ordinal), string>();
        foreach (var file in files)
            for (var k = 0; k < file.Structural.Count; k++)
                reasons[(file.File.Spec.Feeds!, -(k + 1L))] = file.Structural[k].Reason;
        using (var command = Sql.Command(connection, """
            select source_table, ordinal, column_name, value, reason, related_table, related_ordinal
            from int_rejected_rows
            order by case source_table when 'reps' then 1 when 'deals' then 2 when 'quotas' then 3 else 4 end, ordinal
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (!byTable.TryGetValue(reader.GetString(0), out var file))
                    continue;
                var ordinal = reader.GetInt64(1);
                var column = reader.GetString(2);
                var value = reader.IsDBNull(3) ? "" : reader.GetString(3);
                var reason = InTheUsersFiles(reader.GetString(4), byTable, dialect);
                if (!reader.IsDBNull(6))
                {
                    var relatedTable = reader.GetString(5);
                    var relatedOrdinal = reader.GetInt64(6);
                    reason = reason
                        .Replace("{related_file}", byTable[relatedTable].File.FileName)
                        .Replace("{related_line}", byTable[relatedTable].LineOf(relatedOrdinal).ToString(System.Globalization.CultureInfo.InvariantCulture))
                        .Replace("{related_reason}", reasons.GetValueOrDefault((relatedTable, relatedOrdinal), "see meta.rejected_row"));
                }
                var header = file.File.HeaderOf(column);
                var text = value.Length == 0 ? $"{header} {reason}" : $"{header} \"{value}\" {reason}";
                reasons[(file.File.Spec.Feeds!, ordinal)] = text;
                rejected.Add(new RejectedRow(file.File.FileName, file.LineOf(ordinal), header, value, text) { Excluded = column == "deleted" });
                if (column == "deleted")
                    excludedRows[file.File.FileName] = excludedRows.GetValueOrDefault(file.File.FileName) + 1;
            }
        }
        foreach (var file in files)
            rejected.AddRange(file.Structural.Select(s => new RejectedRow(file.File.FileName, s.Line, s.Column, s.Value, s.Reason)));

        var accounts = new List<FileAccount>();
        using (var command = Sql.Command(connection, "select source_table, loaded, rejected, duplicates from int_file_outcomes"))
        using (var reader = command.ExecuteReader())
        {
            var outcomes = new Dictionary<string, (long Loaded, long Rejected, long Duplicates)>();
            while (reader.Read())
                outcomes[reader.GetString(0)] = (reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
            foreach (var file in files)
            {
                var (loaded, rejectedRows, duplicates) = outcomes.GetValueOrDefault(file.File.Spec.Feeds!);
                var account = new FileAccount(file.File.FileName, dialect.Name, sha256[file.File.Path], file.Rows,
                    loaded, rejectedRows + file.Structural.Count, duplicates) { Excluded = excludedRows.GetValueOrDefault(file.File.FileName) };
                if (account.Loaded + account.Rejected + account.Duplicates != account.Rows)
                    throw new InvalidOperationException(
                        $"{account.File}: {account.Rows} rows but {account.Loaded} loaded + {account.Rejected} rejected + {account.Duplicates} duplicates. Nothing was written; please report this with the file.");
                accounts.Add(account);
            }
        }
        foreach (var lookup in lookups)
        {
            var file = lookup.File;
            var account = new FileAccount(file.File.FileName, dialect.Name, sha256[file.File.Path], file.Rows, lookup.Loaded, lookup.Rejected.Count, lookup.Duplicates);
            if (account.Loaded + account.Rejected + account.Duplicates != account.Rows)
                throw new InvalidOperationException(
                    $"{account.File}: {account.Rows} rows but {account.Loaded} loaded + {account.Rejected} rejected + {account.Duplicates} duplicates. Nothing was written; please report this with the file.");
            accounts.Add(account);
            rejected.AddRange(lookup.Rejected);
        }
        accounts.Sort((a, b) => loadedFiles.ToList().FindIndex(f => f.File.FileName == a.File).CompareTo(loadedFiles.ToList().FindIndex(f => f.File.FileName == b.File)));
        rejected.Sort((a, b) => (string.CompareOrdinal(a.File, b.File), a.Line.CompareTo(b.Line)) switch
        {
            (0, var byLine) => byLine,
            (var byFile, _) => byFile,
        });
        return (accounts, rejected);
    }

    /// <summary>
    /// The checks' reasons name the files that feed the deals and the reps as {deals_file} and
    /// {reps_file}: the user's own file (Opportunity.csv, say), or the canonical name when no file
    /// feeds that table; and where to map a stage label as {stage_map}: the config's "stageMap", or
    /// a mapping file's own "values.stage".
    /// </summary>
    private static string InTheUsersFiles(string reason, IReadOnlyDictionary<string, LoadedFile> byTable, Dialects.Dialect dialect) => reason
        .Replace("{stage_map}", dialect.StageMapKey, StringComparison.Ordinal)
        .Replace("{deals_file}", byTable.TryGetValue("deals", out var deals) ? deals.File.FileName : "deals.csv", StringComparison.Ordinal)
        .Replace("{reps_file}", byTable.TryGetValue("reps", out var reps) ? reps.File.FileName : "reps.csv", StringComparison.Ordinal);
}
