namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string CalendarYearsMissing(IReadOnlyList<int> years) =>
        F("⚠ The holiday file (holidays.json) has no arrangement for {0}: reminders treat it as plain Monday to Friday, wrong on public holidays and make-up working days. Add it from the State Council's notice (see docs/holidays.md).",
            string.Join(", ", years));

    public override string HolidaysCovered(IReadOnlyList<int> years, string path) =>
        years.Count == 0 ? F("The holiday file {0} covers no year.", path) : F("The holiday file {0} covers: {1}.", path, string.Join(", ", years));

    public override string HolidaysAllCovered(int year) => F("This year and next ({0}, {1}) are both covered.", year, year + 1);

    public override string HolidaysUsage => "Usage: holidays check";

    public override string HolidaysFileBroken(string path, string problem) => F("The holiday file {0} is wrong: {1}", path, problem);
}
