using Pipeline.Warehouse.Models.Tests.Fixtures;

namespace Pipeline.Warehouse.Models.Tests;

public sealed class ModelDiscoveryTests : IDisposable
{
    private readonly SqlFolder sql = new();

    public void Dispose() => sql.Dispose();

    [Fact]
    public void Models_OneFilePerFolder_TakesNameFromFileAndQualifiesPublishedOnes()
    {
        sql.Write("staging/stg_deals.sql", "select 1 as deal_id");
        sql.Write("intermediate/int_deals.sql", "select * from stg_deals");
        sql.Write("core/fact_deal.sql", "select * from int_deals");
        sql.Write("marts/stage_flow.sql", "select * from core.fact_deal");
        sql.Write("staging/README.md", "not a model");
        sql.Write("tests/fact_deal__unique.sql", "select 1 where false");

        var runner = sql.Runner();

        runner.Models.Select(m => (m.Name, m.Folder, m.QualifiedName)).Should().Equal(
            ("stg_deals", "staging", "stg_deals"),
            ("int_deals", "intermediate", "int_deals"),
            ("fact_deal", "core", "core.fact_deal"),
            ("stage_flow", "marts", "marts.stage_flow"));
        runner.DataTests.Select(t => t.Name).Should().Equal("fact_deal__unique");
    }

    [Fact]
    public void Models_ModelNamedBeforeItsDependency_OrdersDependencyFirst()
    {
        // "a_summary" sorts before "b_source" by name, but reads it, so it must come after.
        sql.Write("staging/a_summary.sql", "select count(*) as n from b_source");
        sql.Write("staging/b_source.sql", "select 1 as x");

        sql.Runner().Models.Select(m => m.Name).Should().Equal("b_source", "a_summary");
    }

    [Fact]
    public void Models_IndependentModels_OrderByFolderThenName()
    {
        // No references at all: the order is staging, intermediate, core, marts, then name.
        sql.Write("marts/a_mart.sql", "select 1 as x");
        sql.Write("core/b_core.sql", "select 1 as x");
        sql.Write("core/a_core.sql", "select 1 as x");
        sql.Write("staging/z_stage.sql", "select 1 as x");

        sql.Runner().Models.Select(m => m.Name).Should().Equal("z_stage", "a_core", "b_core", "a_mart");
    }

    [Fact]
    public void Models_DependsOnHeader_AddsDependencyTheQueryDoesNotMention()
    {
        sql.Write("staging/a_first.sql", "-- depends_on: b_second, core.c_third\nselect 1 as x");
        sql.Write("staging/b_second.sql", "select 1 as x");
        sql.Write("core/c_third.sql", "select 1 as x");

        var runner = sql.Runner();

        runner.Models.Single(m => m.Name == "a_first").DependsOn.Should().BeEquivalentTo("b_second", "c_third");
        runner.Models.Select(m => m.Name).Should().Equal("b_second", "c_third", "a_first");
    }

    [Fact]
    public void Models_NamesInCommentsStringsAndAfterDots_AreNotDependencies()
    {
        sql.Write("staging/stg_deals.sql", "select 1 as deal_id");
        sql.Write("core/dim_rep.sql", "select 1 as rep_id");
        sql.Write("marts/report.sql", """
            -- reads stg_deals? no
            /* nor core.dim_rep */
            select 'stg_deals' as label, 'core.dim_rep' as other, d.stg_deals, dim_rep
            from raw_deals as d
            """);

        sql.Runner().Models.Single(m => m.Name == "report").DependsOn.Should().BeEmpty();
    }

    [Fact]
    public void Models_QualifiedAndBareReferences_MatchCaseInsensitively()
    {
        sql.Write("staging/stg_deals.sql", "select 1 as deal_id");
        sql.Write("core/dim_rep.sql", "select 1 as rep_id");
        sql.Write("marts/report.sql", "select * from STG_DEALS join Core.\"dim_rep\" on true join run_params on true");

        sql.Runner().Models.Single(m => m.Name == "report").DependsOn.Should().BeEquivalentTo("stg_deals", "dim_rep");
    }

    [Fact]
    public void Constructor_Cycle_ThrowsNamingTheCycle()
    {
        sql.Write("intermediate/a.sql", "select * from b");
        sql.Write("intermediate/b.sql", "select * from a");
        sql.Write("intermediate/c.sql", "select * from a");

        var act = () => sql.Runner();

        act.Should().Throw<ModelDefinitionException>().WithMessage("*cycle: a -> b -> a*");
    }

    [Fact]
    public void Constructor_DependsOnItself_ThrowsNamingTheCycle()
    {
        sql.Write("staging/a.sql", "-- depends_on: a\nselect 1 as x");

        var act = () => sql.Runner();

        act.Should().Throw<ModelDefinitionException>().WithMessage("*cycle: a -> a*");
    }

    [Theory]
    [InlineData("create table core.x as select 1")]
    [InlineData("drop table if exists x")]
    [InlineData("insert into x select 1")]
    [InlineData("alter table x add column y int")]
    [InlineData("copy x to 'x.csv'")]
    [InlineData("attach 'other.db'")]
    public void Constructor_DdlInModel_ThrowsNamingFileAndStatement(string statement)
    {
        var path = sql.Write("core/x.sql", $"-- header\n/* more header */\n{statement}");

        var act = () => sql.Runner();

        var keyword = statement.Split(' ')[0];
        act.Should().Throw<ModelDefinitionException>().WithMessage($"{path} line 3:*found '{keyword}'*");
    }

    [Fact]
    public void Constructor_TwoStatements_Throws()
    {
        var path = sql.Write("staging/x.sql", "select 1;\nselect 2;");

        var act = () => sql.Runner();

        act.Should().Throw<ModelDefinitionException>().WithMessage($"{path} line 1: found ';' followed by more SQL*");
    }

    [Fact]
    public void Constructor_SameNameInTwoFolders_ThrowsNamingBothFiles()
    {
        var staging = sql.Write("staging/deals.sql", "select 1 as x");
        var core = sql.Write("core/deals.sql", "select 1 as x");

        var act = () => sql.Runner();

        act.Should().Throw<ModelDefinitionException>().WithMessage($"*'deals'*{staging}*{core}*");
    }

    [Fact]
    public void Constructor_DependsOnUnknownName_ThrowsNamingFileAndName()
    {
        var path = sql.Write("staging/a.sql", "select 1 as x\n-- depends_on: nope");

        var act = () => sql.Runner();

        act.Should().Throw<ModelDefinitionException>().WithMessage($"{path} line 2: depends_on names 'nope'*");
    }

    [Fact]
    public void Constructor_MissingRoot_ThrowsDirectoryNotFound()
    {
        var act = () => new ModelRunner(Path.Combine(sql.Root, "missing"));

        act.Should().Throw<DirectoryNotFoundException>().WithMessage("*missing*");
    }

    [Fact]
    public void Query_TrailingSemicolonAndComments_AreRemovedKeepingLines()
    {
        sql.Write("staging/a.sql", "-- header\nselect 1 as x -- note\n;\n");

        sql.Runner().Models[0].Query.Should().Be("         \nselect 1 as x");
    }
}
