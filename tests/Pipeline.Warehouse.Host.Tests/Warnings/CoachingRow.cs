namespace Pipeline.Warehouse.Host.Tests.Warnings;

/// <summary>One row of marts.rep_coaching.</summary>
public sealed record CoachingRow(
    string RepId,
    string Team,
    string Stage,
    long RepExits,
    double RepConversion,
    long PeerExits,
    double PeerConversion,
    double ZScore);
