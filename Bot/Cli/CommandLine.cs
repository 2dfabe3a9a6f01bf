using Rectification.Bot.Hosting;
using Rectification.Bot.Texts;

namespace Rectification.Bot.Cli;

/// <summary>
/// The bot's command-line verbs. They run on the same configuration and services as the web host, without
/// starting it: <c>dotnet run --project Bot -- import ledger.xlsx</c>.
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["import", "export", "report", "reminders", "manifest", "benchmark", "holidays", "inspection", "help", "--help", "-h"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, Action<IServiceCollection>? configure = null)
    {
        output ??= Console.Out;
        var (arguments, text) = Language(args);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        // A command prints its own results; the host's information logs would only bury them.
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning";
        builder.Services.AddLedger();
        builder.Services.AddReminders();
        builder.Services.AddProactiveAdapter(builder.Configuration);
        configure?.Invoke(builder.Services);
        using var host = builder.Build();
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var verb = arguments[0].ToLowerInvariant();
        if (verb is "help" or "--help" or "-h")
        {
            await output.WriteLineAsync(text.CliUsage);
            return 0;
        }

        var rest = arguments[1..];
        if (verb == "manifest")
        {
            // Packing the Teams app needs no database.
            return await ManifestCommand.RunAsync(host.Services, rest, text, output, cancel.Token);
        }
        if (verb == "benchmark")
        {
            // Works on a throw-away database of its own, never the configured ledger.
            return await BenchmarkCommand.RunAsync(rest, text, output, cancel.Token);
        }

        if (verb == "holidays")
        {
            // Reads the holiday file only.
            return await HolidaysCommand.RunAsync(host.Services, rest, text, output);
        }

        // The verbs that read the ledger meet a fresh database as the host would (the demo, when local); the ones that
        // write it must not find the demo under the admin's own ledger.
        var seedDemo = verb is "export" or "report" or "reminders";
        await host.Services.GetRequiredService<DatabaseStartup>().RunAsync(seedDemo, cancel.Token);
        return verb switch
        {
            "import" => await ImportCommand.RunAsync(host.Services, rest, text, output, cancel.Token),
            "export" => await ExportCommand.RunAsync(host.Services, rest, text, output, cancel.Token),
            "report" => await ReportCommand.RunAsync(host.Services, rest, text, output, cancel.Token),
            "reminders" => await RemindersCommand.RunAsync(host.Services, rest, text, output, cancel.Token),
            "inspection" => await InspectionCommand.RunAsync(host.Services, rest, text, output, cancel.Token),
            _ => await UnknownAsync(verb, text, output),
        };
    }

    private static async Task<int> UnknownAsync(string verb, UiText text, TextWriter output)
    {
        await output.WriteLineAsync(text.CliUnknownVerb(verb));
        await output.WriteLineAsync(text.CliUsage);
        return 2;
    }

    /// <summary>Takes <c>--lang xx-YY</c> out of the arguments; without it the shell's locale decides.</summary>
    private static (string[] Arguments, UiText Text) Language(string[] args)
    {
        var index = Array.FindIndex(args, a => a.Equals("--lang", StringComparison.OrdinalIgnoreCase));
        if (index < 0 || index == args.Length - 1)
        {
            return (args, UiText.ForConsole());
        }
        return ([.. args[..index], .. args[(index + 2)..]], UiText.For(args[index + 1]));
    }
}
