using CoordSim.Tests.Validation;
using CoordSim.Workload;

namespace CoordSim.Tests.Workload;

/// <summary>
/// The executors of the departments other than the primary one are drawn uniformly among their frontline, independently
/// of the discoverer's position: one of them sits at the discoverer's position with probability 1 / frontline.
/// </summary>
public class ExecutorDrawTests
{
    [Fact]
    public void Other_departments_executors_sit_at_the_discoverers_position_only_by_chance()
    {
        var p = Parameters.Default with { Span = 3, CrossDepartmentShare = 0.8 };
        var frontline = (int)Math.Pow(p.Span, p.Levels - 1);
        var stream = new IssueStream(WorkloadSettings.From(p), 17);
        var state = new double[p.StateDimensions];
        var executors = new int[p.Departments];
        long others = 0, same = 0;
        for (var i = 0; i < 5000; i++)
        {
            var issue = stream.Next(state, executors);
            for (var d = 0; d < p.Departments; d++)
            {
                if (d != issue.PrimaryDepartment && issue.Requires(d))
                {
                    others++;
                    same += executors[d] == issue.DiscovererPosition ? 1 : 0;
                }
            }
        }

        Assert.True(others > 1000, $"only {others} other departments' executors were drawn");
        Significance.AssertNotRejected(Significance.BinomialTwoSided(same, others, 1.0 / frontline), Significance.UnitAlpha, "executors at the discoverer's position");
    }
}
