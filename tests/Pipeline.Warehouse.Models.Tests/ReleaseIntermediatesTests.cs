using DuckDB.NET.Data;
using Pipeline.Warehouse.Models.Tests.Fixtures;

namespace Pipeline.Warehouse.Models.Tests;

/// <summary>ReleaseIntermediates: each temp table goes as soon as its last reader is done; early tests report in place.</summary>
public sealed class ReleaseIntermediatesTests : IDisposable
{
    private readonly SqlFolder sql = new();
    private readonly DuckDBConnection connection = DuckDbQueries.OpenInMemory();

    public ReleaseIntermediatesTests()
    {
        connection.Execute("create table raw_deals as select * from (values (1, 10), (2, 20)) as t(deal_id, amount)");
        sql.Write("staging/stg_deals.sql", "select deal_id, amount from raw_deals");
        sql.Write("intermediate/int_a.sql", "select * from stg_deals");
        sql.Write("intermediate/int_b.sql", "select deal_id, amount * 2 as doubled from int_a");
        sql.Write("intermediate/int_kept.sql", "select deal_id from int_a");
        sql.Write("core/fact_deal.sql", "/*\ndescription: Deals.\ncolumns:\n  deal_id: Id.\n  amount: Amount.\n*/\nselect * from int_a");
        sql.Write("marts/doubled.sql", "/*\ndescription: Doubled.\ncolumns:\n  deal_id: Id.\n  doubled: Twice.\n*/\nselect * from int_b");
        sql.Write("tests/int_b__doubles.sql", "select * from int_b join core.fact_deal using (deal_id) where doubled <> 2 * amount");
        sql.Write("tests/z_marts.sql", "select * from marts.doubled where doubled is null");
    }

    public void Dispose()
    {
        connection.Dispose();
        sql.Dispose();
    }

    private List<string> TempTables() => connection.Rows(
        "select table_name from duckdb_tables() where database_name = 'temp' order by table_name");

    [Fact]
    public void Build_Released_DropsEachIntermediateAfterItsLastReaderExceptKept()
    {
        var runner = sql.Runner();
        runner.ReleaseIntermediates(connection, ["int_kept"]);

        runner.Build(connection, m => m.Folder is ModelFolders.Staging or ModelFolders.Intermediate);
        // int_a's readers are built but fact_deal; int_b waits for the mart and its test.
        TempTables().Should().Equal("int_a", "int_b", "int_kept");

        runner.Build(connection, ["core"]);
        TempTables().Should().Equal("int_b", "int_kept");

        runner.Build(connection, ["marts"]);
        TempTables().Should().Equal("int_kept");
    }

    [Fact]
    public void RunTests_TestReadingAnIntermediate_RanEarlyAndReportedInPlace()
    {
        var runner = sql.Runner();
        runner.ReleaseIntermediates(connection, []);
        runner.Build(connection);
        TempTables().Should().Equal("int_kept"); // int_b is gone: its test must have run before; no model reads int_kept
        var reported = new List<string>();

        var results = runner.RunTests(connection, r => reported.Add(r.Name));

        reported.Should().Equal("int_b__doubles", "z_marts");
        results.Should().OnlyContain(r => r.Passed);
    }

    [Fact]
    public void Build_NotReleased_KeepsEveryIntermediate()
    {
        var runner = sql.Runner();

        runner.Build(connection);

        TempTables().Should().Equal("int_a", "int_b", "int_kept");
    }

    [Fact]
    public void Build_IntermediatesStoredInAnAttachedDatabase_CreatedAndDroppedThere()
    {
        connection.Execute("attach ':memory:' as scratch");
        connection.Execute("set search_path = 'memory.main,scratch.main'");
        var runner = sql.Runner();
        runner.ReleaseIntermediates(connection, []);
        runner.StoreIntermediatesIn(connection, "scratch");
        List<string> Stored() => connection.Rows("select table_name from duckdb_tables() where database_name = 'scratch' order by table_name");

        runner.Build(connection, m => m.Folder is ModelFolders.Staging or ModelFolders.Intermediate);
        Stored().Should().Equal("int_a", "int_b", "int_kept");
        runner.Build(connection);
        var results = runner.RunTests(connection);

        Stored().Should().Equal("int_kept");
        TempTables().Should().BeEmpty();
        results.Should().OnlyContain(r => r.Passed);
        connection.Rows("select count(*) from marts.doubled").Should().Equal("2");
    }

    [Fact]
    public void StoreIntermediatesIn_NotAPlainIdentifier_Throws()
    {
        var act = () => sql.Runner().StoreIntermediatesIn(connection, "x; drop table y");

        act.Should().Throw<ArgumentException>();
    }
}
