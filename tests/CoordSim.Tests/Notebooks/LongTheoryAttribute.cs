using CoordSim.Tests.Validation;

namespace CoordSim.Tests.Notebooks;

/// <summary>
/// A theory that belongs to the long checks, like <see cref="LongFactAttribute"/>: put <c>[Trait("Category", "Long")]</c>
/// beside it; it runs only when <c>COORDSIM_LONG</c> is <c>1</c> and is reported as skipped otherwise.
/// </summary>
public sealed class LongTheoryAttribute : TheoryAttribute
{
    /// <summary>Marks the theory as skipped unless <see cref="LongFactAttribute.Switch"/> is set to 1.</summary>
    public LongTheoryAttribute()
    {
        if (Environment.GetEnvironmentVariable(LongFactAttribute.Switch) != "1")
        {
            Skip = $"Long check; set {LongFactAttribute.Switch}=1 to run it (see notebooks/README.md).";
        }
    }
}
