using Dapper;
using Rectification.Bot.Texts;
using Rectification.Data.Db;
using Rectification.Data.Import;
using Rectification.Data.Ledger;
using Rectification.Data.People;
using Rectification.Tests.Data.Import;

namespace Rectification.Tests.Data.People;

/// <summary>
/// Rosters read, planned and written on SQLite and PostgreSQL: a county bureau's Chinese sheet with a title row, an English
/// CSV, bad cells and conflicts (within the file and against the stored people), edits by <c>people set</c>, export and back.
/// </summary>
public abstract class RosterContractTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly SheetFiles _files = new();

    protected abstract DatabaseProvider Provider { get; }

    private RosterImport Roster => new(_database.Connections);

    private PeopleRepository People => new(_database.Connections, TimeProvider.System);

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(Provider);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _files.Dispose();
    }

    private static readonly DateTimeOffset Now = TestLedger.Now;

    private const string GuidA = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";
    private const string GuidB = "7c9e6679-7425-40de-944b-e07fc1f90ae7";

    private string Sheet(params object?[][] rows)
    {
        var content = new Dictionary<int, object?[]>
        {
            [1] = ["XX县审计局整改工作人员名单"],
            [3] = ["姓名", "所在部门", "电子邮箱", "Entra 对象ID", "角色", "分管部门"],
        };
        for (var i = 0; i < rows.Length; i++)
        {
            content[4 + i] = rows[i];
        }
        return _files.Xlsx($"roster-{Guid.NewGuid():N}.xlsx", content, "A1:F1");
    }

    private async Task<RosterWriteResult> ImportAsync(string path)
    {
        var read = RosterSheet.Read(path);
        Assert.True(read.Succeeded, string.Join("; ", read.Errors));
        var plan = await Roster.PlanAsync(read.Entries);
        Assert.True(plan.Succeeded, string.Join("; ", plan.Errors));
        return await Roster.ApplyAsync(plan, Actor.System("people import"), Now);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    [Fact]
    public async Task A_good_roster_makes_admins_leaders_and_officers_with_their_accounts_and_audits_each()
    {
        var result = await ImportAsync(Sheet(
            ["吴敏", "整改办", "Wu.Min@County.gov.cn", GuidA.ToUpperInvariant(), "整改办", null],
            ["钱坤", "局领导", "qiankun@county.gov.cn", null, "分管领导", "财审股、经责股"],
            ["孙悦", "财审股", null, null, "责任人", null],
            [null, null, null, null, null, null],
            ["郑华", "经责股", "zhenghua@county.gov.cn", GuidB, "领导、整改办", "经责股"]));

        Assert.Equal((4, 0, 0), (result.Created, result.Updated, result.Unchanged));
        var wu = Assert.Single(await People.FindByNameAsync("吴敏"));
        Assert.Equal(("整改办", "Wu.Min@County.gov.cn", GuidA, true, false), (wu.Department, wu.Email, wu.TeamsUserId, wu.IsAdmin, wu.IsLeader));
        var qian = Assert.Single(await People.FindByNameAsync("钱坤"));
        Assert.Equal((false, 2), (qian.IsAdmin, qian.SupervisedDepartmentIds.Count));
        var sun = Assert.Single(await People.FindByNameAsync("孙悦"));
        Assert.Equal(("财审股", null, false, false), (sun.Department, sun.Email, sun.IsAdmin, sun.IsLeader));
        var zheng = Assert.Single(await People.FindByNameAsync("郑华"));
        Assert.True(zheng.IsAdmin && zheng.IsLeader);
        Assert.Equal(qian.Id, Assert.Single(await People.ListSupervisorsAsync(sun.DepartmentId!.Value)).Id);
        Assert.Equal(["吴敏", "郑华"], (await People.ListAdminsAsync()).Select(p => p.Name));
        Assert.Equal(wu.Id, (await People.FindByEmailAsync("wu.min@county.gov.cn"))!.Id);
        Assert.Equal(wu.Id, (await People.FindByTeamsUserIdAsync(GuidA.ToUpperInvariant()))!.Id);
        Assert.Equal(4, await CountAsync("SELECT count(*) FROM audit_log WHERE entity = 'person' AND action = 'roster_created'"));
    }

    [Fact]
    public async Task Importing_the_same_roster_again_changes_nothing()
    {
        var path = Sheet(["吴敏", "整改办", "wumin@county.gov.cn", GuidA, "整改办", null], ["钱坤", "局领导", null, null, "领导", "财审股"], ["孙悦", "财审股", null, null, null, null]);
        await ImportAsync(path);

        var plan = await Roster.PlanAsync(RosterSheet.Read(path).Entries);

        Assert.Equal((0, 0, 3), (plan.New.Count, plan.Updated.Count, plan.Unchanged));
        Assert.Equal((0, 0, 3), ((await Roster.ApplyAsync(plan, Actor.System("t"), Now)) is var r ? (r.Created, r.Updated, r.Unchanged) : default));
        Assert.Equal(3, await CountAsync("SELECT count(*) FROM audit_log WHERE entity = 'person'"));
    }

    [Fact]
    public async Task A_roster_updates_people_the_ledger_made_and_keeps_what_it_leaves_blank()
    {
        var id = await People.AddAsync(new NewPerson("周琳", "办公室", "zhoulin@old.gov.cn"));
        await People.AddAsync(new NewPerson("韩冬", "局领导") { Supervises = ["办公室"] });

        var plan = await Roster.PlanAsync(RosterSheet.Read(Sheet(
            ["周琳", null, null, GuidB, "整改办", null],
            ["韩冬", "局领导", null, null, "责任人", null])).Entries);

        Assert.True(plan.Succeeded, string.Join("; ", plan.Errors));
        var zhou = plan.Updated.Single(u => u.Entry.Name == "周琳");
        Assert.Equal([new FieldChange(RosterFields.ObjectId, null, GuidB), new FieldChange(RosterFields.Admin, "false", "true")], zhou.Changes);
        Assert.Equal([new FieldChange(RosterFields.Supervises, "办公室", "")], plan.Updated.Single(u => u.Entry.Name == "韩冬").Changes);
        await Roster.ApplyAsync(plan, Actor.System("people import"), Now);

        var stored = (await People.GetAsync(id))!;
        Assert.Equal(("办公室", "zhoulin@old.gov.cn", GuidB, true), (stored.Department, stored.Email, stored.TeamsUserId, stored.IsAdmin));
        Assert.False(Assert.Single(await People.FindByNameAsync("韩冬")).IsLeader);
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        var audit = Assert.Single(await AuditLog.ReadAsync(connection, "person", id, CancellationToken.None));
        Assert.Equal(("roster_updated", "people import"), (audit.Action, audit.Actor));
        Assert.Contains(GuidB, audit.AfterJson);
    }

    [Fact]
    public async Task Bad_rows_are_each_reported_with_row_and_column_and_nothing_is_read()
    {
        var read = RosterSheet.Read(Sheet(
            ["吴敏", "整改办", "wumin at county", null, "整改办", null],
            [null, "财审股", "a@b.cn", null, null, null],
            ["孙悦", "财审股", null, null, "officer", null],
            ["钱坤", "局领导", null, null, "局长", null],
            ["郑华", "经责股", null, null, "领导", null],
            ["王芳", "经责股", null, null, "责任人", "财审股"]));

        Assert.Empty(read.Entries);
        Assert.Equal(
            [
                (4, "电子邮箱", RosterErrorCodes.BadEmail, "wumin at county"),
                (5, "姓名", RosterErrorCodes.NameMissing, null),
                (7, "角色", RosterErrorCodes.BadRole, "局长"),
                (8, "分管部门", RosterErrorCodes.LeaderWithoutDepartments, "郑华"),
                (9, "分管部门", RosterErrorCodes.DepartmentsWithoutLeader, "王芳"),
            ],
            read.Errors.Select(e => (e.Row, e.Column, e.Code, e.Value)));
    }

    [Fact]
    public async Task Conflicting_rows_in_the_file_are_errors_on_every_row_involved()
    {
        var read = RosterSheet.Read(Sheet(
            ["吴敏", "整改办", "shared@county.gov.cn", GuidA, null, null],
            ["孙悦", "财审股", "SHARED@county.gov.cn", null, null, null],
            ["吴敏", "财审股", null, null, null, null],
            ["郑华", "经责股", null, GuidA.ToUpperInvariant(), null, null]));

        Assert.Equal(
            [
                (4, RosterErrorCodes.DuplicateName), (4, RosterErrorCodes.EmailConflict), (4, RosterErrorCodes.ObjectIdConflict),
                (5, RosterErrorCodes.EmailConflict), (6, RosterErrorCodes.DuplicateName), (7, RosterErrorCodes.ObjectIdConflict),
            ],
            read.Errors.Select(e => (e.Row, e.Code)).Order());
    }

    [Fact]
    public async Task Conflicts_with_the_stored_people_are_row_errors_and_nothing_is_written()
    {
        await People.AddAsync(new NewPerson("刘洋", "办公室", "liuyang@county.gov.cn", TeamsUserId: GuidA));
        await People.AddAsync(new NewPerson("张伟", "财审股"));
        await People.AddAsync(new NewPerson("张伟", "经责股"));
        var before = await CountAsync("SELECT count(*) FROM people");

        var plan = await Roster.PlanAsync(RosterSheet.Read(Sheet(
            ["吴敏", "整改办", "LiuYang@county.gov.cn", null, "整改办", null],
            ["孙悦", "财审股", null, GuidA, null, null],
            ["张伟", "财审股", null, null, null, null],
            ["钱坤", "局领导", null, null, "领导", "财审股、纪检组"],
            ["郑华", "法规股", null, null, "领导", "法规股"],
            ["何平", "法规股", null, "not-a-guid", null, null])).Entries);

        Assert.Empty(plan.Entries);
        Assert.Equal(
            [
                (4, RosterErrorCodes.EmailConflict), (5, RosterErrorCodes.ObjectIdConflict), (6, RosterErrorCodes.AmbiguousPerson),
                (7, RosterErrorCodes.UnknownDepartment), (9, RosterErrorCodes.BadObjectId),
            ],
            plan.Errors.Select(e => (e.Row, e.Code)));
        Assert.Equal("纪检组", plan.Errors[^2].Value);
        Assert.False((await Roster.ApplyAsync(plan, Actor.System("t"), Now)).Succeeded);
        Assert.Equal(before, await CountAsync("SELECT count(*) FROM people"));
        Assert.Equal(0, await CountAsync("SELECT count(*) FROM audit_log"));
    }

    [Fact]
    public async Task An_english_csv_roster_reads_like_the_chinese_sheet()
    {
        var path = _files.Csv("roster.csv", """
            Name,Department,E-mail,Object ID,Role,Supervised departments
            Wu Min,Office,wumin@county.gov.cn,,admin,
            "Qian Kun",Leadership,,,leader,"Audit, Office"
            Sun Yue,Audit,,,,
            """);

        await ImportAsync(path);

        Assert.True(Assert.Single(await People.FindByNameAsync("Wu Min")).IsAdmin);
        Assert.Equal(2, Assert.Single(await People.FindByNameAsync("Qian Kun")).SupervisedDepartmentIds.Count);
        Assert.False(Assert.Single(await People.FindByNameAsync("Sun Yue")).IsLeader);
    }

    [Fact]
    public async Task People_set_makes_an_admin_or_a_leader_and_refuses_what_an_import_would_refuse()
    {
        await People.AddAsync(new NewPerson("周琳", "办公室"));
        await People.AddAsync(new NewPerson("韩冬", "局领导"));

        var admin = await Roster.PlanEditAsync("周琳", new PersonEdit(IsAdmin: true, Email: "zhoulin@county.gov.cn"));
        await Roster.ApplyAsync(admin, Actor.System("people set"), Now);
        var leader = await Roster.PlanEditAsync("韩冬", new PersonEdit(Supervises: ["办公室"]));
        await Roster.ApplyAsync(leader, Actor.System("people set"), Now);

        var zhou = Assert.Single(await People.FindByNameAsync("周琳"));
        Assert.Equal((true, "zhoulin@county.gov.cn"), (zhou.IsAdmin, zhou.Email));
        Assert.Equal("韩冬", Assert.Single(await People.ListSupervisorsAsync(zhou.DepartmentId!.Value)).Name);

        Assert.Equal(RosterErrorCodes.UnknownDepartment, Assert.Single((await Roster.PlanEditAsync("韩冬", new PersonEdit(Supervises: ["纪委"]))).Errors).Code);
        Assert.Equal(RosterErrorCodes.EmailConflict, Assert.Single((await Roster.PlanEditAsync("韩冬", new PersonEdit(Email: "ZHOULIN@county.gov.cn"))).Errors).Code);
        Assert.Equal(RosterErrorCodes.BadObjectId, Assert.Single((await Roster.PlanEditAsync("韩冬", new PersonEdit(ObjectId: "12345"))).Errors).Code);
        Assert.Equal(RosterErrorCodes.UnknownPerson, Assert.Single((await Roster.PlanEditAsync("无名氏", new PersonEdit(IsAdmin: true))).Errors).Code);
        Assert.Equal(0, Assert.Single((await Roster.PlanEditAsync("韩冬", new PersonEdit(ObjectId: "12345"))).Errors).Row);
    }

    [Fact]
    public async Task A_plan_made_before_someone_else_changed_the_people_is_refused()
    {
        await People.AddAsync(new NewPerson("周琳", "办公室"));
        // Planned while 周琳 was an officer: applied after another admin's change, it would silently take that change back.
        var plan = await Roster.PlanEditAsync("周琳", new PersonEdit(Department: "财审股"));
        await Roster.ApplyAsync(await Roster.PlanEditAsync("周琳", new PersonEdit(IsAdmin: true)), Actor.System("t"), Now);

        var result = await Roster.ApplyAsync(plan, Actor.System("t"), Now);

        Assert.Equal(RosterErrorCodes.PlanStale, Assert.Single(result.Errors).Code);
        Assert.Equal(("办公室", true), Assert.Single(await People.FindByNameAsync("周琳")) is var p ? (p.Department, p.IsAdmin) : default);
    }

    [Fact]
    public async Task A_roster_without_role_or_supervised_columns_keeps_rights_and_a_role_naming_no_leader_ends_supervisions()
    {
        await ImportAsync(Sheet(
            ["吴敏", "整改办", null, null, "整改办", null],
            ["钱坤", "局领导", null, null, "领导", "财审股、经责股"],
            ["郑华", "经责股", null, null, "领导、整改办", "经责股"],
            ["孙悦", "财审股", null, null, "责任人", null]));
        // Names and emails only, as an office gathers them from the mail system: it says nothing of anyone's rights.
        var emails = _files.Csv("emails.csv", """
            姓名,电子邮箱
            吴敏,wumin@county.gov.cn
            钱坤,qiankun@county.gov.cn
            郑华,zhenghua@county.gov.cn
            孙悦,sunyue@county.gov.cn
            """);
        // Role given, supervised departments not: a cell naming officer or admin (not leader) ends what they supervise;
        // a blank cell names nothing and keeps it.
        var roles = _files.Csv("roles.csv", """
            Name,Role
            钱坤,officer
            郑华,admin
            孙悦,
            """);

        var plan = await Roster.PlanAsync(RosterSheet.Read(emails).Entries);

        Assert.True(plan.Succeeded, string.Join("; ", plan.Errors));
        Assert.All(plan.Updated, u => Assert.Equal([RosterFields.Email], u.Changes.Select(c => c.Field)));
        await Roster.ApplyAsync(plan, Actor.System("people import"), Now);
        Assert.Equal(["吴敏", "郑华"], (await People.ListAdminsAsync()).Select(p => p.Name));
        Assert.Equal(2, Assert.Single(await People.FindByNameAsync("钱坤")).SupervisedDepartmentIds.Count);
        var sun = Assert.Single(await People.FindByNameAsync("孙悦"));
        Assert.Equal(("sunyue@county.gov.cn", false, false), (sun.Email, sun.IsAdmin, sun.IsLeader));

        var rolePlan = await Roster.PlanAsync(RosterSheet.Read(roles).Entries);
        Assert.True(rolePlan.Succeeded, string.Join("; ", rolePlan.Errors));
        // The preview (and --dry-run) shows the supervisions going.
        Assert.Equal([new FieldChange(RosterFields.Supervises, "经责股、财审股", "")], rolePlan.Updated.Single(u => u.Entry.Name == "钱坤").Changes);
        Assert.Equal([new FieldChange(RosterFields.Supervises, "经责股", "")], rolePlan.Updated.Single(u => u.Entry.Name == "郑华").Changes);
        Assert.Equal(1, rolePlan.Unchanged);
        Assert.True((await Roster.ApplyAsync(rolePlan, Actor.System("people import"), Now)).Succeeded);
        var zheng = Assert.Single(await People.FindByNameAsync("郑华"));
        Assert.Equal((true, false), (zheng.IsAdmin, zheng.IsLeader));
        Assert.False(Assert.Single(await People.FindByNameAsync("钱坤")).IsLeader);
        Assert.Equal(["吴敏", "郑华"], (await People.ListAdminsAsync()).Select(p => p.Name));
    }

    [Fact]
    public async Task A_plan_that_takes_away_the_last_admin_is_refused_and_nothing_is_written()
    {
        await ImportAsync(Sheet(["吴敏", "整改办", null, null, "整改办", null], ["周琳", "办公室", null, null, "整改办", null]));
        // The role cells left blank: read as officers, both admins would go.
        var blank = RosterSheet.Read(Sheet(["吴敏", "整改办", null, null, null, null], ["周琳", "办公室", null, null, null, null]));

        var plan = await Roster.PlanAsync(blank.Entries);

        Assert.Equal((0, RosterErrorCodes.NoAdminLeft), Assert.Single(plan.Errors) is var e ? (e.Row, e.Code) : default);
        Assert.False((await Roster.ApplyAsync(plan, Actor.System("t"), Now)).Succeeded);
        Assert.True((await Roster.ApplyAsync(await Roster.PlanEditAsync("周琳", new PersonEdit(IsAdmin: false)), Actor.System("people set"), Now)).Succeeded);
        var last = await Roster.PlanEditAsync("吴敏", new PersonEdit(IsAdmin: false, Supervises: []));
        Assert.Equal(RosterErrorCodes.NoAdminLeft, Assert.Single(last.Errors).Code);
        Assert.Equal(["吴敏"], (await People.ListAdminsAsync()).Select(p => p.Name));
        // Handing the right over in the same roster is fine: the ledger is never without an admin.
        var handover = RosterSheet.Read(Sheet(["吴敏", "整改办", null, null, "责任人", null], ["孙悦", "财审股", null, null, "整改办", null]));
        Assert.True((await Roster.ApplyAsync(await Roster.PlanAsync(handover.Entries), Actor.System("t"), Now)).Succeeded);
        Assert.Equal(["孙悦"], (await People.ListAdminsAsync()).Select(p => p.Name));
    }

    [Fact]
    public async Task Two_imports_each_demoting_a_different_admin_cannot_both_be_written()
    {
        await ImportAsync(Sheet(["吴敏", "整改办", null, null, "整改办", null], ["周琳", "办公室", null, null, "整改办", null]));
        // Both planned while both were admins: each plan alone leaves one.
        var demoteWu = await Roster.PlanEditAsync("吴敏", new PersonEdit(IsAdmin: false));
        var demoteZhou = await Roster.PlanEditAsync("周琳", new PersonEdit(IsAdmin: false));
        Assert.True(demoteWu.Succeeded && demoteZhou.Succeeded);

        // The other import is mid-write: it holds the roster's write lock and has demoted 周琳, not yet committed.
        Task<RosterWriteResult> racing;
        await using (var other = await _database.Connections.OpenAsync(CancellationToken.None))
        {
            await using var transaction = await other.BeginTransactionAsync();
            if (Provider == DatabaseProvider.Postgres)
            {
                await other.ExecuteAsync("SELECT pg_advisory_xact_lock(@Key)", new { Key = RosterImport.WriteLockKey }, transaction);
            }
            await other.ExecuteAsync("UPDATE people SET is_admin = @Admin WHERE name = '周琳'", new { Admin = false }, transaction);
            racing = Task.Run(() => Roster.ApplyAsync(demoteWu, Actor.System("people set"), Now));
            // Give the racing write every chance to go ahead; it must wait for this one instead.
            await Task.WhenAny(racing, Task.Delay(TimeSpan.FromSeconds(1)));
            await transaction.CommitAsync();
        }

        Assert.False((await racing).Succeeded);
        Assert.Equal(["吴敏"], (await People.ListAdminsAsync()).Select(p => p.Name));
    }

    [Fact]
    public async Task An_id_taken_outside_the_roster_while_it_writes_is_a_refusal_not_an_exception()
    {
        await People.AddAsync(new NewPerson("周琳", "办公室"));
        await People.AddAsync(new NewPerson("韩冬", "局领导"));
        var plan = await Roster.PlanEditAsync("韩冬", new PersonEdit(ObjectId: GuidB));
        Assert.True(plan.Succeeded, string.Join("; ", plan.Errors));

        // The bot links 周琳's account to that id on her first message, not yet committed when the roster writes.
        Task<RosterWriteResult> racing;
        await using (var other = await _database.Connections.OpenAsync(CancellationToken.None))
        {
            await using var transaction = await other.BeginTransactionAsync();
            await other.ExecuteAsync("UPDATE people SET teams_user_id = @Id WHERE name = '周琳'", new { Id = GuidB }, transaction);
            racing = Task.Run(() => Roster.ApplyAsync(plan, Actor.System("people set"), Now));
            await Task.WhenAny(racing, Task.Delay(TimeSpan.FromSeconds(1)));
            await transaction.CommitAsync();
        }

        Assert.Equal(RosterErrorCodes.PlanStale, Assert.Single((await racing).Errors).Code);
        Assert.Null(Assert.Single(await People.FindByNameAsync("韩冬")).TeamsUserId);
        Assert.Equal(RosterErrorCodes.ObjectIdConflict, Assert.Single((await Roster.PlanEditAsync("韩冬", new PersonEdit(ObjectId: GuidB))).Errors).Code);
    }

    [Fact]
    public async Task An_object_id_is_one_account_whatever_its_spelling()
    {
        var id = await People.AddAsync(new NewPerson("周琳", "办公室", TeamsUserId: GuidA.ToUpperInvariant()));
        var linked = await People.AddAsync(new NewPerson("韩冬", "局领导"));

        // Stored in Teams' spelling, so the every-turn lookup is a plain equality on the UNIQUE column.
        Assert.Equal(GuidA, (await People.GetAsync(id))!.TeamsUserId);
        Assert.Equal(id, (await People.FindByTeamsUserIdAsync(GuidA.ToUpperInvariant()))!.Id);
        // The other spelling of one id is the same account: the UNIQUE constraint refuses a second person for it.
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => People.AddAsync(new NewPerson("孙悦", "财审股", TeamsUserId: GuidA)));
        Assert.True(await People.LinkTeamsUserAsync(linked, "Playground-User-Han"));
        Assert.Equal(linked, (await People.FindByTeamsUserIdAsync("playground-user-han"))!.Id);
        // A non-GUID id passes a roster only as the account already linked, in any spelling.
        var plan = await Roster.PlanAsync(RosterSheet.Read(Sheet(["韩冬", "局领导", null, "PLAYGROUND-USER-HAN", null, null])).Entries);
        Assert.True(plan.Succeeded, string.Join("; ", plan.Errors));
        Assert.Equal(1, plan.Unchanged);
    }

    [Fact]
    public async Task Migration_0081_lowers_stored_object_ids_but_leaves_two_spellings_of_one_id_for_an_admin()
    {
        const string Insert = "INSERT INTO people (name, teams_user_id, is_admin, created_at) VALUES (@Name, @Id, @Admin, @At)";
        await using (var connection = await _database.Connections.OpenAsync(CancellationToken.None))
        {
            foreach (var (name, objectId) in new[] { ("周琳", GuidA.ToUpperInvariant()), ("韩冬", GuidB.ToUpperInvariant()), ("孙悦", GuidB), ("钱坤", "Test-Account") })
            {
                await connection.ExecuteAsync(Insert, new { Name = name, Id = objectId, Admin = false, At = Now });
            }
            var script = MigrationRunner.Scripts(Provider).Single(s => s.Version == 81);
            await connection.ExecuteAsync(script.Sql);
        }

        Assert.Equal(GuidA, Assert.Single(await People.FindByNameAsync("周琳")).TeamsUserId);
        Assert.Equal("test-account", Assert.Single(await People.FindByNameAsync("钱坤")).TeamsUserId);
        Assert.Equal(GuidB.ToUpperInvariant(), Assert.Single(await People.FindByNameAsync("韩冬")).TeamsUserId);
        Assert.Equal("孙悦", (await People.FindByTeamsUserIdAsync(GuidB.ToUpperInvariant()))!.Name);
        Assert.Equal([("韩冬", GuidB.ToUpperInvariant())], await People.ListObjectIdCaseCollisionsAsync());
    }

    /// <summary>Two people of one object id in two spellings, as migration 0081 leaves them: 韩冬 in capitals, 孙悦 lowered.</summary>
    private async Task TwoSpellingsOfOneIdAsync()
    {
        const string Insert = "INSERT INTO people (name, teams_user_id, is_admin, created_at) VALUES (@Name, @Id, @Admin, @At)";
        await using var connection = await _database.Connections.OpenAsync(CancellationToken.None);
        foreach (var (name, objectId, admin) in new[] { ("吴敏", GuidA, true), ("韩冬", GuidB.ToUpperInvariant(), false), ("孙悦", GuidB, false) })
        {
            await connection.ExecuteAsync(Insert, new { Name = name, Id = objectId, Admin = admin, At = Now });
        }
    }

    [Fact]
    public async Task A_person_left_with_an_unlowered_id_is_still_updated_and_keeps_that_id_unchanged()
    {
        await TwoSpellingsOfOneIdAsync();

        // No object id in the row: the stored spelling stays, instead of a lowered one that is the other person's.
        var plan = await Roster.PlanAsync(RosterSheet.Read(Sheet(["韩冬", "局领导", "handong@county.gov.cn", null, null, null])).Entries);
        Assert.True(plan.Succeeded, string.Join("; ", plan.Errors));
        Assert.True((await Roster.ApplyAsync(plan, Actor.System("people import"), Now)).Succeeded);
        var han = Assert.Single(await People.FindByNameAsync("韩冬"));
        Assert.Equal(("局领导", "handong@county.gov.cn", GuidB.ToUpperInvariant()), (han.Department, han.Email, han.TeamsUserId));
        Assert.Equal("孙悦", (await People.FindByTeamsUserIdAsync(GuidB))!.Name);

        // people set of that person is not refused for the id it already has, and leaves it as it is.
        var edit = await Roster.PlanEditAsync("韩冬", new PersonEdit(Department: "财审股", IsAdmin: true));
        Assert.True(edit.Succeeded, string.Join("; ", edit.Errors));
        Assert.True((await Roster.ApplyAsync(edit, Actor.System("people set"), Now)).Succeeded);
        han = Assert.Single(await People.FindByNameAsync("韩冬"));
        Assert.Equal(("财审股", true, GuidB.ToUpperInvariant()), (han.Department, han.IsAdmin, han.TeamsUserId));

        // Writing the id itself (lowered, it is 孙悦's) is a row error, never a UNIQUE violation.
        var conflict = await Roster.PlanAsync(RosterSheet.Read(Sheet(["韩冬", null, null, GuidB.ToUpperInvariant(), null, null])).Entries);
        Assert.Equal((4, RosterErrorCodes.ObjectIdConflict), Assert.Single(conflict.Errors) is var e ? (e.Row, e.Code) : default);
        Assert.Equal(RosterErrorCodes.ObjectIdConflict, Assert.Single((await Roster.PlanEditAsync("韩冬", new PersonEdit(ObjectId: GuidB))).Errors).Code);
        Assert.Equal(GuidB.ToUpperInvariant(), Assert.Single(await People.FindByNameAsync("韩冬")).TeamsUserId);
    }

    [Fact]
    public async Task People_set_unlinks_the_wrong_holder_of_an_id_so_the_right_one_can_be_set_and_audits_it()
    {
        await TwoSpellingsOfOneIdAsync();

        var unlink = await Roster.PlanEditAsync("孙悦", new PersonEdit(UnlinkObjectId: true));
        Assert.Equal([new FieldChange(RosterFields.ObjectId, GuidB, null)], Assert.Single(unlink.Updated).Changes);
        Assert.Equal(GuidB, Assert.Single(await People.FindByNameAsync("孙悦")).TeamsUserId);
        Assert.True((await Roster.ApplyAsync(unlink, Actor.System("people set"), Now)).Succeeded);

        Assert.Null(Assert.Single(await People.FindByNameAsync("孙悦")).TeamsUserId);
        Assert.Equal(1, await CountAsync("SELECT count(*) FROM audit_log WHERE entity = 'person' AND action = 'roster_updated'"));
        // Still warned at start until the right person's id is set again.
        Assert.Equal([("韩冬", GuidB.ToUpperInvariant())], await People.ListObjectIdCaseCollisionsAsync());
        // The id is free now: the right person gets it in Teams' spelling, and Teams finds them.
        var set = await Roster.PlanEditAsync("韩冬", new PersonEdit(ObjectId: GuidB.ToUpperInvariant()));
        Assert.True(set.Succeeded, string.Join("; ", set.Errors));
        Assert.True((await Roster.ApplyAsync(set, Actor.System("people set"), Now)).Succeeded);
        Assert.Equal("韩冬", (await People.FindByTeamsUserIdAsync(GuidB))!.Name);
        Assert.Empty(await People.ListObjectIdCaseCollisionsAsync());
        // Unlinking someone with no account changes nothing.
        Assert.Equal(1, (await Roster.PlanEditAsync("孙悦", new PersonEdit(UnlinkObjectId: true))).Unchanged);
    }

    [Fact]
    public async Task The_exported_roster_imports_back_unchanged()
    {
        await ImportAsync(Sheet(
            ["吴敏", "整改办", "wumin@county.gov.cn", GuidA, "整改办", null],
            ["钱坤", "局领导", null, null, "领导", "财审股、经责股"],
            ["郑华", "经责股", null, GuidB, "领导、整改办", "经责股"],
            ["孙悦", "财审股", null, null, null, null]));
        foreach (var text in new[] { UiText.ZhCn, UiText.EnUs })
        {
            var path = _files.Path($"export-{text.Locale}.xlsx");
            await File.WriteAllBytesAsync(path, await RosterWorkbook.BytesAsync(await Roster.ListAsync(), text.RosterWorkbookTexts, CancellationToken.None));
            Assert.Equal(text.RosterSheetName, MiniExcelLibs.MiniExcel.GetSheetNames(path).Single());
            Assert.All(Enum.GetValues<RosterColumn>(), c => Assert.Equal(c, RosterSheet.Match(text.RosterHeader(c))));

            var read = RosterSheet.Read(path);
            Assert.True(read.Succeeded, string.Join("; ", read.Errors));
            var plan = await Roster.PlanAsync(read.Entries);
            Assert.Equal((0, 0, 4), (plan.New.Count, plan.Updated.Count, plan.Unchanged));
        }
    }
}

public sealed class SqliteRosterContractTests : RosterContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresRosterContractTests : RosterContractTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
