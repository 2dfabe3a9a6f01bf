// Drives two Microsoft 365 Agents Playground web UIs (officer 刘洋, leader 李明) in Debian's chromium and checks
// the bot's replies. Replies are read from the Playground's own conversation stream (the WebSocket its UI
// renders from); buttons are pressed in the rendered Adaptive Cards. Nothing outside 127.0.0.1 is loaded.
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import { parseArgs } from "node:util";
import fs from "node:fs";
import path from "node:path";

const { values: args } = parseArgs({
  options: {
    officer: { type: "string" }, leader: { type: "string" }, remind: { type: "string" }, screenshots: { type: "string" }, results: { type: "string" },
  },
});
const TIMEOUT = 30_000;
let passed = 0;
let failed = 0;

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

/** One person's Playground page and the bot messages it has received, in order. */
async function open(name, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: "zh-CN" });
  // The Playground's page asks a CDN for web fonts; refuse everything that is not on this machine.
  await page.route("**/*", (route) => (/^(http|ws)s?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(route.request().url()) ? route.continue() : route.abort()));
  const messages = [];
  page.on("websocket", (ws) => {
    if (!ws.url().includes("/_ws_conversation/")) return;
    ws.on("framereceived", (frame) => {
      try {
        const data = JSON.parse(String(frame.payload));
        if ((data.action === "createMessage" || data.action === "updateMessage") && data.message) {
          messages.push({ action: data.action, text: JSON.stringify(data.message) });
        }
      } catch {
        // not a conversation frame
      }
    });
  });
  await page.goto(url, { waitUntil: "domcontentloaded" });
  const box = page.locator('[data-lexical-editor="true"]').first();
  await box.waitFor({ timeout: TIMEOUT });
  return { name, page, messages, box };
}

async function send(who, text) {
  who.mark = who.messages.length;
  await who.box.click();
  await who.page.keyboard.type(text);
  await who.page.keyboard.press("Enter");
}

/**
 * Waits for a bot message, after the last thing this person did, that contains every expected string (an array
 * means any one of its strings). The Playground sends every activity with locale en-US, so the bot answers a
 * message with no Chinese words in it (a task code, "80%", a card button) in English.
 */
async function expectReply(who, what, ...expected) {
  const since = who.mark ?? 0;
  const deadline = Date.now() + TIMEOUT;
  while (Date.now() < deadline) {
    if (who.messages.slice(since).some((m) => expected.every((e) => [e].flat().some((one) => m.text.includes(one))))) {
      passed++;
      console.log(`ok   ${who.name}: ${what}`);
      return;
    }
    await who.page.waitForTimeout(200);
  }
  failed++;
  console.log(`FAIL ${who.name}: ${what}: no reply containing ${expected.map((e) => JSON.stringify(e)).join(" and ")}`);
  for (const m of who.messages.slice(since)) console.log(`     got: ${m.text.slice(0, 300)}`);
}

async function step(name, action) {
  try {
    await action();
  } catch (error) {
    failed++;
    console.log(`FAIL ${name}: ${error.message.split("\n")[0]}`);
  }
}

const officer = await open("刘洋", args.officer);
const leader = await open("李明", args.leader);
officer.mark = 0;
leader.mark = 0;
// The welcome follows the client's locale until the person has written anything (the Playground may say en-US).
await expectReply(officer, "welcome by name (roster email resolved)", ["刘洋，您好", "Hello 刘洋"]);
await expectReply(leader, "welcome by name", ["李明，您好", "Hello 李明"]);

await step("my tasks", async () => {
  await send(officer, "我的任务");
  await expectReply(officer, "我的任务 lists his tasks", "我的整改任务", "1-2-2");
});

await step("progress report over several turns", async () => {
  await send(officer, "报告进展");
  await expectReply(officer, "报告进展 asks which task", "请问是哪一项任务");
  await send(officer, "1-2-2");
  await expectReply(officer, "1-2-2 asks for the percentage", "1-2-2", "60%", ["现在完成了多少", "How far is it now"]);
  await send(officer, "80%");
  await expectReply(officer, "80% asks for a note", "1-2-2", ["做了哪些工作", "What was done"]);
  await send(officer, "调研报告已报部务会");
  await expectReply(officer, "the note asks for confirmation", "请确认将记录的进展", "调研报告已报部务会");
  await send(officer, "确认");
  await expectReply(officer, "确认 saves it", "已记录：任务 1-2-2 进度 80%");
});

