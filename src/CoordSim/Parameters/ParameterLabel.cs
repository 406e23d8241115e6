using System.Text;

namespace CoordSim;

/// <summary>
/// The human label of a parameter for figure axes and legends: the words of its camelCase name in lower case
/// (<c>crossDepartmentShare</c> reads "cross department share"), unless its <see cref="ParameterAttribute.Label"/>
/// says better; a body design field's label names the body (<c>bodies[0].collectivity</c> reads "body 1 collectivity").
/// </summary>
public static class ParameterLabel
{
    /// <summary>The words of a camelCase name, lower case except for acronyms (<c>serviceCV</c> reads "service CV").</summary>
    /// <param name="name">A camelCase or PascalCase name.</param>
    public static string Words(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var words = new List<string>();
        var word = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var upper = char.IsUpper(c);
            var startsWord = i > 0 && (
                (upper && !char.IsUpper(name[i - 1])) ||
                (upper && i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])) ||
                (char.IsDigit(c) && !char.IsDigit(name[i - 1])));
            if (startsWord && word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }

            word.Append(c);
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return string.Join(' ', words.Select(w => w.Length > 1 && w.All(char.IsUpper) ? w : w.ToLowerInvariant()));
    }

    /// <summary>The label of the body design field <paramref name="field"/> of the body at index <paramref name="body"/>: "body 1 collectivity".</summary>
    internal static string OfBodyField(int body, string field) =>
        $"body {(body + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} {Words(field)}";
}
