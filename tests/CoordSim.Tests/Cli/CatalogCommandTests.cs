using System.Text.Json;
using CoordSim.Structures;

namespace CoordSim.Tests.Cli;

public class CatalogCommandTests
{
    [Fact]
    public void Params_json_lists_every_catalog_parameter_in_order_with_its_metadata()
    {
        var run = CliInvocation.Run("params", "--json");

        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Stdout);
        var items = doc.RootElement.EnumerateArray().ToArray();
        Assert.Equal(ParameterCatalog.All.Select(p => p.Name), items.Select(i => i.GetProperty("name").GetString()));
        foreach (var (info, item) in ParameterCatalog.All.Zip(items))
        {
            Assert.Equal(info.Group, item.GetProperty("group").GetString());
            Assert.Equal(info.AllowedText, item.GetProperty("allowed").GetString());
            Assert.Equal(info.Unit, item.GetProperty("unit").GetString());
            Assert.Equal(info.Meaning, item.GetProperty("meaning").GetString());
            Assert.Equal(info.Rationale, item.GetProperty("rationale").GetString());
            var type = item.GetProperty("type").GetString();
            var @default = item.GetProperty("default");
            switch (type)
            {
                case "integer" or "number":
                    Assert.True(info.IsNumeric);
                    Assert.Equal(info.GetNumber(Parameters.Default), @default.GetDouble());
                    AssertBound(info.Min, item.GetProperty("min"));
                    AssertBound(info.Max, item.GetProperty("max"));
                    break;
                case "boolean":
                    Assert.Equal(info.DefaultText == "true", @default.GetBoolean());
                    break;
                case "enum":
                    Assert.Equal(info.DefaultText, @default.GetString());
                    Assert.Equal(JsonValueKind.Null, item.GetProperty("min").ValueKind);
                    break;
                default:
                    Assert.Fail($"unexpected type {type} for {info.Name}");
                    break;
            }
        }
    }

    [Fact]
    public void Params_table_shows_every_parameter_and_its_allowed_range()
    {
        var run = CliInvocation.Run("params");

        Assert.Equal(0, run.ExitCode);
        foreach (var info in ParameterCatalog.All)
        {
            Assert.Contains(info.Name, run.Stdout, StringComparison.Ordinal);
            Assert.Contains(info.Group, run.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains(ParameterCatalog.Get("arrivalRate").AllowedText, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Structures_lists_every_catalog_structure()
    {
        var json = CliInvocation.Run("structures", "--json");
        var table = CliInvocation.Run("structures");

        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal(StructureCatalog.All.Select(s => (s.Name, s.Description)),
            doc.RootElement.EnumerateArray().Select(e => (e.GetProperty("name").GetString()!, e.GetProperty("description").GetString()!)));
        Assert.All(StructureCatalog.All, s => Assert.Contains(s.Name, table.Stdout, StringComparison.Ordinal));
    }

    private static void AssertBound(double expected, JsonElement actual)
    {
        if (double.IsFinite(expected))
        {
            Assert.Equal(expected, actual.GetDouble());
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, actual.ValueKind);
        }
    }
}
