using System.Globalization;
using CoordSim.Structures;
using FsCheck;
using FsCheck.Fluent;

namespace CoordSim.Tests.Cli.Fuzzing;

/// <summary>
/// Parameter names as a user mistypes them: a real name (of <see cref="ParameterCatalog"/> or a body field as
/// <c>bodies[i].FIELD</c>) with a letter dropped, doubled, swapped or changed in case, an index out of range, or the real
/// name itself, so that values reach real parameters too.
/// </summary>
public static class NearMissNames
{
    /// <summary>Every parameter name of the catalogue.</summary>
    public static IReadOnlyList<string> Parameters { get; } = ParameterCatalog.All.Select(p => p.Name).ToArray();

    /// <summary>Every field of a body design.</summary>
    public static IReadOnlyList<string> BodyFields { get; } = BodyDesignFields.All.Select(f => f.Name).ToArray();

    /// <summary>A real name: a parameter, or a body field with an index from 0 to 2.</summary>
    public static Gen<string> Real { get; } = Gen.Frequency(
        (4, Gen.Elements(Parameters.ToArray())),
        (1, from field in Gen.Elements(BodyFields.ToArray())
            from body in Gen.Choose(0, 2)
            select $"bodies[{body.ToString(CultureInfo.InvariantCulture)}].{field}"));

    /// <summary>A real name, or a near miss of one.</summary>
    public static Gen<string> Any { get; } = Gen.Frequency(
        (3, Real),
        (3, from name in Real from miss in Miss(name) select miss),
        (1, Gen.Elements("", "x", "bodies", "bodies[0]", "bodies[0].", "bodies[].collectivity", "bodies[-1].collectivity",
            "bodies[16].collectivity", "bodies[99999999999].collectivity", "bodies[0]..collectivity", "Bodies[0].collectivity",
            "bodies[0].bodies[0].collectivity", "bodies[0.5].collectivity", "bodies[ 0 ].collectivity", "bodies[0].like", "bodies[0].parent",
            "$schema", "name", "__proto__", "constructor", "base", "span ", " span", "SPAN", "span\u0000", "spän")));

    private static Gen<string> Miss(string name) =>
        from at in Gen.Choose(0, Math.Max(0, name.Length - 1))
        from kind in Gen.Choose(0, 5)
        select kind switch
        {
            0 => name.Remove(at, 1),
            1 => name.Insert(at, name[at].ToString()),
            2 when at + 1 < name.Length => string.Concat(name.AsSpan(0, at), name[at + 1].ToString(), name[at].ToString(), name.AsSpan(at + 2)),
            3 => char.ToUpperInvariant(name[0]) + name[1..],
            4 => name + "s",
            _ => name.ToLowerInvariant(),
        };
}
