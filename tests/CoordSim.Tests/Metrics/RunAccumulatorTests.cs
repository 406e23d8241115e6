using CoordSim.Mechanisms;
using CoordSim.Metrics;
using CoordSim.Organisation;

namespace CoordSim.Tests.Metrics;

/// <summary>
/// The run's summary from four hand-made outcomes, every figure worked out by hand: means over the resolved issues,
/// means over the issues that incurred a latency part, the blame measures over the failed issues, the venue shares,
/// the exact quantiles and the Kaplan–Meier figures over all arrivals with two issues still open.
/// </summary>
public class RunAccumulatorTests
{
    private const int Precision = 12;

    // Horizon 100, warm-up 20 (window 80), failure above a distortion of 0.5, 3 facts, answerable from 0.5 of the blame.
    private static readonly RunSettings Settings = new(100, 0, 20, 0.5, 1000, 1_000_000_000, 3, 0.5);

    private static IssueOutcome Outcome(double latency, double queueing, double service, double meetingWait, double transmission,
        double distortion, double bias, double factsLost, double hops, double effective, double entropy, bool missed, bool failed, double worst) =>
        new(0, 0, 0, 1, false, latency, queueing, service, meetingWait, transmission, distortion, bias, factsLost, hops, effective, entropy, missed, failed, worst, false);

    private static IssueOutcome[] Four() =>
    [
        // Resolved on time on the line; no failure.
        Outcome(2, 1, 1, 0, 0, 0.2, -0.1, 0, 2, 1, 0, missed: false, failed: false, double.NaN) with
        {
            Venue = DecisionVenue.Line, SquaredError = 0.04, SquaredNorm = 1,
        },
        // Late, distorted beyond the threshold, faulted once, blamed 1 of which 0.25 on the faulter; nobody answerable.
        Outcome(4, 0, 2, 1, 0.5, 0.6, 0.3, 0.5, 4, 2, Math.Log(2), missed: true, failed: true, 0.5) with
        {
            Consultation = 0.5, ConsultationRounds = 2, Venue = DecisionVenue.Meeting, SquaredError = 0.36, SquaredNorm = 1,
            Faults = 1, Blame = 1, BlameOnFaulters = 0.25, MaxBlame = 0.4, Reopens = 1,
        },
        // On time but failed at exactly the threshold's blame; distortion exactly at the threshold is not above it.
        Outcome(6, 2, 3, 0, 1, 0.5, 0.1, 0.25, 3, 3, 1, missed: false, failed: true, double.NaN) with
        {
            ConsultationRounds = 1, Venue = DecisionVenue.Deputy, SquaredError = 0.25, SquaredNorm = 1,
            Faults = 2, Blame = 2, BlameOnFaulters = 1, MaxBlame = 0.5,
        },
        // Late without a fault: blame falls on an innocent, and no precision is scored.
        Outcome(8, 0, 8, 0, 0, 0, 0, 0, 0, 1, 0, missed: true, failed: true, 1.0) with
        {
            Venue = DecisionVenue.GovernmentHead, SquaredError = 0, SquaredNorm = 1,
            Blame = 0.5, BlameOnFaulters = 0, MaxBlame = 0.5,
        },
    ];

    private static readonly UtilisationSummary Utilisation = new(
        [new LevelUtilisation(0, "frontline", 4, 0.25, 0.5), new LevelUtilisation(1, "head", 1, 0.5, 0.5)], 0.5, new PersonId(3), 1, 0.125, double.NaN);

    private static RunResult Finish(RunAccumulator a, double[] censored, double end = 100) =>
        a.Finish("test", 7, Parameters.Default, Utilisation, 12.5, 3.25, new AttendanceCosts(1.5, 0.75), end, 99, 4, censored,
            StabilitySummary.Judge(60, 2, 2, end, 3, stoppedEarly: false, drained: false));

    private static RunAccumulator Filled(RunSettings settings, bool revisits = true)
    {
        var a = new RunAccumulator(settings) { Arrived = 6, Revisits = revisits };
        foreach (var o in Four())
        {
            a.Add(o);
        }

        a.CountAgendaItem(escalated: true);
        a.CountAgendaItem(escalated: false);
        a.CountAgendaItem(escalated: false);
        return a;
    }

    [Fact]
    public void Latency_means_quantiles_and_throughput_are_over_the_resolved_issues()
    {
        var r = Finish(Filled(Settings), [70, 5]).Latency;

        Assert.Equal(5, r.MeanResolved, Precision);
        Assert.Equal(5, r.MedianResolved, Precision);   // h = 1.5 between 4 and 6
        Assert.Equal(7.4, r.P90Resolved, Precision);    // h = 2.7 between 6 and 8
        Assert.Equal(7.7, r.P95Resolved, Precision);    // h = 2.85
        Assert.Equal(8, r.MaxResolved, Precision);
        Assert.Equal(4 / 80.0, r.Throughput, Precision);
        Assert.Equal(0.5, r.DeadlineMissed, Precision);
    }

