using CoordSim.Experiments;

namespace CoordSim.Cli;

/// <summary>The <c>--structure-file</c> option of <c>run</c> and <c>compare</c>: structures given as JSON, as a spec's <c>structures</c> entries.</summary>
internal static class StructureFile
{
    /// <summary>The option's name.</summary>
    public const string Name = "--structure-file";

    /// <summary>Creates the option.</summary>
    public static System.CommandLine.Option<string> Create(string description) => new(Name)
    {
        Description = description,
        HelpName = "file.json",
    };

    /// <summary>The structures in the file at <paramref name="path"/>, or null with every problem added to <paramref name="errors"/> as one line each.</summary>
    public static IReadOnlyList<ComparedStructure>? Read(string path, List<string> errors)
    {
        if (!File.Exists(path))
        {
            errors.Add($"{Name} = \"{path}\" is not allowed: an existing JSON file of structure entries (no such file).");
            return null;
        }

        try
        {
            return ExperimentSpec.LoadStructures(path);
        }
        catch (SpecException e)
        {
            errors.AddRange(e.Errors.Select(x => $"{path}: {x.Message}"));
        }
        catch (IOException e)
        {
            errors.Add($"{Name} = \"{path}\" cannot be read: {e.Message}");
        }
        catch (UnauthorizedAccessException e)
        {
            errors.Add($"{Name} = \"{path}\" cannot be read: {e.Message}");
        }

        return null;
    }
}
