using System.Data.Common;
using Microsoft.Extensions.Options;
using Rectification.Bot.Hosting;
using Rectification.Bot.Texts;

namespace Rectification.Bot.Cli;

/// <summary>
/// The bot's command-line verbs. They run on the same configuration and services as the web host, without
/// starting it: <c>dotnet run --project Bot -- import ledger.xlsx</c>. Anything that is not a verb of the table
/// below fails closed (stderr, exit 2): only no arguments at all, <c>serve</c>, or host settings in
/// <c>--key=value</c> form start the web host.
/// </summary>
public static class CommandLine
{
    /// <summary>
    /// Bot.csproj passes the directory <c>dotnet run</c> was called from (RunArguments), because dotnet run starts the
    /// program in the repository root (RunWorkingDirectory, where data/ledger.db lives). File arguments are resolved
    /// against it, so <c>import 台账.xlsx</c> means the file where the user is. Run directly, the program's own
    /// working directory is the caller's.
    /// </summary>
    public const string CallerDirectoryOption = "--caller-directory";

    public const string ServeVerb = "serve";

    public delegate Task<int> VerbHandler(IServiceProvider services, string[] args, UiText text, TextWriter output, CancellationToken cancellationToken);

    /// <summary>
    /// One verb: the options it takes (each with a value), which of them name files, whether its positional
    /// arguments name files, and whether it works on the configured ledger (migrated first).
    /// </summary>
    public sealed record Verb(string Name, string[] Options, string[] PathOptions, bool PathArguments, bool NeedsDatabase, VerbHandler Run)
    {
        /// <summary>Options that take no value (<c>--jsonl</c>).</summary>
        public string[] Flags { get; init; } = [];

        /// <summary>
        /// Reads the ledger: a fresh database gets the demo as the host would give it (when local). Verbs that write the
        /// ledger never seed, so the demo never ends up under an admin's own ledger.
        /// </summary>
        public bool SeedsDemo { get; init; }

        /// <summary>Sub-verbs (first argument) after which positional arguments name files: <c>people import x.xlsx</c>, not <c>people set 张三</c>.</summary>
        public string[] PathModes { get; init; } = [];
    }

    // Add a line for a new verb.
    private static readonly Verb[] Verbs =
    [
        new("import", ["--inspection", "--feedback-date", "--period", "--group", "--unit"], [], PathArguments: true, NeedsDatabase: true, ImportCommand.RunAsync) { Flags = ["--dry-run"] },
        new("export", ["--inspection"], [], PathArguments: true, NeedsDatabase: true, ExportCommand.RunAsync) { SeedsDemo = true },
        new("report", ["--out", "--inspection", "--as-of"], ["--out"], PathArguments: false, NeedsDatabase: true, ReportCommand.RunAsync) { Flags = ["--no-charts"], SeedsDemo = true },
        new("reminders", ["--at"], [], PathArguments: false, NeedsDatabase: true, RemindersCommand.RunAsync) { SeedsDemo = true },
        new("inspection", ["--inspection", "--feedback-date", "--period", "--group", "--unit", "--role", "--name", "--title", "--date", "--kind", "--topic", "--id", "--days"],
            [], PathArguments: false, NeedsDatabase: true, InspectionCommand.RunAsync),
        // Reads the holiday file only.
        new("holidays", [], [], PathArguments: false, NeedsDatabase: false,
            (services, args, text, output, _) => HolidaysCommand.RunAsync(services, args, text, output)),
        // Packing the Teams app needs no database.
        new("manifest", ["--out", "--app-id", "--domain"], ["--out"], PathArguments: false, NeedsDatabase: false, ManifestCommand.RunAsync),
        // Works on a throw-away database of its own, never the configured ledger.
        new("benchmark", ["--tasks", "--postgres", "--keep"], ["--keep"], PathArguments: false, NeedsDatabase: false,
            (_, args, text, output, cancellationToken) => BenchmarkCommand.RunAsync(args, text, output, cancellationToken)) { Flags = ["--understanding", "--delivery", "--turns"] },
        // Reads the configured ledger's names and roles; like the host it loads the demo into an empty database.
        // Writes people (import, set; set --object-id none unlinks a Teams account) and reads them (list, export); the reading modes seed the demo like the host.
        new("people", PeopleCommand.Options, [], PathArguments: false, NeedsDatabase: true, PeopleCommand.RunAsync) { Flags = PeopleCommand.Flags, PathModes = PeopleCommand.FileModes },
        new("understand", ["--as", "--today"], [], PathArguments: false, NeedsDatabase: true, UnderstandAsync) { Flags = ["--jsonl"] },
    ];

    private static async Task<int> UnderstandAsync(IServiceProvider services, string[] args, UiText text, TextWriter output, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<DatabaseStartup>().RunAsync(seedDemo: true, cancellationToken);
        return await UnderstandCommand.RunAsync(services, args, text, output, Console.In, cancellationToken);
    }

    private static readonly string[] HelpWords = ["help", "--help", "-h"];

