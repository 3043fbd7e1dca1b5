import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { actorOf, anArticle, aSection, aUser } from "@/db/testing/builders";
import { notifications, users } from "@/db/schema";
import { publishDueArticles, transitionArticle } from "./article-workflow";
import { countUnreadNotifications, listNotifications, markNotificationRead, markNotificationsRead, recordNotices } from "./notifications";
import { noticeForTakeover } from "@/lib/desk/notifications";

afterAll(removeTemporaryDatabase);

const editor = await aUser({ role: "editor", name: "张编辑" });
const reviewer = await aUser({ role: "reviewer", name: "王审稿" });
const reviewer2 = await aUser({ role: "reviewer", name: "李审稿" });
const gone = await aUser({ role: "reviewer", name: "已停用" });
await getDb().update(users).set({ active: false }).where(eq(users.id, gone.id));
const section = await aSection({ approvalsRequired: 2 });

const kinds = async (userId: number) => (await listNotifications({ userId })).map((n) => [n.kind, n.articleTitle, n.actorName, n.note]);

describe("notifications follow the workflow, in the same transaction", async () => {
  const article = await anArticle({ author: editor, title: "春耕", sectionId: section.id });
  let version = article.version;
  const step = async (action: Parameters<typeof transitionArticle>[0]["action"], by: typeof editor, extra: object = {}) => {
    const outcome = await transitionArticle({ id: article.id, baseVersion: version, action, actor: actorOf(by), ip: null, ...extra });
    if (!outcome.ok) throw new Error(`${action}: ${outcome.reason}`);
    version = outcome.article.version;
  };

  it("a submitted story goes to every active reviewer", async () => {
    await step("submit", editor);
    expect(await kinds(reviewer.id)).toEqual([["submitted", "春耕", "张编辑", null]]);
    expect(await kinds(reviewer2.id)).toEqual([["submitted", "春耕", "张编辑", null]]);
    expect(await kinds(gone.id)).toEqual([]);
    expect(await kinds(editor.id)).toEqual([]);
  });

  it("sent back with the comment; approved only at the section's quota; published", async () => {
    await step("request_changes", reviewer, { comment: "请补充数字" });
    expect((await kinds(editor.id))[0]).toEqual(["changes_requested", "春耕", "王审稿", "请补充数字"]);
    await step("submit", editor);
    await step("approve", reviewer);
    expect(await kinds(editor.id)).toHaveLength(1);
    await step("approve", reviewer2);
    expect((await kinds(editor.id))[0]).toEqual(["approved", "春耕", "李审稿", null]);
    await step("schedule", reviewer, { publishAt: new Date(Date.now() + 1000) });
    expect(await publishDueArticles(new Date(Date.now() + 5000))).toBe(1);
    // The scheduler has no name: the list shows it went out as scheduled.
    expect((await kinds(editor.id))[0]).toEqual(["published", "春耕", null, null]);
  });

  it("a refused step tells nobody", async () => {
    const before = await countUnreadNotifications({ userId: editor.id });
    const refused = await transitionArticle({ id: article.id, baseVersion: version, action: "approve", actor: actorOf(reviewer), ip: null });
    expect(refused.ok).toBe(false);
    expect(await countUnreadNotifications({ userId: editor.id })).toBe(before);
  });

  it("counts unread, marks one (only one's own) or all read", async () => {
    const [newest] = await listNotifications({ userId: editor.id });
    expect(await countUnreadNotifications({ userId: editor.id })).toBe(3);
    expect(await markNotificationRead({ id: newest!.id, userId: reviewer.id })).toBeUndefined();
    expect((await markNotificationRead({ id: newest!.id, userId: editor.id }))?.readAt).toBeInstanceOf(Date);
    expect(await countUnreadNotifications({ userId: editor.id })).toBe(2);
    expect(await listNotifications({ userId: editor.id, unreadOnly: true })).toHaveLength(2);
    expect(await markNotificationsRead({ userId: editor.id })).toBe(2);
    expect(await countUnreadNotifications({ userId: editor.id })).toBe(0);
  });

  it("a lock taken over tells the one who held it", async () => {
    // Later than the scheduled publish above, which the test dated a few seconds ahead.
    await recordNotices(noticeForTakeover(editor.id, reviewer.id), { articleId: article.id, actorId: reviewer.id, now: new Date(Date.now() + 10_000) });
    expect((await kinds(editor.id))[0]).toEqual(["lock_taken_over", "春耕", "王审稿", null]);
  });

  it("admins hear of submissions when the newsroom has no active reviewer", async () => {
    await getDb().update(users).set({ active: false }).where(eq(users.role, "reviewer"));
    const admin = await aUser({ role: "admin" });
    const lone = await anArticle({ author: editor, title: "无人审核" });
    await transitionArticle({ id: lone.id, baseVersion: lone.version, action: "submit", actor: actorOf(editor), ip: null });
    expect(await kinds(admin.id)).toEqual([["submitted", "无人审核", "张编辑", null]]);
    expect((await getDb().select().from(notifications).where(eq(notifications.articleId, lone.id)))).toHaveLength(1);
  });
});
