using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

/// <summary>
/// Issue #10: the as-of date a report shows comes from the warehouse. Its figures are as of its
/// latest run, so <see cref="ReportSource.AsOfFor"/> gives that date for none or the same one and
/// refuses any other (the old writers took any date and mixed that month's labels with the
/// warehouse's figures); the writers take no date at all.
/// </summary>
public sealed class ReportAsOfTests : IDisposable
{
    private const string Header = "deal_id,deal_name,rep_id,account_name,region,product,company_size,lead_type,amount,currency,created_at,expected_close_date,stage,loss_reason\n";

    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "pw-asof-" + Guid.NewGuid().ToString("N"))).FullName;

    private string Warehouse => Path.Combine(_root, "warehouse.duckdb");

    private string Input => Path.Combine(_root, "input");

    /// <summary>Load 1 as of 2026-11-30: two deals, created 2026-03-15 and 2026-10-01.</summary>
    private ReportSource Built()
    {
        Directory.CreateDirectory(Input);
        File.WriteAllText(Path.Combine(Input, "reps.csv"), "rep_id,rep_name,email,manager_id,team,region,active\nR1,Ann Lee,ann@example.com,,East,EMEA,true\n");
        File.WriteAllText(Path.Combine(Input, "deals.csv"), Header
            + "D1,Won,R1,Acme,EMEA,Core,smb,inbound,1000,,2026-03-15,2026-09-15,closed_won,\nD2,Open,R1,Acme,EMEA,Core,smb,inbound,700,,2026-10-01,2027-01-10,demo,\n");
        new EtlJob(new EtlOptions { Input = Input, Warehouse = Warehouse, AsOf = new DateOnly(2026, 11, 30) }, NullObserver.Instance).Run();
        return ReportSource.Open(Warehouse);
    }

    [Fact]
    public void AsOfFor_NoneOrTheWarehousesOwn_IsTheWarehousesAsOf()
    {
        using var source = Built();

        source.AsOfFor(null).Should().Be(new DateOnly(2026, 11, 30));
        source.AsOfFor(new DateOnly(2026, 11, 30)).Should().Be(new DateOnly(2026, 11, 30));
    }

    [Fact]
    public void AsOfFor_MonthsBefore_IsRefusedNamingBothDatesAndHowToBuildOne()
    {
        using var source = Built();

        var act = () => source.AsOfFor(new DateOnly(2026, 6, 30));

        act.Should().Throw<ReportAsOfException>().Which.Message.Should()
            .Contain($"the warehouse {Warehouse} is built as of 2026-11-30 (load 1): its figures are as of 2026-11-30")
            .And.Contain("reports as of 2026-06-30").And.Contain("Nothing was written.")
            .And.Contain($"build a warehouse as of 2026-06-30 from the same exports (load 1 read {Input})")
            .And.Contain($"./run-etl.sh run --input {Input} --as-of 2026-06-30 --warehouse <other file> --reports <dir>")
            .And.Contain("leave out --as-of or pass --as-of 2026-11-30");
    }

    [Fact]
    public void AsOfFor_AfterTheWarehousesAsOf_IsRefusedToo()
    {
        using var source = Built();

        var act = () => source.AsOfFor(new DateOnly(2026, 12, 31));

        act.Should().Throw<ReportAsOfException>().Which.Message.Should().Contain("is built as of 2026-11-30").And.Contain("2026-12-31");
    }

    [Theory]
    [InlineData("2026-03-14")]
    [InlineData("2025-01-01")]
    public void AsOfFor_BeforeEveryDeal_SaysNoDealsBeforeAndTheEarliest(string date)
    {
        using var source = Built();

        var act = () => source.AsOfFor(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        act.Should().Throw<ReportAsOfException>().Which.Message.Should()
            .StartWith($"no deals before {date}: the earliest deal in the warehouse {Warehouse} was created on 2026-03-15.");
    }

    [Fact]
    public void AsOfFor_TheDayOfTheEarliestDeal_HasDealsSoSaysHowToBuildOne()
    {
        // A deal created on D is created before T of D (the start of the next day).
        using var source = Built();

        var act = () => source.AsOfFor(new DateOnly(2026, 3, 15));

        act.Should().Throw<ReportAsOfException>().Which.Message.Should().Contain("is built as of 2026-11-30").And.NotContain("no deals before");
    }

    [Fact]
    public void Writers_TakeTheWarehousesAsOf()
    {
        using var source = Built();

        Scorecards.Write(source, Path.Combine(_root, "out")).AsOf.Should().Be(new DateOnly(2026, 11, 30));
        HealthReports.Write(source, Path.Combine(_root, "out")).AsOf.Should().Be(new DateOnly(2026, 11, 30));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
