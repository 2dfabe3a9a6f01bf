using System.Net.Http.Headers;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using Rectification.Bot.Conversation;
using Rectification.Bot.Hosting;
using Rectification.Bot.Texts;
using Rectification.Data.Evidence;
using Rectification.Data.People;

namespace Rectification.Bot.Teams;

/// <summary>
/// Sends files the Teams way: a FileConsentCard first; on accept, the bytes go to the uploadUrl Teams returns (one
/// OneDrive fragment PUT with Content-Range), then a FileInfoCard shows the file in the chat. Only an answer naming
/// an open offer of the person answering uploads anything, once, within the offer's lifetime.
/// </summary>
public sealed class FileConsents(
    FileOffers offers,
    FileUrlPolicy policy,
    IHttpClientFactory clients,
    IOptions<FilesOptions> options,
    TimeProvider time,
    ILogger<FileConsents> logger)
{
    private const string TokenField = "offer";

    public async Task OfferAsync(ITurnContext turnContext, Person person, Reply.File file, UiText t, CancellationToken cancellationToken)
    {
        if (!policy.FilesSupported(turnContext.Activity.ServiceUrl))
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(t.FilesNotSupported(file.CliCommand)), cancellationToken);
            return;
        }
        var offer = await offers.CreateAsync(person.Id, person.Name, file.Name, file.Kind, file.Content, time.GetUtcNow(), options.Value.ConsentLifetime, cancellationToken);
        var context = new JObject { [TokenField] = offer.Token };
        var card = new FileConsentCard
        {
            Description = t.FileConsentDescription(file.Name),
            SizeInBytes = file.Content.LongLength,
            AcceptContext = context,
            DeclineContext = context,
        };
        var attachment = new Attachment { ContentType = FileConsentCard.ContentType, Name = file.Name, Content = card };
        await turnContext.SendActivityAsync(MessageFactory.Attachment(attachment), cancellationToken);
    }

    public async Task AcceptAsync(ITurnContext turnContext, Person? person, FileConsentCardResponse response, CancellationToken cancellationToken)
    {
        var t = UiText.For(person?.Language ?? turnContext.Activity.Locale);
        var offer = person is null || TokenOf(response) is not { } token ? null : await offers.TakeAsync(token, person.Id, accept: true, person.Name, time.GetUtcNow(), cancellationToken);
        if (offer is null || person is null)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(t.FileOfferGone), cancellationToken);
            return;
        }
        var info = response.UploadInfo;
        string? error = null;
        if (!Uri.TryCreate(info?.UploadUrl, UriKind.Absolute, out var uploadUrl) || !policy.IsAllowed(uploadUrl))
        {
            error = "upload URL not allowed";
        }
        else
        {
            using var client = clients.CreateClient(FileDownloader.ClientName);
            using var content = new ByteArrayContent(offer.Content);
            content.Headers.ContentLength = offer.Content.LongLength;
            content.Headers.ContentRange = new ContentRangeHeaderValue(0, offer.Content.LongLength - 1, offer.Content.LongLength);
            using var put = await client.PutAsync(uploadUrl, content, cancellationToken);
            error = put.IsSuccessStatusCode ? null : $"upload answered {(int)put.StatusCode}";
        }
        await offers.FinishAsync(offer, error is null, person.Name, error, time.GetUtcNow(), cancellationToken);
        if (error is not null)
        {
            logger.LogWarning("Uploading offered file {OfferId} failed: {Error}", offer.Id, error);
            await turnContext.SendActivityAsync(MessageFactory.Text(t.FileUploadFailed(offer.Name)), cancellationToken);
            return;
        }
        var card = new Attachment
        {
            ContentType = FileInfoCard.ContentType,
            ContentUrl = info!.ContentUrl,
            Name = info.Name,
            Content = new FileInfoCard { UniqueId = info.UniqueId, FileType = info.FileType },
        };
        await turnContext.SendActivityAsync(MessageFactory.Attachment(card), cancellationToken);
    }

    public async Task DeclineAsync(ITurnContext turnContext, Person? person, FileConsentCardResponse response, CancellationToken cancellationToken)
    {
        var t = UiText.For(person?.Language ?? turnContext.Activity.Locale);
        var offer = person is null || TokenOf(response) is not { } token ? null : await offers.TakeAsync(token, person.Id, accept: false, person.Name, time.GetUtcNow(), cancellationToken);
        await turnContext.SendActivityAsync(MessageFactory.Text(offer is null ? t.FileOfferGone : t.FileDeclined(offer.Name)), cancellationToken);
    }

    private static string? TokenOf(FileConsentCardResponse response) => response.Context switch
    {
        JObject json => json.Value<string>(TokenField),
        _ => response.Context is null ? null : JObject.FromObject(response.Context).Value<string>(TokenField),
    };
}
