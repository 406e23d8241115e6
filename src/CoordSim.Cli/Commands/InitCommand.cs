using System.CommandLine;

namespace CoordSim.Cli.Commands;

/// <summary>
/// <c>coordsim init DIR</c>: writes a starter experiment spec and a README with the next commands into a new or empty
/// folder, for users of the installed tool who have no copy of the repository. A folder that is not empty is refused
/// unless <c>--force</c>, which replaces only the two files it writes, as <c>sweep --force</c> replaces only a sweep's
/// results. Both files are written in full or not at all.
/// </summary>
internal static class InitCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var directory = new Argument<string>("dir") { Description = "The folder to write spec.json and README.md into (created if needed; must be empty unless --force)." };
        var force = new Option<bool>("--force") { Description = "Replace spec.json and README.md in a folder that is not empty; other files are left alone." };
        var command = new Command("init", "Write a starter experiment spec and a README with the next commands into a new folder.") { directory, force };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var dir = parse.GetValue(directory)!;
            if (dir.Trim().Length == 0)
            {
                return InputErrors.Report(stderr, ["dir = \"\" is not allowed: a folder name."]);
            }

            if (File.Exists(dir))
            {
                return InputErrors.Report(stderr, [$"dir = \"{InputErrors.Shown(dir)}\" is not allowed: a folder, but it is a file."]);
            }

            if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any() && !parse.GetValue(force))
            {
                return InputErrors.Report(stderr, [$"dir = \"{InputErrors.Shown(dir)}\" is not allowed: an empty or new folder, and it is not empty. Use --force to replace its {StarterStudy.SpecFileName} and {StarterStudy.ReadmeFileName}, or another folder."]);
            }

            var target = Path.GetFullPath(dir);
            foreach (var name in new[] { StarterStudy.SpecFileName, StarterStudy.ReadmeFileName })
            {
                if (Directory.Exists(Path.Combine(target, name)))
                {
                    return InputErrors.Report(stderr, [$"dir = \"{InputErrors.Shown(dir)}\" is not allowed: {name} there is a folder, so it cannot be replaced by the file."]);
                }
            }

            Write(dir, target);
            stdout.WriteLine($"Wrote {Path.Combine(target, StarterStudy.SpecFileName)} and {StarterStudy.ReadmeFileName}. Next:");
            stdout.WriteLine($"  coordsim validate {Path.Combine(dir, StarterStudy.SpecFileName)}");
            stdout.WriteLine($"  coordsim sweep {Path.Combine(dir, StarterStudy.SpecFileName)} --out {Path.Combine(dir, "results")}");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Writes both files beside their final names and then moves them in, so that a failure (a full disk, a folder that
    /// refuses writes) leaves neither half-written; a folder this call created is removed again on failure.
    /// </summary>
    private static void Write(string shown, string target)
    {
        var created = !Directory.Exists(target);
        var files = new[]
        {
            (Name: StarterStudy.SpecFileName, Text: StarterStudy.Spec),
            (Name: StarterStudy.ReadmeFileName, Text: StarterStudy.Readme(shown)),
        };
        var staged = new List<string>();
        try
        {
            Directory.CreateDirectory(target);
            foreach (var (name, text) in files)
            {
                var temporary = Path.Combine(target, $".{name}.{Environment.ProcessId}.tmp");
                staged.Add(temporary);
                File.WriteAllText(temporary, text.ReplaceLineEndings("\n"));
            }

            for (var i = 0; i < files.Length; i++)
            {
                File.Move(staged[i], Path.Combine(target, files[i].Name), overwrite: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var temporary in staged.Where(File.Exists))
            {
                File.Delete(temporary);
            }

            if (created && Directory.Exists(target) && !Directory.EnumerateFileSystemEntries(target).Any())
            {
                Directory.Delete(target);
            }

            throw new IOException($"dir = \"{InputErrors.Shown(shown)}\" cannot be written: {e.Message}", e);
        }
    }
}
