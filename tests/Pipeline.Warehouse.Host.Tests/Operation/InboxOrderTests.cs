using Pipeline.Warehouse.Host.Operation;
using Pipeline.Warehouse.Host.Tests.Fixtures;

namespace Pipeline.Warehouse.Host.Tests.Operation;

public sealed class InboxOrderTests
{
    [Fact]
    public void List_NightFoldersAndOthers_OldestDateFirstThenNameOthersIgnored()
    {
        using var inbox = new TempFolder();
        foreach (var name in new[] { "2026-12-01_b", "2026-12-01", "2026-11-30", "2026-12-01_a", "2026-13-01", "notes", "2026-12-01 copy", "2026-11-29_x y" })
            Directory.CreateDirectory(inbox.File(name));
        var ignored = new List<string>();

        var nights = NightFolder.List(inbox.Path, ignored.Add);

        // By date, then by name: "2026-12-01" sorts before "2026-12-01_a" (a prefix first), "_a" before "_b".
        nights.Select(n => n.Name).Should().Equal("2026-11-30", "2026-12-01", "2026-12-01_a", "2026-12-01_b");
        nights[1].AsOf.Should().Be(new DateOnly(2026, 12, 1));
        nights[1].Path.Should().Be(inbox.File("2026-12-01"));
        // Month 13 is no date; a space is no suffix character; "notes" has no date.
        ignored.Should().BeEquivalentTo("2026-13-01", "notes", "2026-12-01 copy", "2026-11-29_x y");
    }

    [Theory]
    [InlineData("2026-12-01", true)]
    [InlineData("2026-12-01_redelivered", true)]
    [InlineData("2026-12-01_re.delivered-2", true)]
    [InlineData("2026-02-30", false)]
    [InlineData("2026-12-01_", false)]
    [InlineData("20261201", false)]
    [InlineData("..", false)]
    public void TryParse_Name_NightOrNot(string name, bool night)
    {
        (NightFolder.TryParse(Path.Combine("/inbox", name)) is not null).Should().Be(night);
    }
}
