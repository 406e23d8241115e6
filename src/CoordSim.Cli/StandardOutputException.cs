namespace CoordSim.Cli;

/// <summary>Standard output could not take what a command wrote; <see cref="Exception.Message"/> is the system's reason.</summary>
internal sealed class StandardOutputException(IOException inner) : IOException(inner.Message, inner);
