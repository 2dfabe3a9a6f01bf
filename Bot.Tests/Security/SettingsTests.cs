using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rectification.Tests.Security;

/// <summary>Secrets come from environment variables or user secrets, never from the committed appsettings.json.</summary>
public sealed partial class SettingsTests
{
    [Fact]
    public void The_committed_appsettings_holds_no_secret()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "appsettings.json")));
        var root = settings.RootElement;

        Assert.Equal("", root.GetProperty("MicrosoftAppPassword").GetString());
        Assert.DoesNotMatch(PasswordKey(), root.GetProperty("Database").GetProperty("ConnectionString").GetString() ?? "");
        Assert.Empty(root.GetProperty("Teams").GetProperty("AllowedTenants").EnumerateArray());
    }

    [GeneratedRegex(@"(password|pwd)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordKey();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Rectification.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Rectification.sln not found above the test binaries.");
    }
}
