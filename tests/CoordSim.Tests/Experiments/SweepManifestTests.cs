using CoordSim.Experiments;

namespace CoordSim.Tests.Experiments;

/// <summary>Reading manifest.json: a file that is not a sweep's manifest is refused by every reader, naming the file and why.</summary>
public class SweepManifestTests
{
    [Theory]
    [InlineData("not json", "invalid JSON literal")]
    [InlineData("[1, 2]", "")]
    [InlineData("{ \"files\": 3, \"spec\": 4, \"format\": 5 }", "")]
    public void Every_reader_refuses_a_file_that_is_not_a_manifest_naming_it_and_the_reason(string text, string reason)
    {
        var path = Path.Combine(SweepFixture.TempFolder("manifest-unreadable"), "manifest.json");
        File.WriteAllText(path, text);

        foreach (var read in new Action[] { () => SweepManifest.Read(path), () => SweepManifest.ReadFiles(path), () => SweepManifest.ReadSpec(path) })
        {
            var e = Assert.Throws<SweepException>(read);

            Assert.Equal(SweepRefusal.UnreadableManifest, e.Reason);
            Assert.StartsWith($"{path} cannot be read as a sweep manifest (", e.Message, StringComparison.Ordinal);
            Assert.True(e.Message.Contains(reason, StringComparison.Ordinal), e.Message);
            Assert.EndsWith("Start the sweep again in an empty folder or with SweepOptions.Force.", e.Message, StringComparison.Ordinal);
        }
    }
}
