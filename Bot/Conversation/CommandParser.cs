using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Rectification.Data.Ledger;

namespace Rectification.Bot.Conversation;

public sealed record CommandParserOptions
{
    /// <summary>Longer messages are refused (too_long) rather than parsed.</summary>
    public int MaxLength { get; init; } = 2000;

    /// <summary>The bot's display names, so "@整改助手 …" and a mention inside the text are stripped.</summary>
    public IReadOnlyList<string> BotNames { get; init; } = [];
}

/// <summary>
/// Turns a chat message into a <see cref="ChatCommand"/>. Keywords come from <see cref="CommandWords"/>;
/// matching runs on the folded key and every free text (note, filter, evidence, reason) is cut from the
/// user's own text at the same position, so it keeps its wording, case and punctuation.
/// Decisions: a bare code ("12", "#12") asks for that task's detail; percent and status are only read
/// right after the code (or at the start), so words in a note never change the status; "完成" with a
/// percent (完成80%) is a percent, not Done; Done does not imply 100% (the flow decides).
/// </summary>
public sealed partial class CommandParser
{
    private static readonly (string[] Words, ChatCommand Command)[] WholeMessageCommands =
    [
        (CommandWords.Help, new ChatCommand.Help()),
        (CommandWords.MyTasks, new ChatCommand.MyTasks()),
        (CommandWords.DueSoon, new ChatCommand.DueSoon()),
        (CommandWords.Summary, new ChatCommand.Summary()),
        (CommandWords.Cancel, new ChatCommand.Cancel()),
        (CommandWords.Confirm, new ChatCommand.Confirm()),
        (CommandWords.Decline, new ChatCommand.Decline()),
        (CommandWords.Pending, new ChatCommand.Pending()),
        (CommandWords.Greeting, new ChatCommand.Greeting()),
        (CommandWords.Thanks, new ChatCommand.Thanks()),
        (CommandWords.Goodbye, new ChatCommand.Goodbye()),
        (CommandWords.Continue, new ChatCommand.Continue()),
        (CommandWords.Withdraw, new ChatCommand.Withdraw()),
        (CommandWords.ExportLedger, new ChatCommand.ExportLedger()),
        (CommandWords.DraftReport, new ChatCommand.DraftReport(null)),
        (CommandWords.ExportRoster, new ChatCommand.ExportRoster()),
        (CommandWords.FollowUp, new ChatCommand.FollowUp()),
        (CommandWords.PickTask, new ChatCommand.PickTask()),
    ];

    private readonly CommandParserOptions _options;
    private readonly TextNormalizer _normalizer;

    public CommandParser(CommandParserOptions? options = null)
    {
        _options = options ?? new CommandParserOptions();
        _normalizer = new TextNormalizer(_options.BotNames);
    }

    public ChatCommand Parse(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new ChatCommand.InvalidInput(InvalidInputReason.Empty);
        }

        // Markup can make a message longer than what the user typed, so the limit applies to the cleaned
        // text; a payload far beyond it is refused before any cleaning work.
        if (text.Length > _options.MaxLength * 4)
        {
            return new ChatCommand.InvalidInput(InvalidInputReason.TooLong);
        }

        var input = _normalizer.Normalize(text);
        if (input.IsEmpty)
        {
            return new ChatCommand.InvalidInput(InvalidInputReason.Empty);
        }

        if (input.Text.Length > _options.MaxLength)
        {
            return new ChatCommand.InvalidInput(InvalidInputReason.TooLong);
        }

