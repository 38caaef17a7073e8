namespace Pipeline.Warehouse.Demo;

/// <summary>
/// How a lead type behaves: conversion multipliers for the early stages (lead to opportunity)
/// and the late ones (demo to close), a dwell-time multiplier and an amount multiplier.
/// </summary>
internal sealed record LeadTypeProfile(string Label, double Early, double Late, double Speed, double AmountFactor)
{
    /// <summary>The nine canonical lead types, as labels a CRM shows, in canonical order.</summary>
    public static readonly LeadTypeProfile[] All =
    [
        new("Inbound", Early: 1.03, Late: 0.93, Speed: 0.80, AmountFactor: 0.85),
        new("MQL", Early: 1.02, Late: 0.91, Speed: 0.85, AmountFactor: 0.90),
        new("SQL", Early: 1.04, Late: 0.98, Speed: 0.90, AmountFactor: 1.00),
        new("Warm Call", Early: 0.98, Late: 0.98, Speed: 1.00, AmountFactor: 1.00),
        new("Target Account", Early: 0.95, Late: 1.00, Speed: 1.45, AmountFactor: 1.80),
        new("Friends/Family", Early: 1.06, Late: 1.12, Speed: 0.70, AmountFactor: 0.90),
        new("Event", Early: 0.99, Late: 0.95, Speed: 1.00, AmountFactor: 1.05),
        new("Referral", Early: 1.06, Late: 1.12, Speed: 0.70, AmountFactor: 1.10),
        new("Re-engaged", Early: 0.88, Late: 0.80, Speed: 1.10, AmountFactor: 0.90),
    ];
}
