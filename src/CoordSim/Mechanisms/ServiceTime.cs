using CoordSim.Engine;
using MathNet.Numerics.Distributions;

namespace CoordSim.Mechanisms;

/// <summary>Samples how long one item takes at a desk: exponential or log-normal with mean 1/rate (model.md §5).</summary>
internal sealed class ServiceTime
{
    private readonly ServiceDistribution _distribution;
    private readonly double _logSigma;
    private readonly double _logVarianceHalf;

    /// <summary>Creates a sampler for <paramref name="distribution"/>; <paramref name="cv"/> is the log-normal's coefficient of variation.</summary>
    public ServiceTime(ServiceDistribution distribution, double cv)
    {
        _distribution = distribution;
        var variance = Math.Log(1 + cv * cv);
        _logSigma = Math.Sqrt(variance);
        _logVarianceHalf = variance / 2;
    }

    /// <summary>A service time with mean 1/<paramref name="rate"/> days.</summary>
    public double Sample(double rate, RandomStream random) => _distribution switch
    {
        ServiceDistribution.LogNormal => LogNormal.Sample(random, -Math.Log(rate) - _logVarianceHalf, _logSigma),
        _ => Exponential.Sample(random, rate),
    };
}
