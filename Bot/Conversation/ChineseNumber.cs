using System.Globalization;

namespace Rectification.Bot.Conversation;

/// <summary>Small Chinese numerals (八, 十二, 二十五, 一百, 一百零五) below one thousand, or Arabic digits.</summary>
internal static class ChineseNumber
{
    public const string Pattern = "[0-9]+|[零〇一二两三四五六七八九十百]+";

    public static int? Parse(string text)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            return text.Length <= 9 ? int.Parse(text, CultureInfo.InvariantCulture) : null;
        }

        var total = 0;
        var current = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '十':
                    total += (current == 0 ? 1 : current) * 10;
                    current = 0;
                    break;
                case '百':
                    total += (current == 0 ? 1 : current) * 100;
                    current = 0;
                    break;
                default:
                    var digit = Digit(c);
                    if (digit is null)
                    {
                        return null;
                    }

                    current = digit.Value;
                    break;
            }
        }

        return text.Length == 0 ? null : total + current;
    }

    public static int? Digit(char c) => c switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => null,
    };
}
