using Rectification.Data.Ledger;

namespace Rectification.Tests.Teams;

/// <summary>Every command, in Chinese and in English, through Bot Framework's TestAdapter and the real bot.</summary>
public sealed class ConversationTests : IAsyncLifetime
{
    private ChatHarness _chat = null!;

    public async Task InitializeAsync() => _chat = await ChatHarness.StartAsync();

    public async Task DisposeAsync() => await _chat.DisposeAsync();

    [Theory]
    [InlineData("帮助", "zh-CN", "我的任务")]
    [InlineData("help", "en-US", "my tasks")]
    [InlineData("<at>整改助手</at> 帮助", "zh-CN", "申请销号")]
    public async Task Help_lists_what_the_bot_can_do_in_the_users_language(string text, string locale, string expected)
    {
        var replies = await _chat.SayAsync("刘洋", text, locale);

        Assert.Contains(expected, Assert.Single(replies).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_user_is_welcomed_once_however_often_the_install_is_announced()
    {
        Microsoft.Bot.Schema.Activity Added() => new(Microsoft.Bot.Schema.ActivityTypes.ConversationUpdate)
        {
            MembersAdded = [new Microsoft.Bot.Schema.ChannelAccount(ChatHarness.UserId("刘洋"), "刘洋")],
            Locale = "zh-CN",
        };

        var first = await _chat.SendAsync("刘洋", Added());
        var again = await _chat.SendAsync("刘洋", Added());

        Assert.Contains("刘洋，您好", Assert.Single(first).Text(), StringComparison.Ordinal);
        Assert.Empty(again);
    }

    [Fact]
    public async Task A_leader_is_also_told_about_pending_approvals_and_department_filters()
    {
        var replies = await _chat.SayAsync("李明", "帮助");

        Assert.Contains("待审批", replies.Readable(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("我的任务", "zh-CN", "我的整改任务")]
    [InlineData("my tasks", "en-US", "My rectification tasks")]
    public async Task My_tasks_lists_the_officers_open_tasks_with_marks_and_buttons(string text, string locale, string title)
    {
        var replies = await _chat.SayAsync("刘洋", text, locale);

        var card = Assert.Single(replies);
        var readable = replies.Readable();
        Assert.Contains(title, readable, StringComparison.Ordinal);
        foreach (var code in new[] { "1-2-2", "1-3-2", "1-4-2", "1-5-2", "1-5-4", "2-1-1" })
        {
            Assert.Contains($"**{code}**", readable, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("**1-1-2**", readable, StringComparison.Ordinal);
        Assert.Contains("🔴", readable, StringComparison.Ordinal);
        Assert.Contains("🟡", readable, StringComparison.Ordinal);
        Assert.Contains(card.Buttons(), b => b.Value<string>("action") == "progress_start" && b.Value<string>("code") == "1-2-2");
    }

    [Theory]
    [InlineData("逾期", "zh-CN", "逾期25天")]
    [InlineData("overdue", "en-US", "25 days overdue")]
    public async Task A_leader_sees_the_overdue_items_of_their_departments_most_overdue_first(string text, string locale, string days)
    {
        var replies = await _chat.SayAsync("李明", text, locale);

        var readable = replies.Readable();
        var codes = new[] { "1-5-4", "1-3-2", "1-4-2" }.Select(c => readable.IndexOf($"**{c}**", StringComparison.Ordinal)).ToList();
        Assert.All(codes, i => Assert.True(i >= 0));
        Assert.Equal(codes.Order(), codes);
        Assert.Contains(days, readable, StringComparison.Ordinal);
        Assert.Contains("刘洋", readable, StringComparison.Ordinal);
        Assert.DoesNotContain("**4-1-2**", readable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overdue_is_scoped_by_role()
    {
        var officer = (await _chat.SayAsync("周涛", "逾期")).Readable();
        var admin = (await _chat.SayAsync("陈静", "逾期")).Readable();

        Assert.Contains("没有逾期任务", officer, StringComparison.Ordinal);
        foreach (var code in new[] { "1-5-4", "4-1-2", "1-3-2", "3-2-2", "1-4-2" })
        {
            Assert.Contains($"**{code}**", admin, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_leader_may_filter_overdue_by_a_department_they_supervise_only()
    {
        var own = (await _chat.SayAsync("王建国", "逾期 机关党支部")).Readable();
        var other = (await _chat.SayAsync("李明", "逾期 机关党支部")).Readable();

        Assert.Contains("**3-2-2**", own, StringComparison.Ordinal);
        Assert.Contains("不在您的分管范围", other, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("即将到期", "zh-CN", "7天内到期")]
    [InlineData("due soon", "en-US", "due within 7 days")]
    public async Task Due_soon_lists_items_due_within_the_warning_window(string text, string locale, string title)
    {
        var readable = (await _chat.SayAsync("刘洋", text, locale)).Readable();

        Assert.Contains(title, readable, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("**1-5-2**", readable, StringComparison.Ordinal);
        Assert.Contains("**1-2-2**", readable, StringComparison.Ordinal);
        Assert.DoesNotContain("**2-1-1**", readable, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("任务 1-2-2", "zh-CN", "进展记录")]
    [InlineData("task 1-2-2", "en-US", "Progress history")]
    public async Task Task_detail_shows_the_measure_owners_deadline_and_history(string text, string locale, string history)
    {
        var readable = (await _chat.SayAsync("刘洋", text, locale)).Readable();

        Assert.Contains("开展全盟民族工作专项督查", readable, StringComparison.Ordinal);
        Assert.Contains(history, readable, StringComparison.Ordinal);
        Assert.Contains("督查已完成4个旗县", readable, StringComparison.Ordinal);
        Assert.Contains("宣传教育科", readable, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("任务", "zh-CN")]
    [InlineData("task", "en-US")]
    public async Task Task_without_a_code_offers_the_users_tasks_and_a_pick_shows_the_detail(string text, string locale)
    {
        var offer = Assert.Single(await _chat.SayAsync("刘洋", text, locale));
        var pick = offer.Buttons().First(b => b.Value<string>("action") == "pick" && b.Value<string>("code") == "1-2-2");
        var detail = await _chat.SubmitAsync("刘洋", pick, locale: locale);

        Assert.Contains("开展全盟民族工作专项督查", detail.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_picked_task_answers_the_which_task_question_of_a_flow()
    {
        var ask = await _chat.SayAsync("刘洋", "申请延期");
        var pick = ask.SelectMany(a => a.Buttons()).First(b => b.Value<string>("action") == "pick" && b.Value<string>("code") == "1-5-2");

        var next = await _chat.SubmitAsync("刘洋", pick);

        Assert.Contains("任务 1-5-2 当前期限为", next.Readable(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("刘洋", "任务 9-9-9", "找不到编号为“9-9-9”的任务")]
    [InlineData("周涛", "任务 1-2-2", "不在您的职责范围内")]
    public async Task Task_detail_refuses_unknown_and_other_peoples_tasks(string user, string text, string expected)
    {
        var replies = await _chat.SayAsync(user, text);

        Assert.Contains(expected, Assert.Single(replies).Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_progress_report_is_completed_over_several_turns_and_saved_on_confirmation()
    {
        var before = await _chat.TaskAsync("1-2-2");

        var start = await _chat.SayAsync("刘洋", "报告进展");
        var afterCode = await _chat.SayAsync("刘洋", "1-2-2");
        var afterPercent = await _chat.SayAsync("刘洋", "80");
        var confirm = await _chat.SayAsync("刘洋", "调研报告已定稿，报部务会审议");
        Assert.Equal(before.Progress.Count, (await _chat.TaskAsync("1-2-2")).Progress.Count);
        var saved = await _chat.SayAsync("刘洋", "确认");

        Assert.Contains("哪一项任务", start.Readable(), StringComparison.Ordinal);
        Assert.Contains("现在完成了多少", afterCode.Readable(), StringComparison.Ordinal);
        Assert.Contains("做了哪些工作", afterPercent.Readable(), StringComparison.Ordinal);
        Assert.Contains("60% → 80%", confirm.Readable(), StringComparison.Ordinal);
        Assert.Contains("已记录：任务 1-2-2 进度 80%", saved.Readable(), StringComparison.Ordinal);
        var after = await _chat.TaskAsync("1-2-2");
        Assert.Equal((80, RectificationStatus.InProgress, "调研报告已定稿，报部务会审议"), (after.Task.Percent, after.Task.Status, after.ProgressNote));
        Assert.Equal(before.Progress.Count + 1, after.Progress.Count);
        Assert.Equal(("刘洋", "chat"), (after.Progress[^1].PersonName, after.Progress[^1].Source));
    }

    [Fact]
    public async Task A_flow_keeps_the_language_it_started_in_when_an_answer_has_no_words()
    {
        // Clients such as the Agents Playground send every message with locale en-US.
        await _chat.SayAsync("刘洋", "报告进展 1-2-2", "en-US");

        var afterPercent = await _chat.SayAsync("刘洋", "80", "en-US");
        var pressed = await _chat.SubmitAsync("刘洋", new { action = "cancel" }, locale: "en-US");

        Assert.Contains("做了哪些工作", afterPercent.Readable(), StringComparison.Ordinal);
        Assert.Contains("已取消", pressed.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_one_line_report_asks_only_for_confirmation()
    {
        var confirm = await _chat.SayAsync("刘洋", "1-2-2 done, report filed with the office", "en-US");
        var saved = await _chat.SayAsync("刘洋", "confirm", "en-US");

        Assert.Contains("Please confirm", confirm.Readable(), StringComparison.Ordinal);
        Assert.Contains("task 1-2-2 is done", saved.Readable(), StringComparison.Ordinal);
        var after = await _chat.TaskAsync("1-2-2");
        Assert.Equal((100, RectificationStatus.Done), (after.Task.Percent, after.Task.Status));
    }

    [Fact]
    public async Task The_progress_form_submits_through_the_same_flow()
    {
        var form = await _chat.SayAsync("刘洋", "报告进展");
        var confirm = await _chat.SubmitAsync("刘洋", new { action = "progress", code = "1-5-2", percent = "70", note = "测评标准已报审" });
        var saved = await _chat.SubmitAsync("刘洋", new { action = "confirm" });

        Assert.Contains(form, a => a.Card()?.SelectToken("$..[?(@.id == 'percent')]") is not null);
        Assert.Contains("50% → 70%", confirm.Readable(), StringComparison.Ordinal);
        Assert.Contains("已记录", saved.Readable(), StringComparison.Ordinal);
        Assert.Equal("card", (await _chat.TaskAsync("1-5-2")).Progress[^1].Source);
    }

    [Fact]
    public async Task A_confirm_button_on_an_older_card_cannot_save_a_newer_report()
    {
        var older = (await _chat.SayAsync("刘洋", "1-2-2 进度70% 报告初稿")).Single(a => a.Card() is not null);
        var keepOrDrop = (await _chat.SayAsync("刘洋", "2-1-1 进度90% 调研报告已报审")).Single(a => a.Card() is not null);
        var newer = (await _chat.SubmitAsync("刘洋", keepOrDrop.Buttons().Single(b => b.Value<string>("action") == "cancel"))).Single(a => a.Card() is not null);

        var stale = await _chat.SubmitAsync("刘洋", older.Buttons().Single(b => b.Value<string>("action") == "confirm"));
        var saved = await _chat.SubmitAsync("刘洋", newer.Buttons().Single(b => b.Value<string>("action") == "confirm"));

        Assert.Contains("这张卡片已过期", stale.Readable(), StringComparison.Ordinal);
        Assert.Contains("已记录：任务 2-1-1 进度 90%", saved.Readable(), StringComparison.Ordinal);
        Assert.Equal(60, (await _chat.TaskAsync("1-2-2")).Task.Percent);
    }

    [Fact]
    public async Task Details_pressed_on_an_older_list_while_evidence_is_asked_shows_the_task_and_keeps_the_question()
    {
        var list = Assert.Single(await _chat.SayAsync("刘洋", "我的任务"));
        await _chat.SayAsync("刘洋", "申请销号 1-2-2");

        var detail = await _chat.SubmitAsync("刘洋", list.Buttons().First(b => b.Value<string>("action") == "pick" && b.Value<string>("code") == "2-1-1"));
        Assert.Empty((await _chat.TaskAsync("1-2-2")).WriteOffs);
        var filed = await _chat.SayAsync("刘洋", "督查报告已印发");

        Assert.Contains("开展民族工作专题调研", detail.Readable(), StringComparison.Ordinal);
        Assert.Contains("已提交任务 1-2-2 的销号申请", filed.Readable(), StringComparison.Ordinal);
        Assert.Equal("督查报告已印发", (await _chat.TaskAsync("1-2-2")).WriteOffs.Single().Evidence);
    }

    [Theory]
    [InlineData("取消", "已取消")]
    [InlineData("cancel", "Cancelled")]
    public async Task Cancel_leaves_a_flow_at_any_step_and_changes_nothing(string cancel, string expected)
    {
        var before = await _chat.TaskAsync("1-2-2");
        await _chat.SayAsync("刘洋", "1-2-2 进度90%");

        var replies = await _chat.SayAsync("刘洋", cancel, cancel == "cancel" ? "en-US" : "zh-CN");
        var confirmAfter = await _chat.SayAsync("刘洋", "确认");

        Assert.Contains(expected, replies.Readable(), StringComparison.Ordinal);
        Assert.Contains("没有需要确认", confirmAfter.Readable(), StringComparison.Ordinal);
        Assert.Equal(before.Progress.Count, (await _chat.TaskAsync("1-2-2")).Progress.Count);
    }

    [Theory]
    [InlineData("1-2-2 进度120%", "超出范围")]
    [InlineData("1-2-2 progress 150%", "out of range")]
    public async Task A_percent_outside_0_to_100_is_refused_and_nothing_changes(string text, string expected)
    {
        var before = await _chat.TaskAsync("1-2-2");

        var replies = await _chat.SayAsync("刘洋", text, text.Contains("progress", StringComparison.Ordinal) ? "en-US" : "zh-CN");

        Assert.Contains(expected, replies.Readable(), StringComparison.Ordinal);
        Assert.Equal(before.Task, (await _chat.TaskAsync("1-2-2")).Task);
    }

    [Fact]
    public async Task A_wrong_answer_in_a_flow_is_explained_and_asked_again()
    {
        await _chat.SayAsync("刘洋", "报告进展");
        var unknownCode = await _chat.SayAsync("刘洋", "9-9-9");
        await _chat.SayAsync("刘洋", "1-2-2");
        var notAPercent = await _chat.SayAsync("刘洋", "差不多吧");

        Assert.Contains("找不到编号为“9-9-9”的任务", unknownCode.Readable(), StringComparison.Ordinal);
        Assert.Contains("没有识别出进度", notAPercent.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_task_is_refused_and_nothing_is_recorded()
    {
        var before = await _chat.TaskAsync("1-2-2");

        var replies = await _chat.SayAsync("周涛", "1-2-2 进度90% 已完成");

        Assert.Contains("不在您的职责范围内", replies.Readable(), StringComparison.Ordinal);
        Assert.Equal(before.Progress.Count, (await _chat.TaskAsync("1-2-2")).Progress.Count);
    }

    [Theory]
    [InlineData("", "消息是空的")]
    [InlineData("   ", "消息是空的")]
    public async Task Empty_messages_get_a_clear_answer(string text, string expected)
    {
        var replies = await _chat.SayAsync("刘洋", text);

        Assert.Contains(expected, replies.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ten_thousand_character_message_is_refused()
    {
        var replies = await _chat.SayAsync("刘洋", "1-2-2 进度80% " + new string('很', 10_000));

        Assert.Contains("消息太长了", replies.Readable(), StringComparison.Ordinal);
        Assert.Equal(60, (await _chat.TaskAsync("1-2-2")).Task.Percent);
    }

    [Fact]
    public async Task An_unsupported_attachment_is_explained()
    {
        var activity = new Microsoft.Bot.Schema.Activity(Microsoft.Bot.Schema.ActivityTypes.Message)
        {
            Attachments = [new Microsoft.Bot.Schema.Attachment { ContentType = "image/png", ContentUrl = "https://example.org/a.png" }],
        };

        var replies = await _chat.SendAsync("刘洋", activity);

        Assert.Contains("暂不支持直接上传附件", replies.Readable(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_user_is_told_who_can_add_them_and_nothing_changes()
    {
        var replies = await _chat.SayAsync("张三丰", "我的任务");

        Assert.Contains("陈静", Assert.Single(replies).Text(), StringComparison.Ordinal);
        Assert.Empty(await _chat.Get<Rectification.Data.People.PeopleRepository>().FindByNameAsync("张三丰"));
    }

    [Fact]
    public async Task A_confirmation_retried_from_the_same_state_records_one_update()
    {
        var liuYang = await _chat.PersonAsync("刘洋");
        var engine = _chat.Get<Rectification.Bot.Conversation.ChatEngine>();
        var state = new Rectification.Bot.Conversation.FlowState
        {
            Kind = Rectification.Bot.Conversation.FlowKind.Progress, Step = Rectification.Bot.Conversation.FlowStep.Confirm,
            FlowId = "retry-test", Code = "1-2-2", Percent = 75, Note = "中期检查",
        };
        var request = new Rectification.Bot.Conversation.ChatRequest(liuYang, "确认", null, null, "zh-CN", ChatHarness.Now);

        var first = await engine.HandleAsync(request, state, CancellationToken.None);
        var retry = await engine.HandleAsync(request with { Now = ChatHarness.Now.AddSeconds(15) }, state, CancellationToken.None);

        Assert.Contains("已记录", ((Rectification.Bot.Conversation.Reply.Text)first.Replies[0]).Value, StringComparison.Ordinal);
        Assert.Contains("已经记录过了", ((Rectification.Bot.Conversation.Reply.Text)retry.Replies[0]).Value, StringComparison.Ordinal);
        Assert.Single((await _chat.TaskAsync("1-2-2")).Progress, p => p.Note == "中期检查");
    }

    [Theory]
    [InlineData("统计", "zh-CN", "完成率")]
    [InlineData("summary", "en-US", "Completion rate")]
    public async Task Summary_gives_figures_per_aspect_to_the_admin(string text, string locale, string rate)
    {
        var readable = (await _chat.SayAsync("陈静", text, locale)).Readable();

        Assert.Contains(rate, readable, StringComparison.Ordinal);
        Assert.Contains("聚焦贯彻落实党的理论路线方针政策和党中央决策部署方面", readable, StringComparison.Ordinal);
        Assert.Contains("落实巡视巡察监督发现问题", readable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leaders_summary_covers_only_their_departments()
    {
        var readable = (await _chat.SayAsync("赵志刚", "统计")).Readable();

        Assert.Contains("聚焦基层党组织领导班子和干部队伍建设方面", readable, StringComparison.Ordinal);
        Assert.DoesNotContain("聚焦贯彻落实党的理论路线方针政策", readable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flow_in_progress_survives_a_restart_of_the_bot()
    {
        await _chat.SayAsync("刘洋", "1-2-2 进度85% 报告已提交");

        await using var restarted = await _chat.RestartAsync();
        var saved = await restarted.SayAsync("刘洋", "确认");

        Assert.Contains("已记录：任务 1-2-2 进度 85%", saved.Readable(), StringComparison.Ordinal);
        Assert.Equal(85, (await restarted.TaskAsync("1-2-2")).Task.Percent);
    }
}
