using CoordSim.Metrics;

namespace CoordSim.Tests.Structures;

/// <summary>Keeps every resolved issue's outcome, for tests that look at single issues.</summary>
internal sealed class OutcomeRecorder : IIssueObserver
{
    public List<IssueOutcome> Outcomes { get; } = [];

    public void OnResolved(in IssueOutcome outcome) => Outcomes.Add(outcome);
}
