using System.Text;
using Pipeline.Warehouse.Ingest.Canonical;
using Pipeline.Warehouse.Ingest.Csv;

namespace Pipeline.Warehouse.Ingest.Tests.Csv;

public sealed class CsvHeaderTests
{
    [Fact]
    public void Read_BomCrlfQuotedHeader_GivesTrimmedNames()
    {
        using var folder = new TempDirectory();
        var path = Path.Combine(folder.Path, "deals.csv");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(" Deal_ID ,\"rep, id\",\"a \"\"b\"\"\"\r\n1,2,3\r\n")]);

        CsvHeader.Read(path).Should().Equal("Deal_ID", "rep, id", "a \"b\"");
    }

    [Fact]
    public void Open_HeadersInAnyCaseAndOrder_MapToCanonicalColumns()
    {
        using var folder = new TempDirectory();
        folder.Write("DEALS.CSV", "Stage,DEAL_ID,rep_id,Region,product,created_at,notes\n");
        folder.Write("reps.csv", "rep_id,rep_name,team,region\n");

        var files = InputFolder.Open(folder.Path, CanonicalDialect.Files);

        var deals = files.Single(f => f.Spec.Table == "deals");
        deals.Columns.Should().Equal("stage", "deal_id", "rep_id", "region", "product", "created_at", null);
        deals.HeaderOf("deal_id").Should().Be("DEAL_ID");
        files.Should().HaveCount(2, "stage_history.csv and quotas.csv are optional");
    }

    [Fact]
    public void Open_MissingRequiredColumn_NamesFileColumnAndHeadersFound()
    {
        using var folder = new TempDirectory();
        folder.Write("deals.csv", "deal_id,rep_id,region,product,created_at\n");
        folder.Write("reps.csv", "rep_id,rep_name,team,region\n");

        var act = () => InputFolder.Open(folder.Path, CanonicalDialect.Files);

        act.Should().Throw<InputException>()
            .WithMessage("deals.csv: required column \"stage\" is missing. Found headers: \"deal_id\", \"rep_id\", \"region\", \"product\", \"created_at\".*");
    }

    [Fact]
    public void Open_MissingRequiredFile_NamesItAndWhatWasFound()
    {
        using var folder = new TempDirectory();
        folder.Write("deals.csv", "deal_id,rep_id,region,product,created_at,stage\n");

        var act = () => InputFolder.Open(folder.Path, CanonicalDialect.Files);

        act.Should().Throw<InputException>().WithMessage("Required file reps.csv is missing from *. Found: deals.csv.*");
    }

    [Fact]
    public void Open_SameColumnTwice_IsRefused()
    {
        using var folder = new TempDirectory();
        folder.Write("deals.csv", "deal_id,rep_id,region,product,created_at,stage,Stage\n");
        folder.Write("reps.csv", "rep_id,rep_name,team,region\n");

        var act = () => InputFolder.Open(folder.Path, CanonicalDialect.Files);

        act.Should().Throw<InputException>().WithMessage("deals.csv: column \"stage\" appears twice in the header (columns 6 and 7)*");
    }
}
