namespace Pipeline.Warehouse.Reports;

/// <summary>A weak stage of a rep against the rest of the team (marts.rep_coaching).</summary>
internal sealed record CoachingFlag(string RepId, string Team, string Stage, int StageOrder, long RepExits, double RepConversion, long PeerExits, double PeerConversion, double ZScore);
