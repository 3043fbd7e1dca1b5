import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import nodemailer from "nodemailer";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { actorOf, anArticle, aUser } from "@/db/testing/builders";
import { transitionArticle } from "@/db/queries/article-workflow";
import { listUnsentNotices } from "@/db/queries/notifications";
import { updateUser } from "@/db/queries/users";
import { configuredTransport, sendPendingNotificationMail } from "./notification-mail";

/*
 * Against a real SMTP conversation: a local fake server (smtp-server, the library nodemailer's
 * authors test with) on a free port, receiving what nodemailer sends.
 */
const received: ParsedMail[] = [];
let refuseNext = false;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, _session, callback) {
    if (refuseNext) {
      refuseNext = false;
      stream.resume();
      stream.on("end", () => callback(Object.assign(new Error("mailbox unavailable"), { responseCode: 450 })));
      return;
    }
    simpleParser(stream)
      .then((mail) => {
        received.push(mail);
        callback();
      })
      .catch(callback);
  },
});
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await removeTemporaryDatabase();
});

const transport = () => nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
const editor = await aUser({ role: "editor", name: "张编辑", email: "zhang@paper.test" });
const reviewer = await aUser({ role: "reviewer", name: "王审稿", email: "wang@paper.test" });
const waiting = async () => (await listUnsentNotices({ since: new Date(0) })).map((n) => n.articleTitle);
const setActive = async (id: number, active: boolean) => await updateUser({ id, changes: { active }, endSessions: false });
const DAY = 24 * 3600_000;

describe("notifications by e-mail", () => {
  it("is off by default: without SMTP_URL there is no transport and nothing is sent", async () => {
    expect(configuredTransport()).toBeNull();
    const a = await anArticle({ author: editor, title: "默认不发邮件" });
    await transitionArticle({ id: a.id, baseVersion: a.version, action: "submit", actor: actorOf(editor), ip: null });
    expect(await sendPendingNotificationMail()).toBe(0);
    expect(await waiting()).toEqual(["默认不发邮件"]);
  });

  it("does not send what is more than a day old when a server is configured", async () => {
    expect(await sendPendingNotificationMail({ transport: transport(), now: new Date(Date.now() + 2 * DAY) })).toBe(0);
    expect(received).toHaveLength(0);
  });

  it("sends each waiting notice once, in the paper's language with English below, with the comment", async () => {
    const a = await anArticle({ author: editor, title: "春耕备耕有序推进" });
    const submitted = await transitionArticle({ id: a.id, baseVersion: a.version, action: "submit", actor: actorOf(editor), ip: null });
    if (!submitted.ok) throw new Error("submit failed");
    await transitionArticle({ id: a.id, baseVersion: submitted.article.version, action: "request_changes", comment: "请补充播种面积。", actor: actorOf(reviewer), ip: null });

    expect(await sendPendingNotificationMail({ transport: transport() })).toBe(3);
    const to = (m: ParsedMail) => (Array.isArray(m.to) ? m.to[0] : m.to)?.value[0];
    expect(received.map((m) => [to(m)?.name, to(m)?.address, m.subject])).toEqual([
      ["王审稿", "wang@paper.test", "张编辑提交了《默认不发邮件》，等待审核"],
      ["王审稿", "wang@paper.test", "张编辑提交了《春耕备耕有序推进》，等待审核"],
      ["张编辑", "zhang@paper.test", "王审稿退回了《春耕备耕有序推进》"],
    ]);
    expect(received[2]!.text).toContain("“请补充播种面积。”");
    expect(received[2]!.text).toContain("王审稿 sent back “春耕备耕有序推进”");
    expect(received[2]!.from?.value[0]).toEqual({ name: "Folio", address: "folio@localhost" });
    // Marked: the next tick sends nothing again.
    expect(await sendPendingNotificationMail({ transport: transport() })).toBe(0);
    expect(received).toHaveLength(3);
    expect(await waiting()).toEqual([]);
  });

  it("leaves a notice the server refused for the next tick, and skips people who were deactivated", async () => {
    const a = await anArticle({ author: editor, title: "第二篇" });
    refuseNext = true;
    await transitionArticle({ id: a.id, baseVersion: a.version, action: "submit", actor: actorOf(editor), ip: null });
    await expect(sendPendingNotificationMail({ transport: transport() })).rejects.toThrow(/mailbox unavailable/);
    expect(received).toHaveLength(3);
    expect(await waiting()).toEqual(["第二篇"]);
    expect(await sendPendingNotificationMail({ transport: transport() })).toBe(1);
    expect(received.at(-1)?.subject).toBe("张编辑提交了《第二篇》，等待审核");

    // Told while active, deactivated before the mail went out: not sent.
    const b = await anArticle({ author: editor, title: "第三篇" });
    await transitionArticle({ id: b.id, baseVersion: b.version, action: "submit", actor: actorOf(editor), ip: null });
    await setActive(reviewer.id, false);
    expect(await sendPendingNotificationMail({ transport: transport() })).toBe(0);
    await setActive(reviewer.id, true);
  });
});
