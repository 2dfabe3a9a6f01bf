using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using Rectification.Bot.Cli;
using Rectification.Bot.Texts;
using Rectification.Data.Db;
using Rectification.Data.Evidence;
using Rectification.Data.Ledger;
using Rectification.Tests.Data;
using Rectification.Tests.Data.Import;

namespace Rectification.Tests.Http;

/// <summary>
/// Files in chat through the real host: Teams' file attachments fetched from the fake connector's loopback file host,
/// the evidence on the leader's approval card, and files sent through the consent flow and PUT like OneDrive.
/// </summary>
public sealed partial class FilesEndpointTests : IAsyncLifetime
{
    private sealed record User(string Id, string Name, string Email, string Aad, string Conversation);

    private static readonly User Liu = new("29:liu", "刘洋 (民族宗教科)", "liu.yang@example.org", "aad-liu", "a:personal-liu");
    private static readonly User Li = new("29:li", "李明", "li.ming@example.org", "aad-li", "a:personal-li");
    private static readonly User Chen = new("29:chen", "陈静", "chen.jing@example.org", "aad-chen", "a:personal-chen");

    private const string Consent = "application/vnd.microsoft.teams.card.file.consent";
    private const string FileInfo = "application/vnd.microsoft.teams.card.file.info";

    private TestDatabase _database = null!;
    private readonly FakeConnector _connector = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private int _ids;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        foreach (var user in new[] { Liu, Li, Chen })
        {
            _connector.Members[user.Id] = (user.Name, user.Email, user.Aad);
        }
    }

    public async Task DisposeAsync()
    {
        _connector.Dispose();
        await _database.DisposeAsync();
    }

    private string EvidenceFolder => Path.Combine(Path.GetDirectoryName(_database.Options.ConnectionString)!, "evidence");

    private WebApplicationFactory<Program> StartBot(params (string Key, string Value)[] settings) => new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
    {
        web.UseSetting("Database:ConnectionString", _database.Options.ConnectionString);
        web.UseSetting("Reminders:Enabled", "false");
        foreach (var (key, value) in settings)
        {
            web.UseSetting(key, value);
        }
        web.ConfigureTestServices(services =>
        {
            services.AddSingleton<IHttpClientFactory>(_connector);
            services.AddSingleton<TimeProvider>(_time);
        });
    });

    private JObject Activity(User user, string type = "message", string conversationType = "personal", string serviceUrl = FakeConnector.ServiceUrl) => new()
    {
        ["type"] = type,
        ["id"] = $"activity-{Interlocked.Increment(ref _ids)}",
        ["locale"] = "zh-CN",
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.Aad },
        ["recipient"] = new JObject { ["id"] = "28:bot", ["name"] = "整改台账助手" },
        ["conversation"] = new JObject
        {
            ["id"] = conversationType == "personal" ? user.Conversation : "19:group-chat",
            ["conversationType"] = conversationType,
            ["tenantId"] = "tenant-1",
        },
    };

    /// <summary>A file as Teams announces it: a download.info attachment whose downloadUrl points at the file host.</summary>
    private static JObject FileAttachment(string name, string path) => new()
    {
        ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
        ["contentUrl"] = $"https://contoso-my.sharepoint.com/personal/liu/Documents/{name}",
        ["name"] = name,
        ["content"] = new JObject { ["downloadUrl"] = FakeConnector.FileHost + path.TrimStart('/'), ["uniqueId"] = Guid.NewGuid().ToString(), ["fileType"] = Path.GetExtension(name).TrimStart('.') },
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, JObject activity) =>
        await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));

    private Task<HttpResponseMessage> SayAsync(HttpClient client, User user, string text, params JObject[] files)
    {
        var activity = Activity(user);
        activity["text"] = text;
        if (files.Length > 0)
        {
            // Teams adds an html copy of the message to every message with files; it is not a file.
            activity["attachments"] = new JArray([.. files, new JObject { ["contentType"] = "text/html", ["content"] = $"<p>{text}</p>" }]);
        }
        return PostAsync(client, activity);
    }

    private Task<HttpResponseMessage> PressAsync(HttpClient client, User user, JObject value)
    {
        var activity = Activity(user);
        activity["value"] = value;
        return PostAsync(client, activity);
    }

    private Task<HttpResponseMessage> AnswerConsentAsync(HttpClient client, User user, string? token, bool accept, string uploadPath = "upload/file")
    {
        var activity = Activity(user, "invoke");
        activity["name"] = "fileConsent/invoke";
        activity["value"] = new JObject
        {
            ["type"] = "fileUpload",
            ["action"] = accept ? "accept" : "decline",
            ["context"] = new JObject { ["offer"] = token },
            ["uploadInfo"] = accept
                ? new JObject
                {
                    ["name"] = "file",
                    ["uploadUrl"] = FakeConnector.FileHost + uploadPath,
                    ["contentUrl"] = "https://contoso-my.sharepoint.com/personal/x/Documents/Applications/file",
                    ["uniqueId"] = "unique-1",
                    ["fileType"] = "xlsx",
                }
                : null,
        };
        return PostAsync(client, activity);
    }

    private IEnumerable<JObject> SentTo(User user) =>
        _connector.Sent.Where(s => Uri.UnescapeDataString(s.Path).Contains(user.Conversation, StringComparison.Ordinal)).Select(s => s.Activity);

    private IEnumerable<string> TextsTo(User user) =>
        SentTo(user).Select(a => a.Value<string>("text") ?? a.SelectToken("attachments[0].content")?.ToString() ?? "");

    private string LastConsentToken(User user) =>
        SentTo(user).Last(a => a.SelectToken("attachments[0].contentType")?.ToString() == Consent).SelectToken("attachments[0].content.acceptContext.offer")!.ToString();

    private static byte[] Pdf(string text, int size = 0)
    {
        var body = Encoding.UTF8.GetBytes($"%PDF-1.7\n% {text}\n");
        return size <= body.Length ? [.. body, .. "%%EOF"u8] : [.. body, .. new byte[size - body.Length]];
    }

    private async Task<IReadOnlyList<EvidenceFile>> EvidenceOfAsync(string code)
    {
        var task = (await new LedgerQueries(_database.Connections).FindByCodeAsync(code))!;
        return await new EvidenceRepository(_database.Connections, new FolderEvidenceStore(EvidenceFolder)).ForTaskAsync(task.Task.Id);
    }

    private async Task<long> EvidenceRowsAsync()
    {
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM evidence_files";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Evidence_sent_with_a_write_off_reaches_the_leader_who_gets_the_file_through_the_consent_flow()
    {
        await using var bot = StartBot();
        using var client = bot.CreateClient();
        var minutes = Pdf("专题会议纪要 2026-11-20");
        var photo = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 1, 2, 3 };
        _connector.Files["/files/minutes"] = minutes;
        _connector.Files["/files/photo"] = photo;
        await SayAsync(client, Li, "待审批");

        var request = await SayAsync(client, Liu, "申请销号 1-2-2", FileAttachment("专题会议纪要.pdf", "files/minutes"), FileAttachment("现场照片.jpg", "files/photo"));

        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        Assert.Contains(TextsTo(Liu), t => t.Contains("已提交任务 1-2-2 的销号申请", StringComparison.Ordinal) && t.Contains("已附佐证材料 2 份", StringComparison.Ordinal));
        var task = (await new LedgerQueries(_database.Connections).FindByCodeAsync("1-2-2"))!;
        Assert.Equal("附件：专题会议纪要.pdf、现场照片.jpg", task.WriteOffs.Single().Evidence);
        var evidence = await EvidenceOfAsync("1-2-2");
        Assert.Equal([("专题会议纪要.pdf", "application/pdf", task.WriteOffs.Single().Id), ("现场照片.jpg", "image/jpeg", task.WriteOffs.Single().Id)],
            evidence.Select(e => (e.Name, e.ContentType, e.WriteOffId!.Value)));
        var card = SentTo(Li).Last(a => a.SelectToken("attachments[0].contentType")?.ToString() == "application/vnd.microsoft.card.adaptive").ToString();
        Assert.Contains("1-2-2", card, StringComparison.Ordinal);
        Assert.Contains("专题会议纪要.pdf", card, StringComparison.Ordinal);
        Assert.Contains("evidence_get", card, StringComparison.Ordinal);

        await PressAsync(client, Li, new JObject { ["action"] = "evidence_get", ["id"] = evidence[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var accepted = await AnswerConsentAsync(client, Li, LastConsentToken(Li), accept: true, "upload/minutes");

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var upload = _connector.Uploads["/upload/minutes"];
        Assert.Equal(minutes, upload.Bytes);
        Assert.Equal($"bytes 0-{minutes.Length - 1}/{minutes.Length}", upload.ContentRange);
        var info = SentTo(Li).Last().SelectToken("attachments[0]")!;
        Assert.Equal((FileInfo, "unique-1"), (info.Value<string>("contentType"), info.SelectToken("content.uniqueId")?.ToString()));

        await SayAsync(client, Liu, "任务 1-2-2");
        Assert.Contains(TextsTo(Liu), t => t.Contains("任务 1-2-2 的佐证材料（2 份）", StringComparison.Ordinal) && t.Contains("现场照片.jpg", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_sent_when_the_flow_asks_for_evidence_completes_the_write_off()
    {
        await using var bot = StartBot();
        using var client = bot.CreateClient();
        _connector.Files["/files/notice"] = Pdf("关于印发《民族宗教工作制度》的通知");

        await SayAsync(client, Liu, "申请销号 1-2-2");
        await SayAsync(client, Liu, "", FileAttachment("制度文件.pdf", "files/notice"));

        Assert.Contains(TextsTo(Liu), t => t.Contains("请上传佐证材料，或直接回复文字说明", StringComparison.Ordinal));
        Assert.Contains(TextsTo(Liu), t => t.Contains("已提交任务 1-2-2 的销号申请", StringComparison.Ordinal));
        Assert.Equal(["制度文件.pdf"], (await EvidenceOfAsync("1-2-2")).Select(e => e.Name));
    }

    [Fact]
    public async Task A_file_sent_first_goes_with_the_next_progress_report()
    {
        await using var bot = StartBot();
        using var client = bot.CreateClient();
        _connector.Files["/files/sheet"] = Pdf("调研报告");

        await SayAsync(client, Liu, "", FileAttachment("调研报告.pdf", "files/sheet"));
        await SayAsync(client, Liu, "1-2-2 进度80% 调研报告已报部务会");
        await SayAsync(client, Liu, "确认");

        Assert.Contains(TextsTo(Liu), t => t.Contains("已收到附件：调研报告.pdf", StringComparison.Ordinal));
        Assert.Contains(TextsTo(Liu), t => t.Contains("已附佐证材料 1 份", StringComparison.Ordinal));
        Assert.Equal([("调研报告.pdf", null as long?)], (await EvidenceOfAsync("1-2-2")).Select(e => (e.Name, e.WriteOffId)));
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "oversized", "超过 1 MB 的上限", "" },
        { "executable", "文件类型不在允许范围内", "" },
        { "expired", "下载失败或链接已过期", "" },
        { "redirected", "不是 Microsoft 365 的下载地址", "" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_file_that_fails_a_check_is_refused_with_the_reason_and_nothing_is_kept(string kind, string reason, string unused)
    {
        _ = unused;
        await using var bot = StartBot(("Files:MaxFileBytes", "1048576"));
        using var client = bot.CreateClient();
        switch (kind)
        {
            case "oversized":
                _connector.Files["/files/bad"] = Pdf("扫描件", 1048577);
                break;
            case "executable":
                _connector.Files["/files/bad"] = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];
                break;
            case "redirected":
                _connector.Redirects["/files/bad"] = "https://files.example.net/stolen.pdf";
                break;
        }

        await SayAsync(client, Liu, "申请销号 1-2-2", FileAttachment("整改报告.pdf", "files/bad"));

        Assert.Contains(TextsTo(Liu), t => t.Contains("未接收“整改报告.pdf”", StringComparison.Ordinal) && t.Contains(reason, StringComparison.Ordinal));
        Assert.Contains(TextsTo(Liu), t => t.Contains("请上传佐证材料", StringComparison.Ordinal));
        Assert.Equal(0, await EvidenceRowsAsync());
        Assert.False(Directory.Exists(EvidenceFolder) && Directory.EnumerateFiles(EvidenceFolder, "*", SearchOption.AllDirectories).Any());
        Assert.Empty((await new LedgerQueries(_database.Connections).FindByCodeAsync("1-2-2"))!.WriteOffs);
    }

    [Fact]
    public async Task Files_in_a_group_chat_are_answered_with_how_to_send_them()
    {
        await using var bot = StartBot();
        using var client = bot.CreateClient();
        _connector.Files["/files/minutes"] = Pdf("纪要");
        var activity = Activity(Liu, conversationType: "groupChat");
        activity["text"] = "申请销号 1-2-2";
        activity["attachments"] = new JArray(FileAttachment("纪要.pdf", "files/minutes"));

        await PostAsync(client, activity);

        Assert.Contains(_connector.Texts, t => t.Contains("请在与“整改台账助手”的个人聊天中发送文件", StringComparison.Ordinal));
        Assert.Equal(0, await EvidenceRowsAsync());
    }

    [Theory]
    [InlineData("导出台账", "ledger.xlsx", true)]
    [InlineData("生成通报", "report.docx", false)]
    public async Task The_admin_gets_the_ledger_and_the_report_as_the_cli_makes_them(string ask, string cliFile, bool ledger)
    {
        await using var bot = StartBot();
        using var client = bot.CreateClient();

        await SayAsync(client, Chen, ask);
        var consent = SentTo(Chen).Last().SelectToken("attachments[0]")!;
        var accepted = await AnswerConsentAsync(client, Chen, LastConsentToken(Chen), accept: true, "upload/" + cliFile);

        Assert.Equal((Consent, HttpStatusCode.OK), (consent.Value<string>("contentType"), accepted.StatusCode));
        var folder = Directory.CreateTempSubdirectory("rectification-cli-");
        try
        {
            var path = Path.Combine(folder.FullName, cliFile);
            var code = ledger
                ? await ExportCommand.RunAsync(bot.Services, [path], UiText.ZhCn, TextWriter.Null, CancellationToken.None)
                : await ReportCommand.RunAsync(bot.Services, ["--out", path], UiText.ZhCn, TextWriter.Null, CancellationToken.None);
            Assert.Equal(0, code);
            var uploaded = _connector.Uploads["/upload/" + cliFile].Bytes;
            Assert.Equal(consent.SelectToken("content.sizeInBytes")!.Value<long>(), uploaded.LongLength);
            Assert.Equal(ZipParts(await File.ReadAllBytesAsync(path)), ZipParts(uploaded));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
        Assert.Equal(FileInfo, SentTo(Chen).Last().SelectToken("attachments[0].contentType")?.ToString());
    }

    /// <summary>
    /// The parts of an Office file, with the relationship ids (random per write, in both writers) made equal: two
    /// runs differ in those and in the zip's timestamps, and must not differ in anything else.
    /// </summary>
    private static IReadOnlyList<(string, string)> ZipParts(byte[] file)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(file));
        return [.. zip.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal).Select(e =>
        {
            // The charts are drawn anew each time (anti-aliasing is not byte-stable): the same pictures by name, not by byte.
            if (e.FullName.StartsWith("media/", StringComparison.Ordinal))
            {
                return (e.FullName, "picture");
            }
            using var reader = new StreamReader(e.Open());
            return (e.FullName, RelationshipId().Replace(reader.ReadToEnd(), "R*"));
        })];
    }

    [Fact]
    public async Task The_admin_gets_the_roster_as_people_export_makes_it_and_others_are_refused()
    {
        await using var bot = StartBot();
        using var client = bot.CreateClient();

        await SayAsync(client, Li, "导出人员名单");
        await SayAsync(client, Liu, "导出人员名单");
        await SayAsync(client, Chen, "导出人员名单");
        var consent = SentTo(Chen).Last().SelectToken("attachments[0]")!;
        await AnswerConsentAsync(client, Chen, LastConsentToken(Chen), accept: true, "upload/roster.xlsx");

        Assert.Contains(TextsTo(Li), t => t.Contains("只有整改办（台账管理员）可以导出", StringComparison.Ordinal));
        Assert.Contains(TextsTo(Liu), t => t.Contains("只有整改办（台账管理员）可以导出", StringComparison.Ordinal));
        Assert.Equal(Consent, consent.Value<string>("contentType"));
        Assert.StartsWith("人员名单-", consent.Value<string>("name"), StringComparison.Ordinal);
        using var sheets = new SheetFiles();
        var path = sheets.Path("cli-roster.xlsx");
        Assert.Equal(0, await PeopleCommand.RunAsync(bot.Services, ["export", path], UiText.ZhCn, TextWriter.Null, CancellationToken.None));
        var uploaded = _connector.Uploads["/upload/roster.xlsx"].Bytes;
        Assert.Equal(ZipParts(await File.ReadAllBytesAsync(path)), ZipParts(uploaded));
        var copy = sheets.Path("uploaded.xlsx");
        await File.WriteAllBytesAsync(copy, uploaded);
        var read = Rectification.Data.People.RosterSheet.Read(copy);
        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        Assert.Contains(read.Entries, e => e.Name == "陈静" && e.IsAdmin == true);
        Assert.Contains(read.Entries, e => e.Name == "李明" && e.IsLeader);
        Assert.Equal(FileInfo, SentTo(Chen).Last().SelectToken("attachments[0].contentType")?.ToString());
    }

    [Fact]
    public async Task An_admin_writing_english_gets_the_roster_in_english()
    {
        await using var bot = StartBot();
        using var client = bot.CreateClient();

        await SayAsync(client, Chen, "export roster");
        var consent = SentTo(Chen).Last().SelectToken("attachments[0]")!;
        await AnswerConsentAsync(client, Chen, LastConsentToken(Chen), accept: true, "upload/roster-en.xlsx");

        Assert.Matches(@"^roster-\d{8}\.xlsx$", consent.Value<string>("name"));
        using var sheets = new SheetFiles();
        var copy = sheets.Path("uploaded-en.xlsx");
        await File.WriteAllBytesAsync(copy, _connector.Uploads["/upload/roster-en.xlsx"].Bytes);
        Assert.Equal("Roster", MiniExcelLibs.MiniExcel.GetSheetNames(copy).Single());
        var headers = MiniExcelLibs.MiniExcel.Query(copy, useHeaderRow: false).Cast<IDictionary<string, object?>>().First().Values.Select(v => v?.ToString());
        Assert.Equal(["Name", "Department", "Email", "Entra object id", "Role", "Supervised departments"], headers);
        Assert.True(Rectification.Data.People.RosterSheet.Read(copy).Succeeded);
    }

    [Fact]
    public async Task A_leader_exports_only_the_departments_they_supervise()
    {
        using var sheets = new SheetFiles();
        await using var bot = StartBot();
        using var client = bot.CreateClient();

        await SayAsync(client, Li, "导出台账");
        await AnswerConsentAsync(client, Li, LastConsentToken(Li), accept: true, "upload/leader.xlsx");

        var path = sheets.Path("leader.xlsx");
        await File.WriteAllBytesAsync(path, _connector.Uploads["/upload/leader.xlsx"].Bytes);
        var read = Rectification.Data.Import.LedgerSheetReader.Read(path);
        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        var all = await new LedgerQueries(_database.Connections).ListAsync(TaskScope.Everything, TaskFilter.All, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime), 0, 1000);
        Assert.InRange(read.Draft!.Tasks.Count, 1, all.Total - 1);
        Assert.All(read.Draft.Tasks, task => Assert.Contains(task.LeadDepartment, new[] { "民族宗教科", "宣传教育科" }));
        Assert.Contains(read.Draft.Tasks, task => task.Code == "1-2-2");
    }

    [Fact]
    public async Task A_declined_file_is_acknowledged_and_never_uploaded()
    {
        await using var bot = StartBot();
        using var client = bot.CreateClient();

        await SayAsync(client, Chen, "导出台账");
        var declined = await AnswerConsentAsync(client, Chen, LastConsentToken(Chen), accept: false);

        Assert.Equal(HttpStatusCode.OK, declined.StatusCode);
        Assert.Contains(TextsTo(Chen), t => t.Contains("已取消发送", StringComparison.Ordinal));
        Assert.Empty(_connector.Uploads);
    }

    [Fact]
    public async Task Only_an_open_offer_of_the_person_answering_gets_an_upload()
    {
        await using var bot = StartBot();
        using var client = bot.CreateClient();
        await SayAsync(client, Chen, "导出台账");
        var token = LastConsentToken(Chen);

        await AnswerConsentAsync(client, Chen, "forged-token", accept: true, "upload/forged");
        await AnswerConsentAsync(client, Liu, token, accept: true, "upload/someone-else");
        _time.Advance(TimeSpan.FromMinutes(31));
        await AnswerConsentAsync(client, Chen, token, accept: true, "upload/late");

        Assert.Empty(_connector.Uploads);
        Assert.Equal(3, _connector.Texts.Count(t => t.Contains("该文件已失效或已处理", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_officer_may_not_export_and_a_cloud_without_bot_files_gets_the_cli_command()
    {
        await using var bot = StartBot();
        using var client = bot.CreateClient();

        await SayAsync(client, Liu, "导出台账");
        var sovereign = Activity(Chen, serviceUrl: "https://smba.infra.gov.teams.microsoft.us/");
        sovereign["text"] = "生成通报";
        await PostAsync(client, sovereign);

        Assert.Contains(TextsTo(Liu), t => t.Contains("只有整改办", StringComparison.Ordinal));
        Assert.Contains(TextsTo(Chen), t => t.Contains("不支持机器人收发文件", StringComparison.Ordinal) && t.Contains("-- report --out", StringComparison.Ordinal));
        Assert.DoesNotContain(_connector.Sent, s => s.Activity.SelectToken("attachments[0].contentType")?.ToString() == Consent);
    }

    private static readonly object?[] Header =
        ["序号", "方面", "存在问题", "整改措施", "责任领导", "责任部门", "配合部门", "责任人", "整改时限", "整改进展", "状态", "完成进度"];

    /// <summary>A second inspection's ledger as the office keeps it: title row, merged aspect row, a date cell and words.</summary>
    private static byte[] LedgerSheet(SheetFiles files, string secondMeasure = "建立健全意识形态工作责任制")
    {
        var path = files.Xlsx("ledger.xlsx", new Dictionary<int, object?[]>
        {
            [1] = ["2026年专项巡察整改台账"],
            [3] = Header,
            [4] = ["一、意识形态工作方面"],
            [5] = ["1", null, "学习贯彻不深入", "开展专题学习研讨", "李明", "民族宗教科", null, "刘洋", new DateTime(2026, 12, 31), null, null, null],
            [6] = ["2", null, "学习贯彻不深入", secondMeasure, "李明", "民族宗教科", "宣传教育科", "刘洋、孙丽", "2027年3月底前", null, "正在整改", "30%"],
        }, "A1:L1", "A4:L4");
        return File.ReadAllBytes(path);
    }

    private JObject LastSubmit(User user, string action) =>
        (JObject)SentTo(user).Last(a => a.ToString().Contains(action, StringComparison.Ordinal))
            .SelectTokens("$..actions[*].data").First(d => d.Value<string>("action") == action);

    private async Task<int> TaskCountAsync(string inspection)
    {
        var queries = new LedgerQueries(_database.Connections);
        var found = (await queries.InspectionsAsync()).FirstOrDefault(i => i.Title == inspection);
        if (found is null)
        {
            return 0;
        }
        var page = await queries.ListAsync(TaskScope.Everything, TaskFilter.All, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime), 0, 1000);
        var count = 0;
        foreach (var task in page.Items)
        {
            count += (await queries.GetAsync(task.Id))!.InspectionId == found.Id ? 1 : 0;
        }
        return count;
    }

    [Fact]
    public async Task An_admin_uploads_the_ledger_sees_the_plan_and_imports_it_on_confirmation()
    {
        using var sheets = new SheetFiles();
        await using var bot = StartBot();
        using var client = bot.CreateClient();
        _connector.Files["/files/ledger"] = LedgerSheet(sheets);

        await SayAsync(client, Chen, "", FileAttachment("专项巡察台账.xlsx", "files/ledger"));

        Assert.Contains(TextsTo(Chen), t => t.Contains("导入预览：专项巡察台账.xlsx", StringComparison.Ordinal) && t.Contains("新增2项", StringComparison.Ordinal)
            && t.Contains("确认导入", StringComparison.Ordinal));
        Assert.Equal(0, await TaskCountAsync("2026年专项巡察整改台账"));
        Assert.Equal(0, await EvidenceRowsAsync());

        await PressAsync(client, Chen, LastSubmit(Chen, "import_confirm"));

        Assert.Contains(TextsTo(Chen), t => t.Contains("已导入“2026年专项巡察整改台账”：新增2项", StringComparison.Ordinal));
        Assert.Equal(2, await TaskCountAsync("2026年专项巡察整改台账"));

        await PressAsync(client, Chen, LastSubmit(Chen, "import_confirm"));
        Assert.Contains(TextsTo(Chen), t => t.Contains("该导入已完成或已失效", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_plan_that_changed_before_the_confirmation_needs_a_new_one()
    {
        using var sheets = new SheetFiles();
        await using var bot = StartBot();
        using var client = bot.CreateClient();
        _connector.Files["/files/first"] = LedgerSheet(sheets);
        _connector.Files["/files/second"] = LedgerSheet(sheets, "建立健全意识形态工作责任制并每季度检查");

        await SayAsync(client, Chen, "", FileAttachment("台账.xlsx", "files/first"));
        var stale = LastSubmit(Chen, "import_confirm");
        await SayAsync(client, Chen, "", FileAttachment("台账-修订.xlsx", "files/second"));
        await PressAsync(client, Chen, LastSubmit(Chen, "import_confirm"));
        await PressAsync(client, Chen, stale);

        Assert.Contains(TextsTo(Chen), t => t.Contains("台账在您确认前已发生变化", StringComparison.Ordinal) && t.Contains("更新1项", StringComparison.Ordinal));
        var task = (await new LedgerQueries(_database.Connections).FindByCodeAsync("2"))!;
        Assert.Equal("建立健全意识形态工作责任制并每季度检查", task.Task.Measure);

        await PressAsync(client, Chen, LastSubmit(Chen, "import_confirm"));
        Assert.Equal("建立健全意识形态工作责任制", (await new LedgerQueries(_database.Connections).FindByCodeAsync("2"))!.Task.Measure);
    }

    [Fact]
    public async Task A_renumbered_sheet_shows_the_importers_plan_and_the_confirmation_keeps_each_measures_history()
    {
        using var sheets = new SheetFiles();
        await using var bot = StartBot();
        using var client = bot.CreateClient();
        _connector.Files["/files/ledger"] = LedgerSheet(sheets);
        await SayAsync(client, Chen, "", FileAttachment("台账.xlsx", "files/ledger"));
        await PressAsync(client, Chen, LastSubmit(Chen, "import_confirm"));
        var queries = new LedgerQueries(_database.Connections);
        var studyId = (await queries.FindByCodeAsync("1"))!.Task.Id;

        // The office inserts a measure at the top and renumbers: the old 1 and 2 become 2 and 3, and one row is dropped.
        var path = sheets.Xlsx("renumbered.xlsx", new Dictionary<int, object?[]>
        {
            [1] = ["2026年专项巡察整改台账"],
            [3] = Header,
            [4] = ["1", "一、意识形态工作方面", "阵地管理有漏洞", "全面排查宣传阵地", "李明", "宣传教育科", null, "孙丽", new DateTime(2026, 11, 30), null, null, null],
            [5] = ["2", "一、意识形态工作方面", "学习贯彻不深入", "开展专题学习研讨", "李明", "民族宗教科", null, "刘洋", new DateTime(2026, 12, 31), null, null, null],
        });
        _connector.Files["/files/renumbered"] = await File.ReadAllBytesAsync(path);
        await SayAsync(client, Chen, "", FileAttachment("台账-修订.xlsx", "files/renumbered"));

        var card = TextsTo(Chen).Last();
        Assert.Contains("新增1项，更新0项，重新编号1项，未变0项，表中已删除1项", card, StringComparison.Ordinal);
        Assert.Contains("重新编号", card, StringComparison.Ordinal);
        Assert.Equal(studyId, (await queries.FindByCodeAsync("1"))!.Task.Id);

        await PressAsync(client, Chen, LastSubmit(Chen, "import_confirm"));

        Assert.Contains(TextsTo(Chen), t => t.Contains("已导入“2026年专项巡察整改台账”：新增1项，更新0项，重新编号1项", StringComparison.Ordinal));
        Assert.Equal(studyId, (await queries.FindByCodeAsync("2"))!.Task.Id);
        Assert.Equal("全面排查宣传阵地", (await queries.FindByCodeAsync("1"))!.Task.Measure);
    }

    [Fact]
    public async Task An_officer_who_uploads_a_ledger_is_told_only_admins_import_and_nothing_changes()
    {
        using var sheets = new SheetFiles();
        await using var bot = StartBot();
        using var client = bot.CreateClient();
        _connector.Files["/files/ledger"] = LedgerSheet(sheets);

        await SayAsync(client, Liu, "", FileAttachment("台账.xlsx", "files/ledger"));

        Assert.Contains(TextsTo(Liu), t => t.Contains("只有整改办（台账管理员）可以导入台账", StringComparison.Ordinal));
        Assert.DoesNotContain(TextsTo(Liu), t => t.Contains("import_confirm", StringComparison.Ordinal));
        Assert.Equal(0, await TaskCountAsync("2026年专项巡察整改台账"));
        Assert.Equal(0, await EvidenceRowsAsync());
    }

    [Fact]
    public async Task A_ledger_with_row_errors_gets_every_error_in_the_admins_language_and_no_button()
    {
        using var sheets = new SheetFiles();
        await using var bot = StartBot();
        using var client = bot.CreateClient();
        var path = sheets.Xlsx("bad.xlsx", new Dictionary<int, object?[]>
        {
            [1] = ["2026年专项巡察整改台账"],
            [2] = Header,
            [3] = ["1", "方面一", "问题一", null, null, "办公室", null, "周涛", "2026-12-31", null, null, null],
            [4] = ["2", "方面一", "问题一", "措施二", null, "办公室", null, null, "尽快", null, null, null],
        });
        _connector.Files["/files/bad"] = await File.ReadAllBytesAsync(path);

        await SayAsync(client, Chen, "", FileAttachment("台账.xlsx", "files/bad"));

        var answer = TextsTo(Chen).Last();
        Assert.Contains("缺少整改措施", answer, StringComparison.Ordinal);
        Assert.Contains("缺少责任人", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("import_confirm", answer, StringComparison.Ordinal);
        Assert.Equal(0, await TaskCountAsync("2026年专项巡察整改台账"));
    }

    [System.Text.RegularExpressions.GeneratedRegex("\\bR[0-9a-f]{16,32}\\b")]
    private static partial System.Text.RegularExpressions.Regex RelationshipId();
}
