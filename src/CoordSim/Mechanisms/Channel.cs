using CoordSim.Engine;

namespace CoordSim.Mechanisms;

/// <summary>
/// The information channel of one hand-over (model.md §5): x' = m ⊙ (x + ε) + b, where each fact
/// is lost with probability r (replaced by the prior mean 0 and lost for good), surviving facts
/// get N(0, σ²) noise, and an upward hop scales the severity fact (component 0) by (1 − δ).
/// </summary>
internal static class Channel
{
    /// <summary>
    /// Transforms <paramref name="state"/> in place and returns the Euclidean norm of the change
    /// (the error this hop added). Bit j of <paramref name="lost"/> marks fact j as lost. For each
    /// fact still known it draws, in order, the loss (a uniform, only when <paramref name="drop"/>
    /// is positive) and then, if the fact survives, its noise (a standard normal from
    /// <see cref="RandomStream.NextStandardNormal"/>, only when <paramref name="sigma"/> is positive).
    /// </summary>
    /// <param name="state">The facts as known before the hop.</param>
    /// <param name="lost">Bit mask of facts already lost; updated.</param>
    /// <param name="sigma">Noise standard deviation per fact.</param>
    /// <param name="drop">Probability of losing each surviving fact.</param>
    /// <param name="severityScale">Multiplier of the severity fact: 1 − δ for an upward hop, 1 otherwise.</param>
    /// <param name="random">The run's channel stream.</param>
    public static double Transmit(Span<double> state, ref ulong lost, double sigma, double drop, double severityScale, RandomStream random)
    {
        var changed = 0.0;
        var known = lost;
        for (var j = 0; j < state.Length; j++)
        {
            var bit = 1UL << j;
            if ((known & bit) != 0)
            {
                continue;
            }

            var before = state[j];
            double after;
            if (drop > 0 && random.NextDouble() < drop)
            {
                known |= bit;
                after = 0.0;
            }
            else
            {
                after = sigma > 0 ? before + (sigma * random.NextStandardNormal()) : before;
                if (j == 0)
                {
                    after *= severityScale;
                }
            }

            state[j] = after;
            var delta = after - before;
            changed += delta * delta;
        }

        lost = known;
        return Math.Sqrt(changed);
    }
}
