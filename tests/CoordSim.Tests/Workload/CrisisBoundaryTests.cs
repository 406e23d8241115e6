using CoordSim.Tests.Validation;
using CoordSim.Workload;
using MathNet.Numerics.Distributions;

namespace CoordSim.Tests.Workload;

/// <summary>
/// The arrival rate switches exactly at the crisis' start and end (model-v2 §4): by the memorylessness of a Poisson
/// process the wait from the start to the first arrival after it is Exp(λ·M), and from the end to the first arrival
/// after it Exp(λ), whatever came before. One wait of each per stream, over many seeds, so the one gap that straddles
/// each boundary is what is tested (the counts over the whole window hardly notice it).
/// </summary>
public class CrisisBoundaryTests
{
    private const double Start = 2, Days = 2, Rate = 5, Multiplier = 4;
    private const int Streams = 2000;

    private static (double[] AfterStart, double[] AfterEnd) Waits()
    {
        var p = Parameters.Default with { ArrivalRate = Rate, CrisisStart = Start, CrisisDays = Days, CrisisMultiplier = Multiplier };
        var settings = WorkloadSettings.From(p);
        var afterStart = new List<double>();
        var afterEnd = new List<double>();
        var state = new double[p.StateDimensions];
        var executors = new int[p.Departments];
        for (var seed = 0; seed < Streams; seed++)
        {
            var stream = new IssueStream(settings, seed);
            var sawStart = false;
            while (true)
            {
                var arrival = stream.Next(state, executors).Arrival;
                if (!sawStart && arrival >= Start)
                {
                    // With λ·M·D = 40 expected arrivals in the window, none in it has probability e^-40.
                    Assert.True(arrival < Start + Days, $"seed {seed}: no arrival during the crisis");
                    afterStart.Add(arrival - Start);
                    sawStart = true;
                }

                if (arrival >= Start + Days)
                {
                    afterEnd.Add(arrival - (Start + Days));
                    break;
                }
            }
        }

        return (afterStart.ToArray(), afterEnd.ToArray());
    }

    [Fact]
    public void The_wait_from_the_start_to_the_next_arrival_is_exponential_at_the_crisis_rate()
    {
        var (afterStart, _) = Waits();
        Significance.AssertNotRejected(Significance.ChiSquareFit(afterStart, q => Exponential.InvCDF(Rate * Multiplier, q), 20), Significance.UnitAlpha, "waits after the crisis starts");
    }

    [Fact]
    public void The_wait_from_the_end_to_the_next_arrival_is_exponential_at_the_usual_rate()
    {
        var (_, afterEnd) = Waits();
        Significance.AssertNotRejected(Significance.ChiSquareFit(afterEnd, q => Exponential.InvCDF(Rate, q), 20), Significance.UnitAlpha, "waits after the crisis ends");
    }
}
