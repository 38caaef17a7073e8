namespace Pipeline.Warehouse.Demo.Tests.Nights;

/// <summary>Night k+1 differs from night k only by what a CRM does in a day; the past is never rewritten.</summary>
[Collection(NightsDataFixture.Collection)]
public sealed class NightsEvolutionTests(NightsDataFixture data)
{
    /// <summary>Columns a deal keeps from night to night (the owner included: reps change team, deals keep their rep).</summary>
    private static readonly string[] FixedColumns =
        ["deal_name", "rep_id", "account_name", "region", "product", "company_size", "lead_type", "currency", "created_at"];

    [Fact]
    public void Generate_NextNight_LosesOnlyTheDealsTheRecordSaysWereDeletedOnWorkingDays()
    {
        foreach ((NightFolder before, NightFolder after) in Pairs())
        {
            string[] gone = [.. before.DealsById.Keys.Where(id => !after.DealsById.ContainsKey(id))];
            string[] recorded = [.. data.Deletions.Rows.Where(row => row[2] == Name(after)).Select(row => row[0])];

            gone.Should().BeEquivalentTo(recorded, $"deals gone from {Name(after)}");
            data.Deletions.Rows.Where(row => row[2] == Name(after) && row[1] != Name(before)).Should().BeEmpty("a deleted deal's last night is the night before");
            if (gone.Length > 0)
            {
                after.Date.DayOfWeek.Should().NotBe(DayOfWeek.Saturday).And.NotBe(DayOfWeek.Sunday);
            }
        }
    }

    [Fact]
    public void Generate_NextNight_AddsOnlyDealsCreatedThatDayAndKeepsEveryDealsAttributes()
    {
        foreach ((NightFolder before, NightFolder after) in Pairs())
        {
            string[] changed =
            [
                .. after.DealsById.Keys.Where(before.DealsById.ContainsKey)
                    .SelectMany(id => FixedColumns.Where(column => after.Column(id, column) != before.Column(id, column)).Select(column => $"{id} {column}")),
            ];
            string[] notNew =
            [
                .. after.DealsById.Keys.Where(id => !before.DealsById.ContainsKey(id))
                    .Where(id => Timestamps.Parse(after.Column(id, "created_at")) < before.End || Timestamps.Parse(after.Column(id, "created_at")) >= after.End),
            ];

            changed.Should().BeEmpty($"deals keep their attributes on {Name(after)}");
            notNew.Should().BeEmpty($"deals new on {Name(after)} are created that day");
        }
    }

    [Fact]
    public void Generate_NextNightWithHistory_KeepsEveryHistoryRowAndAddsOnlyRowsOfTheDaysBetween()
    {
        NightFolder[] withHistory = [.. data.Nights.Where(night => night.History is not null)];
        for (int i = 1; i < withHistory.Length; i++)
        {
            NightFolder before = withHistory[i - 1];
            NightFolder after = withHistory[i];
            foreach ((string id, List<string> rows) in after.HistoryByDeal)
            {
                List<string> earlier = before.HistoryByDeal.GetValueOrDefault(id) ?? [];
                rows.Take(earlier.Count).Should().Equal(earlier, $"{id}'s history rows of {Name(before)} stay as they were on {Name(after)}");
                rows.Skip(earlier.Count).Select(row => Timestamps.Parse(CsvTable.SplitLine(row)[2]))
                    .Where(at => at < before.End || at >= after.End)
                    .Should().BeEmpty($"{id}'s new rows on {Name(after)} are of the days since {Name(before)}");
            }

            before.HistoryByDeal.Keys.Where(id => after.DealsById.ContainsKey(id) && !after.HistoryByDeal.ContainsKey(id))
                .Should().BeEmpty($"no deal loses its history on {Name(after)}");
        }
    }

