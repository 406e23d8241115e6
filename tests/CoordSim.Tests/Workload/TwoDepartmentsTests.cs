using CoordSim.Tests.Validation;
using CoordSim.Workload;

namespace CoordSim.Tests.Workload;

/// <summary>
/// Two departments, or issues that may span at most two: a cross-department issue then requires exactly both. The
/// stream must still make them, in the share crossDepartmentShare gives.
/// </summary>
public class TwoDepartmentsTests
{
    /// <summary>
    /// With crossDepartmentShare 0.3, the number of two-department issues among n = 10,000 is Binomial(n, 0.3) (mean
    /// 3,000, standard deviation 45.8), checked by the exact binomial test at the unit checks' α; a stream that made no
    /// cross-department issue would be 65 deviations off.
    /// </summary>
    [Theory]
    [InlineData(2, 3)]
    [InlineData(8, 2)]
    public void Cross_department_issues_require_two_departments_in_the_share_given(int departments, int maxPerIssue)
    {
        var p = Parameters.Default with { Departments = departments, CrossDepartmentShare = 0.3, MaxDepartmentsPerIssue = maxPerIssue };
        var stream = new IssueStream(WorkloadSettings.From(p), 7);
        var state = new double[p.StateDimensions];
        var executors = new int[p.Departments];
        const int n = 10_000;
        var two = 0;
        for (var i = 0; i < n; i++)
        {
            var issue = stream.Next(state, executors);
            Assert.InRange(issue.RequiredCount, 1, 2);
            two += issue.RequiredCount == 2 ? 1 : 0;
        }

        Significance.AssertNotRejected(Significance.BinomialTwoSided(two, n, 0.3), Significance.UnitAlpha, "two-department issues");
    }
}
