using CoordSim.Organisation;
using CoordSim.Mechanisms;
using CoordSim.Structures;
using MathNet.Numerics.Statistics;
using Xunit.Abstractions;

namespace CoordSim.Tests.Validation;

/// <summary>
/// Little's law per desk, L = λW (docs/validation.md, check a): exactly on a run that drains, and
/// within the sampling error of L on runs cut off at the horizon.
/// </summary>
public class LittlesLawTests(ITestOutputHelper output)
{
    public static TheoryData<string> StructureNames() => [.. StructureCatalog.All.Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(StructureNames))]
    public void Littles_law_holds_exactly_at_every_desk_of_a_drained_run(string name)
    {
        // Sample-path form: when every item that entered a desk has left by the end, the area under the
        // number-at-desk curve equals the sum of the sojourns, so MeanInSystem·T = Completed·MeanSojourn.
        var structure = StructureCatalog.Find(name)!;
        var p = Parameters.Default with { MaxIssues = 3000, HorizonDays = 1e7 };
        var (organisation, policy) = structure.Build(p);
        var model = new CoordinationModel(organisation, p, policy, seed: 5);
        var result = model.Run(name);
        Assert.Equal(0, result.Issues.Pending);
        var elapsed = model.Now;
        var checkedDesks = 0;
        var worst = 0.0;
        for (var d = 0; d < organisation.DeskCount; d++)
        {
            var r = model.ReportDesk(new DeskId(d));
            if (r.Completed == 0)
            {
                Assert.Equal(0.0, r.MeanInSystem);
                continue;
            }

            var area = r.MeanInSystem * elapsed;
            var sojourns = r.Completed * r.MeanSojourn;
            var relative = Math.Abs(area - sojourns) / area;
            worst = Math.Max(worst, relative);
            Assert.True(relative <= 1e-9, $"{name} desk {d}: L*T = {area:R}, C*W = {sojourns:R}");
            checkedDesks++;
        }

        output.WriteLine($"{name}: {checkedDesks} desks with work, largest relative gap |L T - C W| / (L T) = {worst:E2}");
        Assert.True(checkedDesks > organisation.Departments);
    }

    [Fact]
    public void Littles_law_holds_at_busy_desks_of_horizon_runs() => CheckHorizonRuns(replications: 8, days: 120);

    [LongFact]
    [Trait("Category", "Long")]
    public void Long_littles_law_holds_at_busy_desks_of_horizon_runs() => CheckHorizonRuns(replications: 20, days: 2000);

    private void CheckHorizonRuns(int replications, double days)
    {
        // The default hierarchy cut off at the horizon: L̂ = MeanInSystem and λ̂Ŵ = Completed/T × MeanSojourn
        // differ only by the time already spent by the items still at the desk at T (never negative, of order
        // 1/T), while L̂ itself varies between replications by order 1/√T. The mean gap over replications must
        // lie within a Student-t interval built from the between-replication spread of L̂.
        var p = Parameters.Default with { HorizonDays = days };
        var structure = Structure.Hierarchy();
        var layout = structure.Build(p).Organisation;
        var desks = new[] { layout.GovernmentHead }.Concat(Enumerable.Range(0, p.Departments).Select(layout.HeadOf)).Select(x => new DeskId(x.Value)).ToArray();
        var l = new double[desks.Length, replications];
        var gap = new double[desks.Length, replications];
        for (var k = 0; k < replications; k++)
        {
            var (organisation, policy) = structure.Build(p);
            var model = new CoordinationModel(organisation, p, policy, seed: 100 + k);
            model.Run(structure.Name);
            for (var i = 0; i < desks.Length; i++)
            {
                var r = model.ReportDesk(desks[i]);
                var littles = r.Completed / model.Now * r.MeanSojourn;
                l[i, k] = r.MeanInSystem;
                gap[i, k] = r.MeanInSystem - littles;
                Assert.True(gap[i, k] >= -1e-9 * r.MeanInSystem, $"desk {desks[i]} replication {k}: L = {r.MeanInSystem:R} < lambda W = {littles:R}");
            }
        }

        var critical = Significance.StudentCritical(Significance.ValidationAlpha, replications - 1);
        for (var i = 0; i < desks.Length; i++)
        {
            var ls = Enumerable.Range(0, replications).Select(k => l[i, k]).ToArray();
            var gaps = Enumerable.Range(0, replications).Select(k => gap[i, k]).ToArray();
            var standardError = ls.StandardDeviation() / Math.Sqrt(replications);
            output.WriteLine($"desk {desks[i].Value} ({(desks[i].Value == 0 ? "government head" : "department head")}): mean L {ls.Average():F4}, " +
                             $"mean gap L - lambda W {gaps.Average():E2}, SE of L {standardError:E2}, tolerance {critical:F2} SE");
            Significance.AssertWithin(gaps.Average(), 0, standardError, critical, $"Little's law gap at desk {desks[i]}");
        }
    }
}
