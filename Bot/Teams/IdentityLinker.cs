using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Connector;
using Rectification.Data.People;

namespace Rectification.Bot.Teams;

/// <summary>
/// Who is talking: the ledger person linked to the Teams (AAD) user id; else the one whose email matches the
/// Teams roster's email/UPN; else the one person whose name is the display name. A match is remembered. A person
/// already linked to another Teams user is never matched again by email or name. Display names are anyone's to
/// choose, so with authentication on they never make someone a leader or an admin.
/// </summary>
public sealed class IdentityLinker(PeopleRepository people, IConfiguration configuration, ILogger<IdentityLinker> logger)
{
    private bool AuthenticationOff => string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);

    public async Task<Person?> ResolveAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var from = turn.Activity.From;
        var aadObjectId = from?.AadObjectId;
        if (aadObjectId is { Length: > 0 } && await people.FindByTeamsUserIdAsync(aadObjectId, cancellationToken) is { } linked)
        {
            return linked;
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
        if (match is null && from?.Name is { Length: > 0 } name && await people.FindByNameAsync(name, cancellationToken) is [var only]
            && (AuthenticationOff || (!only.IsAdmin && !only.IsLeader)))
        {
            match = only;
        }
        if (match is null || (match.TeamsUserId is not null && match.TeamsUserId != aadObjectId))
        {
            return null;
        }
        if (aadObjectId is { Length: > 0 } && match.TeamsUserId is null)
        {
            await people.LinkTeamsUserAsync(match.Id, aadObjectId, cancellationToken);
            logger.LogInformation("Linked Teams user {AadObjectId} to ledger person {PersonId}", aadObjectId, match.Id);
        }
        return match;
    }
}
