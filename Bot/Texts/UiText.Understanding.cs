namespace Rectification.Bot.Texts;

/// <summary>The wording of the <c>understand</c> verb.</summary>
public abstract partial class UiText
{
    public abstract string UnderstandUsage { get; }
    public abstract string UnderstandBadToday(string value);
    public abstract string UnderstandUnknownPerson(string who);
}
