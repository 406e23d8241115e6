using CoordSim.Engine;
using CoordSim.Metrics;
using CoordSim.Structures;

namespace CoordSim.Tests.Properties;

public class ParallelDeterminismTests
{
    [Fact]
    public void Runs_give_the_same_bytes_sequentially_and_on_many_threads()
    {
        var p = Parameters.Default with { Departments = 4, Levels = 3, Span = 3, ArrivalRate = 6, HorizonDays = 40 };
        var cases = (from structure in StructureCatalog.All from seed in new long[] { 0, 1, 2, 3, 1L << 40, SeedDerivation.MaxPublicSeed } select (structure, seed)).ToArray();
        var sequential = cases.Select(c => RunResultJson.Serialize(Simulation.Run(c.structure, p, c.seed))).ToArray();
        var parallel = new string[cases.Length];
        Parallel.For(0, cases.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            parallel[i] = RunResultJson.Serialize(Simulation.Run(cases[i].structure, p, cases[i].seed)));
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Seeds_outside_the_public_range_are_refused_with_the_field_named()
    {
        var error = Assert.Throws<ParameterException>(() => Simulation.Run(Structure.Hierarchy(), Parameters.Default, -1));
        Assert.Equal("seed", Assert.Single(error.Errors).Name);
        Assert.Throws<ParameterException>(() => Simulation.Run(Structure.Hierarchy(), Parameters.Default, SeedDerivation.MaxPublicSeed + 1));
        var invalid = Assert.Throws<ParameterException>(() => Simulation.Run(Structure.Hierarchy(), Parameters.Default with { Levels = 0 }, 1));
        Assert.Contains(invalid.Errors, e => e.Name == "levels");
    }
}
