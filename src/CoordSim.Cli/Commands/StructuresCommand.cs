using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CoordSim.Metrics;
using CoordSim.Structures;
using Spectre.Console;

namespace CoordSim.Cli.Commands;

/// <summary><c>coordsim structures</c>: the names <c>--structure</c> accepts, with what each structure does.</summary>
internal static class StructuresCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var command = new Command("structures", "List the coordination structures; with --json, also every field of each structure's body design, in the form a spec's structure entry takes (\"bodies\").") { json };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                stdout.WriteLine(Json());
                return ExitCodes.Success;
            }

            var table = new Table().RoundedBorder();
            table.AddColumn("Name");
            table.AddColumn("Description");
            foreach (var structure in StructureCatalog.All)
            {
                table.AddRow(new Text(structure.Name), new Text(structure.Description));
            }

            Terminal.Over(stdout).Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Every structure as a JSON array of <c>{name, description, bodies}</c>: <c>bodies</c> holds, for a structure with
    /// coordination bodies, one object per body design: the catalogue body it is <c>like</c>, its <c>parent</c> (when it
    /// has one), and every field of its design with its value under the default parameters (fields whose value is not a
    /// finite number, such as an escalation threshold of infinity, are left out), in the form a spec's structure entry
    /// takes, so that an entry can be copied, renamed and edited; empty for the hierarchy.
    /// </summary>
    internal static string Json()
    {
        return JsonText.Write(w =>
        {
            w.WriteStartArray();
            foreach (var structure in StructureCatalog.All)
            {
                w.WriteStartObject();
                w.WriteString("name", structure.Name);
                w.WriteString("description", structure.Description);
                w.WriteStartArray("bodies");
                if (structure is BodyStructure body)
                {
                    for (var b = 0; b < body.Bodies.Count; b++)
                    {
                        var design = body.DesignFor(Parameters.Default, b);
                        w.WriteStartObject();
                        if (body.Bodies[b].Like is { } like)
                        {
                            w.WriteString("like", like);
                        }

                        if (body.Bodies[b].Parent is { } parent)
                        {
                            w.WriteNumber("parent", parent);
                        }

                        foreach (var field in BodyDesignFields.All)
                        {
                            var value = field.Get(design);
                            if (value is not double d || double.IsFinite(d))
                            {
                                JsonMembers.Write(w, field.Name, value);
                            }
                        }

                        w.WriteEndObject();
                    }
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }
}
