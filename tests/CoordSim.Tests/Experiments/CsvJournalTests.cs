using System.Text;
using CoordSim.Experiments;

namespace CoordSim.Tests.Experiments;

/// <summary>
/// The journal under a results folder's CSV files: <see cref="CsvJournal.Recover"/> keeps the longest prefix a journal
/// could have written (header, then whole records each ended by '\n'), and <see cref="CsvJournal.WriteWhole"/> replaces
/// a file at once or not at all.
/// </summary>
public class CsvJournalTests
{
    private static readonly string[] Header = ["a", "b"];

    private static (long Kept, int Records) Recover(string text)
    {
        var path = Path.Combine(SweepFixture.TempFolder("journal"), "file.csv");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
        var kept = CsvJournal.Recover(path, Header, (_, _) => true, out var records);
        return (kept, records);
    }

    [Theory]
    [InlineData("a,b\n1,2\n3,4\n", 2)]
    [InlineData("a,b\n1,2\n3,4", 1)]
    [InlineData("a,b\n1,2\n3,", 1)]
    [InlineData("a,b\n", 0)]
    [InlineData("a,b", -1)]
    public void Recovery_keeps_the_header_and_every_record_ended_by_a_line_feed_and_cuts_a_torn_last_one(string text, int whole)
    {
        // whole: the records kept after the header (-1: not even the header is whole, so nothing is kept).
        var (kept, records) = Recover(text);

        var lines = text.Split('\n');
        var expected = whole < 0 ? 0 : lines.Take(whole + 1).Sum(l => l.Length + 1);
        Assert.Equal(expected, kept);
        Assert.Equal(Math.Max(whole, 0), records);
    }

    [Theory]
    [InlineData("a,b\n1,2\n3,4\r\n5,6\n")]
    [InlineData("a,b\n1,2\n3,4\r5,6\n")]
    public void Recovery_stops_before_the_first_record_that_a_line_feed_does_not_end(string text)
    {
        // A journal ends every line with '\n' alone. A record ended by "\r\n" or '\r' (an editor's) was not written by
        // it: the kept prefix ends before that record, so that appending after the prefix never glues a row to a '\r'.
        Assert.Equal(("a,b\n1,2\n".Length, 1), Recover(text));
    }

    [Fact]
    public void Recovery_keeps_nothing_of_a_file_whose_header_is_another()
    {
        Assert.Equal((0L, 0), Recover("a,c\n1,2\n"));
        Assert.Equal((0L, 0), Recover("a,b\r\n1,2\r\n"));
    }

    [Fact]
    public void A_whole_file_whose_rows_fail_midway_leaves_the_file_before_it_untouched()
    {
        var path = Path.Combine(SweepFixture.TempFolder("journal-whole"), "file.csv");
        CsvJournal.WriteWhole(path, Header, [["1", "2"]]);
        var before = File.ReadAllBytes(path);
        Assert.Equal("a,b\n1,2\n", Encoding.UTF8.GetString(before));

        IEnumerable<IReadOnlyList<string>> Failing()
        {
            yield return ["3", "4"];
            throw new IOException("disk gone");
        }

        Assert.Equal("disk gone", Assert.Throws<IOException>(() => CsvJournal.WriteWhole(path, Header, Failing())).Message);
        Assert.Equal(before, File.ReadAllBytes(path));

        CsvJournal.WriteWhole(path, Header, [["5", "6"], ["7", "8"]]);
        Assert.Equal("a,b\n5,6\n7,8\n", File.ReadAllText(path));
        Assert.False(File.Exists(path + ".tmp"));
    }
}
