using Pipeline.Warehouse.Models.Tests.Fixtures;

namespace Pipeline.Warehouse.Models.Tests;

public sealed class DocumentationBlockTests : IDisposable
{
    private readonly SqlFolder sql = new();

    public void Dispose() => sql.Dispose();

    [Fact]
    public void Documentation_IndentedContinuations_JoinWithASpace()
    {
        sql.Write("core/fact_deal.sql", """
            /*
            description: One row per deal. Grain: deal.
              Continuation lines join the previous text.
            columns:
              deal_id: The deal's id as exported.
              amount: Deal amount, DECIMAL(18,2);
                may continue on an indented line.
            */
            select 1 as deal_id, 2 as amount
            """);

        var documentation = sql.Runner().Models[0].Documentation;

        documentation.Should().NotBeNull();
        documentation!.Description.Should().Be("One row per deal. Grain: deal. Continuation lines join the previous text.");
        documentation.Columns.Should().Equal(
            new ColumnDocumentation("deal_id", "The deal's id as exported."),
            new ColumnDocumentation("amount", "Deal amount, DECIMAL(18,2); may continue on an indented line."));
    }

    [Fact]
    public void Documentation_OrdinaryHeaderComment_IsNull()
    {
        sql.Write("staging/stg_deals.sql", "/* Renames and casts the deals export. */\nselect 1 as deal_id");

        sql.Runner().Models[0].Documentation.Should().BeNull();
    }

    [Fact]
    public void Constructor_UnknownKeyInBlock_ThrowsNamingFileAndLine()
    {
        var path = sql.Write("core/x.sql", "/*\ndescription: Rows.\ngrain: deal\n*/\nselect 1 as a");

        var act = () => sql.Runner();

        act.Should().Throw<ModelDefinitionException>().WithMessage($"{path} line 3:*found 'grain: deal'*");
    }

    [Fact]
    public void Constructor_ColumnWithoutText_ThrowsNamingColumn()
    {
        var path = sql.Write("core/x.sql", "/*\ndescription: Rows.\ncolumns:\n  a:\n*/\nselect 1 as a");

        var act = () => sql.Runner();

        act.Should().Throw<ModelDefinitionException>().WithMessage($"{path} line 4:*column 'a' has no definition*");
    }
}
