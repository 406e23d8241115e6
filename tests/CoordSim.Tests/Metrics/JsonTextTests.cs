namespace CoordSim.Tests.Metrics;

/// <summary>
/// The one JSON text form of files and console output (JsonText): indented, '\n' line ends on every system, text
/// written as it is.
/// </summary>
public class JsonTextTests
{
    [Fact]
    public void The_text_is_indented_with_newline_line_ends_and_unescaped_text()
    {
        var text = JsonText.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("name", "Müller & Söhne <über>");
            w.WriteNumber("n", 1);
            w.WriteEndObject();
        });
        Assert.Equal("{\n  \"name\": \"Müller & Söhne <über>\",\n  \"n\": 1\n}", text);
    }

    [Fact]
    public void Writing_nothing_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentNullException>(() => JsonText.Write(null!));
        Assert.Equal("write", error.ParamName);
    }
}
