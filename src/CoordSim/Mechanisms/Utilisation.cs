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
    /// </summary>
    public static UtilisationSummary Summarise(Organisation.Organisation org, double[] deskWork, double[] away, int servers, double elapsed, double[] deskHeldDays, out double staffDays, out double secondedDays)
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
        return new UtilisationSummary(byLevel, person[busiest], new PersonId(busiest), org.LevelOf(new PersonId(busiest)), person[0], deputies);
    }
}
