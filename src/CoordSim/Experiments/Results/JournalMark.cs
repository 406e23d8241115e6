namespace CoordSim.Experiments;

/// <summary>Where a journal stood after a commit: the file's length, and the SHA-256 (lower-case hex) of the bytes that commit wrote.</summary>
/// <param name="End">The file's length in bytes after the commit.</param>
/// <param name="Sha256">The SHA-256 of the bytes the commit wrote.</param>
internal readonly record struct JournalMark(long End, string Sha256);
