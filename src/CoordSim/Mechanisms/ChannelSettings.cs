namespace CoordSim.Mechanisms;

/// <summary>Delay, noise and loss of one channel kind.</summary>
/// <param name="Delay">Days one hand-over takes.</param>
/// <param name="Sigma">Standard deviation of the noise added to each fact.</param>
/// <param name="Drop">Probability that a fact is lost.</param>
internal readonly record struct ChannelSettings(double Delay, double Sigma, double Drop);
