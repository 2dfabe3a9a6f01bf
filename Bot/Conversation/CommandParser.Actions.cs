using System.Text.RegularExpressions;

namespace Rectification.Bot.Conversation;

/// <summary>The rules for what leaders and admins ask in words: typed decisions, 催办, the 通报.</summary>
public sealed partial class CommandParser
{
    /// <summary>The whole message says "nothing to add" (无, 没有, none, skip).</summary>
    public bool SaysNothing(string? text) => KeywordMatcher.IsOneOf(Core(_normalizer.Normalize(text).Key), CommandWords.NoNote);

    /// <summary>The first task code anywhere in the message (not inside a longer number), for suggestions.</summary>
    public string? FindCode(string? text)
    {
        var key = _normalizer.Normalize(text).Key;
        for (var i = 0; i < key.Length; i++)
        {
            if (i > 0 && (char.IsAsciiDigit(key[i - 1]) || key[i - 1] == '-' || key[i - 1] == '.'))
            {
                continue;
            }
            if (MatchCode(key, i) is { } found)
            {
                return found.Code;
            }
        }
        return null;
    }

    /// <summary>
    /// 同意1-2-3销号, 驳回1-2-3，佐证材料不足, 批准2-1-1延期, 1-2-3 同意销号, approve the write-off of 1-2-3,
    /// reject 1-2-3: evidence missing. The decision word must be followed by a code, a request word or nothing
    /// (a bare 同意), so a sentence that merely starts with 通过 is not a decision.
    /// </summary>
    private static ChatCommand? ParseDecision(NormalizedText input)
    {
        var key = input.Key;
        var position = 0;
        var code = MatchCode(key, 0);
        var codeFirst = code is not null;
        if (code is not null)
        {
            position = KeywordMatcher.SkipSeparators(key, code.Value.End);
        }

        var approve = KeywordMatcher.MatchAt(key, position, CommandWords.Approve) ?? 0;
        var reject = KeywordMatcher.MatchAt(key, position, CommandWords.Reject) ?? 0;
        if (approve == 0 && reject == 0)
        {
            return null;
        }

        position = KeywordMatcher.SkipSeparators(key, position + Math.Max(approve, reject));
        DecisionTarget? target = null;
        while (position < key.Length)
        {
            var before = position;
            // Glue (的, the, of) only counts in front of the code or the request word, never at the start of the reason.
            if (KeywordMatcher.MatchAt(key, position, CommandWords.DecisionGlue) is { } glue)
            {
                var next = KeywordMatcher.SkipSeparators(key, position + glue);
                if ((code is null && MatchCode(key, next) is not null)
                    || (target is null && (KeywordMatcher.MatchAt(key, next, CommandWords.WriteOffTarget) ?? KeywordMatcher.MatchAt(key, next, CommandWords.ExtensionTarget)) is not null))
                {
                    position = next;
                }
            }
            if (target is null && KeywordMatcher.MatchAt(key, position, CommandWords.WriteOffTarget) is { } writeOff)
            {
                target = DecisionTarget.WriteOff;
                position = KeywordMatcher.SkipSeparators(key, position + writeOff);
            }
            else if (target is null && KeywordMatcher.MatchAt(key, position, CommandWords.ExtensionTarget) is { } extension)
            {
                target = DecisionTarget.Extension;
                position = KeywordMatcher.SkipSeparators(key, position + extension);
            }
            if (code is null && MatchCode(key, position) is { } found)
            {
                code = found;
                position = KeywordMatcher.SkipSeparators(key, found.End);
            }
            if (position == before)
            {
                break;
            }
        }

        // 1-2-2 通过验收 is a report, not a decision: after a leading code the request word must follow.
        if (target is null && position < key.Length && (code is null || codeFirst))
        {
            return null;
        }

        if (KeywordMatcher.MatchAt(key, position, CommandWords.ReasonLabel) is { } label)
        {
            position = KeywordMatcher.SkipSeparators(key, position + label);
        }

        return new ChatCommand.Decide(code?.Code, approve > reject, target, Rest(input, position));
    }

    /// <summary>催办1-5-4, 催一下刘洋, 提醒刘洋抓紧1-3-2, chase up 1-5-4, remind 刘洋 to hurry on 1-3-2.</summary>
    private static ChatCommand? ParseUrge(NormalizedText input)
    {
        var key = input.Key;
        int start;
        if (PushedBack().IsMatch(key))
        {
            // "push the deadline of 1-4-1 back two weeks", "push 1-4-1 out a month": moving a deadline is an extension.
            return null;
        }
        if (KeywordMatcher.MatchAt(key, 0, CommandWords.Urge) is { } verb)
        {
            start = verb;
        }
        else if (KeywordMatcher.MatchAt(key, 0, CommandWords.RemindVerb) is { } remind && CommandWords.Hurry.Any(h => key.Contains(h, StringComparison.Ordinal)))
        {
            start = remind;
        }
        else
        {
            return null;
        }

        var rest = key[start..];
        string? code = null;
        for (var i = 0; i < rest.Length && code is null; i++)
        {
            if (i > 0 && (char.IsAsciiDigit(rest[i - 1]) || rest[i - 1] == '-'))
            {
                continue;
            }
            if (MatchCode(rest, i) is { } found)
            {
                code = found.Code;
                rest = rest[..i] + " " + rest[found.End..];
            }
        }

        foreach (var noise in CommandWords.UrgeNoise.OrderByDescending(w => w.Length))
        {
            rest = rest.Replace(noise, " ", StringComparison.Ordinal);
        }
        var words = rest.Split([' ', ',', '，', '、', ':', '：', '.', '。', '!', '！', '?', '？'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !CommandWords.UrgeNoiseEnglish.Contains(w));
        var person = string.Join(' ', words).Trim();
        return new ChatCommand.Urge(code, person.Length == 0 ? null : person);
    }

    /// <summary>生成通报 截至11月30日 / draft the report as of Nov 30: the 通报 as the ledger stood on that day.</summary>
    private static ChatCommand? ParseDraftReport(NormalizedText input, DateOnly today)
    {
        var key = input.Key;
        if (KeywordMatcher.MatchAt(key, 0, CommandWords.DraftReport) is not { } words)
        {
            return null;
        }

        var position = KeywordMatcher.SkipSeparators(key, words);
        if (KeywordMatcher.MatchAt(key, position, CommandWords.AsOf) is { } asOf)
        {
            position = KeywordMatcher.SkipSeparators(key, position + asOf);
        }
        if (ChatDateParser.MatchAtStart(key[position..], today) is not { } date || date.Result.Date is null)
        {
            return null;
        }

        return KeywordMatcher.SkipSeparators(key, position + date.Length) == key.Length ? new ChatCommand.DraftReport(date.Result.Date) : null;
    }

    [GeneratedRegex(@"^\s*push\b.*(?:\b(?:back|later)\b|(?<!\bsort )\bout\b|\b(?:the|push) (?:deadline|due date)\b)")]
    private static partial Regex PushedBack();
}
