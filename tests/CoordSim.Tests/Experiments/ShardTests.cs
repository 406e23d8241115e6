using CoordSim.Experiments;
using CoordSim.Structures;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CoordSim.Tests.Experiments;

public class ShardTests
{
    /// <summary>A plan of the given shape with nothing run: structures, points (one factor's levels) and replications.</summary>
    private static ExperimentPlan Plan(int structures, int points, int replications)
    {
        var builder = ExperimentSpec.Create("shape");
        for (var s = 0; s < structures; s++)
        {
            builder = builder.Compare(Structure.Hierarchy(), $"h{s}", ("span", 2 + s));
        }

        return builder.Vary("crossDepartmentShare", Enumerable.Range(0, points).Select(p => (object)(p / (double)points)).ToArray())
            .Replications(replications).Seed(1).Build().Plan();
    }

    private static Arbitrary<(int Structures, int Points, int Replications, int Count)> Shapes() =>
        (from structures in Gen.Choose(1, 5)
         from points in Gen.Choose(1, 7)
         from replications in Gen.Choose(1, 6)
         from count in Gen.Choose(1, structures * points * replications)
         select (structures, points, replications, count)).ToArbitrary();

    [Property(MaxTest = 60)]
    public Property The_shards_hold_every_run_once_and_their_sizes_differ_by_at_most_one()
    {
        return Prop.ForAll(Shapes(), shape =>
        {
            var plan = Plan(shape.Structures, shape.Points, shape.Replications);
            var shards = Enumerable.Range(1, shape.Count).Select(n => new Shard(n, shape.Count).Runs(plan)).ToList();
            var all = shards.SelectMany(r => r).Order().ToList();
            var sizes = shards.Select(r => r.Count).ToList();
            return all.SequenceEqual(Enumerable.Range(0, plan.RunCount)) &&
                   sizes.Max() - sizes.Min() <= 1 &&
                   shards.All(r => r.SequenceEqual(r.Order()));
        });
    }

    [Property(MaxTest = 60)]
    public Property Each_structures_runs_are_spread_over_the_shards_to_within_one()
    {
        // The deal is structure by structure: a shard never holds one structure's runs while another shard holds another's,
        // which interleaving by run index alone would do whenever the count of shards divides the count of structures.
        return Prop.ForAll(Shapes(), shape =>
        {
            var plan = Plan(shape.Structures, shape.Points, shape.Replications);
            var shards = Enumerable.Range(1, shape.Count).Select(n => new Shard(n, shape.Count).Runs(plan)).ToList();
            return Enumerable.Range(0, shape.Structures).All(s =>
            {
                var counts = shards.Select(r => r.Count(i => plan.Run(i).StructureIndex == s)).ToList();
                return counts.Max() - counts.Min() <= 1;
            });
        });
    }

    [Fact]
    public void A_shard_interleaves_points_and_replications_rather_than_taking_a_block()
    {
        // 2 structures x 4 points x 3 replications in 4 shards: shard 1 holds runs of every point of each structure.
        var plan = Plan(2, 4, 3);
        var first = new Shard(1, 4).Runs(plan).Select(plan.Run).ToList();
        Assert.Equal(6, first.Count);
        foreach (var s in new[] { 0, 1 })
        {
            Assert.Equal(3, first.Where(r => r.StructureIndex == s).Select(r => r.Point.Id).Distinct().Count());
        }

        // By hand: run i is structure i % 2 of group i / 2 (point * 3 + replication), dealt at position (i % 2) * 12 + i / 2;
        // shard 1 takes positions 0, 4, 8, 12, 16, 20: runs 0, 8, 16 (structure 0, groups 0, 4, 8) and 1, 9, 17.
        Assert.Equal([0, 1, 8, 9, 16, 17], new Shard(1, 4).Runs(plan).ToArray());
    }

    [Fact]
    public void The_whole_sweep_is_one_shard_of_one()
    {
        var plan = Plan(2, 3, 2);
        Assert.Equal(Enumerable.Range(0, plan.RunCount), Shard.Whole.Runs(plan));
        Assert.Equal("1/1", Shard.Whole.ToString());
    }

    [Theory]
    [InlineData("2/4", 2, 4)]
    [InlineData("1/1", 1, 1)]
    [InlineData("10/10", 10, 10)]
    public void A_shard_reads_from_i_over_n(string text, int number, int count)
    {
        Assert.Equal(new Shard(number, count), Shard.TryParse(text, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("2/0")]
    [InlineData("-1/4")]
    [InlineData("2")]
    [InlineData("2/4/8")]
    [InlineData(" 2/4")]
    [InlineData("2.0/4")]
    [InlineData(null)]
    public void Anything_but_i_over_n_with_i_from_1_to_n_is_refused(string? text)
    {
        Assert.Null(Shard.TryParse(text, out var problem));
        Assert.Contains("i/N", problem, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Shard(0, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Shard(5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Shard(1, 0));
    }

    [Theory]
    [InlineData("SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_MAX=7 SLURM_ARRAY_TASK_STEP=1 SLURM_ARRAY_TASK_COUNT=8", "4/8")]
    [InlineData("SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_MAX=4 SLURM_ARRAY_TASK_COUNT=4", "1/4")]
    [InlineData("SLURM_ARRAY_TASK_ID=14 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_MAX=14 SLURM_ARRAY_TASK_STEP=2 SLURM_ARRAY_TASK_COUNT=8", "8/8")]
    [InlineData("SGE_TASK_ID=5 SGE_TASK_FIRST=1 SGE_TASK_LAST=8 SGE_TASK_STEPSIZE=1", "5/8")]
    [InlineData("SGE_TASK_ID=undefined SGE_TASK_FIRST=undefined", null)]
    [InlineData("PBS_ARRAY_INDEX=3", null)]
    [InlineData("", null)]
    public void A_job_arrays_task_gives_its_shard(string variables, string? shard)
    {
        var found = Shard.FromJobArray(Variables(variables), out var source, out var problem);
        Assert.Null(problem);
        Assert.Equal(shard, found?.ToString());
        Assert.Equal(shard is null, source is null);
    }

    [Theory]
    [InlineData("SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_MAX=9 SLURM_ARRAY_TASK_COUNT=3", "SLURM_ARRAY_TASK_COUNT = 3")]
    [InlineData("SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_MAX=14 SLURM_ARRAY_TASK_STEP=2", "SLURM_ARRAY_TASK_ID = 3")]
    [InlineData("SLURM_ARRAY_TASK_ID=x SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_MAX=3", "SLURM_ARRAY_TASK_ID = \"x\"")]
    [InlineData("SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_MAX=3", "SLURM_ARRAY_TASK_MIN = \"\"")]
    [InlineData("SGE_TASK_ID=9 SGE_TASK_FIRST=1 SGE_TASK_LAST=8", "SGE_TASK_ID = 9")]
    public void A_task_of_an_array_that_is_not_an_even_range_is_refused_with_the_variable_named(string variables, string named)
    {
        Assert.Null(Shard.FromJobArray(Variables(variables), out _, out var problem));
        Assert.StartsWith(named, problem, StringComparison.Ordinal);
        Assert.EndsWith("or give the shard as --shard i/N", problem, StringComparison.Ordinal);
    }

    private static Func<string, string?> Variables(string text)
    {
        var map = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return name => map.GetValueOrDefault(name);
    }
}
