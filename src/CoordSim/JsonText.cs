using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CoordSim;

/// <summary>
/// The one JSON text form of the project's files and console output: indented, '\n' line ends on every
/// operating system (so the same run gives the same bytes anywhere), and names and text written as they are.
/// </summary>
internal static class JsonText
{
    /// <summary>The writer options of that form.</summary>
    public static JsonWriterOptions Options { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Runs <paramref name="write"/> against a writer with <see cref="Options"/> and returns the text it wrote.</summary>
    public static string Write(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
