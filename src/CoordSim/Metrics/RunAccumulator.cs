using MathNet.Numerics.Statistics;

namespace CoordSim.Metrics;

/// <summary>
/// Accumulates resolved issues' outcomes in streaming form (running moments from MathNet, and
/// one pooled array of latencies for exact quantiles) and turns them into a <see cref="RunResult"/>.
/// </summary>
internal sealed class RunAccumulator
{
    private readonly RunSettings _settings;
    private readonly RunningStatistics _latency = new();
    private readonly Quantiles _latencies = new();
    private double _queueing, _service, _meetingWait, _transmission, _consultation;
    private long _queued, _served, _metWait, _transmitted, _consultedPath;
    private long _onTime;
    private double _distortion, _bias, _lost, _hops, _squaredError, _squaredNorm;
    private double _effective, _entropy, _onWorstHandover;
    private long _aboveThreshold, _failed, _missed, _resolved, _traced, _escalatedOnAgenda;
    private long _faulted, _scored, _unanswered;
    private double _precision, _innocentBlame;
    private long _consulted, _rounds;
    private readonly long[] _venues = new long[Enum.GetValues<Mechanisms.DecisionVenue>().Length];
    private long _reopened;

    /// <summary>Creates an accumulator for a run with <paramref name="settings"/>.</summary>
    public RunAccumulator(RunSettings settings)
    {
        _settings = settings;
    }

    /// <summary>Issues discovered after the warm-up (counted by the model on discovery).</summary>
    public long Arrived { get; set; }

    /// <summary>Number of items put on a body's agenda.</summary>
    public long AgendaItems { get; private set; }

    /// <summary>Adds one resolved issue.</summary>
    public void Add(in IssueOutcome o)
    {
        _resolved++;
        _latency.Push(o.Latency);
        _latencies.Add(o.Latency);
        _queueing += o.Queueing;
        _service += o.Service;
        _meetingWait += o.MeetingWait;
        _transmission += o.Transmission;
        _consultation += o.Consultation;
        _queued += o.Queueing > 0 ? 1 : 0;
        _served += o.Service > 0 ? 1 : 0;
        _metWait += o.MeetingWait > 0 ? 1 : 0;
        _transmitted += o.Transmission > 0 ? 1 : 0;
        _consultedPath += o.Consultation > 0 ? 1 : 0;
        _onTime += o.MissedDeadline ? 0 : 1;
        _distortion += o.Distortion;
        _squaredError += o.SquaredError;
        _squaredNorm += o.SquaredNorm;
        _bias += o.SeverityBias;
        _lost += o.FactsLost;
        _hops += o.Hops;
        _effective += o.EffectiveAccountable;
        _venues[(int)o.Venue]++;
        _reopened += o.Reopens > 0 ? 1 : 0;
        if (o.ConsultationRounds > 0)
        {
            _consulted++;
            _rounds += o.ConsultationRounds;
        }

        _entropy += o.Entropy;
        if (o.Distortion > _settings.FailureDistortion)
        {
            _aboveThreshold++;
        }

        if (o.MissedDeadline)
        {
            _missed++;
        }

        if (o.Faults > 0)
        {
            _faulted++;
        }

        if (o.Failed)
        {
            _failed++;
            if (!double.IsNaN(o.WorstHandoverWeight))
            {
                _onWorstHandover += o.WorstHandoverWeight;
                _traced++;
            }

            if (o.Faults > 0 && o.Blame > 0)
            {
                _precision += o.BlameOnFaulters / o.Blame;
                _scored++;
            }

            if (!(o.MaxBlame >= _settings.AnswerableThreshold))
            {
                _unanswered++;
            }

            _innocentBlame += o.Blame - o.BlameOnFaulters;
        }
    }

