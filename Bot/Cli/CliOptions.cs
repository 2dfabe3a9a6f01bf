namespace Rectification.Bot.Cli;

public static class CliOptions
{
    /// <summary>The value after <paramref name="name"/> (<c>--out file.docx</c>), or null when the option is absent.</summary>
    public static string? Value(string[] args, string name)
    {
        var index = Array.FindIndex(args, a => a.Equals(name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 && index < args.Length - 1 ? args[index + 1] : null;
    }
}
