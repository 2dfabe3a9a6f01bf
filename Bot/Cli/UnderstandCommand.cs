using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Rectification.Bot.Conversation.Understanding;
using Rectification.Bot.Texts;
using Rectification.Data.Ledger;
using Rectification.Data.People;

namespace Rectification.Bot.Cli;

/// <summary>
/// <c>understand [--as &lt;email or name&gt;] [--today yyyy-MM-dd] [--jsonl] ["text"]</c>: how the bot reads a message,
/// as JSON (text, intent, confidence and the slots found; absent ones omitted). With --jsonl it reads one message a
/// line from standard input and writes one JSON object a line, in order. It reads the configured ledger (names,
/// roles) and writes nothing to it. The contract by which understanding is measured.
/// </summary>
public static class UnderstandCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Chinese stays Chinese in the output: it is read by people and by scripts alike.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, UiText text, TextWriter output, TextReader input, CancellationToken cancellationToken)
    {
        var jsonl = args.Contains("--jsonl", StringComparer.OrdinalIgnoreCase);
        var asWho = CliOptions.Value(args, "--as");
        var todayText = CliOptions.Value(args, "--today");
        var rest = Positional(args);
        if (rest.Count > 1 || (jsonl == (rest.Count == 1)) || (args.Any(a => a.Equals("--as", StringComparison.OrdinalIgnoreCase)) && asWho is null)
            || (args.Any(a => a.Equals("--today", StringComparison.OrdinalIgnoreCase)) && todayText is null))
        {
            await Console.Error.WriteLineAsync(text.UnderstandUsage);
            return 2;
        }

        var calendar = services.GetRequiredService<LedgerCalendar>();
        DateOnly today;
        if (todayText is null)
        {
            today = calendar.Today(services.GetRequiredService<TimeProvider>().GetUtcNow());
        }
        else if (!DateOnly.TryParseExact(todayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
        {
            await Console.Error.WriteLineAsync(text.UnderstandBadToday(todayText));
            return 2;
        }

        var role = SenderRole.Officer;
        if (asWho is not null)
        {
            var people = services.GetRequiredService<PeopleRepository>();
            var person = asWho.Contains('@', StringComparison.Ordinal)
                ? await people.FindByEmailAsync(asWho, cancellationToken)
                : (await people.FindByNameAsync(asWho, cancellationToken)) is [var only] ? only : null;
            if (person is null)
            {
                await Console.Error.WriteLineAsync(text.UnderstandUnknownPerson(asWho));
                return 2;
            }
            role = person.IsAdmin ? SenderRole.Admin : person.IsLeader ? SenderRole.Leader : SenderRole.Officer;
        }

        var names = await services.GetRequiredService<LedgerNamesSource>().GetAsync(cancellationToken);
        var understander = services.GetRequiredService<Understander>();
        var queries = services.GetRequiredService<LedgerQueries>();
        var context = new UnderstandingContext(today, role, names);
        if (!jsonl)
        {
            await output.WriteLineAsync(await ReadAsync(understander, queries, rest[0], context, cancellationToken));
            return 0;
        }
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            await output.WriteLineAsync(await ReadAsync(understander, queries, line, context, cancellationToken));
        }
        return 0;
    }

    private static async Task<string> ReadAsync(Understander understander, LedgerQueries queries, string message, UnderstandingContext context,
        CancellationToken cancellationToken)
    {
        var understanding = understander.Understand(message, context);
        if (understanding.Entities is { Shift: { } shift, Code: { } code })
        {
            // 延期两周 asks for the deadline moved by two weeks: the task's deadline is in the ledger, as the chat's flow finds it.
            var due = (await queries.FindByCodeAsync(code, cancellationToken))?.Task.DueDate;
            understanding = understanding with { Entities = understanding.Entities with { Date = shift.Apply(due, context.Today) } };
        }
        return JsonSerializer.Serialize(UnderstandingResult.From(message, understanding), Json);
    }

    private static List<string> Positional(string[] args)
    {
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].Equals("--as", StringComparison.OrdinalIgnoreCase) || args[i].Equals("--today", StringComparison.OrdinalIgnoreCase))
            {
                i++;
            }
            else if (!args[i].Equals("--jsonl", StringComparison.OrdinalIgnoreCase))
            {
                rest.Add(args[i]);
            }
        }
        return rest;
    }
}
