namespace CoordSim.Sensitivity;

/// <summary>
/// First-order, total and (optionally) second-order Sobol' indices from the outputs of a Saltelli sample in
/// <see cref="CoordSim.Experiments.SobolDesign"/>'s order (base row by base row: A, A_B^(1..k), B_A^(1..k), B).
/// With f_A, f_B, f_AB^(i), f_BA^(i) the outputs over the N base rows and V = V(Y) the variance of f_A and f_B together:
/// <list type="bullet">
/// <item>S1_i = (1/N) Σ f_B (f_AB^(i) − f_A) / V (Saltelli et al. 2010, Table 2, estimator b);</item>
/// <item>ST_i = (1/2N) Σ (f_A − f_AB^(i))² / V (Jansen 1999; Saltelli et al. 2010, Table 2, estimator f);</item>
/// <item>S2_ij = (1/N) Σ (f_BA^(i) f_AB^(j) − f_A f_B) / V − S1_i − S1_j (Saltelli 2002, the closed index of the pair less its parts).</item>
/// </list>
/// Each comes with a bootstrap interval over the base rows (<see cref="Bootstrap"/>). A base row with a missing (NaN)
/// output at any of its points is left out.
/// </summary>
public static class SobolIndices
{
    /// <summary>
    /// The indices of <paramref name="factors"/> factors from <paramref name="outputs"/> (N(k + 2) values, or N(2k + 2)
    /// with <paramref name="secondOrder"/>), with <paramref name="level"/> intervals from <paramref name="resamples"/> bootstrap resamples.
    /// </summary>
    public static SobolEstimates Compute(int factors, bool secondOrder, IReadOnlyList<double> outputs,
        int resamples = Bootstrap.DefaultResamples, long seed = 0, double level = Bootstrap.DefaultLevel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factors, 1);
        ArgumentNullException.ThrowIfNull(outputs);
        var k = factors;
        var length = secondOrder ? (2 * k) + 2 : k + 2;
        if (outputs.Count % length != 0)
        {
            throw new ArgumentException($"{outputs.Count} outputs are not whole base rows of {length} points ({k} factors{(secondOrder ? ", second order" : "")}).", nameof(outputs));
        }

        var complete = Enumerable.Range(0, outputs.Count / length)
            .Where(j => Enumerable.Range(j * length, length).All(p => double.IsFinite(outputs[p])))
            .ToArray();
        var n = complete.Length;
        double[] Column(int c) => complete.Select(j => outputs[(j * length) + c]).ToArray();
        var a = Column(0);
        var b = Column(length - 1);
        var ab = Enumerable.Range(0, k).Select(i => Column(1 + i)).ToArray();
        var ba = secondOrder ? Enumerable.Range(0, k).Select(i => Column(1 + k + i)).ToArray() : null;

        var pairs = ba is null ? 0 : k * (k - 1) / 2;
        var all = Bootstrap.Intervals(n, resamples, seed, level, (2 * k) + pairs, rows => Indices(rows, a, b, ab, ba));
        IndexEstimate?[,]? second = null;
        if (ba is not null)
        {
            second = new IndexEstimate?[k, k];
            var at = 2 * k;
            for (var i = 0; i < k; i++)
            {
                for (var j = i + 1; j < k; j++)
                {
                    second[i, j] = all[at++];
                }
            }
        }

        return new SobolEstimates(all[..k], all[k..(2 * k)], second, n, Variance(Enumerable.Range(0, n).ToArray(), a, b));
    }

    /// <summary>S1 of every factor, then ST of every factor, then (with <paramref name="ba"/>) S2 of every pair i &lt; j in order, from <paramref name="rows"/>.</summary>
    private static double[] Indices(int[] rows, double[] a, double[] b, double[][] ab, double[][]? ba)
    {
        var k = ab.Length;
        var n = rows.Length;
        var v = Variance(rows, a, b);
        var result = new double[(2 * k) + (ba is null ? 0 : k * (k - 1) / 2)];
        for (var i = 0; i < k; i++)
        {
            var abi = ab[i];
            var (first, total) = (0.0, 0.0);
            foreach (var r in rows)
            {
                first += b[r] * (abi[r] - a[r]);
                total += (a[r] - abi[r]) * (a[r] - abi[r]);
            }

            result[i] = first / n / v;
            result[k + i] = total / (2.0 * n) / v;
        }

        if (ba is not null)
        {
            var at = 2 * k;
            for (var i = 0; i < k; i++)
            {
                for (var j = i + 1; j < k; j++)
                {
                    var (bai, abj) = (ba[i], ab[j]);
                    var closed = 0.0;
                    foreach (var r in rows)
                    {
                        closed += (bai[r] * abj[r]) - (a[r] * b[r]);
                    }

                    result[at++] = (closed / n / v) - result[i] - result[j];
                }
            }
        }

        return result;
    }

    /// <summary>V(Y) over the A and B outputs of <paramref name="rows"/> (divided by their number, 2n).</summary>
    private static double Variance(int[] rows, double[] a, double[] b)
    {
        var sum = 0.0;
        foreach (var r in rows)
        {
            sum += a[r] + b[r];
        }

        var mean = sum / (2.0 * rows.Length);
        var squares = 0.0;
        foreach (var r in rows)
        {
            squares += ((a[r] - mean) * (a[r] - mean)) + ((b[r] - mean) * (b[r] - mean));
        }

        return squares / (2.0 * rows.Length);
    }
}
