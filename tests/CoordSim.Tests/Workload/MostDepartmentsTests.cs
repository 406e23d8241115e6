using CoordSim.Workload;

namespace CoordSim.Tests.Workload;

/// <summary>
/// 64 departments, the most the parameters allow (an issue's departments are the bits of one 64-bit mask): every
/// department's bit is its own, so the issue stream reads and writes exactly the departments an issue requires.
/// </summary>
public class MostDepartmentsTests
{
    [Fact]
    public void With_64_departments_issues_require_departments_at_both_ends_and_only_theirs_get_executors()
    {
        var p = Parameters.Default with { Departments = 64, Span = 2, CrossDepartmentShare = 1, MaxDepartmentsPerIssue = 64 };
        var stream = new IssueStream(WorkloadSettings.From(p), 5);
        var state = new double[p.StateDimensions];
        var executors = new int[p.Departments];
        bool first = false, last = false;
        for (var i = 0; i < 2000; i++)
        {
            Array.Fill(executors, -1);
            var issue = stream.Next(state, executors);
            first |= issue.Requires(0);
            last |= issue.Requires(63);
            for (var d = 0; d < 64; d++)
            {
                Assert.Equal(issue.Requires(d), executors[d] >= 0);
            }
        }

        Assert.True(first && last, "no issue required department 0 or department 63");
    }
}
