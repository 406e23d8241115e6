namespace CoordSim.Tests.Cluster;

/// <summary>Specs of the Slurm tests.</summary>
internal static class SlurmSpecs
{
    /// <summary>
    /// 12 short runs (3 points x 2 structures x 2 replications of 60 days, about 0.04 s each) with issues.csv and a
    /// time series, so that a sharded sweep of it writes every file a sweep can.
    /// </summary>
    public const string Small = """
        {
          "name": "slurm-small",
          "structures": ["hierarchy", "task-force"],
          "base": { "horizonDays": 60, "warmupDays": 10 },
          "design": { "kind": "factorial", "factors": { "crossDepartmentShare": [0.1, 0.3, 0.5] } },
          "replications": 2,
          "seed": 3,
          "output": { "issues": true, "timeSeries": 10 }
        }

        """;
}
