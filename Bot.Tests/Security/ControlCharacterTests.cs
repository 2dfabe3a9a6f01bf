using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Ledger;
using Rectification.Tests.Data;

namespace Rectification.Tests.Security;

/// <summary>
/// Finding 10.7: text that XML or PostgreSQL cannot hold (a NUL, a BEL pasted from another program) never breaks a
/// write: the writers store it cleaned, on both databases, whatever path it came by.
/// </summary>
public abstract class ControlCharacterTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private TestPeople _people = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider);
        _people = await TestLedger.LoadAsync(_database);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData("会议\0纪要已归档", "会议纪要已归档")]
    [InlineData("已报送\a\b\u001b[31m", "已报送[31m")]
    [InlineData("第一行\r\n第二行\r第三行\t完", "第一行\n第二行\n第三行\t完")]
    [InlineData("结束\u0085\u007f", "结束")]
    public async Task A_progress_note_with_control_characters_is_saved_cleaned(string note, string stored)
    {
        var changes = new LedgerChanges(_database.Connections);
        var task = (await new LedgerQueries(_database.Connections).FindByCodeAsync("1-1-1"))!;

        var result = await changes.RecordProgressAsync(new ProgressReport(task.Task.Id, _people.LiuYang.Id, 50, null, note, "chat", Guid.NewGuid().ToString(), TestLedger.Now));

        Assert.Equal(ChangeOutcome.Done, result.Outcome);
        var saved = (await new LedgerQueries(_database.Connections).FindByCodeAsync("1-1-1"))!;
        Assert.Equal(stored, saved.ProgressNote);
        Assert.Equal(stored, saved.Progress[^1].Note);
    }

    [Fact]
    public async Task Write_off_evidence_and_extension_reasons_are_saved_cleaned()
    {
        var changes = new LedgerChanges(_database.Connections);
        var queries = new LedgerQueries(_database.Connections);
        var task = (await queries.FindByCodeAsync("1-1-2"))!;
        await changes.RecordProgressAsync(new ProgressReport(task.Task.Id, _people.LiuYang.Id, 100, RectificationStatus.Done, "完成", "chat", "k1", TestLedger.Now));

        var writeOff = await changes.RequestWriteOffAsync(task.Task.Id, _people.LiuYang.Id, "佐证\0材料\a", TestLedger.Now);
        var extension = await changes.RequestExtensionAsync((await queries.FindByCodeAsync("1-1-1"))!.Task.Id, _people.LiuYang.Id,
            new DateOnly(2026, 12, 31), "需要\0更多时间\u0007", TestLedger.Today, TestLedger.Now);

        Assert.True(writeOff.Succeeded);
        Assert.True(extension.Succeeded);
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        Assert.Equal("佐证材料", await connection.ExecuteScalarAsync<string>("SELECT evidence FROM write_offs"));
        Assert.Equal("需要更多时间", await connection.ExecuteScalarAsync<string>("SELECT reason FROM extensions"));
    }

    [Fact]
    public async Task An_imported_sheet_with_control_characters_is_written_cleaned()
    {
        var draft = TestLedger.Draft(TestLedger.Task(8, "2-1-4", "方面二", "问题三", "措施\0七\a", "李明", "民族宗教科", ["刘洋"],
            TimeLimit.On(new DateOnly(2026, 12, 20)), progress: "进展\u0001说明"));

        var result = await new Rectification.Data.Import.LedgerImportWriter(_database.Connections, TestLedger.Calendar).WriteAsync(draft, Actor.System("test"), TestLedger.Now);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var task = (await new LedgerQueries(_database.Connections).FindByCodeAsync("2-1-4"))!;
        Assert.Equal(("措施七", "进展说明"), (task.Task.Measure, task.ProgressNote));
    }

    [Fact]
    public async Task Text_stored_before_the_writers_cleaned_it_is_cleaned_by_migration_0011()
    {
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("UPDATE tasks SET progress_note = @Note, measure = @Measure WHERE code = '1-1-1'",
            new { Note = "铃\a声\u001b结束", Measure = "措施\v一\f" });
        var script = Rectification.Data.Db.MigrationRunner.Scripts(Provider).Single(s => s.Version == 11);

        await connection.ExecuteAsync(script.Sql);

        var task = (await new LedgerQueries(_database.Connections).FindByCodeAsync("1-1-1"))!;
        Assert.Equal(("铃声结束", "措施一"), (task.ProgressNote, task.Task.Measure));
    }
}

public sealed class SqliteControlCharacterTests : ControlCharacterTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresControlCharacterTests : ControlCharacterTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
