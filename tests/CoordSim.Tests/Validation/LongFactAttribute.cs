namespace CoordSim.Tests.Validation;

/// <summary>
/// A fact that belongs to the long validation runs: it carries <c>[Trait("Category", "Long")]</c>
/// on its method and runs only when the environment variable <c>COORDSIM_LONG</c> is <c>1</c>, so
/// that a plain <c>dotnet test</c> (and CI) stays fast and reports it as skipped. Run the long
/// checks with <c>COORDSIM_LONG=1 dotnet test Simulation.sln --filter Category=Long</c>.
/// </summary>
public sealed class LongFactAttribute : FactAttribute
{
    /// <summary>Name of the environment variable that switches the long checks on.</summary>
    public const string Switch = "COORDSIM_LONG";

    /// <summary>Marks the fact as skipped unless <see cref="Switch"/> is set to 1.</summary>
    public LongFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Switch) != "1")
        {
            Skip = $"Long validation; set {Switch}=1 to run it (see docs/validation.md).";
        }
    }
}
