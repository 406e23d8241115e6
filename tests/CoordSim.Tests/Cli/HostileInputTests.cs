using CoordSim.Experiments;

namespace CoordSim.Tests.Cli;

/// <summary>
/// Bad input from issue 12's probe, each a regression test: an unknown command, a folder given as a spec, an endless
/// device given as a spec, values with control characters or 100,000 characters echoed back, and −0, which must be 0.
/// </summary>
public class HostileInputTests
{
    [Fact]
    public void An_unknown_command_is_named_once_with_the_commands_there_are()
    {
        var run = CliInvocation.Run("swep", "spec.json");
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            ["error: command = \"swep\" is not allowed: one of run, compare, params, measures, structures, sweep, merge, validate, plot, init, slurm.", "see 'coordsim --help' or 'coordsim <command> --help'"],
            run.ErrorLines);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void A_folder_given_as_a_spec_is_called_a_folder()
    {
        var folder = Directory.CreateTempSubdirectory("coordsim-folder-spec");
        try
        {
            var run = CliInvocation.Run("validate", folder.FullName);
            Assert.Equal(2, run.ExitCode);
            Assert.Equal($"error: spec = \"{folder.FullName}\" is not allowed: a JSON file, not a folder.", Assert.Single(run.ErrorLines));
        }
        finally
        {
            folder.Delete();
        }
    }

    [Fact]
    public void An_endless_device_given_as_a_spec_is_refused_after_64_MB()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // No such device on this system: nothing to check.
        }

        var run = CliInvocation.Run("validate", "/dev/zero");
        Assert.Equal(2, run.ExitCode);
        Assert.EndsWith("is not allowed: a JSON file of at most 64 MB.", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_echoed_back_cannot_forge_a_line_and_a_long_one_is_cut()
    {
        var forged = CliInvocation.Run("run", "--set", "a\nerror: all is well=1");
        Assert.Equal(2, forged.ExitCode);
        var line = Assert.Single(forged.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: a\\nerror: all is well", line, StringComparison.Ordinal);

        var huge = CliInvocation.Run("run", "--set", new string('x', 100_000) + "=1");
        Assert.Equal(2, huge.ExitCode);
        var cut = Assert.Single(huge.ErrorLines);
        Assert.InRange(cut.Length, 100, CoordSim.Cli.InputErrors.MaxMessageLength + 60);
        Assert.Contains("more characters)", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void Minus_zero_is_zero_in_text_and_in_seeds()
    {
        Assert.Equal("0", ParameterSetting.Create("contestedShare", -0.0).Text);
        Assert.Equal("0", ParameterCatalog.Get("contestedShare").Format(ParameterCatalog.With(Parameters.Default, "contestedShare", "-0")));
        Assert.Equal("0", CoordSim.Structures.BodySetting.Create("collectivity", -0.0).Text);

        static string Spec(string value) => $$"""
            { "name": "z", "structures": ["hierarchy"], "base": { "horizonDays": 20, "warmupDays": 0 },
              "design": { "kind": "factorial", "factors": { "contestedShare": [{{value}}, 0.5] } }, "replications": 2, "seed": 3 }
            """;
        Assert.Equal(ExperimentSpec.Parse(Spec("0")).Plan().Runs().Select(r => r.Seed), ExperimentSpec.Parse(Spec("-0")).Plan().Runs().Select(r => r.Seed));
        Assert.Equal(ExperimentSpec.Parse(Spec("0")).ToJson(), ExperimentSpec.Parse(Spec("-0")).ToJson());
    }

    [Fact]
    public void An_output_folder_that_is_a_file_empty_or_unmakeable_is_one_line_and_exit_2_not_a_stack_trace()
    {
        var spec = Docs.RepositoryFiles.PathOf("experiments/quickstart/spec.json");
        var file = Path.GetTempFileName();
        try
        {
            var cases = new List<(string Out, string Expected)>
            {
                (file, "is not allowed: a folder (new or empty, or holding an earlier sweep's results), not a file."),
                ("", "--out = \"\" is not allowed: a folder path."),
            };
            if (Directory.Exists("/proc"))
            {
                cases.Add(("/proc/coordsim-test/results", "cannot be written:"));
            }

            foreach (var (output, expected) in cases)
            {
                var run = CliInvocation.Run("sweep", spec, "--out", output);
                Assert.Equal(2, run.ExitCode);
                var line = Assert.Single(run.ErrorLines);
                Assert.Contains(expected, line, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
            }

            Assert.Equal("", File.ReadAllText(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_file_that_is_not_UTF_8_is_refused_with_the_line_and_column_of_the_first_bad_byte()
    {
        // Found by the fuzzer: JsonDocument checks a name's or string's bytes only when it is read, so a byte 0xFF in a
        // key of a spec or structure file ended the command with an InvalidOperationException (exit 1, a stack trace).
        var folder = Directory.CreateTempSubdirectory("coordsim-not-utf8");
        try
        {
            var spec = Path.Combine(folder.FullName, "spec.json");
            File.WriteAllBytes(spec, [.. "{\n  \"na"u8, 0xFF, .. "me\": \"x\",\n  \"structures\": [\"hierarchy\"], \"replications\": 1, \"seed\": 1\n}\n"u8]);
            var validate = CliInvocation.Run("validate", spec);
            Assert.Equal(2, validate.ExitCode);
            Assert.Equal($"error: {spec}: line 2, column 6: $ = byte 0xFF is not allowed: UTF-8 text (save the file as UTF-8).", Assert.Single(validate.ErrorLines));

            var structure = Path.Combine(folder.FullName, "structure.json");
            File.WriteAllBytes(structure, [.. "{ \"name\": \"task-force\", \"label\": \"t"u8, 0xC3, .. "\" }"u8]);
            var run = CliInvocation.Run("run", "--structure-file", structure);
            Assert.Equal(2, run.ExitCode);
            Assert.EndsWith("line 1, column 36: $ = byte 0xC3 is not allowed: UTF-8 text (save the file as UTF-8).", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
            Assert.Equal("", run.Stdout);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_spec_with_thousands_of_problems_shows_the_first_hundred_and_counts_the_rest()
    {
        // Found by the fuzzer: a list of 100,000 bad values printed 100,000 error lines.
        var folder = Directory.CreateTempSubdirectory("coordsim-many-errors");
        try
        {
            var path = Path.Combine(folder.FullName, "spec.json");
            var values = string.Join(", ", Enumerable.Repeat("2", 5000));
            File.WriteAllText(path, $$"""
                { "name": "many", "structures": ["hierarchy"], "design": { "kind": "factorial", "factors": { "crossDepartmentShare": [{{values}}] } },
                  "replications": 1, "seed": 1 }
                """);

            var run = CliInvocation.Run("validate", path);

            Assert.Equal(2, run.ExitCode);
            Assert.Equal(CoordSim.Cli.Commands.ValidateCommand.MaxSpecErrors + 1, run.ErrorLines.Length);
            Assert.All(run.ErrorLines, line => Assert.StartsWith($"error: {path}: ", line, StringComparison.Ordinal));
            Assert.EndsWith("4900 more problems are not shown (5000 in all); fix these first.", run.ErrorLines[^1], StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
