namespace CoordSim;

/// <summary>The parameter presets the library ships: what <c>coordsim params --preset</c> and <c>--preset</c> on <c>run</c>, <c>compare</c> accept.</summary>
public static class ParameterPresets
{
    /// <summary>
    /// The first model (v1): no deputies and full top attention, every cross-department issue escalated at once to
    /// the government head, bodies without an office that decide everything at meetings (the leading group monthly
    /// with emergency meetings, the office weekly, the task force at a weekly dispatch), meetings and reports that
    /// cost no desk time, no risk-responsive escalation, no progress reviews, a command headquarters that also takes
    /// every cross-department issue, emergencies that travel like everything else, no warm-up, no planted faults, and effort that can only fall below the calibrated rate (a share w works at w^alpha; the first model clamped w at 0.05, so a scenario with alpha > 0 sets effortFloor = 0.05^alpha). With it, every measure of
    /// the five canonical structures equals the first model's within floating-point tolerance (a regression test
    /// holds this), except where a body is dissolved: the first model kept a dissolved body's seconded capacity away
    /// from home, which model v2 corrects.
    /// </summary>
    public static ParameterPreset V1 { get; } = new(
        "v1",
        "The first model: frictionless hierarchy, bodies that decide only at meetings, free meetings (reproduces its numbers).",
        [
            new("deputies", "0"),
            new("topAttention", "1"),
            new("deflectProbability", "0"),
            new("consultationRounds", "1"),
            new("contestedShare", "1"),
            new("emergencyDelay", "0.25"),
            new("emergencySkipLevels", "0"),
            new("officeStaff", "0"),
            new("bodyAuthority", "0"),
            new("plenaryInterval", "30"),
            new("agendaTrigger", "0"),
            new("agendaCapacity", "380"),
            new("escalationThreshold", "1000"),
            new("consultInterval", "7"),
            new("dispatchInterval", "0"),
            new("meetingDuration", "0"),
            new("minutesPerItem", "0"),
            new("reportInterval", "0"),
            new("commandCoversCrossDepartment", "true"),
            new("warmupDays", "0"),
            new("faultProbability", "0"),
            new("referenceTeamSize", "1"),
            new("effortCeiling", "1"),
        ]);

    private static readonly ParameterPreset[] Items = [V1];

    /// <summary>Every preset.</summary>
    public static IReadOnlyList<ParameterPreset> All => Items;

    /// <summary>The preset named <paramref name="name"/> (case-insensitive), or null.</summary>
    public static ParameterPreset? Find(string name) =>
        Items.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The names of every preset, comma-separated (for error messages).</summary>
    public static string Names => string.Join(", ", Items.Select(p => p.Name));
}
