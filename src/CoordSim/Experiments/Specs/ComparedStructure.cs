using CoordSim.Structures;

namespace CoordSim.Experiments;

/// <summary>
/// A structure as an experiment compares it: the structure, the label that names it in result
/// files (its <see cref="Structure.Name"/> unless two entries share a structure) and the parameters
/// it sets for itself on top of the experiment's base, for example a flatter hierarchy.
/// </summary>
/// <param name="Structure">The coordination structure.</param>
/// <param name="Label">The name of this entry in the <c>structure</c> column of result files; unique within an experiment.</param>
/// <param name="Overrides">Parameters this entry sets for itself; they may not name a parameter the design varies.</param>
public sealed record ComparedStructure(Structure Structure, string Label, IReadOnlyList<ParameterSetting> Overrides)
{
    /// <summary>The structure under its own name, without overrides.</summary>
    public static ComparedStructure Of(Structure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        return new ComparedStructure(structure, structure.Name, []);
    }

    /// <summary>True when the entry is a structure of the catalogue as it is: labelled by its name, no overrides, no body design fields fixed.</summary>
    public bool IsPlain => Overrides.Count == 0 && string.Equals(Label, Structure.Name, StringComparison.Ordinal) &&
                           Structure is not BodyStructure { Settings.Count: > 0 } && IsCatalogued;

    /// <summary>True when the structure's bodies (if any) are those of the catalogue structure of its name: a spec names it and needs no <c>like</c> or <c>parent</c>.</summary>
    public bool IsCatalogued => StructureCatalog.Find(Structure.Name) switch
    {
        BodyStructure catalogued => Structure is BodyStructure body && body.Bodies.SequenceEqual(catalogued.Bodies),
        { } other => other.Equals(Structure),
        null => false,
    };

    /// <summary>The parameters of a run of this entry at a design point: the point's parameters with the overrides applied.</summary>
    public Parameters Apply(Parameters pointParameters) => ParameterSetting.ApplyAll(pointParameters, Overrides);
}
