using System.Globalization;

namespace CoordSim.Benchmarks;

/// <summary>
/// One point of a scaling series: an organisation of <paramref name="People"/> people (a power of
/// ten, see <see cref="Scenarios.Organisation"/>), or the default organisation when
/// <paramref name="People"/> is 0, handling <paramref name="Issues"/> issues. The "backlog"
/// series overloads the default organisation (<see cref="Scenarios.Backlog"/>) so that its issues
/// stay in flight.
/// </summary>
/// <param name="Series">"people", "issues", "target" or "backlog": what the point is there to show.</param>
/// <param name="People">People in the organisation, or 0 for the default organisation (681 people).</param>
/// <param name="Issues">Issues that arrive (arrivals stop after this many and the run drains them).</param>
public sealed record ScalingPoint(string Series, long People, long Issues)
{
    /// <summary>The parameters of the point.</summary>
    public Parameters Parameters =>
        Series == "backlog" ? Scenarios.Backlog(Issues)
        : People == 0 ? Scenarios.Issues(Issues)
        : Scenarios.Organisation(People, Issues);

    /// <summary>People ×10 at 10^4 issues, then issues ×10 on the default organisation.</summary>
    public static IReadOnlyList<ScalingPoint> BothSeries(int maxPeopleExponent, int maxIssuesExponent)
    {
        var points = new List<ScalingPoint>();
        for (var k = 3; k <= maxPeopleExponent; k++)
        {
            points.Add(new ScalingPoint("people", (long)Math.Pow(10, k), 10_000));
        }

        for (var k = 4; k <= maxIssuesExponent; k++)
        {
            points.Add(new ScalingPoint("issues", 0, (long)Math.Pow(10, k)));
        }

        return points;
    }

    /// <summary>
    /// Short enough for benchmark tables: the quantity the series varies, for example "people=1e6"
    /// (at 10^4 issues) or "issues=1e7" (on the default organisation); the target point shows both.
    /// </summary>
    public override string ToString() => Series switch
    {
        "people" => $"people={Scenarios.Label(People)}",
        "issues" or "backlog" => $"{Series}={Scenarios.Label(Issues)}",
        _ => string.Create(CultureInfo.InvariantCulture, $"{Series} people={Scenarios.Label(People)} issues={Scenarios.Label(Issues)}"),
    };
}
