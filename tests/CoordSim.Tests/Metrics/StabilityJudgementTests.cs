using CoordSim.Metrics;

namespace CoordSim.Tests.Metrics;

/// <summary>
/// The stability rule itself on hand-made backlogs (docs/model.md §6): stable unless stopped early or the backlog grew
/// over the second half by more than 3·√(arrivals after the middle); a run that drained is stable.
/// </summary>
public class StabilityJudgementTests
{
    [Theory]
    [InlineData(500, 510, 100, true)]    // grew by 10, tolerance 30: sampling explains it (a large backlog that holds steady)
    [InlineData(500, 530, 100, true)]    // grew by exactly the tolerance: still stable
    [InlineData(500, 531, 100, false)]   // one more: unstable
    [InlineData(500, 100, 100, true)]    // shrank
    [InlineData(0, 31, 100, false)]
    [InlineData(10, 10, 0, true)]        // nothing arrived after the middle and nothing grew
    public void The_backlog_may_grow_by_three_root_arrivals(long mid, long end, long arrivals, bool stable)
    {
        var s = StabilitySummary.Judge(midDay: 100, backlogMid: mid, backlogEnd: end, end: 200, arrivalsAfterMid: arrivals, stoppedEarly: false, drained: false);

        Assert.Equal(stable, s.Stable);
        Assert.Equal(3 * Math.Sqrt(arrivals), s.Tolerance, 12);
        Assert.Equal((end - mid) / 100.0, s.GrowthPerDay, 12);
        Assert.Equal((mid, end, arrivals), (s.BacklogMid, s.BacklogEnd, s.ArrivalsAfterMid));
    }

    [Fact]
    public void A_run_stopped_early_is_unstable_and_a_drained_one_stable()
    {
        Assert.False(StabilitySummary.Judge(100, 0, 0, 200, 100, stoppedEarly: true, drained: false).Stable);
        Assert.True(StabilitySummary.Judge(100, 0, 5000, 200, 100, stoppedEarly: false, drained: true).Stable);
    }

    [Fact]
    public void A_run_that_ended_before_the_middle_takes_its_end_as_the_middle_and_grows_by_nothing()
    {
        var s = StabilitySummary.Judge(midDay: 182.5, backlogMid: 40, backlogEnd: 40, end: 32, arrivalsAfterMid: 0, stoppedEarly: false, drained: true);

        Assert.Equal(32, s.MidDay);
        Assert.Equal(0, s.GrowthPerDay);
    }
}
