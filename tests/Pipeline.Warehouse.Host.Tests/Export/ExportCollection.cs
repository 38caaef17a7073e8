namespace Pipeline.Warehouse.Host.Tests.Export;

/// <summary>The export tests share one <see cref="ExportRun"/>.</summary>
[CollectionDefinition(ExportRun.Collection)]
public sealed class ExportCollection : ICollectionFixture<ExportRun>;
