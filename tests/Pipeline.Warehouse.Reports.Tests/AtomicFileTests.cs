namespace Pipeline.Warehouse.Reports.Tests;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "pw-atomic-" + Guid.NewGuid().ToString("N"))).FullName;

    private string File(string name) => Path.Combine(_folder, name);

    [Fact]
    public void Write_Completes_ReplacesTheFileAndLeavesNoTemporaryFile()
    {
        System.IO.File.WriteAllText(File("report.pdf"), "last night");

        AtomicFile.Write(File("report.pdf"), stream => stream.Write("tonight"u8));

        System.IO.File.ReadAllText(File("report.pdf")).Should().Be("tonight");
        Directory.GetFiles(_folder).Select(Path.GetFileName).Should().Equal("report.pdf");
    }

    [Fact]
    public void Write_FailsHalfWay_KeepsThePreviousFileAndRemovesTheTemporaryOne()
    {
        System.IO.File.WriteAllText(File("report.xlsx"), "last night");
        string? temp = null;

        var write = () => AtomicFile.Write(File("report.xlsx"), stream =>
        {
            temp = ((FileStream)stream).Name;
            stream.Write("half of tonig"u8);
            throw new IOException("No space left on device");
        });

        write.Should().Throw<IOException>().WithMessage("No space left on device");
        System.IO.File.ReadAllText(File("report.xlsx")).Should().Be("last night");
        Path.GetDirectoryName(temp).Should().Be(_folder, "the temporary file is beside its final name, so the rename stays in one file system");
        AtomicFile.IsTempName(Path.GetFileName(temp!)).Should().BeTrue();
        Path.GetFileName(temp).Should().StartWith(".report.xlsx.").And.EndWith(".partial");
        Directory.GetFiles(_folder).Select(Path.GetFileName).Should().Equal("report.xlsx");
    }

    [Fact]
    public void Write_NewFile_NothingUnderTheFinalNameUntilComplete()
    {
        var seen = true;
        AtomicFile.Write(File("new.pdf"), stream =>
        {
            stream.Write("content"u8);
            seen = System.IO.File.Exists(File("new.pdf"));
        });

        seen.Should().BeFalse();
        System.IO.File.ReadAllText(File("new.pdf")).Should().Be("content");
    }

    [Fact]
    public void RemoveLeftovers_OnlyOurUnlockedTemporaryFiles()
    {
        var leftover = File(".R1-Ann.xlsx.0123456789abcdef.partial");
        var beingWritten = File(".R2-Bob.xlsx.fedcba9876543210.partial");
        string[] others = ["R1-Ann.xlsx", "notes.partial", ".hidden", ".x.0123456789ABCDEF.partial", ".x.0123.partial", "x.0123456789abcdef.partial"];
        foreach (var name in others.Append(Path.GetFileName(leftover)))
            System.IO.File.WriteAllText(File(name), "x");
        using var writer = new FileStream(beingWritten, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);

        var removed = AtomicFile.RemoveLeftovers(_folder);

        removed.Should().Be(1);
        System.IO.File.Exists(leftover).Should().BeFalse("a killed run's temporary file goes");
        System.IO.File.Exists(beingWritten).Should().BeTrue("a running report run's temporary file stays");
        Directory.GetFiles(_folder).Select(Path.GetFileName).Should().BeEquivalentTo(others.Append(Path.GetFileName(beingWritten)));
    }

    [Fact]
    public void RemoveLeftovers_NoFolder_RemovesNothing()
    {
        AtomicFile.RemoveLeftovers(File("none")).Should().Be(0);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
