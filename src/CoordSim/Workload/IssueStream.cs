using CoordSim.Engine;
using MathNet.Numerics.Distributions;

namespace CoordSim.Workload;

/// <summary>
/// Generates the issues of a run in arrival order (model.md §3): Poisson arrivals at
/// <c>arrivalRate</c>, a uniformly drawn category, one required department with probability
/// 1 − <c>crossDepartmentShare</c> and otherwise 2..K drawn uniformly (the primary plus others
/// uniformly without replacement), emergencies with probability <c>emergencyShare</c>, a true state
/// of <c>stateDimensions</c> independent N(0, 1) facts, and a discoverer and executors drawn
/// uniformly among each department's frontline.
/// <para>
/// The stream depends only on the seed and the workload and organisation-size parameters and
/// draws from its own random streams in a fixed order per issue, so every structure run with
/// the same seed sees exactly the same issues (common random numbers). A crisis raises the arrival rate
/// and the emergency share over a window of days (model-v2 §4); the arrivals stay a Poisson process.
/// </para>
/// </summary>
internal sealed class IssueStream
{
    private readonly RandomStream _arrivals;
    private readonly RandomStream _attributes;
    private readonly RandomStream _state;
    private readonly double _rate;
    private readonly double _crossShare;
    private readonly int _maxDepartments;
    private readonly double _emergencyShare;
    private readonly double _routineDeadline;
    private readonly double _emergencyDeadline;
    private readonly int _departments;
    private readonly int _frontlinePerDepartment;
    private readonly int[] _scratch;
    private readonly int _categories;
    private readonly CrisisSettings _crisis;
    private double _clock;
    private long _next;

    /// <summary>Creates the issue stream of run seed <paramref name="seed"/>.</summary>
    /// <param name="p">The workload settings.</param>
    /// <param name="seed">The run seed.</param>
    public IssueStream(WorkloadSettings p, long seed)
    {
        _arrivals = new RandomStream(SeedDerivation.ForPurpose(seed, (ulong)WorkloadStream.Arrivals));
        _attributes = new RandomStream(SeedDerivation.ForPurpose(seed, (ulong)WorkloadStream.Attributes));
        _state = new RandomStream(SeedDerivation.ForPurpose(seed, (ulong)WorkloadStream.State));
        _rate = p.ArrivalRate;
        _crossShare = p.CrossDepartmentShare;
        _maxDepartments = Math.Min(p.MaxDepartmentsPerIssue, p.Departments);
        _emergencyShare = p.EmergencyShare;
        _routineDeadline = p.RoutineDeadline;
        _emergencyDeadline = p.EmergencyDeadline;
        _departments = p.Departments;
        _frontlinePerDepartment = p.FrontlinePerDepartment;
        _scratch = new int[p.Departments];
        _crisis = p.Crisis;
        _categories = Enum.GetValues<IssueCategory>().Length;
        StateDimensions = p.StateDimensions;
    }

    /// <summary>Facts per state vector.</summary>
    public int StateDimensions { get; }

    /// <summary>Number of issues generated so far.</summary>
    public long Generated => _next;

    /// <summary>
    /// Generates the next issue. Writes its true state into <paramref name="trueState"/> (length
    /// <see cref="StateDimensions"/>) and the frontline position of the executor of each department
    /// into <paramref name="executorPositions"/> (length departments; entries of departments the
    /// issue does not require are left untouched).
    /// </summary>
    public Issue Next(Span<double> trueState, Span<int> executorPositions)
    {
        _clock = _crisis.Happens ? NextArrivalWithCrisis() : _clock + Exponential.Sample(_arrivals, _rate);
        var crisis = _crisis.Covers(_clock);

        var category = (IssueCategory)_attributes.Next(_categories);
        var primary = (int)category % _departments;
        var urgent = _attributes.NextDouble() < (crisis ? _crisis.EmergencyShare : _emergencyShare);
        var required = 1;
        if (_maxDepartments >= 2 && _attributes.NextDouble() < _crossShare)
        {
            required = 2 + _attributes.Next(_maxDepartments - 1);
        }

        var mask = 1UL << primary;
        if (required > 1)
        {
            // Partial Fisher-Yates over the other departments.
            var n = 0;
            for (var d = 0; d < _departments; d++)
            {
                if (d != primary)
                {
                    _scratch[n++] = d;
                }
            }

            for (var i = 0; i < required - 1; i++)
            {
                var j = i + _attributes.Next(n - i);
                (_scratch[i], _scratch[j]) = (_scratch[j], _scratch[i]);
                mask |= 1UL << _scratch[i];
            }
        }

        var discoverer = _attributes.Next(_frontlinePerDepartment);
        for (var d = 0; d < _departments; d++)
        {
            if ((mask & (1UL << d)) != 0)
            {
                executorPositions[d] = d == primary ? discoverer : _attributes.Next(_frontlinePerDepartment);
            }
        }

        for (var j = 0; j < StateDimensions; j++)
        {
            trueState[j] = Normal.Sample(_state, 0.0, 1.0);
        }

        var deadline = _clock + (urgent ? _emergencyDeadline : _routineDeadline);
        return new Issue(_next++, _clock, category, primary, mask, urgent, deadline, discoverer) { Crisis = crisis };
    }

    /// <summary>
    /// The next arrival of a Poisson process whose rate is a step function of time (λ, λ·multiplier during the
    /// crisis, λ after it), by inversion of the cumulative rate: one unit exponential E, and the arrival is the
    /// first time t at which the integral of the rate from the last arrival reaches E.
    /// </summary>
    private double NextArrivalWithCrisis()
    {
        var e = Exponential.Sample(_arrivals, 1.0);
        var t = _clock;
        while (true)
        {
            var inCrisis = _crisis.Covers(t);
            var rate = inCrisis ? _rate * _crisis.Multiplier : _rate;
            var boundary = inCrisis ? _crisis.End : t < _crisis.Start ? _crisis.Start : double.PositiveInfinity;
            var mass = rate * (boundary - t);
            if (e < mass)
            {
                return t + (e / rate);
            }

            e -= mass;
            t = boundary;
        }
    }
}
