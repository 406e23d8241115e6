namespace CoordSim.Metrics;

/// <summary>Receives every resolved issue's outcome as the run goes (for per-issue output); called on the run's thread.</summary>
public interface IIssueObserver
{
    /// <summary>Called once per resolved issue, in completion order.</summary>
    void OnResolved(in IssueOutcome outcome);
}
