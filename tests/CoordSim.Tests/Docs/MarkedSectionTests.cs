namespace CoordSim.Tests.Docs;

public class MarkedSectionTests
{
    private static readonly MarkedSection Section = new("t");

    [Fact]
    public void Reads_the_text_between_the_markers_whatever_the_line_endings()
    {
        var doc = "intro\r\n<!-- t:begin -->\r\n| a |\r\n| b |\r\n<!-- t:end -->\r\nrest";
        Assert.Equal("| a |\n| b |", Section.Read(doc));
    }

    [Fact]
    public void Replacing_keeps_everything_outside_the_markers_and_reads_back()
    {
        var doc = "intro\n<!-- t:begin -->\nold\n<!-- t:end -->\nrest\n";
        var updated = Section.Replace(doc, "new\nlines");
        Assert.Equal("intro\n<!-- t:begin -->\nnew\nlines\n<!-- t:end -->\nrest\n", updated);
        Assert.Equal("new\nlines", Section.Read(updated));
    }

    [Fact]
    public void Missing_markers_read_as_null()
    {
        Assert.Null(Section.Read("no markers here"));
        Assert.Null(Section.Read("<!-- t:end --> before <!-- t:begin -->"));
    }
}
