using System.Security.Cryptography;
using System.Text;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Ingest;
using Pipeline.Warehouse.Ingest.Config;
using Pipeline.Warehouse.Ingest.Csv;
using Pipeline.Warehouse.Ingest.Dialects;

namespace Pipeline.Warehouse.Host.Operation;

/// <summary>
/// The identity of an export: SHA-256 of its files' "name TAB sha256" lines, sorted by name
/// (ordinal), one per line. The files are those the job reads from the folder, which are the
/// files a load records in meta.load_file, so a night's folder and a past load compare directly.
/// </summary>
public static class ExportHash
{
    public static string Of(IEnumerable<(string File, string Sha256)> files)
    {
        var lines = files.OrderBy(f => f.File, StringComparer.Ordinal).Select(f => $"{f.File}\t{f.Sha256}\n");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(lines))));
    }

    /// <summary>The hash of files on disk (full paths), named by their file names.</summary>
    public static string OfFiles(IEnumerable<string> paths) =>
        Of(paths.Distinct(StringComparer.Ordinal).Select(p => (Path.GetFileName(p), FileHash.Sha256(p))));

    /// <summary>
    /// The hash of the files the job would read from the run's input folder (the dialect's files), or
    /// null when the folder cannot be read as an export: then the job refuses it, with its own message.
    /// </summary>
    public static string? OfExport(EtlOptions etl)
    {
        try
        {
            var (dialect, _) = KnownDialects.Resolve(etl.Dialect, etl.Input, WarehouseConfig.Load(etl.Config), etl.Mapping);
            return OfFiles(InputFolder.Open(etl.Input, dialect.Files).Select(f => f.Path));
        }
        catch (InputException)
        {
            return null;
        }
    }
}
