using DuckDB.NET.Data;
using Pipeline.Warehouse.Models.Tests.Fixtures;

namespace Pipeline.Warehouse.Models.Tests;

public sealed class ModelDocumentationTests : IDisposable
{
    private readonly SqlFolder sql = new();
    private readonly DuckDBConnection connection = DuckDbQueries.OpenInMemory();

    public void Dispose()
    {
        connection.Dispose();
        sql.Dispose();
    }

    [Fact]
    public void Build_DocumentedCoreModel_CommentsTableAndEveryColumn()
    {
        sql.Write("core/fact_deal.sql", """
            /*
            description: One row per deal. It's the
              accumulating snapshot.
            columns:
              deal_id: The deal's id.
              Amount: Deal amount;
                in the reporting currency.
            */
            select 1 as deal_id, 2.5 as amount
            """);

        sql.Runner().Build(connection);

        connection.Scalar("select comment from duckdb_tables() where schema_name = 'core' and table_name = 'fact_deal'")
            .Should().Be("One row per deal. It's the accumulating snapshot.");
        connection.Rows("select column_name, comment from duckdb_columns() where schema_name = 'core' and table_name = 'fact_deal' order by column_index")
            .Should().Equal("deal_id | The deal's id.", "amount | Deal amount; in the reporting currency.");
    }

    [Fact]
    public void Build_ViewsFolder_CreatesDocumentedViewInMartsAfterTheTablesItReads()
    {
        sql.Write("marts/flow.sql", "/*\ndescription: Flow.\ncolumns:\n  n: Count.\n*/\nselect 2 as n");
        sql.Write("views/a_flow_doubled.sql", "/*\ndescription: Doubled.\ncolumns:\n  twice: Twice n.\n*/\nselect n * 2 as twice from marts.flow");

        var results = sql.Runner().Build(connection);

        // The view sorts before the table by name but reads it, so it is built after it; views are not counted.
        results.Select(r => r.QualifiedName).Should().Equal("marts.flow", "marts.a_flow_doubled");
        results[1].RowCount.Should().BeNull();
        connection.Scalar("select comment from duckdb_views() where schema_name = 'marts' and view_name = 'a_flow_doubled'").Should().Be("Doubled.");
        connection.Rows("select column_name, comment from duckdb_columns() where schema_name = 'marts' and table_name = 'a_flow_doubled'")
            .Should().Equal("twice | Twice n.");
        connection.Scalar("select twice from marts.a_flow_doubled").Should().Be(4);
    }

    [Fact]
    public void Build_ColumnWithoutDefinition_ThrowsNamingFileAndColumn()
    {
        var path = sql.Write("marts/flow.sql", "/*\ndescription: Rows.\ncolumns:\n  a: A.\n*/\nselect 1 as a, 2 as b, 3 as c");

        var act = () => sql.Runner().Build(connection);

        act.Should().Throw<ModelBuildException>()
            .WithMessage($"{path}: *marts.flow does not match its columns: columns without a definition under 'columns:': b, c *");
    }

    [Fact]
    public void Build_DocumentedColumnNotProduced_ThrowsNamingColumn()
    {
        var path = sql.Write("core/dim_rep.sql", "/*\ndescription: Rows.\ncolumns:\n  rep_id: Id.\n  region: Gone.\n*/\nselect 1 as rep_id");

        var act = () => sql.Runner().Build(connection);

        act.Should().Throw<ModelBuildException>()
            .WithMessage($"{path}: *documented columns the query does not produce: region *");
    }

    [Fact]
    public void Build_CoreModelWithoutBlock_ThrowsListingColumnsToDocument()
    {
        var path = sql.Write("core/dim_rep.sql", "-- just a note\nselect 1 as rep_id, 'x' as rep_name");

        var act = () => sql.Runner().Build(connection);

        act.Should().Throw<ModelBuildException>()
            .WithMessage($"{path}: core.dim_rep has no documentation block*rep_id, rep_name.");
    }

    [Fact]
    public void Build_CoreModelBlockWithoutDescription_Throws()
    {
        var path = sql.Write("core/dim_rep.sql", "/*\ncolumns:\n  rep_id: Id.\n*/\nselect 1 as rep_id");

        var act = () => sql.Runner().Build(connection);

        act.Should().Throw<ModelBuildException>().WithMessage($"{path}: *has no 'description:'*");
    }

    [Fact]
    public void Build_StagingModelWithIncompleteBlock_IsNotCommentedOrChecked()
    {
        sql.Write("staging/stg_deals.sql", "/*\ndescription: Deals.\ncolumns:\n  a: A.\n*/\nselect 1 as a, 2 as b");

        var results = sql.Runner().Build(connection);

        results.Should().ContainSingle();
        connection.Scalar("select comment from duckdb_views() where view_name = 'stg_deals'").Should().BeNull();
    }
}
