using Rectification.Data.Ledger;

namespace Rectification.Bot.Texts;

internal sealed partial class EnUsText
{
    public override string InspectionUsage =>
        "Usage: inspection show [--inspection \"<title>\"]\n       inspection set [--inspection \"<title>\"] [--feedback-date 2022-01-20] [--period 2021-03-16~2021-05-15] [--group \"<inspection group>\"] [--unit \"<inspected unit>\"]";

    public override IReadOnlyList<string> InspectionDetails(Inspection inspection) =>
    [
        F("Inspection: {0}", inspection.Title),
        F("Inspected unit: {0}", inspection.InspectedUnit ?? "(not given)"),
        F("Inspection group: {0}", inspection.InspectionGroup ?? "(not given)"),
        F("Period: {0}", inspection is { PeriodStart: { } start, PeriodEnd: { } end } ? F("{0:yyyy-MM-dd} to {1:yyyy-MM-dd}", start, end) : "(not given)"),
        F("Feedback date: {0}", inspection.FeedbackDate is { } feedback ? F("{0:yyyy-MM-dd}", feedback) : "(not given; immediate items cannot be dated)"),
    ];

    public override string InspectionSet(int changed, int immediateRedated) => changed == 0
        ? "Nothing changed."
        : immediateRedated > 0 ? F("Updated {0} particular(s); {1} immediate item(s) are now due from the new feedback date.", changed, immediateRedated) : F("Updated {0} particular(s).", changed);
}
