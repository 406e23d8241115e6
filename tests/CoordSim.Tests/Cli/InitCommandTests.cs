using System.Text.Json;
using CoordSim.Cli;
using CoordSim.Experiments;
using CoordSim.Tests.Docs;

namespace CoordSim.Tests.Cli;

public sealed class InitCommandTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("coordsim-init-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public void Init_writes_a_spec_that_validates_and_sweeps_and_a_readme_with_the_next_commands()
    {
        var dir = Path.Combine(root.FullName, "study");
        var init = CliInvocation.Run("init", dir);

        Assert.Equal(0, init.ExitCode);
        Assert.Equal("", init.Stderr);
        Assert.Equal([".", "README.md", "spec.json"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Append(".").Order(StringComparer.Ordinal));
        var spec = Path.Combine(dir, "spec.json");
        Assert.Contains($"coordsim sweep {spec} --out {Path.Combine(dir, "results")}", init.Stdout, StringComparison.Ordinal);

        var plan = ExperimentSpec.Load(spec).Plan();
        Assert.Equal(27, plan.RunCount);
        Assert.Equal(0, CliInvocation.Run("validate", spec).ExitCode);

        var readme = File.ReadAllText(Path.Combine(dir, "README.md"));
        Assert.Contains($"coordsim validate {spec}\n", readme, StringComparison.Ordinal);
        Assert.Contains($"coordsim sweep {spec} --out {Path.Combine(dir, "results")}\n", readme, StringComparison.Ordinal);
        Assert.Contains($"coordsim plot {Path.Combine(dir, "results")}\n", readme, StringComparison.Ordinal);
        Assert.Contains("27 runs", readme, StringComparison.Ordinal);

        var results = Path.Combine(dir, "results");
        var sweep = CliInvocation.Run("sweep", spec, "--out", results, "--threads", "2");
        Assert.True(sweep.ExitCode == 0, sweep.Stderr);
        var summary = File.ReadAllLines(Path.Combine(results, "summary.csv"));
        Assert.Equal(1 + (3 * 3), summary.Length);
        Assert.Equal(27, File.ReadAllLines(Path.Combine(results, "runs.csv")).Length - 1);
    }

    [Fact]
    public void The_starter_spec_uses_only_fields_and_design_kinds_the_schema_lists()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("schemas/experiment.schema.json")));
        using var spec = JsonDocument.Parse(StarterStudy.Spec);
        var fields = spec.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        var allowed = schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(fields, f => Assert.Contains(f, allowed));
        Assert.All(schema.RootElement.GetProperty("required").EnumerateArray(), r => Assert.Contains(r.GetString(), fields));
        var kinds = schema.RootElement.GetProperty("$defs").EnumerateObject()
            .Where(d => d.Value.TryGetProperty("properties", out var p) && p.TryGetProperty("kind", out var k) && k.TryGetProperty("const", out _))
            .Select(d => d.Value.GetProperty("properties").GetProperty("kind").GetProperty("const").GetString());
        Assert.Contains(spec.RootElement.GetProperty("design").GetProperty("kind").GetString(), kinds);
        var structures = spec.RootElement.GetProperty("structures").EnumerateArray().Select(s => s.GetString()!).ToArray();
        Assert.All(structures, s => Assert.Contains(s, CoordSim.Structures.StructureCatalog.All.Select(c => c.Name)));
    }

    [Fact]
    public void A_folder_that_is_not_empty_is_refused_and_left_as_it_was()
    {
        var dir = root.CreateSubdirectory("busy").FullName;
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");

        var init = CliInvocation.Run("init", dir);

        Assert.Equal(2, init.ExitCode);
        Assert.Equal("", init.Stdout);
        var error = Assert.Single(init.ErrorLines);
        Assert.StartsWith($"error: dir = \"{dir}\" is not allowed: an empty or new folder, and it is not empty.", error, StringComparison.Ordinal);
        Assert.Contains("--force", error, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir, "notes.txt")));
    }

    [Fact]
    public void Force_replaces_the_two_files_and_leaves_the_others()
    {
        var dir = root.CreateSubdirectory("again").FullName;
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");
        File.WriteAllText(Path.Combine(dir, "spec.json"), "{ \"old\": true }");

        var init = CliInvocation.Run("init", dir, "--force");

        Assert.Equal(0, init.ExitCode);
        Assert.Equal(StarterStudy.Spec.ReplaceLineEndings("\n"), File.ReadAllText(Path.Combine(dir, "spec.json")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(dir, "notes.txt")));
        Assert.Equal(["README.md", "notes.txt", "spec.json"], Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_empty_folder_is_used_without_force()
    {
        var dir = root.CreateSubdirectory("empty").FullName;

        Assert.Equal(0, CliInvocation.Run("init", dir).ExitCode);
        Assert.True(File.Exists(Path.Combine(dir, "spec.json")));
    }

    [Fact]
    public void A_file_in_place_of_the_folder_is_refused()
    {
        var file = Path.Combine(root.FullName, "a-file");
        File.WriteAllText(file, "x");

        var init = CliInvocation.Run("init", file, "--force");

        Assert.Equal(2, init.ExitCode);
        Assert.Equal($"error: dir = \"{file}\" is not allowed: a folder, but it is a file.", Assert.Single(init.ErrorLines));
        Assert.Equal("x", File.ReadAllText(file));
    }

    [Fact]
    public void A_folder_where_a_file_should_go_is_refused_even_with_force()
    {
        var dir = root.CreateSubdirectory("clash").FullName;
        Directory.CreateDirectory(Path.Combine(dir, "README.md"));

        var init = CliInvocation.Run("init", dir, "--force");

        Assert.Equal(2, init.ExitCode);
        Assert.Contains("README.md there is a folder", Assert.Single(init.ErrorLines), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir, "spec.json")));
    }

    [Fact]
    public void A_folder_that_cannot_be_created_is_one_error_line_and_nothing_is_left()
    {
        // /proc refuses new folders even to root (the test needs Linux's /proc; elsewhere there is nothing to check).
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var init = CliInvocation.Run("init", "/proc/coordsim-init-test");

        Assert.Equal(2, init.ExitCode);
        Assert.StartsWith("error: dir = \"/proc/coordsim-init-test\" cannot be written: ", Assert.Single(init.ErrorLines), StringComparison.Ordinal);
        Assert.False(Directory.Exists("/proc/coordsim-init-test"));
    }
}