    /// <summary>
    /// Builds the run's result. <paramref name="censored"/> holds the ages at the end of the measured issues still
    /// open (their latencies are right-censored there); <paramref name="stability"/> is the model's verdict on the
    /// backlog; <paramref name="end"/> is the day the run ended.
    /// </summary>
    public RunResult Finish(string structure, long seed, Parameters parameters, UtilisationSummary utilisation, double staffDays, double secondedDays, AttendanceCosts attendance, double end, long events, int meetings, double[] censored, StabilitySummary stability)
    {
        var n = _resolved;
        double Mean(double total) => n > 0 ? total / n : double.NaN;
        LatencyComponent Component(double total, long incurred) =>
            new(Mean(total), incurred > 0 ? total / incurred : double.NaN, n > 0 ? (double)incurred / n : double.NaN);
        var sorted = _latencies.Sorted();
        Array.Sort(censored);
        var window = end - _settings.WarmupDays;
        var curve = KaplanMeier.Estimate(sorted, censored);
        var allArrivals = new CensoredLatency(
            curve.Quantile(0.5),
            curve.Quantile(0.9),
            curve.Quantile(0.95),
            Arrived > 0 ? curve.RestrictedMean(window) : double.NaN,
            window,
            Arrived > 0 ? (double)_onTime / Arrived : double.NaN,
            censored.Length);
        var components = new LatencyComponents(
            Component(_queueing, _queued),
            Component(_service, _served),
            Component(_meetingWait, _metWait),
            Component(_transmission, _transmitted),
            Component(_consultation, _consultedPath));
        var latency = new LatencySummary(
            n > 0 ? _latency.Mean : double.NaN,
            Quantiles.At(sorted, 0.5),
            Quantiles.At(sorted, 0.9),
            Quantiles.At(sorted, 0.95),
            n > 0 ? _latency.Maximum : double.NaN,
            window > 0 ? n / window : 0,
            Mean(_missed),
            allArrivals,
            components);
        var distortion = new DistortionSummary(
            _settings.StateDimensions >= 3 ? Mean(_distortion) : double.NaN,
            _squaredNorm > 0 ? Math.Sqrt(_squaredError / _squaredNorm) : double.NaN,
            Mean(_bias),
            Mean(_lost),
            Mean(_hops),
            Mean(_aboveThreshold));
        var responsibility = new ResponsibilitySummary(
            Mean(_effective),
            Mean(_entropy),
            _traced > 0 ? _onWorstHandover / _traced : double.NaN,
            Mean(_failed),
            AgendaItems > 0 ? (double)_escalatedOnAgenda / AgendaItems : double.NaN,
            Mean(_faulted),
            _scored > 0 ? _precision / _scored : double.NaN,
            _failed > 0 ? (double)_unanswered / _failed : double.NaN,
            _failed > 0 ? _innocentBlame / _failed : double.NaN);
        double Share(params Mechanisms.DecisionVenue[] venues) => n > 0 ? venues.Sum(v => _venues[(int)v]) / (double)n : double.NaN;
        var decisions = new DecisionSummary(
            Share(Mechanisms.DecisionVenue.Line),
            Share(Mechanisms.DecisionVenue.Concurrence),
            Share(Mechanisms.DecisionVenue.Deputy, Mechanisms.DecisionVenue.GovernmentHead),
            Share(Mechanisms.DecisionVenue.BodyDesk),
            Share(Mechanisms.DecisionVenue.Meeting),
            _consulted > 0 ? (double)_rounds / _consulted : double.NaN)
        {
            ReopenedShare = Revisits && n > 0 ? (double)_reopened / n : double.NaN,
        };
        return new RunResult(structure, seed, parameters, new IssueCounts(Arrived, n, censored.Length), latency, distortion, responsibility, utilisation, events, meetings, staffDays, secondedDays, end)
        {
            Attendance = attendance,
            Decisions = decisions,
            Stability = stability,
        };
    }

    /// <summary>True when the structure revisits closed issues, so that the reopened share is defined.</summary>
    public bool Revisits { get; set; }

    /// <summary>Counts one item put on a body's agenda; <paramref name="escalated"/> when it was escalated for cover.</summary>
    public void CountAgendaItem(bool escalated)
    {
        AgendaItems++;
        if (escalated)
        {
            _escalatedOnAgenda++;
        }
    }
}
