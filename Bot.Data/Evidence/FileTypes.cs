using System.IO.Compression;
using System.Text;

namespace Rectification.Data.Evidence;

/// <summary>A kind of file the bot accepts, known by its content, with the extension and MIME type it is stored under.</summary>
public sealed record FileType(string Name, string Extension, string ContentType);

/// <summary>
/// Tells a file's type from its first bytes (and, for the Office zip formats, from the parts inside), never from its
/// name: a renamed .exe is an executable whatever it is called. The allowlist is short and closed, so a few magic
/// numbers do what a general detection library would, without one of the unmaintained ones NuGet offers.
/// </summary>
public static class FileTypes
{
    public static readonly FileType Pdf = new("pdf", ".pdf", "application/pdf");
    public static readonly FileType Png = new("png", ".png", "image/png");
    public static readonly FileType Jpeg = new("jpg", ".jpg", "image/jpeg");
    public static readonly FileType Gif = new("gif", ".gif", "image/gif");
    public static readonly FileType Docx = new("docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    public static readonly FileType Xlsx = new("xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static readonly FileType Pptx = new("pptx", ".pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation");
    public static readonly FileType Ofd = new("ofd", ".ofd", "application/ofd");
    public static readonly FileType LegacyOffice = new("doc/xls", ".doc", "application/x-cfb");
    public static readonly FileType Text = new("txt", ".txt", "text/plain");
    public static readonly FileType Csv = new("csv", ".csv", "text/csv");

    /// <summary>The names the refusal lists, in the user's words.</summary>
    public const string AllowedNames = "pdf, docx, xlsx, pptx, doc, xls, ofd, jpg, png, gif, txt, csv";

    /// <summary>The type of the content, or null when it is not one the bot accepts (executables, archives, scripts…).</summary>
    public static FileType? Detect(ReadOnlySpan<byte> head, Func<Stream>? open = null, string? name = null)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return Gif;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return LegacyOffice;
        }
        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return open is null ? null : ZipKind(open);
        }
        if (LooksLikeText(head))
        {
            return name is not null && name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? Csv : Text;
        }
        return null;
    }

    public static FileType? Detect(byte[] content, string? name = null) => Detect(content, () => new MemoryStream(content, writable: false), name);

    /// <summary>docx, xlsx, pptx and OFD are zip packages: what is inside tells them apart from any other zip (or a jar).</summary>
    private static FileType? ZipKind(Func<Stream> open)
    {
        try
        {
            using var zip = new ZipArchive(open(), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)))
                {
                    return Docx;
                }
                if (names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)))
                {
                    return Xlsx;
                }
                if (names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal)))
                {
                    return Pptx;
                }
            }
            return names.Contains("OFD.xml") ? Ofd : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>UTF-8 (or UTF-16 with a BOM) text without control bytes: notes, CSV sheets. A script is text too, but
    /// it is stored as text/plain and never run; executables all carry binary headers.</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.Length == 0)
        {
            return false;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return true;
        }
        foreach (var b in head)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                return false;
            }
        }
        // A multi-byte character may be cut at the end of the head: ignore up to three trailing bytes.
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (var cut = 0; cut <= Math.Min(3, head.Length - 1); cut++)
        {
            try
            {
                decoder.GetCharCount(head[..^cut]);
                return true;
            }
            catch (DecoderFallbackException)
            {
            }
        }
        return false;
    }
}
