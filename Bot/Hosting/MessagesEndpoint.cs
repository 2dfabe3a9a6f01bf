using System.IdentityModel.Tokens.Jwt;
using System.Text.Json;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Rectification.Bot.Teams;

namespace Rectification.Bot.Hosting;

/// <summary>
/// POST /api/messages in front of the adapter, cheapest refusals first:
/// a token that cannot be a Bot Framework channel token (not a JWT, alg none or HS256, another issuer, no key id)
/// gets 401 without any outbound call, as does any token at all when authentication is off; a body larger than
/// <c>Bot:MaxRequestBodyBytes</c> gets 413 without being parsed; a body that is not an activity with an https
/// serviceUrl (http on loopback when authentication is off) gets 400, so no other scheme is ever stored or called;
/// while the token keys cannot be fetched, 503 at once (see <see cref="OpenIdMetadataGate"/>); and a token that fails
/// validation deep inside the IdentityModel library (a bad signature, an unknown key) gets 401, not a 500.
/// </summary>
public static class MessagesEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot, IOptions<BotHostOptions> options, OpenIdMetadataGate metadata,
        IConfiguration configuration, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(MessagesEndpoint));
        var authorization = context.Request.Headers.Authorization;
        if (!metadata.Enabled && authorization.Count > 0)
        {
            // Authentication is off, so nobody should send a token; checking one would mean a call to the internet.
            logger.LogWarning("Refused a request to /api/messages: a token was sent but authentication is off");
            return Results.Unauthorized();
        }
        if (metadata.Enabled && (authorization is not [{ Length: > 0 } header] || !IsChannelToken(header, configuration)))
        {
            return Results.Unauthorized();
        }

        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        // A chunked body has no length up front: read at most limit + 1 bytes, then hand the adapter the copy.
        var body = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (body.Length + read > limit)
            {
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }
            body.Write(buffer, 0, read);
        }
        if (ServiceUrlProblem(body.GetBuffer().AsMemory(0, (int)body.Length), metadata.Enabled) is { } problem)
        {
            logger.LogWarning("Refused a request to /api/messages: {Problem}", problem);
            return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }
        body.Position = 0;
        context.Request.Body = body;

        if (!await metadata.IsAvailableAsync(cancellationToken))
        {
            context.Response.Headers.RetryAfter = metadata.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Problem("The Bot Framework token keys cannot be fetched right now; try again later.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        try
        {
            await adapter.ProcessAsync(context.Request, context.Response, bot, cancellationToken);
            return Results.Empty;
        }
        catch (Exception exception) when (exception is SecurityTokenException or UnauthorizedAccessException or ArgumentException)
        {
            // Turn errors never get here (the adapter's OnTurnError handles them): this is the token check failing.
            logger.LogWarning("Refused a request to /api/messages: {Reason}", exception.GetType().Name);
            return Results.Unauthorized();
        }
    }

    /// <summary>
    /// What the Bot Connector sends: a JWT signed with RS256/384/512 under a key id, issued by the channel issuer.
    /// Anything else cannot pass validation, so it is refused before validation would fetch keys for it.
    /// </summary>
    private static bool IsChannelToken(string header, IConfiguration configuration)
    {
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var handler = new JwtSecurityTokenHandler();
        var raw = header["Bearer ".Length..].Trim();
        if (!handler.CanReadToken(raw))
        {
            return false;
        }
        JwtSecurityToken token;
        try
        {
            token = handler.ReadJwtToken(raw);
        }
        catch (Exception exception) when (exception is ArgumentException or SecurityTokenException or JsonException)
        {
            return false;
        }
        var issuer = configuration["ToBotFromChannelTokenIssuer"] is { Length: > 0 } configured ? configured : AuthenticationConstants.ToBotFromChannelTokenIssuer;
        return AuthenticationConstants.AllowedSigningAlgorithms.Contains(token.Header.Alg)
            && !string.IsNullOrEmpty(token.Header.Kid)
            && string.Equals(token.Issuer, issuer, StringComparison.Ordinal);
    }

    /// <summary>Null when the body is a JSON object whose serviceUrl may be stored and called; else why not.</summary>
    public static string? ServiceUrlProblem(ReadOnlyMemory<byte> body, bool authenticationOn)
    {
        string? serviceUrl;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return "the body is not an activity";
            }
            serviceUrl = document.RootElement.TryGetProperty("serviceUrl", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return "the body is not JSON";
        }
        return ServiceUrls.Problem(serviceUrl, authenticationOn);
    }
}
