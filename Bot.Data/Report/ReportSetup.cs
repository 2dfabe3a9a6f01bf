using Dapper;
using Rectification.Data.Db;
using Rectification.Data.Ledger;

namespace Rectification.Data.Report;

public enum LeadingRole
{
    /// <summary>组长.</summary>
    Leader,
    /// <summary>副组长.</summary>
    Deputy,
    /// <summary>成员.</summary>
    Member,
}

/// <summary>One member of the 整改领导小组; Title is the post as the notice names it ("盟委委员、统战部部长").</summary>
public sealed record LeadingGroupMember(LeadingRole Role, string Name, string? Title);

/// <summary>A meeting held for the rectification: 专项推进会, 专题民主生活会, 部务会….</summary>
public sealed record InspectionMeeting(long Id, DateOnly HeldOn, string Kind, string Topic);

/// <summary>
/// The leading group and the meetings of one inspection: what 一、组织开展情况 of the 通报 is written from. Every change
/// is audited like a ledger change.
/// </summary>
public sealed class ReportSetup(ConnectionFactory connections)
{
    private const string SelectMembers = """
        SELECT role AS Role, name AS Name, title AS Title FROM leading_group_members
        WHERE inspection_id = @InspectionId ORDER BY CASE role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, ordinal, id
        """;

    public async Task<IReadOnlyList<LeadingGroupMember>> LeadingGroupAsync(long inspectionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MemberRow>(new CommandDefinition(SelectMembers, new { InspectionId = inspectionId }, cancellationToken: cancellationToken));
        return rows.Select(r => new LeadingGroupMember(RoleFromCode(r.Role), r.Name, r.Title)).ToList();
    }

    private const string DeleteMembers = "DELETE FROM leading_group_members WHERE inspection_id = @InspectionId";

    private const string InsertMember = """
        INSERT INTO leading_group_members (inspection_id, role, ordinal, name, title)
        VALUES (@InspectionId, @Role, @Ordinal, @Name, @Title)
        """;

    /// <summary>Replaces the whole group: the group is set as one list, the way the 通知 that forms it reads.</summary>
    public async Task SetLeadingGroupAsync(long inspectionId, IReadOnlyList<LeadingGroupMember> members, Actor actor, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var before = (await connection.QueryAsync<MemberRow>(new CommandDefinition(SelectMembers, new { InspectionId = inspectionId }, transaction, cancellationToken: cancellationToken))).ToList();
        await connection.ExecuteAsync(new CommandDefinition(DeleteMembers, new { InspectionId = inspectionId }, transaction, cancellationToken: cancellationToken));
        for (var i = 0; i < members.Count; i++)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertMember, new
            {
                InspectionId = inspectionId,
                Role = ToCode(members[i].Role),
                Ordinal = i,
                members[i].Name,
                members[i].Title,
            }, transaction, cancellationToken: cancellationToken));
        }
        await AuditLog.WriteAsync(connection, transaction, actor, at, "inspection", inspectionId, "leading_group",
            before.Select(m => new { m.Role, m.Name, m.Title }), members.Select(m => new { Role = ToCode(m.Role), m.Name, m.Title }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private const string SelectMeetings = """
        SELECT id AS Id, held_on AS HeldOn, kind AS Kind, topic AS Topic FROM inspection_meetings
        WHERE inspection_id = @InspectionId ORDER BY held_on, id
        """;

    public async Task<IReadOnlyList<InspectionMeeting>> MeetingsAsync(long inspectionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MeetingRow>(new CommandDefinition(SelectMeetings, new { InspectionId = inspectionId }, cancellationToken: cancellationToken));
        return rows.Select(r => new InspectionMeeting(r.Id, r.HeldOn, r.Kind, r.Topic)).ToList();
    }

    private const string InsertMeeting = """
        INSERT INTO inspection_meetings (inspection_id, held_on, kind, topic, created_at)
        VALUES (@InspectionId, @HeldOn, @Kind, @Topic, @At)
        RETURNING id
        """;

    public async Task<long> AddMeetingAsync(long inspectionId, DateOnly heldOn, string kind, string topic, Actor actor, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var args = new { InspectionId = inspectionId, HeldOn = heldOn, Kind = kind.Trim(), Topic = topic.Trim(), At = at };
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertMeeting, args, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, actor, at, "meeting", id, "create", null, new { inspectionId, heldOn, args.Kind, args.Topic }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }

    private const string SelectMeeting = "SELECT id AS Id, held_on AS HeldOn, kind AS Kind, topic AS Topic FROM inspection_meetings WHERE id = @Id AND inspection_id = @InspectionId";

    private const string DeleteMeeting = "DELETE FROM inspection_meetings WHERE id = @Id AND inspection_id = @InspectionId";

    /// <summary>False when the inspection has no such meeting.</summary>
    public async Task<bool> RemoveMeetingAsync(long inspectionId, long meetingId, Actor actor, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var args = new { Id = meetingId, InspectionId = inspectionId };
        var meeting = await connection.QuerySingleOrDefaultAsync<MeetingRow>(new CommandDefinition(SelectMeeting, args, transaction, cancellationToken: cancellationToken));
        if (meeting is null)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(DeleteMeeting, args, transaction, cancellationToken: cancellationToken));
        await AuditLog.WriteAsync(connection, transaction, actor, at, "meeting", meetingId, "delete", new { meeting.HeldOn, meeting.Kind, meeting.Topic }, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static string ToCode(LeadingRole role) => role switch
    {
        LeadingRole.Leader => "leader",
        LeadingRole.Deputy => "deputy",
        _ => "member",
    };

    private static LeadingRole RoleFromCode(string code) => code switch
    {
        "leader" => LeadingRole.Leader,
        "deputy" => LeadingRole.Deputy,
        _ => LeadingRole.Member,
    };

    private sealed class MemberRow
    {
        public string Role { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Title { get; init; }
    }

    private sealed class MeetingRow
    {
        public long Id { get; init; }
        public DateOnly HeldOn { get; init; }
        public string Kind { get; init; } = "";
        public string Topic { get; init; } = "";
    }
}
