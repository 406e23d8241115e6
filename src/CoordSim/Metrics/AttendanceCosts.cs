namespace CoordSim.Metrics;

/// <summary>Person-days spent away from the desks on coordination: attending meetings and writing reports.</summary>
/// <param name="MeetingDays">Person-days in meetings and progress reviews.</param>
/// <param name="ReportDays">Person-days writing periodic briefs.</param>
public sealed record AttendanceCosts(double MeetingDays, double ReportDays);
