using System.Globalization;

namespace CoordSim.Experiments;

/// <summary>
/// The exclusive hold of one process on a results folder while it writes there (sweep, resume, force): the file
/// <c>.coordsim.lock</c> opened without sharing, which the operating system locks (flock on Linux and macOS) and
/// releases when the process ends however it ends, so a killed sweep never leaves the folder held. Who holds it is
/// written beside it in <c>.coordsim.holder</c> (process id, machine, since when), for the message another process
/// gets; that file is removed on release. The lock file itself stays, so that two processes can never lock two
/// different files of the same name.
/// </summary>
internal sealed class ResultsFolderLock : IDisposable
{
    /// <summary>The lock file's name.</summary>
    public const string FileName = ".coordsim.lock";

    /// <summary>The name of the file that says who holds the lock.</summary>
    public const string HolderFileName = ".coordsim.holder";

    private readonly FileStream _lock;
    private readonly string _holder;

    private ResultsFolderLock(FileStream held, string holder)
    {
        _lock = held;
        _holder = holder;
    }

    /// <summary>Takes the folder <paramref name="directory"/> (which must exist) for this process, for <paramref name="purpose"/> ("sweep").</summary>
    /// <exception cref="SweepException">Another process holds it; the message names the process.</exception>
    public static ResultsFolderLock Acquire(string directory, string purpose)
    {
        var path = Path.Combine(directory, FileName);
        var holder = Path.Combine(directory, HolderFileName);
        FileStream held;
        try
        {
            held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new SweepException(
                SweepRefusal.FolderInUse,
                $"{directory} is in use by another coordsim process ({Holder(holder)}).",
                "Wait for it to finish or stop it, then run again (with SweepOptions.Resume to continue its results), or choose another folder.");
        }

        var since = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        File.WriteAllText(holder, $"process {Environment.ProcessId.ToString(CultureInfo.InvariantCulture)} on {Environment.MachineName}, {purpose} since {since}\n");
        return new ResultsFolderLock(held, holder);
    }

    private static string Holder(string path)
    {
        try
        {
            var text = File.ReadAllText(path).Trim();
            return text.Length > 0 ? text : "it has not said which yet";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "it has not said which yet";
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            File.Delete(_holder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The note is informative only; the lock below is what others test.
        }

        _lock.Dispose();
    }
}
