namespace CoordSim.Structures;

/// <summary>
/// When the bodies of a design work (docs/model.md §4.3): formed at the start or when the crisis starts, after
/// the formation delay; dissolved after their mission (or, for a crisis body without a mission length, when the
/// crisis ends); restarted after a pause. The n-th formation and dissolution times are given by index, so the
/// timers that move seconded capacity back and forth fall exactly where the cycle says.
/// </summary>
internal sealed class BodyLifecycle
{
    private readonly double _formation;
    private readonly double _mission;
    private readonly double _restart;
    private readonly double _end;
    private readonly bool _never;

    /// <summary>The lifecycle of <paramref name="design"/> in a run whose crisis is <paramref name="crisis"/>.</summary>
    public BodyLifecycle(BodyDesign design, CrisisSettings crisis)
    {
        var onCrisis = design.FormOn == FormationTrigger.Crisis;
        _never = onCrisis && !crisis.Happens;
        _formation = (onCrisis ? crisis.Start : 0) + design.FormationDelay;
        _mission = design.MissionDays;
        _restart = design.RestartAfter;
        _end = onCrisis && design.MissionDays <= 0 ? crisis.End : double.PositiveInfinity;
    }

    /// <summary>True when the body works at <paramref name="t"/>.</summary>
    public bool IsActive(double t)
    {
        if (_never || t < _formation)
        {
            return false;
        }

        if (_mission <= 0)
        {
            return t < _end;
        }

        var since = t - _formation;
        return _restart <= 0 ? since < _mission : since % (_mission + _restart) < _mission;
    }

    /// <summary>When the body is formed for the <paramref name="n"/>-th time (from 0), or infinity when it never is.</summary>
    public double FormationAt(int n)
    {
        if (_never || (n > 0 && (_mission <= 0 || _restart <= 0)))
        {
            return double.PositiveInfinity;
        }

        return _formation + (n * (_mission + _restart));
    }

    /// <summary>When the body formed for the <paramref name="n"/>-th time is dissolved, or infinity when it stays.</summary>
    public double DissolutionAt(int n) => _mission > 0 ? FormationAt(n) + _mission : _end;
}
