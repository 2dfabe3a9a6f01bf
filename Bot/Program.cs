using Rectification.Bot.Cli;
using Rectification.Bot.Hosting;

if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddLedger();
builder.Services.AddBot(builder.Configuration);
builder.Services.AddReminders();

var app = builder.Build();
app.MapBotEndpoints();
await app.RunAsync();
return 0;

/// <summary>Visible to the HTTP tests' WebApplicationFactory.</summary>
public partial class Program;
