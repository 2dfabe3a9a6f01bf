using Rectification.Bot.Cli;
using Rectification.Bot.Hosting;

// Only no arguments, `serve` or host settings (--key=value) start the bot; anything else is a command, and an
// unknown one fails (exit 2) instead of starting a bot nobody asked for.
if (!CommandLine.StartsHost(args, out var hostArgs))
{
    return await CommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.HonourAspNetCoreUrls(hostArgs);
builder.Services.AddLedger();
builder.Services.AddBot(builder.Configuration);
builder.Services.AddReminders();

var app = builder.Build();
app.MapBotEndpoints();
await app.RunAsync();
return 0;

/// <summary>Visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