        return ParseWholeMessage(input.Key)
            ?? ParseDecision(input)
            ?? ParseUrge(input)
            ?? ParseDraftReport(input, today)
            ?? ParseWriteOff(input)
            ?? ParseExtension(input, today)
            ?? ParseOverdue(input)
            ?? ParseProgress(input)
            ?? ParseTaskDetail(input.Key)
            ?? new ChatCommand.Unknown(input.Text);
    }

    /// <summary>The whole message is a task code (12, 2-3-1, #12, 第12项, 任务12); for a flow that asked "which task?".</summary>
    public bool TryParseCode(string? text, [NotNullWhen(true)] out string? code)
    {
        var key = Core(_normalizer.Normalize(text).Key);
        var match = MatchCode(key, 0);
        code = match is not null && match.Value.End == key.Length ? match.Value.Code : null;
        return code is not null;
    }

    /// <summary>The whole message is a status word (已完成, in progress); only Done and InProgress are reported.</summary>
    public bool TryParseStatus(string? text, out RectificationStatus status)
    {
        var key = Core(_normalizer.Normalize(text).Key);
        var match = MatchStatus(key, 0);
        status = match?.Status ?? default;
        return match is not null && match.Value.Length == key.Length;
    }

    /// <summary>
    /// The whole message is a percent (80%, 百分之八十, 八成, 80 percent, 进度80) or, since the flow asked for
    /// one, a bare whole number. The number is returned as written, even outside 0-100: check
    /// <see cref="IsPercentInRange"/> and answer with <see cref="InvalidInputReason.PercentOutOfRange"/>.
    /// </summary>
    public bool TryParsePercent(string? text, out int percent)
    {
        var key = Core(_normalizer.Normalize(text).Key);
        percent = 0;
        if (BareNumber().IsMatch(key))
        {
            return int.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out percent);
        }

        var match = MatchPercent(key, 0);
        if (match is null || match.Value.Length != key.Length || match.Value.Failure == InvalidInputReason.PercentNotWhole)
        {
            return false;
        }

        percent = match.Value.Value;
        return true;
    }

    public static bool IsPercentInRange(int percent) => percent is >= 0 and <= 100;

    /// <summary>
    /// "zh-CN" when the message has Chinese characters, "en-US" when it has Latin letters only, null when
    /// it has neither (digits, "?"). The mention is stripped first, so the bot's name does not count.
    /// </summary>
    public string? DetectLanguage(string? text)
    {
        var cleaned = _normalizer.Normalize(text).Text;
        if (cleaned.Any(IsCjk))
        {
            return "zh-CN";
        }

        return cleaned.Any(char.IsAsciiLetter) || cleaned.Any(c => c is >= '\uFF21' and <= '\uFF5A' && char.IsLetter(c))
            ? "en-US"
            : null;
    }

    private static bool IsCjk(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    private static ChatCommand? ParseWholeMessage(string key)
    {
        var core = Core(key);
        var afterVerb = Core(key[SkipWord(key, 0, CommandWords.View)..]);
        foreach (var (words, command) in WholeMessageCommands)
        {
            if (KeywordMatcher.IsOneOf(core, words) || (afterVerb.Length < core.Length && KeywordMatcher.IsOneOf(afterVerb, words)))
            {
                return command;
            }
        }

        return null;
    }

    private static ChatCommand? ParseWriteOff(NormalizedText input)
    {
        var key = input.Key;
        if (FindRequest(key, CommandWords.WriteOff) is not { } request)
        {
            return null;
        }

        var position = request.End;
        var label = KeywordMatcher.MatchAt(key, position, CommandWords.EvidenceLabel);
        if (label is not null && position + label < key.Length && key[position + label.Value] == ':')
        {
            position = KeywordMatcher.SkipSeparators(key, position + label.Value);
        }

        return new ChatCommand.RequestWriteOff(request.Code, Rest(input, position));
    }

    private static ChatCommand? ParseExtension(NormalizedText input, DateOnly today)
    {
        var key = input.Key;
        if (FindRequest(key, CommandWords.Extension) is not { } request)
        {
            return null;
        }

        var position = request.End;
        var connector = KeywordMatcher.MatchAt(key, position, CommandWords.DateConnector);
        if (connector is not null)
        {
            position = KeywordMatcher.SkipSpaces(key, position + connector.Value);
        }

        DateOnly? newDate = null;
        if (ChatDateParser.MatchAtStart(key[position..], today) is { } date)
        {
            if (date.Result.Date is null)
            {
                return new ChatCommand.InvalidInput(InvalidInputReason.BadDate, input.Text.Substring(position, date.Length).Trim());
            }

            newDate = date.Result.Date;
            position += date.Length;
        }
        else if (connector is not null)
        {
            return new ChatCommand.InvalidInput(InvalidInputReason.BadDate, DateFragment(input, position));
        }

        position = KeywordMatcher.SkipSeparators(key, position);
        if (KeywordMatcher.MatchAt(key, position, CommandWords.ReasonLabel) is { } label)
        {
            position = KeywordMatcher.SkipSeparators(key, position + label);
        }

        return new ChatCommand.RequestExtension(request.Code, newDate, Rest(input, position));
    }

    private static ChatCommand? ParseOverdue(NormalizedText input)
    {
        var key = Core(input.Key);
        var start = SkipWord(key, 0, CommandWords.View);
        if (KeywordMatcher.MatchAt(key, start, CommandWords.OverdueLeading) is { } leading)
        {
            return new ChatCommand.Overdue(OverdueFilter(input.Text[(start + leading)..key.Length]));
        }

        foreach (var word in CommandWords.OverdueTrailing.OrderByDescending(w => w.Length))
        {
            // Only a short lead-in is a filter (办公室的逾期任务); a long sentence ending in 逾期 is not a request.
            if (key.EndsWith(word, StringComparison.Ordinal) && key.Length - word.Length - start <= MaxTrailingFilterLength
                && !key.Any(char.IsAsciiDigit))
            {
                return new ChatCommand.Overdue(OverdueFilter(input.Text[start..(key.Length - word.Length)]));
            }
        }

        return null;
    }

    private const int MaxTrailingFilterLength = 12;

    private static string? OverdueFilter(string text)
    {
        var filter = text.Trim(' ', ',', ':', ';', '，', '：', '；', '、');
        var noise = KeywordMatcher.MatchAt(TextNormalizer.Fold(filter), 0, CommandWords.OverdueFilterNoise);
        if (noise is not null)
        {
            filter = filter[noise.Value..].Trim();
        }

        filter = filter.TrimEnd('的', ' ');
        return filter.Length == 0 ? null : filter;
    }

    private static ChatCommand? ParseProgress(NormalizedText input)
    {
        var key = input.Key;
        var opener = KeywordMatcher.MatchAt(key, 0, CommandWords.ReportProgress);
        var position = KeywordMatcher.SkipSeparators(key, opener ?? 0);
        var code = MatchCode(key, position);
        if (code is not null)
        {
            position = KeywordMatcher.SkipSeparators(key, code.Value.End);
        }

        PercentMatch? percent = null;
        RectificationStatus? status = null;
        var statusInNote = false;
        var progressing = true;
        while (progressing && position < key.Length)
        {
            progressing = false;
            if (percent is null && MatchPercent(key, position) is { } foundPercent)
            {
                percent = foundPercent;
                position = KeywordMatcher.SkipSeparators(key, position + foundPercent.Length);
                progressing = true;
            }

            if (status is null && !statusInNote && MatchStatus(key, position) is { } foundStatus)
            {
                var end = position + foundStatus.Length;
                if (StandsAlone(key, end))
                {
                    status = foundStatus.Status;
                    position = KeywordMatcher.SkipSeparators(key, end);
                    progressing = true;
                }
                else
                {
                    // 完成了初稿, 已启动整改工作, finished the draft: a status word that runs on is the start of
                    // the note, not a status; it still marks the message as a report.
                    statusInNote = true;
                }
            }
        }

        if (opener is null && percent is null && status is null && !statusInNote)
        {
            return null;
        }

        if (percent?.Failure is { } failure)
        {
            return new ChatCommand.InvalidInput(failure, percent.Value.Raw);
        }

        return new ChatCommand.ReportProgress(code?.Code, percent?.Value, status, Rest(input, position));
    }

    /// <summary>
    /// A status word ends at the end of the message or at punctuation; a Chinese one also at a space. An
    /// English one followed by a space and a word is part of a sentence ("12 done, filed" vs "12 finished the draft").
    /// </summary>
    private static bool StandsAlone(string key, int end)
    {
        if (end == key.Length || (KeywordMatcher.IsSeparator(key[end]) && key[end] != ' '))
        {
            return true;
        }

        if (key[end] != ' ')
        {
            return false;
        }

        var next = KeywordMatcher.SkipSpaces(key, end);
        return !KeywordMatcher.IsLatinWordChar(key[end - 1]) || next == key.Length || !char.IsAsciiLetter(key[next]);
    }

    private static ChatCommand? ParseTaskDetail(string key)
    {
        var core = Core(key);
        var position = KeywordMatcher.SkipSeparators(core, SkipWord(core, 0, CommandWords.Detail));
        if (MatchCode(core, position) is not { } code)
        {
            return null;
        }

        position = KeywordMatcher.SkipSpaces(core, code.End);
        position += KeywordMatcher.MatchAt(core, position, CommandWords.DetailSuffix) ?? 0;
        return position == core.Length ? new ChatCommand.TaskDetail(code.Code) : null;
    }

    /// <summary>
    /// A request keyword with its code on either side: "申请销号 12", "12 申请销号", "write off 12". Returns
    /// the code (if any) and where the rest of the message starts.
    /// </summary>
    private static (string? Code, int End)? FindRequest(string key, string[] keywords)
    {
        var position = 0;
        var code = MatchCode(key, 0);
        if (code is not null)
        {
            position = KeywordMatcher.SkipSeparators(key, code.Value.End);
        }

        if (KeywordMatcher.MatchAt(key, position, keywords) is not { } keyword)
        {
            return null;
        }

        position = KeywordMatcher.SkipSeparators(key, position + keyword);
        if (code is null)
        {
            position = SkipWord(key, position, ["for", "of", "on"]);
            code = MatchCode(key, position);
            if (code is not null)
            {
                position = KeywordMatcher.SkipSeparators(key, code.Value.End);
            }
        }

        return (code?.Code, position);
    }

    /// <summary>What the user gave as a date that did not parse: up to the next comma or reason word.</summary>
    private static string DateFragment(NormalizedText input, int position)
    {
        var key = input.Key;
        var end = position;
        while (end < key.Length && key[end] is not (',' or ';' or '，' or '；' or '。') && !StartsReason(key, end, position))
        {
            end++;
        }

        return input.Text[position..end].Trim();
    }

    private static bool StartsReason(string key, int index, int fragmentStart) =>
        KeywordMatcher.MatchAt(key, index, CommandWords.ReasonLabel) is not null
        && (!KeywordMatcher.IsLatinWordChar(key[index]) || (index > fragmentStart && key[index - 1] == ' '));

    private static int SkipWord(string key, int position, string[] words)
    {
        var length = KeywordMatcher.MatchAt(key, position, words);
        return length is null ? position : KeywordMatcher.SkipSpaces(key, position + length.Value);
    }

    /// <summary>The user's text from a position, or null when nothing but separators is left.</summary>
    private static string? Rest(NormalizedText input, int position)
    {
        position = KeywordMatcher.SkipSeparators(input.Key, position);
        var rest = input.Text[position..].Trim();
        return rest.Length == 0 ? null : rest;
    }

    /// <summary>The key without trailing sentence punctuation (确认。 好的！ 哪些逾期了？), unless that is all it is.</summary>
    private static string Core(string key)
    {
        var core = key.TrimEnd('.', '。', '!', '?', '~', ' ');
        return core.Length == 0 ? key : core;
    }

    private static (string Code, int End)? MatchCode(string key, int position)
    {
        var match = Code().Match(key, position);
        return match.Success ? (match.Groups[1].Value, match.Index + match.Length) : null;
    }

    private static (RectificationStatus Status, int Length)? MatchStatus(string key, int position)
    {
        var done = KeywordMatcher.MatchAt(key, position, CommandWords.Done) ?? 0;
        var inProgress = KeywordMatcher.MatchAt(key, position, CommandWords.InProgress) ?? 0;
        if (done == 0 && inProgress == 0)
        {
            return null;
        }

        return done >= inProgress ? (RectificationStatus.Done, done) : (RectificationStatus.InProgress, inProgress);
    }

    private static PercentMatch? MatchPercent(string key, int position)
    {
        var arabic = ArabicPercent().Match(key, position);
        if (!arabic.Success)
        {
            arabic = ArabicAfterKeyword().Match(key, position);
        }

        if (arabic.Success)
        {
            var raw = arabic.Groups[1].Value;
            if (raw.Contains('.', StringComparison.Ordinal))
            {
                return new PercentMatch(arabic.Length, 0, InvalidInputReason.PercentNotWhole, raw);
            }

            var value = int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : int.MaxValue;
            return Checked(arabic.Length, value, raw);
        }

        if (ChinesePercent().Match(key, position) is { Success: true } chinese && ChineseNumber.Parse(chinese.Groups[1].Value) is { } hundredths)
        {
            return Checked(chinese.Length, hundredths, chinese.Value.Trim());
        }

        if (HalfPercent().Match(key, position) is { Success: true } half)
        {
            return Checked(half.Length, 50, half.Value.Trim());
        }

        if (ChineseTenths().Match(key, position) is { Success: true } tenths)
        {
            var value = ((ChineseNumber.Parse(tenths.Groups[1].Value) ?? 0) * 10) + (ChineseNumber.Parse(tenths.Groups[2].Value) ?? 0);
            return Checked(tenths.Length, value, tenths.Value.Trim());
        }

        return null;

        static PercentMatch Checked(int length, int value, string raw) =>
            new(length, value, IsPercentInRange(value) ? null : InvalidInputReason.PercentOutOfRange, raw);
    }

    /// <summary>Value is the number as written (0 when not whole); Failure says why it cannot be used.</summary>
    private readonly record struct PercentMatch(int Length, int Value, string? Failure, string Raw);

    private const string PercentKeyword = @"(?:完成了?|完成度|完成率|进度为?|进展为?|progress(?: is)?|completed?)";

    // A code is digits with dashes; it must not be the start of a percent, a date or a count (80%, 12月, 3天, 12/31).
    [GeneratedRegex(@"\G(?:(?:任务|task|item|编号|第|no\.)\s*)?#?\s*(\d{1,4}(?:-\d{1,4}){0,5})(?:\s*(?:号任务|号问题|号|项|条))?(?![\d.]\d|\d|-\d|/\d|\s*(?:%|percent\b|per cent\b|pct\b|[月日年天周个成点])|\s+(?:days?|weeks?|months?)\b)")]
    private static partial Regex Code();

    [GeneratedRegex(@"\G(?:" + PercentKeyword + @"\s*:?\s*)?(-?\d+(?:\.\d+)?)\s*(?:%|percent\b|per cent\b|pct\b)")]
    private static partial Regex ArabicPercent();

    [GeneratedRegex(@"\G" + PercentKeyword + @"\s*:?\s*(-?\d+(?:\.\d+)?)(?![\d%])")]
    private static partial Regex ArabicAfterKeyword();

    [GeneratedRegex(@"\G(?:" + PercentKeyword + @"\s*)?百分之\s*(" + ChineseNumber.Pattern + ")")]
    private static partial Regex ChinesePercent();

    [GeneratedRegex(@"\G(?:" + PercentKeyword + @"\s*)?([一二两三四五六七八九]|十)成([一二三四五六七八九])?")]
    private static partial Regex ChineseTenths();

    // 一半 / halfway is 50%; 过半 and 大半 say only "more than half" and are left to the understanding stage.
    [GeneratedRegex(@"\G(?:" + PercentKeyword + @"\s*)?(?:一半|半数|about half(?:way)?(?![a-z])|halfway(?: done| there)?(?![a-z])|half(?: done| way)?(?![a-z]))")]
    private static partial Regex HalfPercent();

    [GeneratedRegex(@"^-?\d{1,9}$")]
    private static partial Regex BareNumber();
}