    /// <summary>Whether these arguments start the web host: none, <c>serve [--key=value…]</c>, or only <c>--key=value</c> settings.</summary>
    public static bool StartsHost(string[] args, out string[] hostArguments)
    {
        var rest = WithoutCallerDirectory(args, out _);
        if (rest.Length > 0 && rest[0].Equals(ServeVerb, StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[1..];
        }
        else if (rest.Any(a => !IsSetting(a)))
        {
            hostArguments = [];
            return false;
        }
        hostArguments = rest;
        return true;
    }

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, Action<IServiceCollection>? configure = null, TextWriter? error = null)
    {
        // A command's text goes to stdout when it succeeds, to stderr when it fails: buffered, then sent to one or the other.
        var console = output is null;
        var buffer = console ? new StringWriter() : null;
        var result = await RunBufferedAsync(args, buffer ?? output!, configure);
        if (buffer is not null)
        {
            await (result == 0 ? Console.Out : error ?? Console.Error).WriteAsync(buffer.ToString());
        }
        return result;
    }

    private static async Task<int> RunBufferedAsync(string[] args, TextWriter output, Action<IServiceCollection>? configure)
    {
        var arguments = WithoutCallerDirectory(args, out var callerDirectory);
        (arguments, var text) = Language(arguments);
        if (arguments.Length == 0 || HelpWords.Contains(arguments[0], StringComparer.OrdinalIgnoreCase))
        {
            await output.WriteLineAsync(text.CliUsage);
            return 0;
        }
        if (arguments[0].StartsWith('-'))
        {
            await output.WriteLineAsync(text.CliMisplacedOption(arguments[0]));
            await output.WriteLineAsync(text.CliUsage);
            return 2;
        }
        var verb = Verbs.FirstOrDefault(v => v.Name.Equals(arguments[0], StringComparison.OrdinalIgnoreCase));
        if (verb is null)
        {
            await output.WriteLineAsync(text.CliUnknownVerb(arguments[0]));
            await output.WriteLineAsync(text.CliUsage);
            return 2;
        }
        var rest = arguments[1..];
        if (CheckOptions(verb, rest, text) is { } problem)
        {
            await output.WriteLineAsync(problem);
            return 2;
        }
        rest = ResolvePaths(verb, rest, callerDirectory);

        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
            // A command prints its own results; the host's information logs would only bury them.
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning";
            builder.Services.AddLedger();
            builder.Services.AddReminders();
            // The evidence list of the ledger export (and the same services the chat's files use).
            builder.Services.AddFiles();
            builder.Services.AddProactiveAdapter(builder.Configuration);
            builder.Services.AddSingleton(new Conversation.CommandParser());
            builder.Services.AddUnderstanding();
            configure?.Invoke(builder.Services);
            using var host = builder.Build();
            if (verb.NeedsDatabase)
            {
                await host.Services.GetRequiredService<DatabaseStartup>().RunAsync(seedDemo: verb.SeedsDemo, cancel.Token);
            }
            return await verb.Run(host.Services, rest, text, output, cancel.Token);
        }
        // Never a stack trace (or exit 134) for what the user can fix: say what failed, exit 1.
        catch (DbException exception)
        {
            await output.WriteLineAsync(text.CliDatabaseError(exception.Message));
            return 1;
        }
        catch (OptionsValidationException exception)
        {
            await output.WriteLineAsync(text.CliConfigurationError(exception.Message));
            return 1;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await output.WriteLineAsync(text.CliFileError(exception.Message));
            return 1;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            return 130;
        }
        catch (Exception exception)
        {
            await output.WriteLineAsync(text.CliUnexpectedError(exception.Message));
            return 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Every <c>--option</c> must be one of the verb's, with a value after it.</summary>
    private static string? CheckOptions(Verb verb, string[] args, UiText text)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }
            if (verb.Flags.Contains(args[i], StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!verb.Options.Contains(args[i], StringComparer.OrdinalIgnoreCase))
            {
                return text.CliUnknownOption(args[i], verb.Name);
            }
            if (i == args.Length - 1 || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return text.CliOptionNeedsValue(args[i]);
            }
            i++;
        }
        return null;
    }

    private static string[] ResolvePaths(Verb verb, string[] args, string? callerDirectory)
    {
        if (callerDirectory is null)
        {
            return args;
        }
        var resolved = (string[])args.Clone();
        for (var i = 0; i < resolved.Length; i++)
        {
            if (resolved[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (verb.PathOptions.Contains(resolved[i], StringComparer.OrdinalIgnoreCase) && i + 1 < resolved.Length)
                {
                    resolved[i + 1] = Path.GetFullPath(resolved[i + 1], callerDirectory);
                }
                i++;
            }
            else if (verb.PathArguments || (i > 0 && verb.PathModes.Contains(resolved[0], StringComparer.OrdinalIgnoreCase)))
            {
                resolved[i] = Path.GetFullPath(resolved[i], callerDirectory);
            }
        }
        return resolved;
    }

    private static string[] WithoutCallerDirectory(string[] args, out string? callerDirectory)
    {
        callerDirectory = null;
        if (args.Length >= 2 && args[0] == CallerDirectoryOption)
        {
            callerDirectory = Directory.Exists(args[1]) ? args[1] : null;
            return args[2..];
        }
        return args;
    }

    // How WebApplicationFactory and `--urls=http://…` pass host settings.
    private static bool IsSetting(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2 && arg.Contains('=', StringComparison.Ordinal);

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
