namespace CoordSim.Experiments;

/// <summary>How a column's values are written, as <c>codebook.csv</c> names it in its <c>type</c> column.</summary>
internal enum ColumnType
{
    /// <summary>A whole number, invariant digits.</summary>
    Integer,

    /// <summary>A number in invariant round-trip form; an empty field where it is not a finite number.</summary>
    Number,

    /// <summary>Free text, such as a structure's label.</summary>
    Text,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>One of a fixed list of kebab-case words, listed in the column's meaning.</summary>
    Enum,
}