    [Fact]
    public void Each_latency_part_is_a_mean_over_all_resolved_and_over_those_that_incurred_it()
    {
        var c = Finish(Filled(Settings), [70, 5]).Latency.Components;

        Assert.Equal(new LatencyComponent(0.75, 1.5, 0.5), c.Queueing);
        Assert.Equal(new LatencyComponent(3.5, 3.5, 1), c.Service);
        Assert.Equal(new LatencyComponent(0.25, 1, 0.25), c.MeetingWait);
        Assert.Equal(new LatencyComponent(0.375, 0.75, 0.5), c.Transmission);
        Assert.Equal(new LatencyComponent(0.125, 0.5, 0.25), c.Consultation);
    }

    [Fact]
    public void All_arrivals_count_the_open_issues_as_censored_and_late()
    {
        // Kaplan–Meier over events 2, 4, 6, 8 and censorings at 5 and 70 (passed unsorted): S = 5/6, 4/6, 4/9, 2/9.
        var a = Finish(Filled(Settings), [70, 5]).Latency.AllArrivals;

        Assert.Equal(6, a.Median, Precision);
        Assert.True(double.IsNaN(a.P90));               // the curve never falls to 0.1
        Assert.Equal(2 + (2 * 5 / 6.0) + (2 * 4 / 6.0) + (2 * 4 / 9.0) + (72 * 2 / 9.0), a.RestrictedMean, Precision);
        Assert.Equal(80, a.RestrictedTo, Precision);
        Assert.Equal(2 / 6.0, a.OnTimeShare, Precision);
        Assert.Equal(2, a.Censored);
    }

    [Fact]
    public void Distortion_figures_are_means_over_the_resolved_issues_and_the_rms_a_ratio_of_sums()
    {
        var d = Finish(Filled(Settings), [70, 5]).Distortion;

        Assert.Equal(0.325, d.Mean, Precision);
        Assert.Equal(Math.Sqrt(0.65 / 4), d.Rms, Precision);
        Assert.Equal(0.075, d.SeverityBias, Precision);
        Assert.Equal(0.1875, d.FactsLost, Precision);
        Assert.Equal(2.25, d.MeanHops, Precision);
        Assert.Equal(0.25, d.AboveThreshold, Precision);  // 0.6 is above 0.5; 0.5 itself is not
    }

    [Fact]
    public void Responsibility_figures_are_over_the_failed_issues_where_the_docs_say_so()
    {
        var s = Finish(Filled(Settings), [70, 5]).Responsibility;

        Assert.Equal(1.75, s.EffectiveCount, Precision);
        Assert.Equal((Math.Log(2) + 1) / 4, s.Entropy, Precision);
        Assert.Equal(0.75, s.OnWorstHandover, Precision);     // failed issues with a traced hand-over: 0.5 and 1
        Assert.Equal(0.75, s.FailedShare, Precision);
        Assert.Equal(1 / 3.0, s.EscalatedShare, Precision);
        Assert.Equal(0.5, s.FaultedShare, Precision);
        Assert.Equal((0.25 + 0.5) / 2, s.BlamePrecision, Precision);   // failed issues with a fault
        Assert.Equal(1 / 3.0, s.UnansweredFailures, Precision);        // 0.4 < 0.5; 0.5 is answerable
        Assert.Equal((0.75 + 1 + 0.5) / 3, s.Scapegoating, Precision);
    }

    [Fact]
    public void Venue_shares_rounds_and_reopened_share_count_resolved_issues()
    {
        var d = Finish(Filled(Settings), [70, 5]).Decisions;

        Assert.Equal(0.25, d.OnTheLine, Precision);
        Assert.Equal(0, d.ByConcurrence, Precision);
        Assert.Equal(0.5, d.ByLeaders, Precision);     // a deputy and the government head
        Assert.Equal(0, d.InBodies, Precision);
        Assert.Equal(0.25, d.AtMeetings, Precision);
        Assert.Equal(1.5, d.ConsultationRounds, Precision);
        Assert.Equal(0.25, d.ReopenedShare, Precision);
        Assert.True(double.IsNaN(Finish(Filled(Settings, revisits: false), [70, 5]).Decisions.ReopenedShare));
    }

    [Fact]
    public void Counts_and_run_figures_pass_through()
    {
        var r = Finish(Filled(Settings), [70, 5]);

        Assert.Equal(new IssueCounts(6, 4, 2), r.Issues);
        Assert.Equal(("test", 7L, 99L, 4), (r.Structure, r.Seed, r.Events, r.Meetings));
        Assert.Equal((12.5, 3.25, 100.0), (r.StaffDays, r.SecondedDays, r.SimulatedDays));
        Assert.Equal(new AttendanceCosts(1.5, 0.75), r.Attendance);
        Assert.Same(Utilisation, r.Utilisation);
        Assert.Equal(2, r.Stability.BacklogEnd);
    }

