namespace Pipeline.Warehouse.Reports.Tests;

/// <summary>The data-quality page's sentence on the nights the warehouse remembers (marts.data_quality).</summary>
public sealed class HistoryNoteTests
{
    private static DataQuality Quality(long nights, long deleted, long deletedTonight, long inferred) =>
        new(100, 0, 0, 0, 0, 0, 0, nights, new DateOnly(2026, 11, 1), deleted, deletedTonight, inferred, 0);

    [Fact]
    public void HistoryNote_ThirtyNights_SaysFromWhenAndCountsDeletedAndInferredDeals()
    {
        HealthDocument.HistoryNote(Quality(30, 4, 1, 3)).Should().Be(
            "The warehouse remembers 30 nights, from 2026-11-01; before that, amounts and close dates come from the stage history or this export."
            + " 4 deals deleted in the CRM are kept apart (1 since the night before; core.deleted_deal) and counted in no figure."
            + " 3 deals' stage changes were inferred from one night to the next, because the export has no stage history for them.");
    }

    [Fact]
    public void HistoryNote_OneNight_SaysItIsThisOne()
    {
        HealthDocument.HistoryNote(Quality(1, 0, 0, 0)).Should().Be(
            "The warehouse remembers one night, this one: amounts and close dates of earlier dates come from the stage history or this export."
            + " No deal has disappeared from the exports since the first night.");
    }
}
