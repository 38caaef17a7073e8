namespace Pipeline.Warehouse.Reports.Tests;

public sealed class SafeFileNameTests
{
    [Theory]
    [InlineData("../../etc/passwd", "etc-passwd")]
    [InlineData("Zoë O'Neil", "Zoe-ONeil")]
    [InlineData("..", "unnamed")]
    [InlineData("a\\b/c", "a-b-c")]
    [InlineData("  Team   West  ", "Team-West")]
    [InlineData("Núñez_2", "Nunez_2")]
    [InlineData("名前", "unnamed")]
    [InlineData(null, "unnamed")]
    public void From_UntrustedText_KeepsOnlyLettersDigitsDashAndUnderscore(string? text, string expected)
    {
        SafeFileName.From(text).Should().Be(expected);
    }

    [Fact]
    public void From_LongText_CutToTheMaximumLength()
    {
        SafeFileName.From(new string('x', 500)).Should().HaveLength(SafeFileName.MaxLength);
    }

    [Fact]
    public void From_AnyText_NeverASeparatorOrDotDot()
    {
        foreach (var text in new[] { "../..", "..\\..\\x", "a/../b", ".hidden", "C:\\Windows", "\0\n\t" })
        {
            var name = SafeFileName.From(text);
            name.Should().NotContain("/").And.NotContain("\\").And.NotContain("..").And.NotBeEmpty();
            name.Should().MatchRegex("^[A-Za-z0-9_-]+$");
        }
    }
}