    /// <summary>A result built by hand has no stability judgement and must not claim a steady state; the accumulator's result carries its own.</summary>
    [Fact]
    public void A_result_built_without_a_stability_judgement_is_not_called_steady()
    {
        var r = Finish(Filled(Settings), [70, 5]);
        Assert.True(r.Stability.Stable);
        Assert.Equal(60, r.Stability.MidDay);

        var byHand = new RunResult(r.Structure, r.Seed, r.Parameters, r.Issues, r.Latency, r.Distortion, r.Responsibility,
            r.Utilisation, r.Events, r.Meetings, r.StaffDays, r.SecondedDays, r.SimulatedDays);
        Assert.False(byHand.Stability.Stable);
        Assert.False(byHand.Stability.StoppedEarly);
        Assert.True(double.IsNaN(byHand.Stability.MidDay) && double.IsNaN(byHand.Stability.GrowthPerDay) && double.IsNaN(byHand.Stability.Tolerance));
    }

    [Fact]
    public void With_fewer_than_three_facts_the_mean_distortion_is_undefined_but_the_rms_is_not()
    {
        var d = Finish(Filled(Settings with { StateDimensions = 2 }), [70, 5]).Distortion;

        Assert.True(double.IsNaN(d.Mean));
        Assert.Equal(Math.Sqrt(0.65 / 4), d.Rms, Precision);
    }

    [Fact]
    public void With_nothing_resolved_or_arrived_every_mean_is_undefined_and_throughput_zero()
    {
        var r = Finish(new RunAccumulator(Settings) { Revisits = true }, []);

        Assert.True(double.IsNaN(r.Latency.MeanResolved));
        Assert.True(double.IsNaN(r.Latency.MedianResolved));
        Assert.True(double.IsNaN(r.Latency.MaxResolved));
        Assert.True(double.IsNaN(r.Latency.DeadlineMissed));
        Assert.Equal(0, r.Latency.Throughput);
        Assert.True(double.IsNaN(r.Latency.AllArrivals.RestrictedMean));
        Assert.True(double.IsNaN(r.Latency.AllArrivals.OnTimeShare));
        Assert.True(double.IsNaN(r.Latency.Components.Service.Resolved));
        Assert.True(double.IsNaN(r.Latency.Components.Service.Incurred));
        Assert.True(double.IsNaN(r.Latency.Components.Service.IncurredShare));
        Assert.True(double.IsNaN(r.Distortion.Rms));
        Assert.True(double.IsNaN(r.Responsibility.OnWorstHandover));
        Assert.True(double.IsNaN(r.Responsibility.EscalatedShare));
        Assert.True(double.IsNaN(r.Responsibility.BlamePrecision));
        Assert.True(double.IsNaN(r.Responsibility.UnansweredFailures));
        Assert.True(double.IsNaN(r.Responsibility.Scapegoating));
        Assert.True(double.IsNaN(r.Decisions.OnTheLine));
        Assert.True(double.IsNaN(r.Decisions.ConsultationRounds));
        Assert.True(double.IsNaN(r.Decisions.ReopenedShare));
    }

    /// <summary>
    /// A fifth outcome breaks the four's symmetries (two of four late, two of four faulted, all four served): on time,
    /// no service time, faulted but failed with no blame at all. Then 2 of 5 are late, 3 of 5 faulted, 4 of 5 incurred
    /// service, and blame precision stays the mean over the two failed, faulted issues that were blamed, (0.25 + 0.5)/2:
    /// an issue with no blame has no share of it on the faulters to score.
    /// </summary>
    [Fact]
    public void Counts_of_late_faulted_and_served_issues_and_blame_precision_skip_what_did_not_happen()
    {
        var a = Filled(Settings);
        a.Add(Outcome(3, 3, 0, 0, 0, 0, 0, 0, 1, 1, 0, missed: false, failed: true, double.NaN) with
        {
            Venue = DecisionVenue.Line, SquaredNorm = 1, Faults = 1, Blame = 0, BlameOnFaulters = 0,
        });
        var r = Finish(a, [70]);

        Assert.Equal(2 / 5.0, r.Latency.DeadlineMissed, Precision);
        Assert.Equal(3 / 5.0, r.Responsibility.FaultedShare, Precision);
        Assert.Equal(new LatencyComponent(14 / 5.0, 14 / 4.0, 4 / 5.0), r.Latency.Components.Service);
        Assert.Equal((0.25 + 0.5) / 2, r.Responsibility.BlamePrecision, Precision);
    }

    /// <summary>The rms is relative to the true states' size: when they are all zero it is undefined, not infinite.</summary>
    [Fact]
    public void Rms_distortion_of_issues_whose_true_states_are_zero_is_undefined()
    {
        var a = new RunAccumulator(Settings) { Arrived = 1 };
        a.Add(Outcome(2, 1, 1, 0, 0, 0.2, 0, 0, 2, 1, 0, missed: false, failed: false, double.NaN) with
        {
            Venue = DecisionVenue.Line, SquaredError = 0.04, SquaredNorm = 0,
        });

        Assert.True(double.IsNaN(Finish(a, []).Distortion.Rms));
    }

    [Fact]
    public void A_run_that_ended_at_the_warm_up_has_zero_throughput()
    {
        var r = Finish(Filled(Settings), [70, 5], end: 20);

        Assert.Equal(0, r.Latency.Throughput);
        Assert.Equal(0, r.Latency.AllArrivals.RestrictedTo);
    }
}
