using System.Text.Json;
using CoordSim.Metrics;
using CoordSim.Structures;

namespace CoordSim.Tests.Metrics;

/// <summary>
/// The members of a run's JSON that are not measures (docs/cli.md pairs the measures; <see cref="RunJsonMeasuresTests"/>
/// checks those): the stability judgement's inputs, the Kaplan–Meier horizon and censored count, each latency part's
/// incurred share, the per-level utilisation and the busiest person, and the simulated days. Each must be the result's
/// own figure, under its documented name.
/// </summary>
public class RunJsonFiguresTests
{
    private static readonly Lazy<(RunResult Result, JsonElement Json)> Run = new(() =>
    {
        var r = Simulation.Run(Structure.LeadingGroup(), Parameters.Default with { HorizonDays = 60, WarmupDays = 10 }, 3);
        return (r, JsonDocument.Parse(r.ToJson()).RootElement.Clone());
    });

    [Fact]
    public void Stability_members_are_the_judgements_figures()
    {
        var (r, json) = Run.Value;
        var s = json.GetProperty("stability");

        Assert.Equal(r.Stability.MidDay, s.GetProperty("midDay").GetDouble());
        Assert.Equal(35, s.GetProperty("midDay").GetDouble());   // halfway between the warm-up's end (10) and the horizon (60)
        Assert.Equal(r.Stability.ArrivalsAfterMid, s.GetProperty("arrivalsAfterMid").GetInt64());
        Assert.True(r.Stability.ArrivalsAfterMid > 0);
        Assert.Equal(r.Stability.Tolerance, s.GetProperty("tolerance").GetDouble());
        Assert.True(r.Stability.Tolerance > 0);
    }

    [Fact]
    public void All_arrivals_members_give_the_restriction_and_the_censored_count()
    {
        var (r, json) = Run.Value;
        var a = json.GetProperty("latency").GetProperty("allArrivals");

        Assert.Equal(50, a.GetProperty("restrictedTo").GetDouble());  // the window after the warm-up: 60 − 10 days
        Assert.Equal(r.Latency.AllArrivals.RestrictedTo, a.GetProperty("restrictedTo").GetDouble());
        Assert.Equal(r.Latency.AllArrivals.Censored, a.GetProperty("censored").GetInt32());
        Assert.Equal(r.Issues.Pending, a.GetProperty("censored").GetInt64());
    }

    [Fact]
    public void Every_latency_part_has_its_incurred_share()
    {
        var (r, json) = Run.Value;
        var parts = json.GetProperty("latency").GetProperty("components");
        var c = r.Latency.Components;

        foreach (var (name, component) in new[]
                 {
                     ("queueing", c.Queueing), ("service", c.Service), ("meetingWait", c.MeetingWait),
                     ("transmission", c.Transmission), ("consultation", c.Consultation),
                 })
        {
            var share = parts.GetProperty(name).GetProperty("incurredShare").GetDouble();
            Assert.Equal(component.IncurredShare, share);
            Assert.InRange(share, 0, 1);
        }
    }

    [Fact]
    public void Utilisation_members_give_every_level_but_the_top_by_number_and_every_level_in_by_level()
    {
        var (r, json) = Run.Value;
        var u = json.GetProperty("utilisation");
        var levels = r.Utilisation.ByLevel;
        Assert.True(levels.Count >= 3, $"{levels.Count} levels");

        for (var l = 0; l < levels.Count - 1; l++)
        {
            Assert.Equal(levels[l].Mean, u.GetProperty($"level{l}").GetDouble());
        }

        Assert.False(u.TryGetProperty($"level{levels.Count - 1}", out _), "the top level is 'top', not a numbered level");
        Assert.Equal(r.Utilisation.BusiestPerson.Value, u.GetProperty("busiestPerson").GetInt32());
        Assert.Equal(r.Utilisation.BusiestLevel, u.GetProperty("busiestLevel").GetInt32());

        var byLevel = u.GetProperty("byLevel").EnumerateArray().ToArray();
        Assert.Equal(levels.Count, byLevel.Length);
        for (var l = 0; l < levels.Count; l++)
        {
            Assert.Equal(levels[l].Level, byLevel[l].GetProperty("level").GetInt32());
            Assert.Equal(levels[l].Title, byLevel[l].GetProperty("title").GetString());
            Assert.Equal(levels[l].People, byLevel[l].GetProperty("people").GetInt32());
            Assert.Equal(levels[l].Mean, byLevel[l].GetProperty("mean").GetDouble());
            Assert.Equal(levels[l].Max, byLevel[l].GetProperty("max").GetDouble());
        }

        Assert.Equal("frontline", byLevel[0].GetProperty("title").GetString());
    }

    [Fact]
    public void Simulated_days_are_the_horizon_of_a_run_that_did_not_stop_early()
    {
        var (r, json) = Run.Value;

        Assert.False(r.Stability.StoppedEarly);
        Assert.Equal(60, json.GetProperty("simulatedDays").GetDouble());
        Assert.Equal(r.SimulatedDays, json.GetProperty("simulatedDays").GetDouble());
    }

    /// <summary>A body design field set as a parameter is written among the parameters under its own name, and only when set.</summary>
    [Fact]
    public void Parameters_hold_a_body_field_set_for_one_body_and_only_then()
    {
        var info = ParameterCatalog.Get("bodies[0].meetingInterval");
        Assert.True(info.TryParse("5", out var value, out var problem), problem?.ToString());
        var p = info.With(Parameters.Default with { HorizonDays = 20, WarmupDays = 0 }, value!);
        var parameters = JsonDocument.Parse(Simulation.Run(Structure.LeadingGroup(), p, 1).ToJson()).RootElement.GetProperty("parameters");

        Assert.Equal(5, parameters.GetProperty("bodies[0].meetingInterval").GetDouble());
        Assert.DoesNotContain(Run.Value.Json.GetProperty("parameters").EnumerateObject(), m => m.Name.StartsWith("bodies[", StringComparison.Ordinal));
    }
}
