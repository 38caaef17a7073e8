using ClosedXML.Excel;
using Pipeline.Warehouse.Host.Etl;
using Pipeline.Warehouse.Reports.Tests.Fixtures;

namespace Pipeline.Warehouse.Reports.Tests;

/// <summary>
/// A report set is read from one version of the warehouse: the scorecards and the PDFs written
/// from one <see cref="ReportSource"/> show the load it opened, even when a run renames a new
/// warehouse over the path between them (the old code opened the path for each and wrote the
/// workbooks from the old warehouse and the PDFs from the new one).
/// </summary>
public sealed class ReportSourceTests : IDisposable
{
    private const string Header = "deal_id,deal_name,rep_id,account_name,region,product,company_size,lead_type,amount,currency,created_at,expected_close_date,stage,loss_reason\n";

    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "pw-source-" + Guid.NewGuid().ToString("N"))).FullName;

    [Fact]
    public void ReportSet_WarehouseReplacedMidSet_WorkbooksAndPdfsShowTheOpenedLoad()
    {
        // The old warehouse: load 1 as of 2026-11-30, rep "Old Timer" of team Old, 700 open.
        var path = Path.Combine(_root, "warehouse.duckdb");
        Load(path, "2026-11-30", "R1,Old Timer,old@example.com,,Old,EMEA,true\n",
            "D1,Won,R1,Acme,EMEA,Core,smb,inbound,1000,,2026-06-01,2026-09-15,closed_won,\nD2,Open,R1,Acme,EMEA,Core,smb,inbound,700,,2026-10-01,2027-01-10,demo,\n");
        // The new one, built beside it: load 2 as of 2026-12-31, rep "New Comer" of team New, 9,100 open.
        var next = Path.Combine(_root, "next.duckdb");
        var newReps = "R1,New Comer,new@example.com,,New,APAC,true\n";
        var newDeals = "D1,Won,R1,Beta,APAC,Core,smb,inbound,5000,,2026-07-01,2026-10-15,closed_won,\nD2,Open,R1,Beta,APAC,Core,smb,inbound,9100,,2026-11-01,2027-02-10,demo,\n";
        Load(next, "2026-12-30", newReps, newDeals);
        Load(next, "2026-12-31", newReps, newDeals);
        var output = Path.Combine(_root, "reports");

        ScorecardResult scorecards;
        HealthReportResult health;
        using (var source = ReportSource.Open(path))
        {
            scorecards = Scorecards.Write(source, output);
            File.Move(next, path, overwrite: true); // a run publishes its warehouse while the reports are written
            health = HealthReports.Write(source, output);
            source.Load.Should().Be(new WarehouseLoad(1, new DateOnly(2026, 11, 30)));
        }

        const string Label = "Warehouse load 1, as of 2026-11-30";
        scorecards.AsOf.Should().Be(new DateOnly(2026, 11, 30));
        health.AsOf.Should().Be(new DateOnly(2026, 11, 30));
        scorecards.RepFiles.Select(Path.GetFileName).Should().Equal("R1-Old-Timer.xlsx");
        scorecards.ManagerFiles.Select(Path.GetFileName).Should().Equal("Old.xlsx");
        health.ManagerFiles.Select(Path.GetFileName).Should().Equal("Old.pdf");
        using (var workbook = new XLWorkbook(scorecards.RepFiles[0]))
        {
            workbook.Worksheet(1).Cell(3, 1).GetString().Should().Be(Label);
            workbook.Worksheet(1).Cell(1, 1).GetString().Should().Contain("Old Timer");
        }
        using (var workbook = new XLWorkbook(scorecards.ManagerFiles[0]))
            workbook.Worksheet(1).Cell(3, 1).GetString().Should().Be(Label);
        foreach (var pdf in health.ManagerFiles.Prepend(health.ExecutiveFile))
        {
            var page1 = PdfText.Pages(pdf)[0];
            page1.Should().Contain(Label + ".").And.Contain("Open pipeline $700 1 deal;");
        }

        // The path does hold the new warehouse: a source opened now shows load 2.
        using var now = ReportSource.Open(path);
        now.Load.Should().Be(new WarehouseLoad(2, new DateOnly(2026, 12, 31)));
        now.LoadLabel.Should().Be("Warehouse load 2, as of 2026-12-31");
    }

    [Fact]
    public void LoadLabel_EveryWorkbookAndPdf_NamesTheLatestLoad()
    {
        var path = Path.Combine(_root, "warehouse.duckdb");
        Load(path, "2026-11-30", "R1,Ann Lee,ann@example.com,,East,EMEA,true\nR2,Bob Roe,bob@example.com,,East,EMEA,true\n",
            "D1,Won,R1,Acme,EMEA,Core,smb,inbound,1000,,2026-06-01,2026-09-15,closed_won,\nD2,Open,R2,Acme,EMEA,Core,smb,inbound,700,,2026-10-01,2027-01-10,demo,\n");

        var scorecards = Scorecards.Write(path, Path.Combine(_root, "reports"));
        var health = HealthReports.Write(path, Path.Combine(_root, "reports"));

        foreach (var file in scorecards.RepFiles.Concat(scorecards.ManagerFiles))
        {
            using var workbook = new XLWorkbook(file);
            workbook.Worksheet(1).Cell(3, 1).GetString().Should().Be("Warehouse load 1, as of 2026-11-30", file);
        }
        foreach (var pdf in health.ManagerFiles.Prepend(health.ExecutiveFile))
            PdfText.Pages(pdf)[0].Should().Contain("Warehouse load 1, as of 2026-11-30.", pdf);
    }

    /// <summary>Runs the real job on one rep file and one deals file into <paramref name="warehouse"/>.</summary>
    private void Load(string warehouse, string asOf, string reps, string deals)
    {
        var input = Path.Combine(_root, "input-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(input);
        File.WriteAllText(Path.Combine(input, "reps.csv"), "rep_id,rep_name,email,manager_id,team,region,active\n" + reps);
        File.WriteAllText(Path.Combine(input, "deals.csv"), Header + deals);
        new EtlJob(new EtlOptions { Input = input, Warehouse = warehouse, AsOf = DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture) }, NullObserver.Instance).Run();
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
