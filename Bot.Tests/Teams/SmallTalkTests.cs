using Microsoft.Bot.Schema;

namespace Rectification.Tests.Teams;

/// <summary>Small talk, the suggestion buttons that replace the dead end, the admin's file requests, and one welcome per install.</summary>
public sealed class SmallTalkTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;

    public async Task InitializeAsync() => _chat = await ChatHarness.StartAsync();

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Theory]
    [InlineData("你好", "zh-CN", "刘洋，您好")]
    [InlineData("hello", "zh-CN", "Hello 刘洋")]
    [InlineData("谢谢", "en-US", "不客气")]
    [InlineData("thanks!", "zh-CN", "You're welcome")]
    [InlineData("再见", "zh-CN", "再见")]
    [InlineData("bye", "zh-CN", "Goodbye")]
    public async Task Small_talk_gets_a_short_polite_answer_in_the_words_language(string text, string locale, string expected)
    {
        var reply = Assert.Single(await _chat.SayAsync("刘洋", text, locale));

        Assert.Contains(expected, reply.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_greeting_hints_at_what_the_person_can_do_by_role()
    {
        var officer = (await _chat.SayAsync("刘洋", "您好")).Readable();
        var leader = (await _chat.SayAsync("李明", "您好")).Readable();

        Assert.Contains("我的任务", officer, StringComparison.Ordinal);
        Assert.Contains("待审批", leader, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_greeting_in_the_middle_of_a_report_is_answered_and_the_report_goes_on()
    {
        await _chat.SayAsync("刘洋", "1-2-2 进度80% 调研报告已定稿");

        var replies = await _chat.SayAsync("刘洋", "你好");
        await _chat.SayAsync("刘洋", "确认");

        Assert.Contains("60% → 80%", replies.Readable(), StringComparison.Ordinal);
        Assert.Equal(80, (await _chat.TaskAsync("1-2-2")).Task.Percent);
    }

    [Theory]
    [InlineData("今天食堂吃什么", "zh-CN", "您是想：", "查看我的任务")]
    [InlineData("what's the weather like", "en-US", "Did you mean:", "Show my tasks")]
    public async Task Words_not_understood_offer_buttons_and_pressing_one_does_it(string text, string locale, string title, string button)
    {
        var card = Assert.Single(await _chat.SayAsync("刘洋", text, locale));
        Assert.Contains(title, new[] { card }.Readable(), StringComparison.Ordinal);
        var actions = card.Card()!.SelectTokens("$..actions[*]").ToList();
        var pressed = actions.Single(a => a.Value<string>("title") == button)["data"]!;

        var replies = await _chat.SubmitAsync("刘洋", pressed, locale: locale);

        Assert.Contains("1-2-2", replies.Readable(), StringComparison.Ordinal);
        Assert.Contains(locale == "zh-CN" ? "我的整改任务" : "My rectification tasks", replies.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vague_sentence_about_a_task_is_read_as_a_look_at_that_task()
    {
        // The understanding stage reads "1-2-2 那个怎么弄" as a question about 1-2-2, not a dead end.
        var replies = await _chat.SayAsync("刘洋", "1-2-2 那个怎么弄");

        Assert.Contains("1-2-2", replies.Readable(), StringComparison.Ordinal);
        Assert.DoesNotContain("没太明白", replies.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_install_announcements_at_the_same_moment_welcome_once_in_one_language()
    {
        var bot = _chat.Get<Rectification.Bot.Teams.RectificationBot>();
        var from = new ChannelAccount(ChatHarness.UserId("刘洋"), "刘洋");
        var added = new Activity(ActivityTypes.ConversationUpdate) { From = from, MembersAdded = [from], Locale = "zh-CN" };
        var installed = new Activity(ActivityTypes.InstallationUpdate) { From = from, Action = "add", Locale = "en-US" };

        await Task.WhenAll(
            Task.Run(() => _chat.Adapter.ProcessActivityAsync(added, bot.OnTurnAsync, CancellationToken.None)),
            Task.Run(() => _chat.Adapter.ProcessActivityAsync(installed, bot.OnTurnAsync, CancellationToken.None)));

        var welcomes = new List<IActivity>();
        while (_chat.Adapter.ActiveQueue.Count > 0)
        {
            welcomes.Add(_chat.Adapter.ActiveQueue.Dequeue());
        }
        var welcome = Assert.Single(welcomes);
        Assert.True(welcome.Text().Contains("您好", StringComparison.Ordinal) ^ welcome.Text().Contains("Hello", StringComparison.Ordinal));
    }
}

/// <summary>What the understanding stage hands the engine when it is unsure: ChatCommand.Unclear.</summary>
public sealed class UnclearTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;

    public async Task InitializeAsync() => _chat = await ChatHarness.StartAsync();

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    private async Task<Rectification.Bot.Conversation.ChatResponse> UnsureAsync(string text, string locale, Rectification.Bot.Conversation.FlowState? state = null)
    {
        var person = await _chat.PersonAsync("刘洋");
        var engine = _chat.Get<Rectification.Bot.Conversation.ChatEngine>();
        var unclear = new Rectification.Bot.Conversation.ChatCommand.Unclear(text,
            [new("my_tasks"), new("report_progress", "1-2-2"), new("help")]);
        return await engine.HandleAsync(new Rectification.Bot.Conversation.ChatRequest(person, text, null, null, locale, ChatHarness.Now), state, unclear, CancellationToken.None);
    }

    [Theory]
    [InlineData("1-2-2 那个事情弄得差不多了吧", "zh-CN", "您是想：", "报告 1-2-2 的进展")]
    [InlineData("that thing on 1-2-2 is sort of there", "en-US", "Did you mean:", "Report progress on 1-2-2")]
    public async Task An_unclear_message_offers_its_readings_as_buttons_in_the_persons_language(string text, string locale, string title, string button)
    {
        var response = await UnsureAsync(text, locale);

        var card = Assert.IsType<Rectification.Bot.Conversation.Reply.Card>(Assert.Single(response.Replies));
        Assert.Contains(title, card.Json, StringComparison.Ordinal);
        Assert.Contains(button, card.Json, StringComparison.Ordinal);
        Assert.Null(response.NextState);
    }

    [Fact]
    public async Task An_unclear_answer_inside_a_flow_is_taken_as_the_answer()
    {
        var state = new Rectification.Bot.Conversation.FlowState
        {
            Kind = Rectification.Bot.Conversation.FlowKind.Progress, Step = Rectification.Bot.Conversation.FlowStep.Note,
            FlowId = "unclear-note", Code = "1-2-2", Percent = 80, Locale = "zh-CN",
        };

        var response = await UnsureAsync("跟盟民委又对接了一次", "zh-CN", state);

        Assert.Equal(("跟盟民委又对接了一次", Rectification.Bot.Conversation.FlowStep.Confirm), (response.NextState!.Note, response.NextState.Step));
    }

    [Fact]
    public async Task An_officers_bare_agreement_confirms_nothing_and_decides_nothing()
    {
        var replies = await _chat.SayAsync("刘洋", "同意");

        Assert.Contains("没有需要确认的内容", replies.Readable(), StringComparison.Ordinal);
    }
}