    [Fact]
    public void Generate_NextNight_ChangesRepsOnlyByTheRecordedTeamChanges()
    {
        foreach ((NightFolder before, NightFolder after) in Pairs())
        {
            Dictionary<string, string> teamsBefore = before.Teams();
            var changed = after.Teams().Where(rep => rep.Value != teamsBefore[rep.Key]).Select(rep => (rep.Key, teamsBefore[rep.Key], rep.Value));
            var recorded = data.TeamChanges.Rows.Where(row => row[3] == Name(after)).Select(row => (row[0], row[1], row[2]));

            changed.Should().BeEquivalentTo(recorded, $"team changes on {Name(after)}");
            after.Reps.Rows.Select(row => row[0]).Should().Equal(before.Reps.Rows.Select(row => row[0]), "no rep comes or goes");
        }
    }

    [Fact]
    public void Generate_ThirtyNightsOfTheDemo_HoldEveryKindOfChangeManyTimes()
    {
        Dictionary<string, int> totals = Pairs()
            .SelectMany(pair => Changes(pair.Before, pair.After))
            .GroupBy(change => change.Kind)
            .ToDictionary(group => group.Key, group => group.Count());

        // 600 open deals and 35 sellers over 30 nights: dozens of each day-to-day change, a handful of deletions, a few team moves.
        foreach (string kind in new[] { "created", "advanced", "pushed", "repriced", "won", "lost" })
        {
            totals.GetValueOrDefault(kind).Should().BeGreaterThan(40, kind);
        }

        totals.GetValueOrDefault("deleted").Should().BeInRange(5, 30);
        totals.GetValueOrDefault("team_changed").Should().BeInRange(3, 8);
    }

    [Fact]
    public void Generate_TheRecordsNightCounts_AreTheChangesBetweenTheExports()
    {
        foreach ((NightFolder before, NightFolder after) in Pairs())
        {
            string[] record = data.RecordOf(after);
            var counted = Changes(before, after).GroupBy(change => change.Kind).ToDictionary(group => group.Key, group => group.Count());
            foreach (string kind in data.NightsRecord.Header.Skip(6))
            {
                int.Parse(record[data.NightsRecord[kind]], System.Globalization.CultureInfo.InvariantCulture)
                    .Should().Be(counted.GetValueOrDefault(kind), $"{kind} on {Name(after)}");
            }
        }
    }

    /// <summary>The changes from one night's export to the next, worked out from the two exports alone.</summary>
    internal static IEnumerable<(string Kind, string Id)> Changes(NightFolder before, NightFolder after)
    {
        foreach (string id in before.DealsById.Keys.Where(id => !after.DealsById.ContainsKey(id)))
        {
            yield return ("deleted", id);
        }

        foreach (string id in after.DealsById.Keys)
        {
            if (after.ClosedTonight(id))
            {
                yield return (after.Order(id) == StageOrders.Won ? "won" : "lost", id);
            }

            if (!before.DealsById.ContainsKey(id))
            {
                yield return ("created", id);
                continue;
            }

            if (before.IsOpen(id) && after.IsOpen(id))
            {
                if (after.Order(id) > before.Order(id))
                {
                    yield return ("advanced", id);
                }

                if (string.CompareOrdinal(after.Column(id, "expected_close_date"), before.Column(id, "expected_close_date")) > 0)
                {
                    yield return ("pushed", id);
                }
            }

            string amount = after.Column(id, "amount");
            if (amount.Length > 0 && amount != before.Column(id, "amount"))
            {
                yield return ("repriced", id);
            }
        }

        Dictionary<string, string> teams = before.Teams();
        foreach (string rep in after.Teams().Where(rep => rep.Value != teams[rep.Key]).Select(rep => rep.Key))
        {
            yield return ("team_changed", rep);
        }
    }

    private static string Name(NightFolder night) => Path.GetFileName(night.Directory);

    private IEnumerable<(NightFolder Before, NightFolder After)> Pairs() => data.Nights.Zip(data.Nights.Skip(1));
}
