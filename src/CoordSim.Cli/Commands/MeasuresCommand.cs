using System.CommandLine;
using CoordSim.Metrics;
using Spectre.Console;

namespace CoordSim.Cli.Commands;

/// <summary><c>coordsim measures</c>: every measure of <see cref="MeasureCatalog"/>, the columns of runs.csv and summary.csv, with unit and meaning.</summary>
internal static class MeasuresCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var json = CommonOptions.Json();
        var command = new Command("measures", "List every measure a run reports (the result columns): name, unit and meaning.") { json };
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
            table.AddColumn("Unit");
            table.AddColumn("Meaning");
            foreach (var measure in MeasureCatalog.All)
            {
                table.AddRow(new Text(measure.Name), new Text(measure.Unit), new Text(measure.Meaning));
            }

            var console = Terminal.Over(stdout);
            console.Write(table);
            console.WriteLine("A spec's \"measures\" keeps some of them in the result files; codebook.csv in a results folder describes every column.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Every measure as a JSON array of <c>{name, unit, meaning}</c>, in catalog order; unit is empty when dimensionless.</summary>
    internal static string Json()
    {
        return JsonText.Write(w =>
        {
            w.WriteStartArray();
            foreach (var measure in MeasureCatalog.All)
            {
                w.WriteStartObject();
                w.WriteString("name", measure.Name);
                w.WriteString("unit", measure.Unit);
                w.WriteString("meaning", measure.Meaning);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }
}
