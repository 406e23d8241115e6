using CoordSim.Metrics;
using CoordSim.Organisation;

namespace CoordSim.Mechanisms;

/// <summary>
/// The time series of a run (<see cref="TimeSeries"/>): samples of the issue counts, utilisation by level and the costs
/// of meetings and briefs every so many days. Sampling rides on the kernel's sampling hook (<c>TakeSamples</c>): it
/// reads the state between events and schedules nothing, so a run with a series processes the same events and gives
/// the same result as one without, and a run without one pays nothing for it.
/// </summary>
internal sealed partial class CoordinationModel
{
    // Issues discovered and resolved since day 0, warm-up included (the accumulator counts the measured ones only).
    private long _issuesDiscovered;
    private long _issuesResolved;

    // The series: null unless SampleEvery was called.
    private List<TimeSeriesSample>? _samples;
    private double _seriesInterval;
    private long _seriesIndex;
    private double _seriesNextDay = double.PositiveInfinity;
    private double _seriesLastDay;

    // Per person: their level, and their busy person-days (work plus time away) up to the last sample; per level: people.
    private int[] _seriesLevel = [];
    private int[] _seriesLevelPeople = [];
    private double[] _seriesBusy = [];
    private double[] _seriesBusyBefore = [];
    private int _seriesMeetingsBefore;

    // Time away by kind: the person-days up to the last sample, those of segments wholly before it, and the segments
    // not wholly before it yet (a few: those under way or queued up), from the next unread one of _awaySegments.
    private readonly double[] _seriesAttendedBefore = new double[Enum.GetValues<Attendance>().Length];
    private readonly double[] _seriesAttendedClosed = new double[Enum.GetValues<Attendance>().Length];
    private readonly List<int> _seriesOpenSegments = [];
    private int _seriesSegmentsRead;

    /// <summary>The run's time series once it has run with <see cref="SampleEvery"/>; null otherwise.</summary>
    public TimeSeries? Series { get; private set; }

    /// <summary>
    /// Asks the run for a time series sampled every <paramref name="intervalDays"/> days (see <see cref="TimeSeries"/>);
    /// call it before <see cref="Run"/>. The interval must be positive and finite (checked by the caller).
    /// </summary>
    public void SampleEvery(double intervalDays)
    {
        if (_ran)
        {
            throw new InvalidOperationException("The time series must be asked for before the run.");
        }

        if (!(double.IsFinite(intervalDays) && intervalDays > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(intervalDays), intervalDays, TimeSeries.AllowedText);
        }

        _seriesInterval = intervalDays;
        _samples = [];
        _seriesIndex = 1;
        _seriesNextDay = intervalDays;
        var people = Organisation.PersonCount;
        _seriesLevel = new int[people];
        _seriesLevelPeople = new int[Organisation.Levels + 1];
        for (var p = 0; p < people; p++)
        {
            var level = Organisation.LevelOf(new PersonId(p));
            _seriesLevel[p] = level;
            _seriesLevelPeople[level]++;
        }

        _seriesBusy = new double[people];
        _seriesBusyBefore = new double[people];
        _nextSample = Math.Min(_nextSample, _seriesNextDay);
    }

    /// <summary>Takes every series sample due before <paramref name="until"/>, in the state the model is in now.</summary>
    private void SampleSeriesBefore(double until)
    {
        while (_seriesNextDay < until)
        {
            RecordSample(_seriesNextDay);
            _seriesIndex++;
            _seriesNextDay = _seriesIndex * _seriesInterval;
        }
    }

    /// <summary>At the end of the run: the samples due before <paramref name="end"/>, then the last one at <paramref name="end"/>.</summary>
    private void FinishSeries(double end)
    {
        SampleSeriesBefore(end);
        RecordSample(end);
        _seriesNextDay = double.PositiveInfinity;
        var titles = new string[Organisation.Levels + 1];
        for (var k = 0; k < titles.Length; k++)
        {
            titles[k] = Organisation.TitleOfLevel(k);
        }

        Series = new TimeSeries(_seriesInterval, titles, _samples!.ToArray());
    }

    /// <summary>
    /// Records the sample at <paramref name="day"/>. Every event up to the day has been processed and none after it,
    /// so the state is the state at the day; what depends on time (services and absences under way) is read at the
    /// day, without changing anything: the work of a service in progress is counted as <c>CloseDesks</c> counts it
    /// at the end of the run.
    /// </summary>
    private void RecordSample(double day)
    {
        var busy = _seriesBusy;
        Array.Clear(busy);
        for (var d = 0; d < _deskWork.Length; d++)
        {
            busy[_deskPerson[d]] += _deskWork[d];
        }

        for (var i = 0; i < _itemCount; i++)
        {
            ref var it = ref _items[i];
            if (it.InService && it.Issue != None)
            {
                var person = _deskPerson[it.Desk];
                var away = BlockedUntil(person, day) - it.BlockedAtStart;
                busy[person] += Math.Max(0, day - it.ServiceStart - away) * it.DeskShare;
            }
        }

        var days = day - _seriesLastDay;
        var levels = _seriesLevelPeople.Length;
        var sum = new double[levels];
        for (var p = 0; p < busy.Length; p++)
        {
            var cumulative = (busy[p] / _servers) + BlockedUntil(p, day);
            sum[_seriesLevel[p]] += cumulative - _seriesBusyBefore[p];
            _seriesBusyBefore[p] = cumulative;
        }

        var utilisation = new double[levels];
        for (var k = 0; k < levels; k++)
        {
            utilisation[k] = _seriesLevelPeople[k] > 0 && days > 0 ? sum[k] / _seriesLevelPeople[k] / days : 0;
        }

        var attended = Attended(day);
        var meeting = (int)Attendance.Meeting;
        var report = (int)Attendance.Report;
        _samples!.Add(new TimeSeriesSample(
            day,
            _issuesDiscovered,
            _issuesResolved,
            _active,
            utilisation,
            _meetings - _seriesMeetingsBefore,
            attended[meeting] - _seriesAttendedBefore[meeting],
            attended[report] - _seriesAttendedBefore[report]));
        _seriesMeetingsBefore = _meetings;
        attended.CopyTo(_seriesAttendedBefore, 0);
        _seriesLastDay = day;
    }

    /// <summary>
    /// Person-days away by kind from day 0 to <paramref name="day"/>: every segment of time away counted up to the day,
    /// as <c>CloseDesks</c> counts them up to the end. Segments wholly before the day are added up once and dropped.
    /// </summary>
    private double[] Attended(double day)
    {
        for (; _seriesSegmentsRead < _awaySegments.Count; _seriesSegmentsRead++)
        {
            _seriesOpenSegments.Add(_seriesSegmentsRead);
        }

        var partial = new double[_seriesAttendedClosed.Length];
        var kept = 0;
        for (var i = 0; i < _seriesOpenSegments.Count; i++)
        {
            var index = _seriesOpenSegments[i];
            var (kind, start, stop) = _awaySegments[index];
            if (stop <= day)
            {
                _seriesAttendedClosed[(int)kind] += Math.Max(0, stop - start);
            }
            else
            {
                partial[(int)kind] += Math.Max(0, day - start);
                _seriesOpenSegments[kept++] = index;
            }
        }

        _seriesOpenSegments.RemoveRange(kept, _seriesOpenSegments.Count - kept);
        for (var k = 0; k < partial.Length; k++)
        {
            partial[k] += _seriesAttendedClosed[k];
        }

        return partial;
    }
}
