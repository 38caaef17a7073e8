using DuckDB.NET.Data;
using Pipeline.Warehouse.Models.Tests.Fixtures;

namespace Pipeline.Warehouse.Models.Tests;

public sealed class DataTestTests : IDisposable
{
    private readonly SqlFolder sql = new();
    private readonly DuckDBConnection connection = DuckDbQueries.OpenInMemory();

    public DataTestTests()
    {
        // Deal 2 appears twice, so a one-row-per-deal test over fact_deal fails with exactly one row.
        connection.Execute("create table raw_deals as select * from (values (1, 'a'), (2, 'b'), (2, 'c')) as t(deal_id, name)");
        sql.Write("staging/stg_deals.sql", "select deal_id, name from raw_deals");
        sql.Write("core/fact_deal.sql", "/*\ndescription: Deals.\ncolumns:\n  deal_id: Id.\n  name: Name.\n*/\nselect * from stg_deals");
    }

    public void Dispose()
    {
        connection.Dispose();
        sql.Dispose();
    }

    [Fact]
    public void RunTests_AllReturnNoRows_ReturnsPassingResults()
    {
        sql.Write("tests/names_not_null.sql", "select * from core.fact_deal where name is null");
        sql.Write("tests/staging_matches_raw.sql", "select * from stg_deals where deal_id not in (select deal_id from raw_deals);");
        var runner = sql.Runner();
        runner.Build(connection);
        var reported = new List<DataTestResult>();

        var results = runner.RunTests(connection, reported.Add);

        results.Select(r => (r.Name, r.Passed, r.RowCount)).Should().Equal(("names_not_null", true, 0L), ("staging_matches_raw", true, 0L));
        reported.Should().Equal(results);
    }

    [Fact]
    public void RunTests_TestReturnsRows_ThrowsNamingTestRowCountAndRows()
    {
        var path = sql.Write("tests/fact_deal__one_row_per_deal.sql", """
            -- each deal once
            select deal_id, count(*) as copies
            from core.fact_deal
            group by deal_id
            having count(*) > 1
            """);
        var runner = sql.Runner();
        runner.Build(connection);

        var act = () => runner.RunTests(connection);

        var failure = act.Should().Throw<DataTestFailedException>().Which;
        failure.Message.Should().Be(
            $"1 of 1 data tests failed; each test must return zero rows.\n" +
            $"- fact_deal__one_row_per_deal ({path}) returned 1 row:\n" +
            "    deal_id | copies\n" +
            "    2 | 2".ReplaceLineEndings());
        failure.Failures.Should().ContainSingle().Which.RowCount.Should().Be(1);
    }

    [Fact]
    public void RunTests_SeveralFail_RunsAllAndListsEveryFailure()
    {
        // Seven rows from range(7): the message shows the first five.
        sql.Write("tests/a_many_rows.sql", "select range as n from range(7)");
        sql.Write("tests/b_broken.sql", "select * from no_such_table");
        sql.Write("tests/c_passes.sql", "select 1 where false");
        var runner = sql.Runner();
        var tested = new List<string>();

        var act = () => runner.RunTests(connection, r => tested.Add(r.Name));

        var failure = act.Should().Throw<DataTestFailedException>().Which;
        tested.Should().Equal("a_many_rows", "b_broken", "c_passes");
        failure.Failures.Select(f => f.Name).Should().Equal("a_many_rows", "b_broken");
        failure.Message.Should().StartWith("2 of 3 data tests failed")
            .And.Contain("returned 7 rows; the first 5:")
            .And.Contain("    4\n".ReplaceLineEndings())
            .And.NotContain("    5")
            .And.MatchRegex("b_broken .* could not run: .*no_such_table");
    }
}
