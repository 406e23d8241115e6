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

        var first = new IndexEstimate[k];
        var total = new IndexEstimate[k];
        for (var i = 0; i < k; i++)
        {
            var f = ab[i];
            first[i] = Bootstrap.Interval(n, resamples, seed, level, rows => FirstOrder(rows, a, b, f));
            total[i] = Bootstrap.Interval(n, resamples, seed, level, rows => TotalOrder(rows, a, b, f));
        }

        IndexEstimate?[,]? second = null;
        if (ba is not null)
        {
            second = new IndexEstimate?[k, k];
            for (var i = 0; i < k; i++)
            {
                for (var j = i + 1; j < k; j++)
                {
                    var (abi, abj, bai) = (ab[i], ab[j], ba[i]);
                    second[i, j] = Bootstrap.Interval(n, resamples, seed, level, rows =>
                        SecondOrder(rows, a, b, bai, abj) - FirstOrder(rows, a, b, abi) - FirstOrder(rows, a, b, abj));
                }
            }
        }

        return new SobolEstimates(first, total, second, n, Variance(Enumerable.Range(0, n).ToArray(), a, b));
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

    private static double FirstOrder(int[] rows, double[] a, double[] b, double[] abi)
    {
        var sum = 0.0;
        foreach (var r in rows)
        {
            sum += b[r] * (abi[r] - a[r]);
        }

        return sum / rows.Length / Variance(rows, a, b);
    }

    private static double TotalOrder(int[] rows, double[] a, double[] b, double[] abi)
    {
        var sum = 0.0;
        foreach (var r in rows)
        {
            sum += (a[r] - abi[r]) * (a[r] - abi[r]);
        }

        return sum / (2.0 * rows.Length) / Variance(rows, a, b);
    }

    /// <summary>The closed second-order index V_ij^c / V of factors i and j: (1/N) Σ (f_BA^(i) f_AB^(j) − f_A f_B) / V.</summary>
    private static double SecondOrder(int[] rows, double[] a, double[] b, double[] bai, double[] abj)
    {
        var sum = 0.0;
        foreach (var r in rows)
        {
            sum += (bai[r] * abj[r]) - (a[r] * b[r]);
        }

        return sum / rows.Length / Variance(rows, a, b);
    }
}
