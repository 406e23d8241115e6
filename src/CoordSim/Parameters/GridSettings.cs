namespace CoordSim;

/// <summary>What the grid platform reads from the parameters (docs/model.md §4.8).</summary>
/// <param name="SolveShare">Share of single-department routine issues the grid solves itself.</param>
/// <param name="ConferenceDelay">Days to convene a joint conference.</param>
/// <param name="MeetingDuration">Days each attendee spends in a conference besides the items decided.</param>
/// <param name="MinutesPerItem">Minutes of conference per item decided (8-hour day).</param>
/// <param name="RevisitCatch">Probability that the revisit of a wrongly closed issue reopens it.</param>
/// <param name="RevisitDelay">Days from closing to the revisit.</param>
/// <param name="FailureDistortion">Relative error of an executor's picture above which the issue was wrongly closed.</param>
internal sealed record GridSettings(double SolveShare, double ConferenceDelay, double MeetingDuration, double MinutesPerItem, double RevisitCatch, double RevisitDelay, double FailureDistortion)
{
    /// <summary>The settings of <paramref name="p"/>.</summary>
    public static GridSettings From(Parameters p) =>
        new(p.GridSolveShare, p.JointConferenceDelay, p.MeetingDuration, p.MinutesPerItem, p.RevisitCatch, p.RevisitDelay, p.FailureDistortion);
}
