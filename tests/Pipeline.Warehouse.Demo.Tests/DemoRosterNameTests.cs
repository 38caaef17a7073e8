namespace Pipeline.Warehouse.Demo.Tests;

/// <summary>HubSpot names a deal's owner by full name, so every roster's names must be unique.</summary>
public sealed class DemoRosterNameTests
{
    [Fact]
    public void Build_FixedRoster_RepNamesAreUnique()
    {
        DemoRoster.Build().Reps.Select(rep => rep.Name).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Build_EveryScaledRosterUpTo1000Reps_RepNamesAreUniqueAndSplitIntoFirstAndLastName()
    {
        for (int reps = 1; reps <= 1000; reps++)
        {
            var names = DemoRoster.Build(reps).Reps.Select(rep => rep.Name).ToList();

            names.Distinct(StringComparer.Ordinal).Count().Should().Be(names.Count, $"--reps {reps} names every person differently");
            names.Should().OnlyContain(name => name.Count(c => c == ' ') == 1, $"--reps {reps}: one first and one last name");
        }
    }

    [Fact]
    public void Build_LargestScaledRoster_RepNamesAreUnique()
    {
        DemoRoster.Build(DemoRoster.MaxReps).Reps.Select(rep => rep.Name).Should().OnlyHaveUniqueItems();
    }
}
