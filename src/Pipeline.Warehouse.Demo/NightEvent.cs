namespace Pipeline.Warehouse.Demo;

/// <summary>
/// A change between a night's export and the CRM at the start of that night's day, counted per
/// night in truth/nights.csv (one column each, in this order).
/// </summary>
public enum NightEvent
{
    /// <summary>A deal created that day.</summary>
    Created,

    /// <summary>An open deal in a later stage than at the start of the day, still open.</summary>
    Advanced,

    /// <summary>An open deal, still open, expected to close later than at the start of the day.</summary>
    Pushed,

    /// <summary>A deal whose amount differs from the start of the day (closing included).</summary>
    Repriced,

    /// <summary>A deal won that day.</summary>
    Won,

    /// <summary>A deal lost that day.</summary>
    Lost,

    /// <summary>A deal of the previous night's export deleted in the CRM: absent from this one.</summary>
    Deleted,

    /// <summary>A rep in another team than in the previous night's reps.csv.</summary>
    TeamChanged,
}
