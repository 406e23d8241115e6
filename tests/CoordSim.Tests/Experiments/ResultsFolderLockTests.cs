using CoordSim.Experiments;

namespace CoordSim.Tests.Experiments;

/// <summary>
/// The hold of one process on a results folder: a second taker is refused with a message naming the holder, or
/// saying that it has not said who it is yet (its holder file not written, empty, or gone), and gets the folder once
/// the first lets it go.
/// </summary>
public class ResultsFolderLockTests
{
    private static SweepException Refused(string folder) =>
        Assert.Throws<SweepException>(() => ResultsFolderLock.Acquire(folder, "merge"));

    [Fact]
    public void A_held_folder_is_refused_naming_the_holders_process_machine_and_purpose()
    {
        var folder = SweepFixture.TempFolder("lock-named");
        using (ResultsFolderLock.Acquire(folder, "sweep"))
        {
            var e = Refused(folder);

            Assert.Equal(SweepRefusal.FolderInUse, e.Reason);
            Assert.StartsWith($"{folder} is in use by another coordsim process (process {Environment.ProcessId} on {Environment.MachineName}, sweep since ",
                e.Message, StringComparison.Ordinal);
            Assert.Matches(@"since \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)\. Wait for it", e.Message);
        }

        // Let go: the holder file is removed and the next taker gets the folder.
        Assert.False(File.Exists(Path.Combine(folder, ResultsFolderLock.HolderFileName)));
        ResultsFolderLock.Acquire(folder, "merge").Dispose();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n")]
    public void A_holder_that_has_not_said_who_it_is_is_refused_all_the_same(string? holderText)
    {
        // Between taking the lock and writing its holder file a process has said nothing yet; the refusal must not
        // fail on the missing (or empty) file.
        var folder = SweepFixture.TempFolder("lock-unnamed");
        using var held = ResultsFolderLock.Acquire(folder, "sweep");
        var holder = Path.Combine(folder, ResultsFolderLock.HolderFileName);
        File.Delete(holder);
        if (holderText is not null)
        {
            File.WriteAllText(holder, holderText);
        }

        var e = Refused(folder);

        Assert.Equal(SweepRefusal.FolderInUse, e.Reason);
        Assert.StartsWith($"{folder} is in use by another coordsim process (it has not said which yet). Wait for it", e.Message, StringComparison.Ordinal);
    }
}
