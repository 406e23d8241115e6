using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CoordSim.Experiments;
using CoordSim.Metrics;
using Spectre.Console;

namespace CoordSim.Cli.Commands;

/// <summary><c>coordsim params</c>: every parameter of <see cref="ParameterCatalog"/> with default, range, unit and meaning.</summary>
internal static class ParamsCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var preset = new Option<string?>("--preset")
        {
            Description = $"Show a named parameter preset instead ({ParameterPresets.Names}); with --json, as the 'base' fragment of an experiment spec.",
            HelpName = "name",
        };
        var command = new Command("params", "List every model parameter: default, allowed values, unit and meaning.") { json, preset };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(preset) is { } name)
            {
                if (ParameterPresets.Find(name) is not { } found)
                {
                    return InputErrors.Report(parse.InvocationConfiguration.Error, [new ParameterError("--preset", $"\"{name}\"", $"one of {ParameterPresets.Names}")]);
                }

                if (parse.GetValue(json))
                {
                    stdout.WriteLine(SpecFragment(found));
                    return ExitCodes.Success;
                }

                var presetConsole = Terminal.Over(stdout);
                presetConsole.WriteLine($"preset {found.Name}: {found.Description}");
                var values = new Table().RoundedBorder();
                values.AddColumn("Name");
                values.AddColumn(new TableColumn("Preset").RightAligned());
                values.AddColumn(new TableColumn("Default").RightAligned());
                values.AddColumn("Meaning");
                foreach (var (parameter, value) in found.Values)
                {
                    var info = ParameterCatalog.Get(parameter);
                    values.AddRow(new Text(info.Name), new Text(value), new Text(info.DefaultText), new Text(info.Meaning));
                }

                presetConsole.Write(values);
                presetConsole.WriteLine($"Use it with --preset {found.Name} on run and compare, or put 'coordsim params --preset {found.Name} --json' into a spec's base.");
                return ExitCodes.Success;
            }

            if (parse.GetValue(json))
            {
                stdout.WriteLine(Json());
                return ExitCodes.Success;
            }

            var console = Terminal.Over(stdout);
            foreach (var group in ParameterCatalog.All.GroupBy(p => p.Group))
            {
                var table = new Table().RoundedBorder().Title(new TableTitle(group.Key));
                table.AddColumn("Name");
                table.AddColumn(new TableColumn("Default").RightAligned());
                table.AddColumn("Allowed");
                table.AddColumn("Unit");
                table.AddColumn("Meaning");
                foreach (var p in group)
                {
                    table.AddRow(new Text(p.Name), new Text(p.DefaultText), new Text(p.AllowedText), new Text(p.Unit), new Text(p.Meaning));
                }

                console.Write(table);
            }

            console.WriteLine("Set any of them with --set name=value on run and compare.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Every parameter as a JSON array of <c>{name, group, type, default, min, max, allowed, unit, meaning, rationale}</c>;
    /// type is integer, number, boolean or enum; min and max are null when unbounded or not numeric.
    /// </summary>
    internal static string Json()
    {
        return JsonText.Write(w =>
        {
            w.WriteStartArray();
            foreach (var p in ParameterCatalog.All)
            {
                w.WriteStartObject();
                w.WriteString("name", p.Name);
                w.WriteString("group", p.Group);
                w.WriteString("type", ResultColumn.Word(ResultColumn.TypeOf(p)));
                switch (p.GetValue(Parameters.Default))
                {
                    case int i:
                        w.WriteNumber("default", i);
                        break;
                    case long l:
                        w.WriteNumber("default", l);
                        break;
                    case double d:
                        w.WriteNumber("default", d);
                        break;
                    case bool b:
                        w.WriteBoolean("default", b);
                        break;
                    default:
                        w.WriteString("default", p.DefaultText);
                        break;
                }

                JsonMembers.Number(w, "min", p.IsNumeric ? p.Min : double.NaN);
                JsonMembers.Number(w, "max", p.IsNumeric ? p.Max : double.NaN);
                w.WriteString("allowed", p.AllowedText);
                w.WriteString("unit", p.Unit);
                w.WriteString("meaning", p.Meaning);
                w.WriteString("rationale", p.Rationale);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }

    /// <summary>
    /// A preset as the fragment of an experiment spec that sets it: <c>{"base": {name: value, ...}}</c>, each value in
    /// its JSON type, so that it can be pasted into (or merged with) a spec's <c>base</c>.
    /// </summary>
    internal static string SpecFragment(ParameterPreset preset) => JsonText.Write(w =>
    {
        var parameters = preset.Parameters;
        w.WriteStartObject();
        w.WriteStartObject("base");
        foreach (var (name, _) in preset.Values)
        {
            JsonMembers.Write(w, name, ParameterCatalog.Get(name).GetValue(parameters));
        }

        w.WriteEndObject();
        w.WriteEndObject();
    });
}
