using CoordSim.Mechanisms;
using CoordSim.Metrics;
using System.Globalization;
using CoordSim.Structures;
using CoordSim.Tests.Docs;

namespace CoordSim.Tests.Regression;

/// <summary>
/// The first model stays reachable: <c>Regression/v1-golden.csv</c> holds every measure of the five canonical
/// structures in seven scenarios, written by the first model (commit a794621, program in Regression/README.md).
/// The v1 preset, with each scenario's own changes on top, must reproduce them.
/// </summary>
public class V1PresetTests
{
    /// <summary>The scenarios of the golden file, as changes on top of the v1 preset.</summary>
    public static TheoryData<string, long> Scenarios() => new()
    {
        { "default", 1 }, { "default", 2 }, { "busy", 3 }, { "proliferation", 4 }, { "shape", 5 }, { "cadence", 6 }, { "drain", 7 },
    };

    /// <remarks>
    /// "proliferation" switches effort feedback on (α = 0.3). The first model's rule was effort = clamp(w, 0.05, 1)^α;
    /// with the v1 preset's referenceTeamSize = 1 and effortCeiling = 1 the current rule clamp((w/1)^α, floor, 1) is the
    /// same when effortFloor = 0.05^α, which the scenario sets.
    /// </remarks>
    internal static Parameters Scenario(string name)
    {
        var v1 = V1();
        return name switch
        {
            "default" => v1 with { HorizonDays = 150 },
            "busy" => v1 with { HorizonDays = 150, CrossDepartmentShare = 0.5, ArrivalRate = 30, QueueDiscipline = QueueDiscipline.UrgentFirst, EmergencyShare = 0.2 },
            "proliferation" => v1 with { HorizonDays = 150, TaskForces = 4, MembershipsPerPerson = 2, SwitchingOverhead = 0.2, EffortElasticity = 0.3, EffortFloor = Math.Pow(0.05, 0.3), ArrivalRate = 20, SupervisionInterval = 10 },
            "shape" => v1 with { HorizonDays = 150, Levels = 3, Span = 3, Departments = 5, ServiceDistribution = ServiceDistribution.LogNormal, Experts = 3, DecisionLevel = 1, WarmupDays = 20, MaxDepartmentsPerIssue = 4 },
            "cadence" => v1 with { HorizonDays = 150, PlenaryInterval = 20, ConsultInterval = 3, OfficeMeetingInterval = 10, AgendaCapacity = 100, EscalationShare = 0.1, EmergencyMeetingDelay = 0.5 },
            "drain" => v1 with { HorizonDays = 1000, MaxIssues = 2000 },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such scenario"),
        };
    }

    private static Parameters V1() => ParameterPresets.V1.Parameters;

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void The_v1_preset_reproduces_the_first_model(string scenario, long seed)
    {
        var golden = File.ReadAllLines(RepositoryFiles.PathOf("tests/CoordSim.Tests/Regression/v1-golden.csv"))
            .Skip(1)
            .Select(l => l.Split(','))
            .Where(f => f[0] == scenario && long.Parse(f[1], CultureInfo.InvariantCulture) == seed)
            .ToArray();
        Assert.NotEmpty(golden);
        var p = Scenario(scenario);
        foreach (var structure in StructureCatalog.All.Where(s => golden.Any(f => f[2] == s.Name)))
        {
            var measures = Simulation.Run(structure, p, seed).Measures().ToDictionary(m => m.Key, m => m.Value);
            foreach (var row in golden.Where(f => f[2] == structure.Name))
            {
                var expected = double.Parse(row[4], CultureInfo.InvariantCulture);
                // The golden file names measures as the first model did; a measure renamed since is read by its new name.
                var actual = measures[MeasureCatalog.RenamedTo(row[3]) ?? row[3]];
                // Floating-point tolerance: sums taken in a different order may differ in the last bits.
                var tolerance = 1e-9 * Math.Max(1, Math.Abs(expected));
                Assert.True(
                    (double.IsNaN(expected) && double.IsNaN(actual)) || Math.Abs(actual - expected) <= tolerance,
                    $"{scenario} seed {seed} {structure.Name} {row[3]}: expected {expected:R}, got {actual:R}");
            }
        }
    }
}
