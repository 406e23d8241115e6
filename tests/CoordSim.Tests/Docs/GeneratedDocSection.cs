namespace CoordSim.Tests.Docs;

/// <summary>
/// Checks that a generated section of a doc file equals what the code renders now; with the environment
/// variable <c>COORDSIM_UPDATE_DOCS=1</c> it rewrites the section instead.
/// </summary>
internal static class GeneratedDocSection
{
    /// <summary>The environment variable that switches from checking to rewriting.</summary>
    public const string UpdateVariable = "COORDSIM_UPDATE_DOCS";

    /// <summary>Asserts that section <paramref name="section"/> of <paramref name="relativePath"/> holds exactly <paramref name="expected"/>, or rewrites it when asked to.</summary>
    public static void Check(string relativePath, MarkedSection section, string expected, string testName)
    {
        var path = RepositoryFiles.PathOf(relativePath);
        Assert.True(File.Exists(path), $"{relativePath} does not exist (looked at {path}).");
        var document = File.ReadAllText(path);
        var actual = section.Read(document);
        Assert.True(actual is not null, $"{relativePath} has no generated section: add the lines '{section.Begin}' and '{section.End}' where the table belongs, then run the update below.\n{Instructions(testName)}");

        if (actual == expected)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, section.Replace(document, expected));
            return;
        }

        Assert.Fail($"The section '{section.Name}' of {relativePath} is out of date with the code.\n{FirstDifference(expected, actual!)}\n{Instructions(testName)}");
    }

    private static string Instructions(string testName) =>
        $"To regenerate it: {UpdateVariable}=1 dotnet test Simulation.sln --filter \"FullyQualifiedName~{testName}\" (then review and commit the diff).";

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "(no line)";
            var al = i < a.Length ? a[i] : "(no line)";
            if (el != al)
            {
                return $"First difference at line {i + 1} of the section:\n  expected: {el}\n  in file:  {al}";
            }
        }

        return "The sections differ only in whitespace.";
    }
}
