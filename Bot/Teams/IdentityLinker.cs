using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Connector;
using Rectification.Data.People;
using Rectification.Data.Trust;

namespace Rectification.Bot.Teams;

/// <summary>Why a Teams user was not matched to a ledger person.</summary>
public enum IdentityRefusal
{
    None,

    /// <summary>Nobody in the ledger has this account's object id or roster email.</summary>
    Unknown,

    /// <summary>Only the display name matches, which anyone can choose: an admin must confirm who this is.</summary>
    NameOnly,

    /// <summary>The matching person is linked to another Teams account, or to another tenant, already.</summary>
    LinkedElsewhere,

    /// <summary>The ledger is bound to another Microsoft Entra tenant.</summary>
    OtherTenant,
}

public sealed record IdentityMatch(Person? Person, IdentityRefusal Refusal);

/// <summary>
/// Who is talking. With authentication on, only what the Bot Connector vouches for counts: the Entra object id of
/// the account, and the email/UPN of its Teams roster entry, within the account's tenant. A display name is
/// anyone's to choose, so it never links anyone by itself (the person is told to ask the rectification office).
/// A match is remembered with its tenant; a person already linked is never relinked to another account here (an
/// admin unlinks first). With authentication off (local development, loopback only) a unique display name is
/// still enough, so the Agents Playground's mock users work.
/// </summary>
public sealed class IdentityLinker(PeopleRepository people, TenantBinding binding, IConfiguration configuration, ILogger<IdentityLinker> logger)
{
    private bool AuthenticationOff => string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    public async Task<Person?> ResolveAsync(ITurnContext turn, CancellationToken cancellationToken) => (await MatchAsync(turn, cancellationToken)).Person;

    public async Task<IdentityMatch> MatchAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var from = turn.Activity.From;
        var tenant = ActivityTenant.Of(turn.Activity);
        var aadObjectId = from?.AadObjectId;
        if (aadObjectId is { Length: > 0 } && await people.FindByTeamsUserIdAsync(aadObjectId, cancellationToken) is { } linked)
        {
            return SameTenant(linked.TeamsTenantId, tenant) ? new(linked, IdentityRefusal.None) : Refuse(IdentityRefusal.OtherTenant, linked, tenant);
        }

        string? email = null;
        if (turn.Activity.ChannelId == Channels.Msteams && from?.Id is { Length: > 0 })
        {
            try
            {
                var member = await TeamsInfo.GetMemberAsync(turn, from.Id, cancellationToken);
                email = member.Email ?? member.UserPrincipalName;
                aadObjectId ??= member.AadObjectId;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Could not read the Teams roster entry of {UserId}", from.Id);
            }
        }

        var match = email is null ? null : await people.FindByEmailAsync(email, cancellationToken);
        if (match is null && from?.Name is { Length: > 0 } name && await people.FindByNameAsync(name, cancellationToken) is [var only])
        {
            if (!AuthenticationOff)
            {
                logger.LogWarning("Teams user {AadObjectId} of tenant {TenantId} matches ledger person {PersonId} by display name only: not linked without an admin",
                    aadObjectId, tenant, only.Id);
                return new(null, IdentityRefusal.NameOnly);
            }
            match = only;
        }
        if (match is null)
        {
            return new(null, IdentityRefusal.Unknown);
        }
        if (match.TeamsUserId is not null && !string.Equals(match.TeamsUserId, aadObjectId, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(IdentityRefusal.LinkedElsewhere, match, tenant);
        }
        if (AuthenticationOff || aadObjectId is not { Length: > 0 })
        {
            // Nothing to remember the person by (local development, or no object id): matched for this turn only.
            if (aadObjectId is { Length: > 0 } && match.TeamsUserId is null)
            {
                await people.LinkTeamsUserAsync(match.Id, aadObjectId, tenant, cancellationToken);
            }
            return new(match, IdentityRefusal.None);
        }
        if (tenant is null)
        {
            return Refuse(IdentityRefusal.OtherTenant, match, tenant);
        }
        // The first link binds an unbound ledger to this tenant; a tenant that lost the race gets nobody.
        if (!configuration.GetSection("Teams:AllowedTenants").GetChildren().Any(t => !string.IsNullOrWhiteSpace(t.Value))
            && !SameTenant(await binding.BindAsync(tenant, cancellationToken), tenant))
        {
            return Refuse(IdentityRefusal.OtherTenant, match, tenant);
        }
        if (!await people.LinkTeamsUserAsync(match.Id, aadObjectId, tenant, cancellationToken))
        {
            return Refuse(IdentityRefusal.LinkedElsewhere, match, tenant);
        }
        logger.LogInformation("Linked Teams user {AadObjectId} of tenant {TenantId} to ledger person {PersonId}", aadObjectId, tenant, match.Id);
        return new(match with { TeamsUserId = aadObjectId, TeamsTenantId = tenant }, IdentityRefusal.None);
    }

    private IdentityMatch Refuse(IdentityRefusal refusal, Person person, string? tenant)
    {
        logger.LogWarning("Refused to match a Teams user of tenant {TenantId} to ledger person {PersonId}: {Refusal}", tenant, person.Id, refusal);
        return new(null, refusal);
    }

    // A link made before tenants were recorded (NULL) is honoured; otherwise the tenants must agree.
    private static bool SameTenant(string? linked, string? current) =>
        linked is null || string.Equals(linked, current, StringComparison.OrdinalIgnoreCase);
}
