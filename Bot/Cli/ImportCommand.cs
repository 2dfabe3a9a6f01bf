using Rectification.Bot.Texts;

namespace Rectification.Bot.Cli;

public static class ImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, UiText text, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        cancellationToken.ThrowIfCancellationRequested();
        await output.WriteLineAsync(text.CliUsage + string.Join(' ', args));
        return 2;
    }
}
