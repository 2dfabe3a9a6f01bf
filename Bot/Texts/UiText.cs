using System.Globalization;

namespace Rectification.Bot.Texts;

/// <summary>
/// Every user-facing string, one subclass per language. Members are abstract so a string missing in one
/// language is a build error, not a surprise in production. Partial: each capability keeps its strings in
/// its own file (UiText.Import.cs, ZhCnText.Import.cs, ...).
/// </summary>
public abstract partial class UiText
{
    public static readonly UiText ZhCn = new ZhCnText();

    public static readonly UiText EnUs = new EnUsText();

    /// <summary>Chinese first: anything that is not clearly English gets zh-CN.</summary>
    public static UiText For(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? EnUs : ZhCn;

    /// <summary>The language of a command-line run: LANG / LC_ALL as the shell sets them, else zh-CN.</summary>
    public static UiText ForConsole()
    {
        var locale = Environment.GetEnvironmentVariable("LC_ALL") is { Length: > 0 } all ? all : Environment.GetEnvironmentVariable("LANG");
        return For(locale?.Replace('_', '-'));
    }

    public abstract string Locale { get; }

    public CultureInfo Culture => CultureInfo.GetCultureInfo(Locale);

    protected string F(string format, params object?[] args) => string.Format(Culture, format, args);

    public abstract string CliUsage { get; }

    public abstract string CliUnknownVerb(string verb);

    public abstract string CliFileNotFound(string path);
}
