using CoordSim.Mechanisms;


namespace CoordSim;

/// <summary>What the run kernel reads: queues and service, the channels, effort feedback, how emergencies travel, and when the run ends.</summary>
/// <param name="StateDimensions">Facts in an issue's state vector.</param>
/// <param name="Servers">Items each desk serves at once.</param>
/// <param name="Discipline">Queue discipline at every desk.</param>
/// <param name="Distribution">Service-time distribution.</param>
/// <param name="ServiceCv">Coefficient of variation of log-normal service times.</param>
/// <param name="Channels">Delay, noise and loss of each channel kind, indexed by <see cref="Organisation.ChannelKind"/>.</param>
/// <param name="UpwardBias">Shading of the severity fact on an upward hop.</param>
/// <param name="Effort">Effort relative to identifiability.</param>
/// <param name="Faults">Planted faults.</param>
/// <param name="EmergencyDelay">Largest delay of one hand-over of an emergency (officials phone it on), in days.</param>
/// <param name="Run">When the run ends and what it measures.</param>
internal sealed record KernelSettings(
    int StateDimensions,
    int Servers,
    QueueDiscipline Discipline,
    ServiceDistribution Distribution,
    double ServiceCv,
    ChannelSettings[] Channels,
    double UpwardBias,
    EffortSettings Effort,
    FaultSettings Faults,
    double EmergencyDelay,
    RunSettings Run)
{
    /// <summary>The kernel settings of <paramref name="p"/>.</summary>
    public static KernelSettings From(Parameters p)
    {
        var channels = new ChannelSettings[Enum.GetValues<Organisation.ChannelKind>().Length];
        channels[(int)Organisation.ChannelKind.Relay] = new(p.TransmissionDelay, p.NoiseSigma, p.DropProbability);
        channels[(int)Organisation.ChannelKind.Meeting] = new(0, p.MeetingNoiseSigma, p.MeetingDropProbability);
        channels[(int)Organisation.ChannelKind.Record] = new(p.RecordDelay, p.RecordNoiseSigma, p.RecordDropProbability);
        channels[(int)Organisation.ChannelKind.Lateral] = new(p.LateralDelay, p.LateralNoiseSigma, p.LateralDropProbability);
        channels[(int)Organisation.ChannelKind.Liaison] = new(p.LateralDelay, p.NoiseSigma, p.DropProbability);
        return new(
            p.StateDimensions,
            p.ServersPerPerson,
            p.QueueDiscipline,
            p.ServiceDistribution,
            p.ServiceCv,
            channels,
            p.UpwardBias,
            EffortSettings.From(p),
            FaultSettings.From(p),
            p.EmergencyDelay,
            RunSettings.From(p));
    }
}
