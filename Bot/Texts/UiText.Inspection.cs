using Rectification.Data.Ledger;

namespace Rectification.Bot.Texts;

/// <summary>The inspection verb: an inspection's particulars.</summary>
public abstract partial class UiText
{
    public abstract string InspectionUsage { get; }

    public abstract IReadOnlyList<string> InspectionDetails(Inspection inspection);

    public abstract string InspectionSet(int changed, int immediateRedated);
}
