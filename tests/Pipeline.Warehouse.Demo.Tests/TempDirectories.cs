using System.Security.Cryptography;

namespace Pipeline.Warehouse.Demo.Tests;

/// <summary>Fresh folders for a test class's generated files, deleted on dispose; and file hashes to compare them.</summary>
internal sealed class TempDirectories : IDisposable
{
    private readonly List<string> directories = [];

    public string New()
    {
        string directory = TempDirectory.Create();
        directories.Add(directory);
        return directory;
    }

    public static string Hash(string directory, string file) =>
        Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(directory, file))));

    public void Dispose()
    {
        foreach (string directory in directories)
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
