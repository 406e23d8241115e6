using CoordSim.Metrics;
using CoordSim.Organisation;

namespace CoordSim.Mechanisms;

/// <summary>
/// Turns desks' work and people's time away into utilisation by level: a person's utilisation is the person-days
/// they served (Σ over their desks of share × service time / servers) plus the days they spent in meetings and
/// reports, over the days simulated.
/// </summary>
internal static class Utilisation
{
    /// <summary>
    /// Summarises utilisation over <paramref name="elapsed"/> days; <paramref name="staffDays"/> is the person-days
    /// spent in service and <paramref name="secondedDays"/> the person-days of capacity held by body desks.
    /// <paramref name="homeShareDays"/> holds, per person, the integral of their home desk's share of their capacity
    /// over the run: with the time they spent away it gives the capacity left for home duties.
    /// </summary>
    public static UtilisationSummary Summarise(Organisation.Organisation org, double[] deskWork, double[] away, int servers, double elapsed, double[] deskHeldDays, double[] homeShareDays, out double staffDays, out double secondedDays)
    {
        secondedDays = 0;
        staffDays = 0;
        var person = new double[org.PersonCount];
        for (var d = 0; d < deskWork.Length; d++)
        {
            var desk = org.Desk(new DeskId(d));
            person[desk.Person.Value] += deskWork[d] / servers;
            staffDays += deskWork[d];
            if (desk.Body is not null)
            {
                secondedDays += deskHeldDays[d];
            }
        }

        var levels = org.Levels + 1;
        var sum = new double[levels];
        var max = new double[levels];
        var count = new int[levels];
        var busiest = 0;
        for (var i = 0; i < person.Length; i++)
        {
            var u = elapsed > 0 ? (person[i] + away[i]) / elapsed : 0;
            person[i] = u;
            var level = org.LevelOf(new PersonId(i));
            sum[level] += u;
            max[level] = Math.Max(max[level], u);
            count[level]++;
            if (u > person[busiest])
            {
                busiest = i;
            }
        }

        var byLevel = new LevelUtilisation[levels];
        for (var k = 0; k < levels; k++)
        {
            byLevel[k] = new LevelUtilisation(k, org.TitleOfLevel(k), count[k], count[k] > 0 ? sum[k] / count[k] : 0, max[k]);
        }

        var deputies = org.Deputies.Count > 0 ? org.Deputies.Average(d => person[d.Value]) : double.NaN;
        var (homeMean, homeMin) = HomeCapacity(org, away, elapsed, homeShareDays);
        return new UtilisationSummary(byLevel, person[busiest], new PersonId(busiest), org.LevelOf(new PersonId(busiest)), person[0], deputies)
        {
            HomeCapacityMean = homeMean,
            HomeCapacityMin = homeMin,
        };
    }

    /// <summary>
    /// The capacity the officials who sit on a coordination body (its members, or people with a desk in it) keep for
    /// their home duties: each one's time-averaged home desk share times the share of the run they were not away in
    /// meetings or briefs; the mean and the least over them (NaN when no one sits on a body). Exact when a person's
    /// home share is constant over the run; otherwise it treats the time away as falling evenly over it.
    /// </summary>
    private static (double Mean, double Min) HomeCapacity(Organisation.Organisation org, double[] away, double elapsed, double[] homeShareDays)
    {
        if (!(elapsed > 0))
        {
            return (double.NaN, double.NaN);
        }

        var sits = new bool[org.PersonCount];
        foreach (var body in org.Bodies)
        {
            sits[body.Chair.Value] = true;
            foreach (var member in body.Members)
            {
                sits[member.Value] = true;
            }
        }

        foreach (var desk in org.Desks)
        {
            if (desk.Body is not null)
            {
                sits[desk.Person.Value] = true;
            }
        }

        var sum = 0.0;
        var min = double.PositiveInfinity;
        var n = 0;
        for (var p = 0; p < sits.Length; p++)
        {
            if (!sits[p])
            {
                continue;
            }

            var home = homeShareDays[p] / elapsed * Math.Max(0, 1 - (away[p] / elapsed));
            sum += home;
            min = Math.Min(min, home);
            n++;
        }

        return n > 0 ? (sum / n, min) : (double.NaN, double.NaN);
    }
}
