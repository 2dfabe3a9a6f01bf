using System.Text;
using Newtonsoft.Json.Linq;
using Rectification.Tests.Http;

namespace Rectification.Tests.Security;

/// <summary>Activities as an attacker (or Teams) might post them: every part that matters to trust can be set.</summary>
public static class Activities
{
    public static JObject Message(
        string text,
        string id,
        string userId = "29:liu",
        string name = "Liu Yang",
        string? aadObjectId = "aad-liu",
        string? tenantId = "tenant-1",
        string? serviceUrl = FakeConnector.ServiceUrl,
        string conversationId = "a:personal-liu",
        string type = "message")
    {
        var activity = new JObject
        {
            ["type"] = type,
            ["id"] = id,
            ["text"] = text,
            ["locale"] = "zh-CN",
            ["channelId"] = "msteams",
            ["from"] = new JObject { ["id"] = userId, ["name"] = name },
            ["recipient"] = new JObject { ["id"] = "28:bot", ["name"] = "整改台账助手" },
            ["conversation"] = new JObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = tenantId },
        };
        if (aadObjectId is not null)
        {
            activity["from"]!["aadObjectId"] = aadObjectId;
        }
        if (serviceUrl is not null)
        {
            activity["serviceUrl"] = serviceUrl;
        }
        return activity;
    }

    public static StringContent Content(JObject activity) => new(activity.ToString(), Encoding.UTF8, "application/json");
}
