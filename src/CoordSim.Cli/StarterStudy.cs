using CoordSim.Experiments;

namespace CoordSim.Cli;

/// <summary>
/// What <c>coordsim init</c> writes: a small experiment spec that runs in seconds and a README that tells a user of the
/// installed tool, who has no copy of the repository, what to run next and where to read on.
/// </summary>
internal static class StarterStudy
{
    /// <summary>File name of the starter spec.</summary>
    public const string SpecFileName = "spec.json";

    /// <summary>File name of the starter README.</summary>
    public const string ReadmeFileName = "README.md";

    /// <summary>
    /// The starter spec: three canonical structures at three cross-department shares, three replications of half a
    /// year each (27 runs), on the default organisation.
    /// </summary>
    public const string Spec = """
        {
          "name": "starter",
          "description": "How do a hierarchy, a leading group and a task force compare as more issues need several departments?",
          "structures": ["hierarchy", "leading-group", "task-force"],
          "base": { "horizonDays": 180 },
          "design": {
            "kind": "factorial",
            "factors": { "crossDepartmentShare": [0.1, 0.3, 0.5] }
          },
          "replications": 3,
          "seed": 1
        }

        """;

    /// <summary>The starter README, with the commands written for the folder the user named.</summary>
    public static string Readme(string folder)
    {
        var spec = Path.Combine(folder, SpecFileName);
        var results = Path.Combine(folder, "results");
        return $$"""
            # A CoordSim study

            `coordsim init` wrote this folder: `{{SpecFileName}}`, an experiment that compares a strict hierarchy, a
            leading group and a task force as the share of issues that need several departments grows (0.1, 0.3 and
            0.5), on the default organisation (8 departments, 4 levels, span 4, 40 issues a day), for 180 simulated
            days, 3 replications each: 3 × 3 × 3 = 27 runs, a few seconds.

            ## Next commands

            ```
            coordsim validate {{spec}}
            coordsim sweep {{spec}} --out {{results}}
            coordsim plot {{results}}
            ```

            - `validate` checks the spec and says how many runs it means and how long they should take, without
              running them.
            - `sweep` runs them on every processor and writes, into `{{results}}`: `runs.csv` (one row per run: its
              point, structure, replication, seed, every parameter and every measure), `summary.csv` (per point and
              structure: the number of runs, the runs that did not reach a steady state in `unstableRuns`, and the
              mean, sd and 95% confidence interval of every measure), `timeseries.csv` (each run's backlog and
              utilisation over time), `codebook.csv` (what every column of those files holds, with its unit),
              `manifest.json` and `figures/`. Stop it with Ctrl+C and continue with `--resume`; `--force` replaces
              earlier results in the folder.
            - `plot` draws the figures again (PNG and SVG), for example after you change the folder's results.

            Start reading `summary.csv` with `latencyRestrictedMean_mean` (days from discovery to the last
            required execution), always beside `issuesPending_mean` and `unstableRuns`, then `distortionRms_mean`
            (how wrong the executors' picture is) and `responsibilityEffectiveCount_mean` (how many people answer
            for a decision). In R: `read.csv("{{Path.Combine(results, ResultsFormat.SummaryFile)}}")`; in Python:
            `pandas.read_csv(...)`.

            ## Changing the study

            Edit `{{SpecFileName}}` and validate it again:

            - `structures`: `coordsim structures` lists the ten structures of the catalogue.
            - `base`: parameters fixed for every run; `coordsim params` lists every parameter with its default,
              range, unit and meaning.
            - `design`: the parameters varied; `"kind"` is `factorial` (every combination), `one-at-a-time` (each
              factor moved alone from the base), `latin-hypercube` (`"samples"` points over ranges) or `points`
              (a list of points).
            - `replications` and `seed`: runs per point and structure, and the seed they are derived from; the
              same spec and seed give the same results on any machine.
            - `coordsim measures` lists what a run measures; `coordsim run --structure hierarchy` runs one
              structure once and prints its measures.

            Every command has `--help`. A bad value is reported with the field, the value and what is allowed.
            """;
    }
}
