using System.Security.Cryptography;
using System.Text;
using Rectification.Data.Db;
using Rectification.Data.Evidence;
using Rectification.Data.Ledger;

namespace Rectification.Tests.Data.Evidence;

/// <summary>Evidence metadata, both stores and the consent offers, on SQLite and PostgreSQL.</summary>
public abstract class EvidenceContractTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private string _folder = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        _folder = Directory.CreateTempSubdirectory("rectification-evidence-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private IEvidenceStore Store(bool database) => database ? new DatabaseEvidenceStore(_database.Connections) : new FolderEvidenceStore(_folder);

    private static byte[] Pdf(string text) => Encoding.UTF8.GetBytes($"%PDF-1.7\n% {text}\n%%EOF");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_file_is_kept_for_its_uploader_until_a_request_claims_it(bool databaseStore)
    {
        var people = await TestLedger.LoadAsync(_database);
        var repository = new EvidenceRepository(_database.Connections, Store(databaseStore));
        var content = Pdf("会议纪要");

        var stored = await repository.AddAsync(new NewEvidence(people.LiuYang.Id, "会议纪要.pdf", content, FileTypes.Pdf, TestLedger.Now));
        var other = await repository.AddAsync(new NewEvidence(people.SunLi.Id, "照片.pdf", Pdf("孙丽"), FileTypes.Pdf, TestLedger.Now));

        Assert.Equal((null as long?, "刘洋", (long)content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), "application/pdf"),
            (stored.TaskId, stored.UploaderName, stored.SizeBytes, stored.Sha256, stored.ContentType));
        Assert.Equal(["会议纪要.pdf"], (await repository.UnclaimedAsync(people.LiuYang.Id, TestLedger.Now.AddHours(-1))).Select(f => f.Name));

        var task = (await new LedgerQueries(_database.Connections).FindByCodeAsync("1-1-1"))!;
        var claimed = await repository.ClaimAsync(people.LiuYang.Id, task.Task.Id, null, TestLedger.Now.AddHours(-1), TestLedger.Now.AddMinutes(5));

        Assert.Equal([stored.Id], claimed.Select(f => f.Id));
        Assert.Empty(await repository.UnclaimedAsync(people.LiuYang.Id, TestLedger.Now.AddHours(-1)));
        Assert.Equal(["照片.pdf"], (await repository.UnclaimedAsync(people.SunLi.Id, TestLedger.Now.AddHours(-1))).Select(f => f.Name));
        Assert.Equal(content, await repository.ContentAsync((await repository.ForTaskAsync(task.Task.Id)).Single()));
        Assert.Equal(other.Sha256, (await repository.GetAsync(other.Id))!.Sha256);
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        var audit = await AuditLog.ReadAsync(connection, "evidence", stored.Id, CancellationToken.None);
        Assert.Equal(["upload", "attach"], audit.Select(a => a.Action));
    }

    [Fact]
    public async Task Files_sent_before_the_claim_window_are_not_claimed()
    {
        var people = await TestLedger.LoadAsync(_database);
        var repository = new EvidenceRepository(_database.Connections, Store(false));
        await repository.AddAsync(new NewEvidence(people.LiuYang.Id, "旧.pdf", Pdf("旧"), FileTypes.Pdf, TestLedger.Now.AddDays(-2)));
        var task = (await new LedgerQueries(_database.Connections).FindByCodeAsync("1-1-1"))!;

        var claimed = await repository.ClaimAsync(people.LiuYang.Id, task.Task.Id, null, TestLedger.Now.AddHours(-2), TestLedger.Now);

        Assert.Empty(claimed);
        Assert.Empty(await repository.ForTaskAsync(task.Task.Id));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_same_content_is_stored_once_and_read_back_whole(bool databaseStore)
    {
        var store = Store(databaseStore);
        var content = RandomNumberGenerator.GetBytes(300_000);
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));

        await store.PutAsync(sha, content, CancellationToken.None);
        await store.PutAsync(sha, content, CancellationToken.None);

        Assert.Equal(content, await store.GetAsync(sha, CancellationToken.None));
        Assert.Null(await store.GetAsync(new string('0', 64), CancellationToken.None));
    }

    [Fact]
    public async Task An_offer_is_taken_once_by_its_person_before_it_expires()
    {
        var people = await TestLedger.LoadAsync(_database);
        var offers = new FileOffers(_database.Connections);
        var content = Pdf("台账");
        var offer = await offers.CreateAsync(people.ChenJing.Id, "陈静", "台账.xlsx", "ledger", content, TestLedger.Now, TimeSpan.FromMinutes(30));
        var late = await offers.CreateAsync(people.ChenJing.Id, "陈静", "通报.docx", "report", content, TestLedger.Now, TimeSpan.FromMinutes(30));

        Assert.Null(await offers.TakeAsync(offer.Token, people.LiuYang.Id, true, "刘洋", TestLedger.Now.AddMinutes(1)));
        var taken = await offers.TakeAsync(offer.Token, people.ChenJing.Id, true, "陈静", TestLedger.Now.AddMinutes(1));
        Assert.Null(await offers.TakeAsync(offer.Token, people.ChenJing.Id, true, "陈静", TestLedger.Now.AddMinutes(2)));
        Assert.Null(await offers.TakeAsync(late.Token, people.ChenJing.Id, true, "陈静", TestLedger.Now.AddMinutes(31)));

        Assert.Equal("台账.xlsx", taken!.Name);
        Assert.Equal(content, taken.Content);
        await offers.FinishAsync(taken, delivered: true, "陈静", null, TestLedger.Now.AddMinutes(1));
        Assert.Equal(OfferState.Delivered, await offers.StateAsync(offer.Token));
        Assert.Equal(OfferState.Offered, await offers.StateAsync(late.Token));
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal(["offer", "accept", "upload"], (await AuditLog.ReadAsync(connection, "file_offer", offer.Id, CancellationToken.None)).Select(a => a.Action));
    }
}

public sealed class SqliteEvidenceContractTests : EvidenceContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresEvidenceContractTests : EvidenceContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
