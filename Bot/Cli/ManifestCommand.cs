using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rectification.Bot.Texts;

namespace Rectification.Bot.Cli;

/// <summary>
/// <c>manifest [--out app.zip] [--app-id GUID] [--domain host]</c>: fills the bot's id into manifest/manifest.json
/// and writes the zip that Teams' "Upload a custom app" takes, every file at the root of the zip.
/// </summary>
public static class ManifestCommand
{
    public const string DefaultOutput = "out/rectification-teams-app.zip";

    private const string ManifestFile = "manifest.json";

    private const int ColorIconSize = 192;

    private const int OutlineIconSize = 32;

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The manifest folder copied beside the binary by Bot.csproj.</summary>
    public static string SourceFolder => Path.Combine(AppContext.BaseDirectory, "manifest");

    public static Task<int> RunAsync(IServiceProvider services, string[] args, UiText text, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(services, args, text, output, SourceFolder, cancellationToken);

    internal static async Task<int> RunAsync(
        IServiceProvider services, string[] args, UiText text, TextWriter output, string sourceFolder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);

        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is not ("--out" or "--app-id" or "--domain"))
            {
                await output.WriteLineAsync(text.ManifestUnknownOption(args[i]));
                await output.WriteLineAsync(text.ManifestUsage);
                return 2;
            }
            if (i == args.Length - 1 || string.IsNullOrWhiteSpace(args[i + 1]))
            {
                await output.WriteLineAsync(text.ManifestOptionNeedsValue(args[i]));
                return 2;
            }
            options[args[i]] = args[++i].Trim();
        }

        var appIdText = options.GetValueOrDefault("--app-id") ?? services.GetService<IConfiguration>()?["MicrosoftAppId"];
        if (string.IsNullOrWhiteSpace(appIdText))
        {
            await output.WriteLineAsync(text.ManifestAppIdMissing);
            return 1;
        }
        if (!Guid.TryParse(appIdText, out var appId) || appId == Guid.Empty)
        {
            await output.WriteLineAsync(text.ManifestAppIdInvalid(appIdText));
            return 1;
        }

        var domain = options.GetValueOrDefault("--domain");
        if (domain is not null && Uri.CheckHostName(domain) is not (UriHostNameType.Dns or UriHostNameType.IPv4))
        {
            await output.WriteLineAsync(text.ManifestDomainInvalid(domain));
            return 1;
        }

        if (!Directory.Exists(sourceFolder))
        {
            await output.WriteLineAsync(text.ManifestFolderNotFound(sourceFolder));
            return 1;
        }

        var (manifest, files, errors) = await LoadAsync(sourceFolder, text, cancellationToken);
        if (manifest is not null)
        {
            Fill(manifest, appId, domain);
            errors.AddRange(Validate(manifest, sourceFolder, text));
        }
        if (errors.Count > 0)
        {
            await output.WriteLineAsync(text.ManifestNotWritten);
            foreach (var error in errors)
            {
                await output.WriteLineAsync(error);
            }
            return 1;
        }

        var outPath = Path.GetFullPath(options.GetValueOrDefault("--out") ?? DefaultOutput);
        await WriteZipAsync(outPath, manifest!, sourceFolder, files, cancellationToken);
        await output.WriteLineAsync(text.ManifestPacked(outPath, appId.ToString()));
        return 0;
    }

    /// <summary>Reads manifest.json and lists the files it points to (icons, localizations); a file that is missing is an error.</summary>
    internal static async Task<(JsonObject? Manifest, List<string> Files, List<string> Errors)> LoadAsync(
        string sourceFolder, UiText text, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var path = Path.Combine(sourceFolder, ManifestFile);
        if (!File.Exists(path))
        {
            errors.Add(text.ManifestFileMissing(ManifestFile));
            return (null, [], errors);
        }

        var manifest = await ParseAsync(path, ManifestFile, text, errors, cancellationToken) as JsonObject;
        if (manifest is null)
        {
            return (null, [], errors);
        }

        var files = new List<string>();
        foreach (var (name, isLocalization) in ReferencedFiles(manifest))
        {
            if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
            {
                errors.Add(text.ManifestFileNotAtRoot(name));
            }
            else if (!File.Exists(Path.Combine(sourceFolder, name)))
            {
                errors.Add(text.ManifestFileMissing(name));
            }
            else if (!isLocalization || await ParseAsync(Path.Combine(sourceFolder, name), name, text, errors, cancellationToken) is not null)
            {
                files.Add(name);
            }
        }
        return (manifest, files.Distinct(StringComparer.Ordinal).ToList(), errors);
    }

    /// <summary>The app id and the bot id are one Microsoft App ID here; the domain joins validDomains once.</summary>
    internal static void Fill(JsonObject manifest, Guid appId, string? domain)
    {
        manifest["id"] = appId.ToString();
        if (manifest["bots"] is JsonArray bots)
        {
            foreach (var bot in bots.OfType<JsonObject>())
            {
                bot["botId"] = appId.ToString();
            }
        }
        if (domain is not null)
        {
            var domains = manifest["validDomains"] as JsonArray ?? [];
            manifest["validDomains"] = domains;
            if (!domains.Any(d => string.Equals(d?.GetValue<string>(), domain, StringComparison.OrdinalIgnoreCase)))
            {
                domains.Add(domain);
            }
        }
    }

    /// <summary>What Teams rejects at upload that we can see before it: ids that are not GUIDs, icons of the wrong size.</summary>
    internal static List<string> Validate(JsonObject manifest, string sourceFolder, UiText text)
    {
        var errors = new List<string>();
        if (manifest["manifestVersion"] is not JsonValue)
        {
            errors.Add(text.ManifestFieldMissing("manifestVersion"));
        }
        CheckGuid(manifest["id"], "id", text, errors);
        if (manifest["bots"] is JsonArray bots)
        {
            for (var i = 0; i < bots.Count; i++)
            {
                CheckGuid(bots[i]?["botId"], $"bots[{i}].botId", text, errors);
            }
        }
        CheckIcon(manifest["icons"]?["color"], "icons.color", ColorIconSize, sourceFolder, text, errors);
        CheckIcon(manifest["icons"]?["outline"], "icons.outline", OutlineIconSize, sourceFolder, text, errors);
        return errors;
    }

    /// <summary>Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG.</summary>
    internal static (int Width, int Height)? PngSize(ReadOnlySpan<byte> png)
    {
        if (png.Length < 24 || !png[..8].SequenceEqual(PngSignature) || !png[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }
        return (BinaryPrimitives.ReadInt32BigEndian(png[16..20]), BinaryPrimitives.ReadInt32BigEndian(png[20..24]));
    }

    private static IEnumerable<(string Name, bool IsLocalization)> ReferencedFiles(JsonObject manifest)
    {
        foreach (var icon in new[] { "color", "outline", "color32x32" })
        {
            if (manifest["icons"]?[icon] is JsonValue value && value.TryGetValue<string>(out var name))
            {
                yield return (name, false);
            }
        }
        var localization = manifest["localizationInfo"];
        if (localization?["defaultLanguageFile"] is JsonValue defaultFile && defaultFile.TryGetValue<string>(out var defaultName))
        {
            yield return (defaultName, true);
        }
        if (localization?["additionalLanguages"] is JsonArray languages)
        {
            foreach (var language in languages)
            {
                if (language?["file"] is JsonValue file && file.TryGetValue<string>(out var fileName))
                {
                    yield return (fileName, true);
                }
            }
        }
    }

    private static async Task<JsonNode?> ParseAsync(string path, string name, UiText text, List<string> errors, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            var node = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken);
            if (node is JsonObject)
            {
                return node;
            }
            errors.Add(text.ManifestInvalidJson(name, node?.GetValueKind().ToString() ?? "null"));
            return null;
        }
        catch (JsonException e)
        {
            errors.Add(text.ManifestInvalidJson(name, e.Message));
            return null;
        }
    }

    private static void CheckGuid(JsonNode? node, string field, UiText text, List<string> errors)
    {
        if (node is null)
        {
            errors.Add(text.ManifestFieldMissing(field));
        }
        else if (node is not JsonValue value || !value.TryGetValue<string>(out var s) || !Guid.TryParse(s, out _))
        {
            errors.Add(text.ManifestFieldNotGuid(field, node.ToJsonString()));
        }
    }

    private static void CheckIcon(JsonNode? node, string field, int size, string sourceFolder, UiText text, List<string> errors)
    {
        if (node is not JsonValue value || !value.TryGetValue<string>(out var name))
        {
            errors.Add(text.ManifestFieldMissing(field));
            return;
        }
        var path = Path.Combine(sourceFolder, name);
        if (!File.Exists(path))
        {
            return; // already reported by LoadAsync
        }
        var header = new byte[24];
        using (var stream = File.OpenRead(path))
        {
            stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        if (PngSize(header) is not { } dimensions)
        {
            errors.Add(text.ManifestIconNotPng(name));
        }
        else if (dimensions.Width != size || dimensions.Height != size)
        {
            errors.Add(text.ManifestIconWrongSize(name, size, dimensions.Width, dimensions.Height));
        }
    }

    private static async Task WriteZipAsync(string outPath, JsonObject manifest, string sourceFolder, List<string> files, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
        var temporary = outPath + ".tmp";
        await using (var zipStream = File.Create(temporary))
        await using (var zip = new ZipArchive(zipStream, ZipArchiveMode.Create))
        {
            var entry = zip.CreateEntry(ManifestFile, CompressionLevel.Optimal);
            await using (var writer = await entry.OpenAsync(cancellationToken))
            {
                await writer.WriteAsync(new UTF8Encoding(false).GetBytes(manifest.ToJsonString(Indented) + "\n"), cancellationToken);
            }
            foreach (var name in files)
            {
                await zip.CreateEntryFromFileAsync(Path.Combine(sourceFolder, name), name, CompressionLevel.Optimal, cancellationToken);
            }
        }
        File.Move(temporary, outPath, overwrite: true);
    }
}
