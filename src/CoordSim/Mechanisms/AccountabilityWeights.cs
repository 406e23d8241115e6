using CoordSim.Organisation;

namespace CoordSim.Mechanisms;

/// <summary>
/// The accountability weights of one issue over people, built up by a responsibility rule and
/// normalised to sum to 1 (model.md §5). Reused from issue to issue: adding and normalising
/// allocate nothing once the scratch arrays have grown.
/// </summary>
internal sealed class AccountabilityWeights
{
    private PersonId[] _people = new PersonId[64];
    private double[] _weights = new double[64];

    // Where each person sits in _people, valid while their stamp is the current one: finding a person is O(1) however
    // many hold weight (a body's collective rule spreads weight over all its members and handlers, dozens of people).
    private int[] _slotOf = [];
    private int[] _stampOf = [];
    private int _stamp = 1;

    /// <summary>Number of distinct people holding weight.</summary>
    public int Count { get; private set; }

    /// <summary>The i-th person.</summary>
    public PersonId PersonAt(int i) => _people[i];

    /// <summary>The i-th weight.</summary>
    public double WeightAt(int i) => _weights[i];

    /// <summary>Starts a new issue.</summary>
    public void Clear()
    {
        Count = 0;
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_stampOf);
            _stamp = 1;
        }
    }

    /// <summary>Adds <paramref name="weight"/> to <paramref name="person"/> (merging with weight already held).</summary>
    public void Add(PersonId person, double weight)
    {
        var slot = SlotOf(person);
        if (slot >= 0)
        {
            _weights[slot] += weight;
            return;
        }

        if (Count == _people.Length)
        {
            Array.Resize(ref _people, Count * 2);
            Array.Resize(ref _weights, Count * 2);
        }

        var p = person.Value;
        if (p < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(person), p, "Only a person of the organisation (id 0 or more) can hold accountability weight.");
        }

        if (p >= _stampOf.Length)
        {
            var length = Math.Max(p + 1, _stampOf.Length * 2);
            Array.Resize(ref _stampOf, length);
            Array.Resize(ref _slotOf, length);
        }

        _stampOf[p] = _stamp;
        _slotOf[p] = Count;
        _people[Count] = person;
        _weights[Count++] = weight;
    }

    /// <summary>True when <paramref name="person"/> already holds weight.</summary>
    public bool Contains(PersonId person) => SlotOf(person) >= 0;

    private int SlotOf(PersonId person)
    {
        var p = person.Value;
        return (uint)p < (uint)_stampOf.Length && _stampOf[p] == _stamp ? _slotOf[p] : -1;
    }

    /// <summary>Scales the weights to sum to 1 (no-op when empty).</summary>
    public void Normalise()
    {
        var total = 0.0;
        for (var i = 0; i < Count; i++)
        {
            total += _weights[i];
        }

        if (total <= 0)
        {
            return;
        }

        for (var i = 0; i < Count; i++)
        {
            _weights[i] /= total;
        }
    }

    /// <summary>The weight held by <paramref name="person"/> (0 when none).</summary>
    public double WeightOf(PersonId person)
    {
        var slot = SlotOf(person);
        return slot >= 0 ? _weights[slot] : 0;
    }

    /// <summary>Sum of the weights (1 after <see cref="Normalise"/>).</summary>
    public double Total()
    {
        var total = 0.0;
        for (var i = 0; i < Count; i++)
        {
            total += _weights[i];
        }

        return total;
    }

    /// <summary>Effective number of accountable people, 1/Σw² (0 when empty).</summary>
    public double EffectiveCount()
    {
        var sum = 0.0;
        for (var i = 0; i < Count; i++)
        {
            sum += _weights[i] * _weights[i];
        }

        return sum > 0 ? 1 / sum : 0;
    }

    /// <summary>Entropy −Σ w ln w in nats (0 for one person).</summary>
    public double Entropy()
    {
        var h = 0.0;
        for (var i = 0; i < Count; i++)
        {
            var w = _weights[i];
            if (w > 0)
            {
                h -= w * Math.Log(w);
            }
        }

        return h;
    }
}
