using CoordSim.Structures;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CoordSim.Tests.Structures;

public class StructureProperties
{
    private static Parameters Scenario(int departments, int levels, int span, double cross, int seed) =>
        Parameters.Default with
        {
            Departments = departments,
            Levels = levels,
            Span = span,
            CrossDepartmentShare = departments > 1 ? cross : 0,
            MaxDepartmentsPerIssue = Math.Max(2, Math.Min(3, departments)),
            ArrivalRate = 10 + (seed % 20),
            HorizonDays = 30,
            WarmupDays = 0,
        };

    public static Arbitrary<(int Departments, int Levels, int Span, double Cross, int Seed)> Scenarios() =>
        (from d in Gen.Choose(2, 8)
         from l in Gen.Choose(1, 5)
         from s in Gen.Choose(1, 4)
         from x in Gen.Choose(0, 10).Select(v => v / 10.0)
         from seed in Gen.Choose(0, 1_000_000)
         select (d, l, s, x, seed)).ToArbitrary();

    [Property(MaxTest = 25, Arbitrary = [typeof(StructureProperties)])]
    public bool No_issue_is_lost_in_any_structure((int Departments, int Levels, int Span, double Cross, int Seed) c)
    {
        var p = Scenario(c.Departments, c.Levels, c.Span, c.Cross, c.Seed);
        return StructureCatalog.All.All(s =>
        {
            var r = Simulation.Run(s, p, c.Seed);
            return r.Issues.Arrived == r.Issues.Resolved + r.Issues.Pending && r.Issues.Arrived > 0;
        });
    }

    [Property(MaxTest = 15, Arbitrary = [typeof(StructureProperties)])]
    public bool Every_structure_sees_the_same_issue_stream((int Departments, int Levels, int Span, double Cross, int Seed) c)
    {
        var p = Scenario(c.Departments, c.Levels, c.Span, c.Cross, c.Seed);
        var streams = StructureCatalog.All.Select(s =>
        {
            var recorder = new OutcomeRecorder();
            var r = Simulation.Run(s, p, c.Seed, recorder);
            return (r.Issues.Arrived, Issues: recorder.Outcomes.ToDictionary(o => o.Id, o => (o.Arrival, o.Category, o.RequiredDepartments, o.Urgent)));
        }).ToArray();
        var first = streams[0];
        return streams.All(s => s.Arrived == first.Arrived
                                && s.Issues.All(kv => !first.Issues.TryGetValue(kv.Key, out var other) || other == kv.Value));
    }

    [Property(MaxTest = 15, Arbitrary = [typeof(StructureProperties)])]
    public bool Responsibility_weights_of_every_structure_sum_to_one((int Departments, int Levels, int Span, double Cross, int Seed) c)
    {
        var p = Scenario(c.Departments, c.Levels, c.Span, c.Cross, c.Seed);
        return StructureCatalog.All.All(s =>
        {
            var (organisation, policy) = s.Build(p);
            var totals = new WeightTotals();
            var model = new CoordSim.Mechanisms.CoordinationModel(organisation, p, policy, c.Seed, totals);
            totals.Model = model;
            model.Run(s.Name);
            return totals.Worst < 1e-12;
        });
    }

    private sealed class WeightTotals : CoordSim.Metrics.IIssueObserver
    {
        public CoordSim.Mechanisms.CoordinationModel? Model { get; set; }

        public int Count { get; private set; }

        public double Worst { get; private set; }

        public void OnResolved(in CoordSim.Metrics.IssueOutcome outcome)
        {
            Count++;
            Worst = Math.Max(Worst, Math.Abs(Model!.LastWeightTotal - 1));
        }
    }
}
