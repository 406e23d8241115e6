using CoordSim.Organisation;

namespace CoordSim.Mechanisms;

/// <summary>
/// Receives each step of every issue's route as the kernel takes it: hand-overs (which channel, which direction),
/// arrivals at desks, and decisions (where, by which body). For tests that trace a structure's routing step by step;
/// a run without a trace pays one null check per step.
/// </summary>
internal interface IRouteTrace
{
    /// <summary>Work item of issue <paramref name="issue"/> (branch <paramref name="branch"/>, −1 for the trunk) is handed over on <paramref name="channel"/>.</summary>
    void HandedOver(long issue, int branch, ChannelKind channel, HopDirection direction, double now);

    /// <summary>Work item of issue <paramref name="issue"/> arrives at <paramref name="desk"/>, the desk of <paramref name="person"/>.</summary>
    void Queued(long issue, int branch, DeskId desk, PersonId person, double now);

    /// <summary>Issue <paramref name="issue"/> is decided at <paramref name="venue"/>, in body <paramref name="body"/> (−1 outside bodies).</summary>
    void Decided(long issue, DecisionVenue venue, int body, double now);
}
