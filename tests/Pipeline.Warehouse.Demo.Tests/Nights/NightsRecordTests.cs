namespace Pipeline.Warehouse.Demo.Tests.Nights;

/// <summary>The generator's record (truth/) says what the night exports say, worked out here from the exports alone.</summary>
[Collection(NightsDataFixture.Collection)]
public sealed class NightsRecordTests(NightsDataFixture data)
{
    [Fact]
    public void Generate_Snapshot_HoldsEachNightsOpenDealsAndDealsClosedThatDay()
    {
        string[] expected = [.. data.Nights.SelectMany(night => night.SnapshotRows())];

        data.Snapshot.Header.Should().Equal("snapshot_date", "deal_id", "rep_id", "stage", "status", "amount", "expected_close_date");
        data.Snapshot.Rows.Select(row => string.Join(',', row)).Should().Equal(expected);
    }

    [Fact]
    public void Generate_Snapshot_HasRowsOfEveryStatusEveryWorkingDay()
    {
        // Won and lost deals close in office hours on weekdays; every night has open deals.
        foreach (NightFolder night in data.Nights.Where(night => night.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).Skip(1))
        {
            string date = night.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var statuses = data.Snapshot.Rows.Where(row => row[0] == date).Select(row => row[4]).ToHashSet();
            statuses.Should().Contain("open", date).And.Contain(status => status == "won" || status == "lost", date);
        }
    }

    [Fact]
    public void Generate_NightsRecord_CountsTheRowsOfEachNightsFiles()
    {
        foreach (NightFolder night in data.Nights)
        {
            string[] record = data.RecordOf(night);

            record[data.NightsRecord["deals"]].Should().Be(night.Deals.Rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            record[data.NightsRecord["history_rows"]].Should().Be((night.History?.Rows.Count ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
            record[data.NightsRecord["open_deals"]].Should().Be(night.Deals.Rows.Count(deal => night.IsOpen(deal[0])).ToString(System.Globalization.CultureInfo.InvariantCulture));
            record[data.NightsRecord["has_stage_history"]].Should().Be(night.History is null ? "false" : "true");
        }
    }

    [Fact]
    public void Generate_Deletions_NameDealsPresentUpToTheirLastNightAndAbsentFromTheFirstNightAbsentOn()
    {
        data.Deletions.Header.Should().Equal("deal_id", "last_night_present", "first_night_absent");
        foreach (string[] deletion in data.Deletions.Rows)
        {
            foreach (NightFolder night in data.Nights)
            {
                string date = Path.GetFileName(night.Directory);
                bool present = night.DealsById.ContainsKey(deletion[0]);
                if (string.CompareOrdinal(date, deletion[2]) >= 0)
                {
                    present.Should().BeFalse($"{deletion[0]} is deleted from {deletion[2]} on");
                }
                else if (date == deletion[1])
                {
                    present.Should().BeTrue($"{deletion[0]} is present on {deletion[1]}");
                }
            }
        }
    }

    [Fact]
    public void Generate_TeamChanges_AreFromTheSameRegionUnderTheNewTeamsManager()
    {
        data.TeamChanges.Header.Should().Equal("rep_id", "old_team", "new_team", "first_night");
        NightFolder last = data.Nights[^1];
        var managerOfTeam = last.Reps.Rows
            .Where(rep => rep[last.Reps["manager_id"]] == "R001")
            .ToDictionary(rep => rep[last.Reps["team"]], rep => rep[0]);
        foreach (string[] change in data.TeamChanges.Rows)
        {
            string[] rep = last.Reps.Rows.Single(row => row[0] == change[0]);
            rep[last.Reps["team"]].Should().Be(change[2]);
            rep[last.Reps["manager_id"]].Should().Be(managerOfTeam[change[2]], "a rep who changes team reports to its manager");
            change[1].Split(' ')[0].Should().Be(change[2].Split(' ')[0], "reps move within their region");
        }
    }
}
