using System.CommandLine;
using System.Globalization;
using CoordSim.Experiments;

namespace CoordSim.Cli.Commands;

/// <summary><c>coordsim validate SPEC</c>: checks an experiment spec and says how many runs it means, without running it.</summary>
internal static class ValidateCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var spec = new Argument<string>("spec") { Description = "The experiment spec, a JSON file (docs/experiments.md)." };
        var command = new Command("validate", "Check an experiment spec and print its points, structures, replications and runs without running it.") { spec };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (!TryLoad(parse.GetValue(spec)!, stderr, out var plan))
            {
                return ExitCodes.BadInput;
            }

            stdout.WriteLine(Describe(plan!));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Problems of a spec shown at most; the rest are counted in one more line.</summary>
    internal const int MaxSpecErrors = 100;

    /// <summary>Loads and checks the spec at <paramref name="path"/>; on failure writes every problem to <paramref name="stderr"/>.</summary>
    internal static bool TryLoad(string path, TextWriter stderr, out ExperimentPlan? plan)
    {
        plan = null;
        if (Directory.Exists(path))
        {
            InputErrors.Report(stderr, [$"spec = \"{InputErrors.Shown(path)}\" is not allowed: a JSON file, not a folder."]);
            return false;
        }

        if (!File.Exists(path))
        {
            InputErrors.Report(stderr, [$"spec = \"{path}\" is not allowed: an existing JSON file (no such file)."]);
            return false;
        }

        try
        {
            plan = ExperimentSpec.Load(path).Plan();
            return true;
        }
        catch (SpecException e)
        {
            // A list of 100,000 bad values would print 100,000 lines: the first MaxSpecErrors say what is wrong.
            InputErrors.Report(stderr, e.Errors.Take(MaxSpecErrors).Select(x => $"{path}: {x.Message}"));
            if (e.Errors.Count > MaxSpecErrors)
            {
                InputErrors.Report(stderr, [$"{path}: {(e.Errors.Count - MaxSpecErrors).ToString(CultureInfo.InvariantCulture)} more problems are not shown ({e.Errors.Count.ToString(CultureInfo.InvariantCulture)} in all); fix these first."]);
            }

            return false;
        }
        catch (IOException e)
        {
            InputErrors.Report(stderr, [$"spec = \"{path}\" cannot be read: {e.Message}"]);
            return false;
        }
        catch (UnauthorizedAccessException e)
        {
            InputErrors.Report(stderr, [$"spec = \"{path}\" cannot be read: {e.Message}"]);
            return false;
        }
    }

    /// <summary>What a valid spec means: its design, structures, replications, the number of runs and what it writes.</summary>
    internal static string Describe(ExperimentPlan plan)
    {
        var spec = plan.Spec;
        var varied = plan.Varied.Count == 0 ? "no parameter varied" : "varies " + string.Join(", ", plan.Varied);
        var lines = new[]
        {
            $"{spec.SourcePath ?? spec.Name} is valid: experiment \"{spec.Name}\".",
            $"  design:       {spec.Design.Kind}, {varied}",
            $"  points:       {Count(plan.Points.Count)}",
            $"  structures:   {Count(plan.Structures.Count)} ({string.Join(", ", plan.Structures.Select(s => s.Label))})",
            $"  replications: {Count(plan.Replications)}",
            $"  runs:         {Count(plan.RunCount)} = {Count(plan.Points.Count)} points x {Count(plan.Structures.Count)} structures x {Count(plan.Replications)} replications",
            $"  seed:         {spec.Seed.ToString(CultureInfo.InvariantCulture)}",
            $"  measures:     {(spec.Measures is null ? "all " + Count(plan.Measures.Count) : string.Join(", ", plan.Measures.Select(m => m.Name)))}",
            $"  issues.csv:   {(spec.Output.Issues ? "yes" : "no")}",
            $"  time series:  {(spec.Output.TimeSeriesInterval is { } days ? $"every {days.ToString(CultureInfo.InvariantCulture)} days (timeseries.csv)" : "no")}",
            $"  estimate:     {ResourceEstimate.Of(plan, Environment.ProcessorCount, null)}",
        };
        return string.Join(Environment.NewLine, lines.Concat(BodyLines(plan)));
    }

    /// <summary>
    /// What the spec does to coordination bodies: the fields each entry fixes (with the body's index when the structure
    /// has several), and which structures a body field set as a parameter (<c>bodies[i].FIELD</c>) cannot change
    /// because they have no body, or not that many.
    /// </summary>
    private static IEnumerable<string> BodyLines(ExperimentPlan plan)
    {
        foreach (var entry in plan.Structures)
        {
            if (entry.Structure is CoordSim.Structures.BodyStructure { Settings.Count: > 0 } body)
            {
                var fixedFields = body.Settings.Select(f => body.Bodies.Count > 1 ? $"bodies[{Count(f.Body)}].{f.Name}={f.Text}" : $"{f.Name}={f.Text}");
                yield return $"  body fields:  {entry.Label} fixes {string.Join(", ", fixedFields)}";
            }
        }

        var fields = plan.ParameterColumns.Where(p => p.BodyField is not null).ToArray();
        var without = plan.Structures.Where(s => s.Structure is not CoordSim.Structures.BodyStructure).Select(s => s.Label).ToArray();
        if (fields.Length > 0 && without.Length > 0)
        {
            yield return $"  note:         {string.Join(", ", without)} {(without.Length == 1 ? "has" : "have")} no coordination body: {string.Join(", ", fields.Select(f => f.Name))} does not change {(without.Length == 1 ? "it" : "them")}";
        }

        foreach (var entry in plan.Structures)
        {
            if (entry.Structure is CoordSim.Structures.BodyStructure body && fields.Where(f => f.Body >= body.Bodies.Count).Select(f => f.Name).ToArray() is { Length: > 0 } beyond)
            {
                yield return $"  note:         {entry.Label} has {Count(body.Bodies.Count)} {(body.Bodies.Count == 1 ? "body" : "bodies")}: {string.Join(", ", beyond)} does not change it";
            }
        }
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
