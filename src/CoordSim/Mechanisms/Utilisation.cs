using CoordSim.Metrics;

namespace CoordSim.Mechanisms;

/// <summary>Turns desks' busy time into utilisation by level: a person's utilisation is Σ over their desks of share × busy fraction / servers.</summary>
public static class Utilisation
{
    /// <summary>
    /// Summarises utilisation over <paramref name="elapsed"/> days; <paramref name="staffDays"/> is the person-days
    /// spent in service and <paramref name="secondedDays"/> the person-days of capacity held by body desks.
    /// </summary>
    public static UtilisationSummary Summarise(Organisation.Organisation org, double[] deskShare, double[] deskBusyTime, int servers, double elapsed, out double staffDays, out double secondedDays)
    {
        secondedDays = 0;
        var person = new double[org.PersonCount];
        staffDays = 0;
        for (var d = 0; d < deskBusyTime.Length; d++)
        {
            var p = org.Desk(d).Person;
            var personDays = deskBusyTime[d] * deskShare[d] / servers;
            person[p] += personDays;
            staffDays += deskBusyTime[d] * deskShare[d];
            if (org.Desk(d).Body >= 0)
            {
                secondedDays += deskShare[d] * elapsed;
            }
        }

        var levels = org.Levels + 1;
        var sum = new double[levels];
        var max = new double[levels];
        var count = new int[levels];
        var busiest = 0;
        for (var i = 0; i < person.Length; i++)
        {
            var u = elapsed > 0 ? person[i] / elapsed : 0;
            person[i] = u;
            var level = org.LevelOf(i);
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

        return new UtilisationSummary(byLevel, person[busiest], busiest, org.LevelOf(busiest));
    }
}
