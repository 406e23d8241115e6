namespace CoordSim.Cli;

/// <summary>Entry point of the <c>coordsim</c> console runner.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    public static int Main(string[] args) => 0;
}
