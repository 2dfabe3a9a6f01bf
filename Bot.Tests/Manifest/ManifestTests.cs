using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NJsonSchema;
using NJsonSchema.Validation;
using Rectification.Bot.Cli;
using Rectification.Bot.Texts;

namespace Rectification.Tests.Manifest;

public sealed class ManifestTests : IDisposable
{
    private const string AppId = "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";

    private static readonly string ManifestFolder = ManifestCommand.SourceFolder;

    private static readonly string SchemaFolder = Path.Combine(AppContext.BaseDirectory, "Manifest", "Schemas");

    private readonly string _temp = Directory.CreateTempSubdirectory("manifest-tests-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public async Task The_manifest_conforms_to_the_official_teams_schema()
    {
        var errors = await ValidateAsync("MicrosoftTeams.schema.json", ReadManifest());

        Assert.True(errors.Count == 0, Describe(errors));
    }

    [Fact]
    public async Task The_zh_cn_localization_conforms_to_the_official_localization_schema()
    {
        var errors = await ValidateAsync("MicrosoftTeams.Localization.schema.json", ReadJson("zh-cn.json"));

        Assert.True(errors.Count == 0, Describe(errors));
    }

    [Fact]
    public async Task A_manifest_without_a_bot_id_fails_the_schema()
    {
        var manifest = ReadManifest();
        manifest["bots"]![0]!.AsObject().Remove("botId");

        var errors = await ValidateAsync("MicrosoftTeams.schema.json", manifest);

        Assert.Contains(errors, e => e.Contains("botId", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_manifest_with_a_wrong_manifest_version_fails_the_schema()
    {
        var manifest = ReadManifest();
        manifest["manifestVersion"] = "1.99";

        var errors = await ValidateAsync("MicrosoftTeams.schema.json", manifest);

        Assert.Contains(errors, e => e.Contains("manifestVersion", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_localization_with_a_misspelt_key_fails_the_schema()
    {
        var localization = ReadJson("zh-cn.json");
        localization["name.shrot"] = "整改台账";

        var errors = await ValidateAsync("MicrosoftTeams.Localization.schema.json", localization);

        Assert.Contains(errors, e => e.Contains("name.shrot", StringComparison.Ordinal));
    }

    [Fact]
    public void The_localized_names_and_descriptions_fit_teams_length_limits()
    {
        // The schema puts these limits beside a $ref, where draft-04 validators ignore them; Teams does not.
        var localization = ReadJson("zh-cn.json");

        Assert.InRange(((string)localization["name.short"]!).Length, 1, 30);
        Assert.InRange(((string)localization["name.full"]!).Length, 1, 100);
        Assert.InRange(((string)localization["description.short"]!).Length, 1, 80);
        Assert.InRange(((string)localization["description.full"]!).Length, 1, 4000);
    }

    [Fact]
    public void Both_files_name_the_schema_version_the_tests_validate_against()
    {
        var version = (string)ReadManifest()["manifestVersion"]!;
        var schemaVersion = (string)JsonNode.Parse(File.ReadAllText(Path.Combine(SchemaFolder, "MicrosoftTeams.schema.json")))!
            ["properties"]!["manifestVersion"]!["const"]!;

        Assert.Equal(schemaVersion, version);
        Assert.EndsWith($"/v{version}/MicrosoftTeams.schema.json", (string)ReadManifest()["$schema"]!, StringComparison.Ordinal);
        Assert.EndsWith($"/v{version}/MicrosoftTeams.Localization.schema.json", (string)ReadJson("zh-cn.json")["$schema"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_command_has_a_chinese_title_and_description_and_every_localized_key_exists_in_the_manifest()
    {
        var manifest = ReadManifest();
        var localization = ReadJson("zh-cn.json");
        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        var expected = new List<string>();
        for (var i = 0; i < lists.Count; i++)
        {
            for (var j = 0; j < lists[i]!["commands"]!.AsArray().Count; j++)
            {
                expected.Add($"bots[0].commandLists[{i}].commands[{j}].title");
                expected.Add($"bots[0].commandLists[{i}].commands[{j}].description");
            }
        }
        var localizedCommands = localization.Select(p => p.Key).Where(k => k.StartsWith("bots[", StringComparison.Ordinal)).ToList();

        Assert.Equal(expected.Order(), localizedCommands.Order());
        Assert.All(localizedCommands, key => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", (string)localization[key]!));
    }

    [Fact]
    public void The_command_lists_offer_the_main_commands_in_both_languages()
    {
        var english = ReadManifest()["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray().Select(c => (string)c!["title"]!);
        var localization = ReadJson("zh-cn.json");
        var chinese = localization.Where(p => Regex.IsMatch(p.Key, @"^bots\[0\]\.commandLists\[0\]\.commands\[\d\]\.title$")).Select(p => (string)p.Value!);

        Assert.Equal(["help", "my tasks", "due soon", "overdue", "task", "report progress", "request write-off", "request extension", "summary"], english);
        Assert.Equal(["帮助", "我的任务", "即将到期", "逾期", "任务", "报告进展", "申请销号", "申请延期", "统计"], chinese);
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void The_icons_have_the_sizes_teams_requires(string name, int size)
    {
        var image = Png.Decode(File.ReadAllBytes(Path.Combine(ManifestFolder, name)));

        Assert.Equal((size, size), (image.Width, image.Height));
        Assert.Equal((size, size), ManifestCommand.PngSize(File.ReadAllBytes(Path.Combine(ManifestFolder, name))));
    }

    [Fact]
    public void The_outline_icon_is_white_on_transparent()
    {
        var image = Png.Decode(File.ReadAllBytes(Path.Combine(ManifestFolder, "outline.png")));

        var offending = image.Pixels().Where(p => p.A != 0 && (p.R, p.G, p.B) != (255, 255, 255)).ToList();
        Assert.Empty(offending);
        Assert.Contains(image.Pixels(), p => p.A == 0);
        Assert.Contains(image.Pixels(), p => p.A == 255);
    }

    [Fact]
    public void The_color_icon_is_opaque_and_not_one_flat_colour()
    {
        var image = Png.Decode(File.ReadAllBytes(Path.Combine(ManifestFolder, "color.png")));

        Assert.All(image.Pixels(), p => Assert.Equal(255, p.A));
        Assert.True(image.Pixels().Select(p => (p.R, p.G, p.B)).Distinct().Count() > 2);
    }

    [Fact]
    public async Task Packing_writes_the_four_files_at_the_zip_root_with_the_app_id_and_domain_filled_in()
    {
        var zipPath = Path.Combine(_temp, "nested", "app.zip");
        var output = new StringWriter();

        var exit = await ManifestCommand.RunAsync(Services(), ["--app-id", AppId, "--domain", "bot.example.org", "--out", zipPath], UiText.EnUs, output, CancellationToken.None);

        Assert.True(exit == 0, output.ToString());
        Assert.Contains(UiText.EnUs.ManifestPacked(zipPath, AppId), output.ToString(), StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png", "zh-cn.json"], zip.Entries.Select(e => e.FullName).Order());
        var packed = ReadEntry(zip, "manifest.json");
        Assert.Equal(AppId, (string)packed["id"]!);
        Assert.Equal(AppId, (string)packed["bots"]![0]!["botId"]!);
        Assert.Equal(["bot.example.org"], packed["validDomains"]!.AsArray().Select(d => (string)d!));
        var errors = await ValidateAsync("MicrosoftTeams.schema.json", packed);
        Assert.True(errors.Count == 0, Describe(errors));
        Assert.Equal(ReadJson("zh-cn.json").ToJsonString(), ReadEntry(zip, "zh-cn.json").ToJsonString());
    }

    [Fact]
    public async Task Packing_takes_the_app_id_from_configuration_when_no_option_gives_one()
    {
        var zipPath = Path.Combine(_temp, "app.zip");

        var exit = await ManifestCommand.RunAsync(Services(AppId), ["--out", zipPath], UiText.ZhCn, new StringWriter(), CancellationToken.None);

        Assert.Equal(0, exit);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(AppId, (string)ReadEntry(zip, "manifest.json")["id"]!);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public async Task Packing_without_an_app_id_exits_non_zero_with_the_localized_message(string locale)
    {
        var text = UiText.For(locale);
        var zipPath = Path.Combine(_temp, "app.zip");
        var output = new StringWriter();

        var exit = await ManifestCommand.RunAsync(Services(appId: ""), ["--out", zipPath], text, output, CancellationToken.None);

        Assert.NotEqual(0, exit);
        Assert.Equal(text.ManifestAppIdMissing, output.ToString().Trim());
        Assert.False(File.Exists(zipPath));
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("{{MicrosoftAppId}}")]
    [InlineData("not-a-guid")]
    public async Task Packing_refuses_an_app_id_that_is_not_a_real_guid(string appId)
    {
        var output = new StringWriter();

        var exit = await ManifestCommand.RunAsync(Services(), ["--app-id", appId, "--out", Path.Combine(_temp, "app.zip")], UiText.ZhCn, output, CancellationToken.None);

        Assert.NotEqual(0, exit);
        Assert.Equal(UiText.ZhCn.ManifestAppIdInvalid(appId), output.ToString().Trim());
    }

    [Fact]
    public async Task Packing_refuses_a_domain_given_as_a_url()
    {
        var output = new StringWriter();

        var exit = await ManifestCommand.RunAsync(Services(), ["--app-id", AppId, "--domain", "https://bot.example.org/api", "--out", Path.Combine(_temp, "app.zip")], UiText.EnUs, output, CancellationToken.None);

        Assert.NotEqual(0, exit);
        Assert.Equal(UiText.EnUs.ManifestDomainInvalid("https://bot.example.org/api"), output.ToString().Trim());
    }

    [Fact]
    public async Task Packing_a_broken_manifest_folder_reports_every_problem_and_writes_nothing()
    {
        var source = Path.Combine(_temp, "broken");
        Directory.CreateDirectory(source);
        foreach (var file in Directory.GetFiles(ManifestFolder))
        {
            File.Copy(file, Path.Combine(source, Path.GetFileName(file)));
        }
        File.Copy(Path.Combine(source, "color.png"), Path.Combine(source, "outline.png"), overwrite: true);
        File.Delete(Path.Combine(source, "zh-cn.json"));
        var zipPath = Path.Combine(_temp, "app.zip");
        var output = new StringWriter();
        var text = UiText.ZhCn;

        var exit = await ManifestCommand.RunAsync(Services(), ["--app-id", AppId, "--out", zipPath], text, output, source, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Equal(
            [text.ManifestNotWritten, text.ManifestFileMissing("zh-cn.json"), text.ManifestIconWrongSize("outline.png", 32, 192, 192)],
            output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            (a, b) => a.Trim() == b.Trim());
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public async Task Packing_a_manifest_that_is_not_json_says_so()
    {
        var source = Path.Combine(_temp, "broken");
        Directory.CreateDirectory(source);
        await File.WriteAllTextAsync(Path.Combine(source, "manifest.json"), "{ \"id\": ");
        var output = new StringWriter();

        var exit = await ManifestCommand.RunAsync(Services(), ["--app-id", AppId, "--out", Path.Combine(_temp, "app.zip")], UiText.EnUs, output, source, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.StartsWith(UiText.EnUs.ManifestInvalidJson("manifest.json", ""), output.ToString().Split('\n')[1].TrimEnd(), StringComparison.Ordinal);
    }

    private static ServiceProvider Services(string? appId = null) =>
        new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = appId })
                .Build())
            .BuildServiceProvider();

    private static JsonObject ReadManifest() => ReadJson("manifest.json");

    private static JsonObject ReadJson(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(ManifestFolder, name)))!.AsObject();

    private static JsonObject ReadEntry(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return JsonNode.Parse(reader.ReadToEnd())!.AsObject();
    }

    /// <summary>The validation errors, flattened to "path: kind" lines.</summary>
    private static async Task<List<string>> ValidateAsync(string schemaFile, JsonNode document)
    {
        var schemaJson = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SchemaFolder, schemaFile)))!;
        // NJsonSchema implements draft-04, which Teams' schemas declare, but not draft-06's `const`, which they
        // use for manifestVersion; `enum` of the one value means the same.
        ReplaceConst(schemaJson);
        var schema = await JsonSchema.FromJsonAsync(schemaJson.ToJsonString());
        return Flatten(schema.Validate(document.ToJsonString())).ToList();
    }

    private static void ReplaceConst(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            if (obj["const"] is { } value)
            {
                obj.Remove("const");
                obj["enum"] = new JsonArray(value.DeepClone());
            }
            foreach (var child in obj.Select(p => p.Value).ToList())
            {
                ReplaceConst(child);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                ReplaceConst(child);
            }
        }
    }

    private static IEnumerable<string> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            yield return $"{error.Path}: {error.Kind}";
            if (error is ChildSchemaValidationError child)
            {
                foreach (var nested in Flatten(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return nested;
                }
            }
        }
    }

    private static string Describe(List<string> errors) => string.Join(Environment.NewLine, errors);
}