await step("overdue list as the leader", async () => {
  await send(leader, "逾期");
  await expectReply(leader, "逾期 lists overdue tasks of his departments", "逾期任务", "1-3-2");
});

await step("write-off request reaches the leader proactively", async () => {
  await send(officer, "申请销号 1-2-2 督查通报及调研报告（统战发〔2025〕12号）");
  await expectReply(officer, "the request is filed", "已提交任务 1-2-2 的销号申请", "李明");
  // Nothing was typed on the leader's page: this card arrives by a proactive message to his stored reference.
  await expectReply(leader, "the approval card arrives proactively", "销号申请：任务 1-2-2", "同意");
});

await step("Adaptive Card button press", async () => {
  leader.mark = leader.messages.length;
  officer.mark = officer.messages.length;
  const approve = leader.page.getByRole("button", { name: "同意", exact: true }).last();
  await approve.scrollIntoViewIfNeeded();
  await approve.click();
  await expectReply(leader, "同意 on the card decides it", "✅", "李明");
  await expectReply(officer, "the officer hears the decision proactively", "李明", "1-2-2", ["已销号", "written off"]);
});

// Words as people type them (only phrases the bot's rule layer reads): small talk, a second report before the first
// is confirmed (nothing is dropped unasked), taking an update back, and a leader's 催办 reaching the officer.
await step("natural language: small talk, two drafts, undo, a leader's urge", async () => {
  await send(officer, "你好");
  await expectReply(officer, "你好 gets a greeting and a hint", "刘洋，您好", "我的任务");
  await send(officer, "1-3-2 进度50% 已与盟民委召开联席会议");
  await expectReply(officer, "a one-line report asks for confirmation", "请确认将记录的进展", "40% → 50%");
  await send(officer, "1-5-4 进度20% 自查复核已启动");
  await expectReply(officer, "a second report first asks about the unsaved one", "1-3-2 的进展还没保存");
  await send(officer, "保存");
  await expectReply(officer, "保存 saves the first", "已记录：任务 1-3-2 进度 50%");
  await expectReply(officer, "and the second waits for its confirmation", "10% → 20%");
  await send(officer, "确认");
  await expectReply(officer, "确认 saves the second", "已记录：任务 1-5-4 进度 20%");
  await send(officer, "撤回");
  await expectReply(officer, "撤回 takes the last update back", "已撤回您对任务 1-5-4 的上一条进展", "10%");
  await send(leader, "提醒刘洋抓紧1-3-2");
  await expectReply(leader, "the urge is confirmed to the leader", "已催办任务 1-3-2", "刘洋");
  await expectReply(officer, "the officer gets the nudge proactively", "李明提醒您抓紧办理任务 1-3-2");
});

async function screenshot(who, name) {
  if (!args.screenshots) return;
  fs.mkdirSync(args.screenshots, { recursive: true });
  await who.page.waitForTimeout(500);
  await who.page.screenshot({ path: path.join(args.screenshots, `playground-${name}.png`) });
}

await screenshot(officer, "officer");
await screenshot(leader, "leader");

await step("a reminder arrives proactively", async () => {
  // From the start of the session: should the running bot's own scheduler tick first (a working-day morning in
  // Beijing), its digest is the same one, and `reminders run` then finds the slot taken and sends nothing twice.
  officer.mark = 0;
  leader.mark = 0;
  // `reminders run` plans and sends the digests due at that instant, as the scheduler's tick would.
  const output = execFileSync(args.remind, { encoding: "utf8" });
  console.log(`     ${output.trim().split("\n").join("\n     ")}`);
  await expectReply(officer, "the overdue digest arrives", "项整改任务已逾期", "1-3-2", "暂停提醒");
  await expectReply(leader, "the yellow warning for his departments arrives", "黄色预警", "1-5-4");
});

await screenshot(officer, "reminder");
await browser.close();

console.log(`e2e: ${passed} passed, ${failed} failed`);
if (args.results) {
  fs.mkdirSync(path.dirname(args.results), { recursive: true });
  fs.writeFileSync(args.results, JSON.stringify({ passed, failed }) + "\n");
}
process.exit(failed === 0 && passed > 0 ? 0 : 1);
