using CoordSim.Structures;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CoordSim.Tests.Structures;

/// <summary>
/// Body designs a spec can now build from fields (<c>bodies</c>, <c>bodies[0].FIELD</c>) run without failing and lose
/// no issue, whatever valid values the fields take: random fields of a random preset's body, random values in range.
/// </summary>
public class BodyDesignProperties
{
    /// <summary>Fields the property moves, with the largest value it tries (the catalog allows more; runs stay short).</summary>
    private static readonly (string Name, double Largest)[] Moved =
    [
        ("collectivity", 1), ("deciderShare", 1), ("chairSeconded", 1), ("coversCrossDepartment", 1), ("coversEmergencies", 1),
        ("entryFromFrontline", 1), ("emergenciesFromFrontline", 1), ("handling", 3), ("officeStaff", 4), ("coLocated", 1),
        ("contestedShare", 1), ("deflectProbability", 1), ("consultationRounds", 4), ("authority", 1), ("meetingInterval", 40),
        ("agendaCapacity", 50), ("agendaTrigger", 30), ("onSiteEmergencies", 1), ("emergencyMeeting", 1), ("emergencyMeetingDelay", 3),
        ("meetingDuration", 1), ("minutesPerItem", 30), ("reviewInterval", 14), ("pressureAge", 14), ("reportInterval", 14),
        ("reportDuration", 0.5), ("escalationShare", 0.3), ("escalationThreshold", 4), ("secondmentShare", 0.95), ("executorsPerDepartment", 4),
        ("experts", 3), ("supervisionInterval", 30), ("supervisionBoost", 1), ("supervisionDuration", 10), ("count", 8),
        ("membershipsPerPerson", 3), ("switchingOverhead", 0.9), ("formOn", 1), ("formationDelay", 10), ("missionDays", 20), ("restartAfter", 10),
    ];

    public static Arbitrary<(int Preset, (int Field, double U)[] Settings, int Seed)> Designs() =>
        (from preset in Gen.Choose(0, 3)
         from count in Gen.Choose(1, 8)
         from fields in Gen.ArrayOf(Gen.Choose(0, Moved.Length - 1), count)
         from us in Gen.ArrayOf(Gen.Choose(0, 1000).Select(v => v / 1000.0), count)
         from seed in Gen.Choose(0, 1_000_000)
         select (preset, fields.Zip(us).ToArray(), seed)).ToArbitrary();

    private static BodySetting Setting(int index, double u)
    {
        var (name, largest) = Moved[index];
        var field = BodyDesignFields.Find(name)!;
        object value = field.Type == typeof(bool) ? u >= 0.5
            : field.Type.IsEnum ? Enum.GetValues(field.Type).GetValue((int)Math.Min(u * Enum.GetValues(field.Type).Length, Enum.GetValues(field.Type).Length - 1))!
            : field.Type == typeof(int) ? (int)Math.Round(field.Min + (u * (largest - field.Min)))
            : field.Min + ((field.MinExclusive ? 0.01 + (0.99 * u) : u) * (largest - field.Min));
        return BodySetting.Create(name, value);
    }

    [Property(MaxTest = 40, Arbitrary = [typeof(BodyDesignProperties)])]
    public bool Any_design_built_from_fields_runs_and_loses_no_issue((int Preset, (int Field, double U)[] Settings, int Seed) c)
    {
        var preset = StructureCatalog.All.OfType<BodyStructure>().ElementAt(c.Preset);
        var structure = preset.WithBody([.. c.Settings.Select(s => Setting(s.Field, s.U))]);
        var p = Parameters.Default with { Departments = 4, Levels = 3, Span = 3, ArrivalRate = 15, HorizonDays = 40, WarmupDays = 0, CrisisStart = 10, CrisisDays = 10 };

        var r = Simulation.Run(structure, p, c.Seed);

        return r.Issues.Arrived == r.Issues.Resolved + r.Issues.Pending
               && r.Issues.Arrived > 0
               && (double.IsNaN(r.Responsibility.EffectiveCount) || r.Responsibility.EffectiveCount >= 1 - 1e-9);
    }
}
