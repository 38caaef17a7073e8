namespace Pipeline.Warehouse.Demo;

/// <summary>Parts of generated company names, and a few hand-written ones that exercise CSV quoting and UTF-8.</summary>
internal static class AccountNames
{
    public static readonly string[] Prefixes =
    [
        "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Cyberdyne", "Soylent", "Hooli", "Vandelay",
        "Tyrell", "Wonka", "Gringotts", "Oscorp", "Aperture", "Massive Dynamic", "Blue Sun", "Monarch", "Nakatomi", "Vehement",
        "Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Adventure Works", "Proseware", "Woodgrove", "Alpine", "Coho",
        "Bluebird", "Silverline", "Redwood", "Ironclad", "Brightpath", "Summit", "Harbor", "Keystone", "Pinnacle", "Evergreen",
        "Granite", "Lakeside", "Meridian", "Nimbus", "Orion", "Polaris", "Quantum", "Riverbend",
    ];

    public static readonly string[] Suffixes =
    [
        "Industries", "Corp", "Labs", "Systems", "Logistics", "Health", "Foods", "Financial", "Energy", "Retail",
        "Media", "Group", "Holdings", "Manufacturing", "Software", "Partners", "Insurance", "Telecom", "Pharma", "Airlines",
    ];

    /// <summary>Drawn for about 3% of deals, so quoting and non-ASCII text appear in every demo.</summary>
    public static readonly string[] Special =
    [
        "Smith, Jones & Co",
        "The \"Best\" Widgets",
        "O'Brien, Walsh and Partners",
        "\"Quoted\" Ventures, Inc.",
        "Müller & Söhne GmbH",
        "São Paulo Logística S.A.",
    ];
}
