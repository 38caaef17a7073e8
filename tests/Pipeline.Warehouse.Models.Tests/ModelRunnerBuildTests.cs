using DuckDB.NET.Data;
using Pipeline.Warehouse.Models.Tests.Fixtures;

namespace Pipeline.Warehouse.Models.Tests;

public sealed class ModelRunnerBuildTests : IDisposable
{
    private const string Documented = "/*\ndescription: Test rows.\ncolumns:\n  deal_id: Id.\n*/\n";

    private readonly SqlFolder sql = new();
    private readonly DuckDBConnection connection = DuckDbQueries.OpenInMemory();

    public ModelRunnerBuildTests() =>
        connection.Execute("create table raw_deals as select * from (values (1), (2), (3)) as t(deal_id)");

    public void Dispose()
    {
        connection.Dispose();
        sql.Dispose();
    }

    [Fact]
    public void Build_OneModelPerFolder_MaterializesByFolder()
    {
        sql.Write("staging/stg_deals.sql", "select deal_id from raw_deals");
        sql.Write("intermediate/int_deals.sql", "select deal_id from stg_deals");
        sql.Write("core/fact_deal.sql", Documented + "select deal_id from int_deals");
        sql.Write("marts/deal_mart.sql", Documented + "select deal_id from core.fact_deal");

        sql.Runner().Build(connection);

        connection.Rows("select view_name, temporary from duckdb_views() where not internal")
            .Should().Equal("stg_deals | True");
        connection.Rows("select schema_name, table_name, temporary from duckdb_tables() where table_name <> 'raw_deals' order by table_name")
            .Should().Equal("marts | deal_mart | False", "core | fact_deal | False", "main | int_deals | True");
    }

    [Fact]
    public void Build_ModelNamedBeforeItsDependency_BuildsDependencyFirstAndReportsEach()
    {
        // a_count reads b_deals; alphabetically it comes first, so building in name order would fail.
        sql.Write("intermediate/a_count.sql", "select count(*) as n from b_deals");
        sql.Write("intermediate/b_deals.sql", "select deal_id from raw_deals");
        var reported = new List<ModelResult>();

        var results = sql.Runner().Build(connection, onBuilt: reported.Add);

        results.Select(r => r.Name).Should().Equal("b_deals", "a_count");
        reported.Should().Equal(results);
        connection.Scalar("select n from a_count").Should().Be(3L);
    }

    [Fact]
    public void Build_Results_CountTablesButNotStagingViews()
    {
        sql.Write("staging/stg_deals.sql", "select deal_id from raw_deals");
        sql.Write("intermediate/int_deals.sql", "select deal_id from stg_deals where deal_id > 1");
        sql.Write("core/fact_deal.sql", Documented + "select deal_id from stg_deals");

        var results = sql.Runner().Build(connection);

        // raw_deals has 3 rows; int_deals keeps deal_id 2 and 3; the view is not counted.
        results.Select(r => (r.QualifiedName, r.RowCount)).Should().Equal(
            ("stg_deals", (long?)null), ("int_deals", 2L), ("core.fact_deal", 3L));
        results.Should().OnlyContain(r => r.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public void Build_Macros_RunBeforeModelsInFileOrder()
    {
        sql.Write("macros/a_base.sql", "create or replace temp macro add_one(x) as x + 1;");
        sql.Write("macros/b_uses_base.sql", "create or replace temp macro add_two(x) as add_one(add_one(x));");
        sql.Write("staging/stg_deals.sql", "select add_two(deal_id) as deal_id from raw_deals");

        sql.Runner().Build(connection);

        connection.Scalar("select max(deal_id) from stg_deals").Should().Be(5);
    }

    [Fact]
    public void Build_FoldersInPhases_UsesModelsBuiltEarlier()
    {
        sql.Write("staging/stg_deals.sql", "select deal_id from raw_deals");
        sql.Write("intermediate/int_deals.sql", "select deal_id from stg_deals");
        sql.Write("core/fact_deal.sql", Documented + "select deal_id from int_deals");
        var runner = sql.Runner();

        var first = runner.Build(connection, [ModelFolders.Staging, ModelFolders.Intermediate]);
        var tablesBetweenPhases = connection.Scalar("select count(*) from duckdb_tables() where schema_name = 'core'");
        var second = runner.Build(connection, ["core"]);

        first.Select(r => r.Name).Should().Equal("stg_deals", "int_deals");
        tablesBetweenPhases.Should().Be(0L);
        second.Select(r => r.Name).Should().Equal("fact_deal");
    }

    [Fact]
    public void Build_FolderWhoseDependencyIsNotBuilt_ThrowsAndBuildsNothing()
    {
        sql.Write("staging/stg_deals.sql", "select deal_id from raw_deals");
        sql.Write("core/dim_one.sql", Documented + "select 1 as deal_id");
        var path = sql.Write("core/fact_deal.sql", Documented + "select deal_id from stg_deals");

        var act = () => sql.Runner().Build(connection, ["core"]);

        act.Should().Throw<ModelBuildException>()
            .WithMessage($"*core.fact_deal ({path}) reads stg_deals from staging/*Build staging first*");
        connection.Scalar("select count(*) from duckdb_tables() where schema_name = 'core'").Should().Be(0L);
    }

    [Fact]
    public void Build_UnknownFolder_ThrowsListingValidFolders()
    {
        var act = () => sql.Runner().Build(connection, ["stagin"]);

        act.Should().Throw<ArgumentException>().WithMessage("'stagin' is not a model folder. Expected any of: staging, intermediate, core, marts, views.*");
    }

    [Fact]
    public void Build_DuckDbRejectsModel_ThrowsNamingFileWithDuckDbMessageAndFileLine()
    {
        var path = sql.Write("staging/stg_deals.sql", "-- header\nselect\n  no_such_column\nfrom raw_deals");

        var act = () => sql.Runner().Build(connection);

        // The bad column is on line 3 of the file; DuckDB reports the statement's line, which is the same.
        act.Should().Throw<ModelBuildException>()
            .WithMessage($"Building stg_deals from {path} failed*no_such_column*LINE 3:*");
    }

    [Fact]
    public void Build_MacroFails_ThrowsNamingMacroFile()
    {
        var path = sql.Write("macros/broken.sql", "create macro oops(x) as no_such_function(x) +;");

        var act = () => sql.Runner().Build(connection);

        act.Should().Throw<ModelBuildException>().WithMessage($"Running macro file {path} failed: *");
    }
}
