using System.Diagnostics;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Host.Tests.Fixtures;
using Pipeline.Warehouse.Reports;

namespace Pipeline.Warehouse.Host.Tests.Operation;

/// <summary>
/// An analyst's read-only session, open in another process, neither blocks the nightly run nor sees
/// a half-built warehouse. It must be another process: DuckDB's file locks are per process (a
/// process never conflicts with its own lock), and within one process DuckDB.NET shares one database
/// instance per file, so a second connection in the test process could not show what a separate
/// client does. The helper reader-session (tests/Pipeline.Warehouse.ReaderSession) holds the session.
/// </summary>
[Collection(OldWarehouseCollection.Name)]
public sealed class ReadOnlySessionTests(OldWarehouse old)
{
    [Fact]
    public void Run_WhileAnotherProcessHoldsAReadOnlySession_SucceedsReaderKeepsOldVersionNewSessionSeesNew()
    {
        using var folder = new TempFolder();
        var warehouse = old.CopyTo(folder);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "reader-session.dll"));
        info.ArgumentList.Add(warehouse);
        using var reader = Process.Start(info)!;
        try
        {
            reader.StandardOutput.ReadLine().Should().Be("open");
            var before = Ask(reader);
            // Load 1 of the old warehouse, its 300 generated deals (all created before the as-of date).
            before.Should().Be("1 300");

            var result = new EtlJob(new EtlOptions { Input = old.NewExports, Warehouse = warehouse, AsOf = new DateOnly(2026, 11, 30) }, WarehouseRun.NullObserver.Instance).Run();

            result.LoadId.Should().Be(2);
            // The open session still reads the file it opened: the old, complete warehouse.
            Ask(reader).Should().Be("1 300");
            // A new session opens the new file: load 2, the new export's 350 deals.
            using var fresh = WarehouseConnection.Open(warehouse, readOnly: true);
            using var command = fresh.CreateCommand();
            command.CommandText = "select (select max(load_id) from meta.etl_run) || ' ' || (select count(*) from core.fact_deal)";
            command.ExecuteScalar().Should().Be("2 350");
        }
        finally
        {
            reader.StandardInput.WriteLine("quit");
            if (!reader.WaitForExit(TimeSpan.FromSeconds(30)))
                reader.Kill();
        }
        reader.ExitCode.Should().Be(0, reader.StandardError.ReadToEnd());
    }

    private static string? Ask(Process reader)
    {
        reader.StandardInput.WriteLine("count");
        reader.StandardInput.Flush();
        return reader.StandardOutput.ReadLine();
    }
}
