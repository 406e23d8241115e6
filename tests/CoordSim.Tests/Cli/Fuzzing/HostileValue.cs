using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace CoordSim.Tests.Cli.Fuzzing;

/// <summary>
/// A value a fuzzed input puts where a good value was: its text and a short name that stands for it when the
/// counterexample is printed (a 10,000-character string is shown as its length, not its characters).
/// </summary>
public sealed record HostileValue(string Text, string Shown)
{
    /// <summary>A value shown as itself, control characters escaped.</summary>
    public static HostileValue Of(string text) => new(text, Escape(text));

    /// <summary>The value as the counterexample shows it.</summary>
    public override string ToString() => Shown;

    /// <summary>Numbers that break ranges, parsers and arithmetic: signs, zeros, infinities, huge and tiny magnitudes, integers past 2^63.</summary>
    public static readonly string[] Numbers =
    [
        "0", "-0", "-1", "1", "2", "0.5", "-0.5", "1.5", "3", "7", "64", "65", "100", "1000",
        "NaN", "nan", "Infinity", "-Infinity", "inf", "∞", "1e308", "-1e308", "1e309", "1e-300", "5e-324", "1e-7",
        "2147483647", "2147483648", "-2147483648", "9007199254740991", "9007199254740992", "9223372036854775807",
        "9223372036854775808", "18446744073709551616", "123456789012345678901234567890",
        "0x10", "1_000", "1,5", "1.", ".5", "+3", "1e3", "1E+2", "00012", "٣", "１２",
    ];

    /// <summary>Words that are not what was asked for: empty, blanks, wrong types, casing, option look-alikes, separators.</summary>
    public static readonly string[] Words =
    [
        "", " ", "  x  ", "true", "false", "True", "null", "yes", "[]", "{}", "\"\"", "=", "==", "a=b=c", "name=",
        "=1", "-", "--", "---", "--set", "--json", "-h", "--help", "--version", "-o", "@file", "hierarchy,", ",",
        "HIERARCHY", "Task-Force", "task_force", "urgent-first", "lifo", "v1", "V1", "v2", "png", "svg", "gif",
        "fifo urgent-first", "a b", "'quoted'",
    ];

    /// <summary>Text that tests escaping and encoding: control characters, a forged error line, right-to-left, emoji, a lone surrogate.</summary>
    public static readonly string[] Strange =
    [
        "\n", "\r\n", "\t", "\0", "a\0b", "\u001b[31mred\u001b[0m", "x\nerror: all is well", "\u0007", "\u007f",
        "é", "e\u0301", "Ω", "日本語", "\u202ekcolb", "👩‍👩‍👧", "\ud800", "\ufeff", "\u00a0", "\u2028",
    ];

    /// <summary>Paths, relative to the case's working folder (see <see cref="FuzzWorkspace"/>): files, folders, missing and unwritable places.</summary>
    public static readonly string[] Paths =
    [
        FuzzWorkspace.SpecFile, FuzzWorkspace.StructureFile, FuzzWorkspace.PlainFile, FuzzWorkspace.EmptyFolder,
        FuzzWorkspace.ResultsFolder, FuzzWorkspace.NewFolder, "missing/spec.json", "missing/deeper/out", ".", "./",
        "spec.json/", "file.txt/out", "/proc/coordsim-fuzz/out", "/proc/self/status", "/dev/null", "/dev/full",
        "folder/../spec.json", "spec.json\0", "~/spec.json", "*.json", "results/manifest.json", "results/figures",
    ];

    /// <summary>Any hostile value, long strings included (10,000 characters, or 100,000 once in a while).</summary>
    public static Gen<HostileValue> Any { get; } = Gen.Frequency(
        (6, Gen.Elements(Numbers).Select(Of)),
        (3, Gen.Elements(Words).Select(Of)),
        (3, Gen.Elements(Strange).Select(Of)),
        (3, Gen.Elements(Paths).Select(Of)),
        (2, Long),
        (2, RandomNumber));

    /// <summary>Numbers only, as a parameter's value gets them.</summary>
    public static Gen<HostileValue> Number { get; } = Gen.Frequency(
        (6, Gen.Elements(Numbers).Select(Of)),
        (2, RandomNumber),
        (1, Gen.Elements(Words).Select(Of)),
        (1, Gen.Elements(Strange).Select(Of)));

    /// <summary>Long runs of one character, or of a character and a separator.</summary>
    private static Gen<HostileValue> Long =>
        from length in Gen.Elements(1_000, 10_000, 10_000, 100_000)
        from unit in Gen.Elements("x", "9", "é", ",", "a=", "\n", "[")
        select new HostileValue(string.Concat(Enumerable.Repeat(unit, length)), $"\"{Escape(unit)}\" x {length.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>A random double, in round-trip form, with any magnitude FsCheck reaches.</summary>
    private static Gen<HostileValue> RandomNumber =>
        from mantissa in Gen.Choose(-1_000_000, 1_000_000)
        from exponent in Gen.Choose(-320, 310)
        select Of((mantissa * Math.Pow(10, exponent)).ToString("R", CultureInfo.InvariantCulture));

    /// <summary>The text with control characters escaped and a long text cut, so that a counterexample prints on a few lines.</summary>
    public static string Escape(string text)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in text.Length > 300 ? text[..300] : text)
        {
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u202e' or '\ufeff'
                ? $"\\u{((int)c).ToString("x4", CultureInfo.InvariantCulture)}"
                : c.ToString());
        }

        return text.Length > 300 ? builder + $"...({text.Length.ToString(CultureInfo.InvariantCulture)} chars)" : builder.ToString();
    }
}
