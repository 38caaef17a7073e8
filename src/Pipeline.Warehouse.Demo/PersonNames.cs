namespace Pipeline.Warehouse.Demo;

/// <summary>Fixed first and last names for the roster (one first name per person, so emails are unique).</summary>
internal static class PersonNames
{
    public static readonly string[] First =
    [
        "Alice", "Marcus", "Priya", "Daniel", "Sofia", "Kenji", "Olivia", "Mateo", "Hannah", "Samuel",
        "Chloe", "Ravi", "Emma", "Lucas", "Aisha", "Noah", "Isabel", "Ethan", "Mei", "Jonas",
        "Grace", "Diego", "Leah", "Tomas", "Nora", "Arjun", "Claire", "Felix", "Zoe", "Omar",
        "Ingrid", "Hugo", "Maya", "Victor", "Elena", "Kwame", "Julia", "Pedro", "Yuki", "Liam",
        "Fatima", "Oscar", "Ruth", "Andre",
    ];

    public static readonly string[] Last =
    [
        "Johnson", "Garcia", "Patel", "Nguyen", "Schmidt", "Tanaka", "Rossi", "Silva", "Brown", "Kim",
        "Martin", "Okafor", "Larsen", "Dubois", "Khan", "Miller", "Costa", "Novak", "Chen", "Walsh",
        "Fischer", "Moreno", "Hughes", "Singh", "Berg", "Lopez", "Murphy", "Weber", "Sato", "Ahmed",
        "Jansen", "Reyes", "Clarke", "Lindqvist", "Park", "Mensah", "Ferreira", "Wright", "Ito", "Keller",
        "Ramos", "Hall", "Ortiz",
    ];
}
