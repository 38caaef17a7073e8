namespace Pipeline.Warehouse.Demo.Tests.Nights;

/// <summary>The nights' test classes share one <see cref="NightsDataFixture"/>.</summary>
[CollectionDefinition(NightsDataFixture.Collection)]
public sealed class NightsCollection : ICollectionFixture<NightsDataFixture>;
