namespace Rectification.Bot.Texts;

/// <summary>The working-day calendar: which years the holiday file covers, and the warning when one is missing.</summary>
public abstract partial class UiText
{
    /// <summary>Years without the State Council's arrangement: reminders treat them as plain Monday to Friday.</summary>
    public abstract string CalendarYearsMissing(IReadOnlyList<int> years);

    public abstract string HolidaysCovered(IReadOnlyList<int> years, string path);

    public abstract string HolidaysAllCovered(int year);

    public abstract string HolidaysUsage { get; }

    public abstract string HolidaysFileBroken(string path, string problem);
}
