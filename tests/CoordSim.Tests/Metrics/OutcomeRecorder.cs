using CoordSim.Metrics;

namespace CoordSim.Tests.Metrics;

/// <summary>An issue observer that keeps every resolved issue's outcome, in completion order.</summary>
public sealed class OutcomeRecorder : IIssueObserver
{
    private readonly List<IssueOutcome> _outcomes = [];

    /// <summary>Every outcome received so far.</summary>
    public IReadOnlyList<IssueOutcome> Outcomes => _outcomes;

    /// <inheritdoc />
    public void OnResolved(in IssueOutcome outcome) => _outcomes.Add(outcome);
}
