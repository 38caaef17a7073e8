using System.Security.Cryptography;

using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.BadInput;

/// <summary>A row of meta.rejected_row.</summary>
internal sealed record Rejection(string File, long Line, string? Column, string? Value, string Reason);

/// <summary>A row of meta.load_file.</summary>
internal sealed record FileOutcome(long Rows, long Loaded, long Rejected, long Duplicates);

/// <summary>Reads the run log of a built warehouse: rejected rows and per-file accounting.</summary>
internal static class RunChecks
{
    /// <summary>The rejected rows of the last run, by file and line.</summary>
    public static List<Rejection> Rejections(this WarehouseRun run, string? file = null) =>
        [.. run.Rows("""
            select file, line, "column", value, reason from meta.rejected_row
            where load_id = (select max(load_id) from meta.etl_run) and ($file is null or file = $file)
            order by file, line
            """, ("file", file))
            .Select(r => new Rejection((string)r[0]!, Convert.ToInt64(r[1]), (string?)r[2], (string?)r[3], (string)r[4]!))];

    /// <summary>The only rejected row of a file (fails when there is not exactly one).</summary>
    public static Rejection SingleRejection(this WarehouseRun run, string file)
    {
        var rows = run.Rejections(file);
        rows.Should().ContainSingle($"exactly one row of {file} should be rejected, but got: {string.Join(" | ", rows)}");
        return rows[0];
    }

    /// <summary>meta.load_file of the last run for one file.</summary>
    public static FileOutcome Outcome(this WarehouseRun run, string file)
    {
        var rows = run.Rows("""
            select rows, loaded, rejected, duplicates from meta.load_file
            where load_id = (select max(load_id) from meta.etl_run) and file = $file
            """, ("file", file));
        rows.Should().ContainSingle($"meta.load_file should have one row for {file}");
        return new FileOutcome(Convert.ToInt64(rows[0][0]), Convert.ToInt64(rows[0][1]), Convert.ToInt64(rows[0][2]), Convert.ToInt64(rows[0][3]));
    }

    /// <summary>
    /// Nothing lost: for every file of the last run loaded + rejected + duplicates = rows, and
    /// meta.rejected_row holds exactly the rejected count.
    /// </summary>
    public static void ShouldAccountForEveryRow(this WarehouseRun run)
    {
        var files = run.Rows("""
            select f.file, f.rows, f.loaded, f.rejected, f.duplicates,
                (select count(*) from meta.rejected_row r where r.load_id = f.load_id and r.file = f.file)
            from meta.load_file f
            where f.load_id = (select max(load_id) from meta.etl_run)
            """);
        files.Should().NotBeEmpty();
        foreach (var f in files)
        {
            var (rows, loaded, rejected, duplicates, listed) =
                (Convert.ToInt64(f[1]), Convert.ToInt64(f[2]), Convert.ToInt64(f[3]), Convert.ToInt64(f[4]), Convert.ToInt64(f[5]));
            (loaded + rejected + duplicates).Should().Be(rows, $"{f[0]}: loaded + rejected + duplicates must equal rows");
            listed.Should().Be(rejected, $"{f[0]}: every rejected row is listed in meta.rejected_row");
        }
    }

    /// <summary>SHA-256 of a file's bytes, hex.</summary>
    public static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
