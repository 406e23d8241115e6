using CoordSim.Metrics;

namespace CoordSim.Experiments;

/// <summary>Keeps every resolved issue's outcome of one run, in resolution order, for issues.csv.</summary>
internal sealed class IssueRecorder : IIssueObserver
{
    /// <summary>The outcomes so far.</summary>
    public List<IssueOutcome> Outcomes { get; } = [];

    /// <inheritdoc />
    public void OnResolved(in IssueOutcome outcome) => Outcomes.Add(outcome);
}
