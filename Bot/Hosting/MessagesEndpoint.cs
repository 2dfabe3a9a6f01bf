using System.IdentityModel.Tokens.Jwt;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Rectification.Bot.Hosting;

/// <summary>
/// POST /api/messages in front of the adapter: a body larger than <c>Bot:MaxRequestBodyBytes</c> gets 413 without
/// being parsed, and a token that fails validation deep inside the IdentityModel library (a bad signature, an
/// unknown key) gets 401 like every other authentication failure, not a 500.
/// </summary>
public static class MessagesEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot, IOptions<BotHostOptions> options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        // The IdentityModel library throws a plain ArgumentException on a header that is not a JWT at all.
        var authorization = context.Request.Headers.Authorization;
        if (authorization.Count > 1 || (authorization is [{ Length: > 0 } header] && !IsBearerJwt(header)))
        {
            return Results.Unauthorized();
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
        body.Position = 0;
        context.Request.Body = body;

        try
        {
            await adapter.ProcessAsync(context.Request, context.Response, bot, cancellationToken);
            return Results.Empty;
        }
        catch (SecurityTokenException exception)
        {
            loggers.CreateLogger(typeof(MessagesEndpoint)).LogWarning("Refused a request to /api/messages: {Reason}", exception.GetType().Name);
            return Results.Unauthorized();
        }
    }

    private static bool IsBearerJwt(string header) =>
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && new JwtSecurityTokenHandler().CanReadToken(header["Bearer ".Length..].Trim());
}
