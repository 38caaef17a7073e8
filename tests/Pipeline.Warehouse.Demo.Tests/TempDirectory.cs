namespace Pipeline.Warehouse.Demo.Tests;

internal static class TempDirectory
{
    public static string Create() =>
        System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "pw-demo-" + Guid.NewGuid().ToString("N"))).FullName;
}
