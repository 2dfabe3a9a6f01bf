namespace Rectification.Bot.Hosting;

public static class ListenUrls
{
    /// <summary>
    /// ASP.NET Core reads <c>ASPNETCORE_URLS</c> before appsettings.json, so the file's <c>Urls</c> (localhost:3978)
    /// would silently win over it. An operator who sets it means it: it wins over the file, while an explicit
    /// <c>Urls</c> variable or <c>--urls</c> still wins over it. Set in configuration, so the start-up security check
    /// sees the same addresses Kestrel will listen on.
    /// </summary>
    public static void HonourAspNetCoreUrls(this IConfiguration configuration, string[] args)
    {
        if (Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is not { Length: > 0 } urls)
        {
            return;
        }
        var explicitUrls = Environment.GetEnvironmentVariables().Keys.OfType<string>().Any(k => k.Equals("urls", StringComparison.OrdinalIgnoreCase))
            || args.Any(a => a.Equals("--urls", StringComparison.OrdinalIgnoreCase) || a.StartsWith("--urls=", StringComparison.OrdinalIgnoreCase));
        if (!explicitUrls)
        {
            configuration["urls"] = urls;
        }
    }
}
