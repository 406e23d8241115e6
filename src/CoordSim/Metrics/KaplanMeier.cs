namespace CoordSim.Metrics;

/// <summary>
/// The Kaplan–Meier estimate of a survival function from right-censored times: Ŝ(t) = Π over event times
/// t_j ≤ t of (1 − d_j / n_j), with d_j events at t_j and n_j at risk just before it. At a time where events and
/// censorings coincide the events come first (the censored ones were still at risk). With nothing censored, Ŝ is
/// the empirical survival function. Built once at the end of a run from the sorted samples; a step function.
/// </summary>
internal sealed class KaplanMeier
{
    private readonly double[] _times;
    private readonly double[] _survival;

    private KaplanMeier(double[] times, double[] survival)
    {
        _times = times;
        _survival = survival;
    }

    /// <summary>Distinct event times, ascending.</summary>
    public ReadOnlySpan<double> Times => _times;

    /// <summary>Ŝ just after each event time.</summary>
    public ReadOnlySpan<double> Survival => _survival;

    /// <summary>Estimates the curve from event times and censoring times, each sorted ascending.</summary>
    public static KaplanMeier Estimate(ReadOnlySpan<double> events, ReadOnlySpan<double> censored)
    {
        var times = new List<double>();
        var survival = new List<double>();
        var atRisk = events.Length + censored.Length;
        var s = 1.0;
        int e = 0, c = 0;
        while (e < events.Length)
        {
            var t = events[e];
            // Censorings strictly before t leave the risk set first.
            while (c < censored.Length && censored[c] < t)
            {
                atRisk--;
                c++;
            }

            var d = 0;
            while (e < events.Length && events[e] == t)
            {
                d++;
                e++;
            }

            s *= 1 - ((double)d / atRisk);
            atRisk -= d;
            times.Add(t);
            survival.Add(s);
        }

        return new KaplanMeier([.. times], [.. survival]);
    }

    /// <summary>Ŝ(t): the estimated share still unresolved after <paramref name="t"/>.</summary>
    public double At(double t)
    {
        var i = UpperBound(t);
        return i == 0 ? 1 : _survival[i - 1];
    }

    /// <summary>
    /// The q-quantile inf{ t : 1 − Ŝ(t) ≥ q } (the type-1 quantile of the sample when nothing is censored); NaN when
    /// the curve never falls to 1 − q (the quantile lies beyond the longest follow-up).
    /// </summary>
    public double Quantile(double q)
    {
        // A small tolerance so that, without censoring, Ŝ = (n − k)/n computed as a product still meets 1 − k/n.
        var target = 1 - q + 1e-12;
        for (var i = 0; i < _times.Length; i++)
        {
            if (_survival[i] <= target)
            {
                return _times[i];
            }
        }

        return double.NaN;
    }

    /// <summary>The restricted mean ∫₀^τ Ŝ(t) dt: the estimated mean of min(T, τ).</summary>
    public double RestrictedMean(double tau)
    {
        var area = 0.0;
        var previous = 0.0;
        var s = 1.0;
        for (var i = 0; i < _times.Length && _times[i] < tau; i++)
        {
            area += s * (_times[i] - previous);
            previous = _times[i];
            s = _survival[i];
        }

        return area + (s * Math.Max(0, tau - previous));
    }

    private int UpperBound(double t)
    {
        int lo = 0, hi = _times.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_times[mid] <= t)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
