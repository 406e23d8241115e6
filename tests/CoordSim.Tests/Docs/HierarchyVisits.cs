namespace CoordSim.Tests.Docs;

/// <summary>
/// The visit-count calculus of docs/model.md §2 for the v2 hierarchy, written out as the document derives it:
/// how many times one issue visits each level (the discoverer, the climb with emergencies skipping levels,
/// the consultation of the other heads with deflection and rework, the escalation to a deputy or the head, the
/// way down every required department's chain), with the exact first and second moments from an enumeration of
/// every deflection pattern. The tests compare the simulation with it.
/// </summary>
internal sealed class HierarchyVisits
{
    private readonly Parameters _p;

    public HierarchyVisits(Parameters p)
    {
        if (p.Levels < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p.Levels, "the calculus assumes departments of two or more levels (a one-level head is also its own executor)");
        }

        _p = p;
        Levels = p.Levels;
        Decision = p.EffectiveDecisionLevel;
        var kMax = Math.Min(p.MaxDepartmentsPerIssue, p.Departments);
        Ks = Enumerable.Range(2, kMax - 1).ToArray();
    }

    public int Levels { get; }

    public int Decision { get; }

    public int[] Ks { get; }

    /// <summary>The first two moments of the visits one issue pays to department level <paramref name="level"/> (all departments pooled), or to the heads when level = levels − 1.</summary>
    public (double Mean, double MeanSquare) AtLevel(int level) => Mixture(outcome => outcome.Visits(level));

    /// <summary>The first two moments of the visits one issue pays to the government head.</summary>
    public (double Mean, double MeanSquare) AtGovernmentHead() => Mixture(outcome => outcome.ToHead);

    /// <summary>The first two moments of the visits one issue pays to the deputies, all together.</summary>
    public (double Mean, double MeanSquare) AtDeputies() => Mixture(outcome => outcome.ToDeputy);

    /// <summary>Probability that every one of k departments (the primary drawn as categories fold onto departments, the rest uniformly) lies in one deputy's portfolio.</summary>
    public double SamePortfolio(int k)
    {
        if (_p.Deputies == 0)
        {
            return 1;
        }

        var departments = _p.Departments;
        var size = new int[_p.Deputies];
        for (var d = 0; d < departments; d++)
        {
            size[d % _p.Deputies]++;
        }

        var total = 0.0;
        for (var primary = 0; primary < departments; primary++)
        {
            var categories = Enumerable.Range(0, 8).Count(c => c % departments == primary);
            var n = size[primary % _p.Deputies];
            total += categories / 8.0 * Choose(n - 1, k - 1) / Choose(departments - 1, k - 1);
        }

        return total;
    }

    private static double Choose(int n, int r) => r < 0 || r > n ? 0 : Enumerable.Range(1, r).Aggregate(1.0, (acc, i) => acc * (n - r + i) / i);

    private (double, double) Mixture(Func<Outcome, double> visits)
    {
        double mean = 0, square = 0;
        foreach (var (probability, outcome) in Outcomes())
        {
            var v = visits(outcome);
            mean += probability * v;
            square += probability * v * v;
        }

        return (mean, square);
    }

    /// <summary>Every kind of issue with its probability: single or cross (k), routine or urgent, contested or consulted with each deflection pattern, same portfolio or not.</summary>
    private IEnumerable<(double Probability, Outcome Outcome)> Outcomes()
    {
        var e = _p.EmergencyShare;
        var x = _p.CrossDepartmentShare;
        foreach (var (urgent, pu) in new[] { (false, 1 - e), (true, e) })
        {
            yield return ((1 - x) * pu, Outcome.Single(this, urgent));
            foreach (var k in Ks)
            {
                var pk = x * pu / Ks.Length;
                var same = SamePortfolio(k);
                foreach (var (pattern, pp) in Consultations(k))
                {
                    var escalated = pattern.Escalated;
                    if (escalated)
                    {
                        yield return (pk * pp * same, Outcome.Cross(this, urgent, k, pattern, toDeputy: _p.Deputies > 0));
                        yield return (pk * pp * (1 - same), Outcome.Cross(this, urgent, k, pattern, toDeputy: false));
                    }
                    else
                    {
                        yield return (pk * pp, Outcome.Cross(this, urgent, k, pattern, toDeputy: false));
                    }
                }
            }
        }
    }

    /// <summary>The consultation of k − 1 partners: contested at once, or each partner deflecting t = 0..R times (R = never concurring).</summary>
    private IEnumerable<(Consultation Pattern, double Probability)> Consultations(int k)
    {
        var c = _p.ContestedShare;
        var d = _p.DeflectProbability;
        var rounds = _p.ConsultationRounds;
        yield return (new Consultation(0, 0, true), c);
        var partners = k - 1;
        var counts = new int[partners];
        while (true)
        {
            var probability = 1 - c;
            var requests = 0;
            var longest = 0;
            foreach (var t in counts)
            {
                probability *= t < rounds ? Math.Pow(d, t) * (1 - d) : Math.Pow(d, rounds);
                requests += Math.Min(t + 1, rounds);
                longest = Math.Max(longest, t);
            }

            yield return (new Consultation(requests, Math.Min(longest, rounds - 1), longest >= rounds), probability);
            var i = 0;
            while (i < partners && ++counts[i] > rounds)
            {
                counts[i++] = 0;
            }

            if (i == partners)
            {
                break;
            }
        }
    }

    private sealed record Consultation(int Requests, int Reworks, bool Escalated);

    private sealed record Outcome(double[] ByLevel, double ToHead, double ToDeputy)
    {
        public double Visits(int level) => ByLevel[level];

        /// <summary>Levels visited on the climb from the frontline to <paramref name="top"/>, skipping for an emergency.</summary>
        private static bool[] Climb(HierarchyVisits h, bool urgent, int top)
        {
            var visited = new bool[h.Levels];
            var skip = urgent ? h._p.EmergencySkipLevels : 0;
            var level = 0;
            visited[0] = true;
            while (level < top)
            {
                level = Math.Min(level + 1 + skip, top);
                visited[level] = true;
            }

            return visited;
        }

        public static Outcome Single(HierarchyVisits h, bool urgent)
        {
            var up = Climb(h, urgent, h.Decision);
            var visits = new double[h.Levels];
            for (var l = 0; l < h.Levels; l++)
            {
                visits[l] = (up[l] ? 1 : 0) + (l < h.Decision || l == 0 ? 1 : 0);
            }

            return new(visits, 0, 0);
        }

        public static Outcome Cross(HierarchyVisits h, bool urgent, int k, Consultation c, bool toDeputy)
        {
            var head = h.Levels - 1;
            var up = Climb(h, urgent, head);
            var visits = new double[h.Levels];
            for (var l = 0; l < head; l++)
            {
                // The primary chain climbs (where it does not skip) and every required chain is descended.
                visits[l] = (up[l] ? 1 : 0) + k;
            }

            // Heads: the primary coordinates and reworks, the partners answer requests, and the decision passes every
            // required head but the primary's when the heads agreed, every head when a principal decided.
            visits[head] = 1 + c.Reworks + c.Requests + (c.Escalated ? k : k - 1);
            var escalated = c.Escalated ? 1.0 : 0.0;
            return new(visits, toDeputy ? 0 : escalated, toDeputy ? escalated : 0);
        }
    }
}
