import fs from "node:fs";
import path from "node:path";
import { createArticle } from "@/db/queries/articles";
import { getSectionBySlug } from "@/db/queries/sections";
import { createUser } from "@/db/queries/users";
import { articleFields, bodyTextHash, BUSY_PATTERN, paragraphsBody, postSaveArticle, signInOverHttp, sleep } from "@/e2e/support/live-server";
import type { AcknowledgedSave } from "@/e2e/support/save-ledger";
import { hashPassword } from "@/lib/auth/password";
import zhCN from "@/lib/i18n/messages/zh-CN.json";

/*
 * The newsroom on deadline, for the load benchmarks: editors each on their own long article,
 * autosaving through the real saveArticleAction every 2–4 s, as the article editor does. Create
 * them in the benchmark's database before the server starts, sign them in over HTTP, then let
 * them save; every acknowledged save is kept so that it can be looked up in the database after.
 */

const PASSWORD = "bench-editor-password";

// Real newspaper text, cut into paragraphs, to build 30–60 KB bodies.
const PARAGRAPHS = fs
  .readFileSync(path.resolve(__dirname, "../../db/demo/rongchang-2024-03-08-p1.md"), "utf8")
  .split("\n")
  .map((l) => l.replace(/[#*>`_[\]<>]/g, "").trim())
  .filter((l) => l.length >= 40);

/** A 30–60 KB body of real paragraphs, starting with `label`. */
export function largeBody(label: string, seed: number) {
  const target = (30 + Math.random() * 30) * 1024;
  const paragraphs = [label];
  let bytes = Buffer.byteLength(label);
  for (let i = seed; bytes < target; i++) {
    const p = PARAGRAPHS[i % PARAGRAPHS.length] as string;
    paragraphs.push(p);
    bytes += Buffer.byteLength(p) + 50; // the node's JSON around it
  }
  return paragraphsBody(paragraphs);
}

export type BenchEditor = { email: string; articleId: number; version: number; title: string };

/** `count` editors, each the author of a draft with a long body, in the database DATABASE_PATH names. */
export async function createEditors(count: number): Promise<{ editors: BenchEditor[]; sectionId: number }> {
  const hash = await hashPassword(PASSWORD);
  const sectionId = (await getSectionBySlug({ slug: "news" }))?.id;
  if (!sectionId) throw new Error("no news section: seed the sections first");
  const editors: BenchEditor[] = [];
  for (let i = 0; i < count; i++) {
    const title = `压测稿件${i + 1}`;
    const user = await createUser({ email: `bench-editor-${i + 1}@folio.local`, name: `压测编辑${i + 1}`, role: "editor", passwordHash: hash });
    const article = await createArticle({ title, body: largeBody(title, i), authorId: user.id, sectionId, state: "draft" }, { kind: "create", authorId: user.id });
    editors.push({ email: user.email, articleId: article.id, version: article.version, title });
  }
  return { editors, sectionId };
}

export type SaveOutcome = { ms: number; ok: boolean };

/**
 * The editors at work on a running server: `save` posts one save as the article editor does,
 * `autosave` keeps every editor saving every 2–4 s until `stop`. Each save reports its time to
 * `onSave` with whether it started inside a measured window (`measuring`).
 */
export class Newsroom {
  readonly acknowledged: AcknowledgedSave[] = [];
  readonly failures: string[] = [];
  busyAnswers = 0;
  private cookies: string[] = [];
  private stopped = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly actionId: string,
    readonly editors: BenchEditor[],
    private readonly sectionId: number,
    private readonly autosave = true,
  ) {}

  async signIn(): Promise<void> {
    this.cookies = [];
    for (const e of this.editors) this.cookies.push(await signInOverHttp(this.baseUrl, e.email, PASSWORD));
  }

  async save(i: number, label: string): Promise<SaveOutcome> {
    const editor = this.editors[i] as BenchEditor;
    const body = largeBody(label, this.acknowledged.length + i * 7);
    const started = performance.now();
    try {
      const answer = await postSaveArticle(this.baseUrl, this.cookies[i] as string, this.actionId, {
        articleId: editor.articleId,
        baseVersion: editor.version,
        fields: articleFields(editor.title, this.sectionId),
        body,
        autosave: this.autosave,
      });
      const r = answer.result;
      if (r?.ok && typeof r.version === "number") {
        this.acknowledged.push({ articleId: editor.articleId, version: r.version, textHash: bodyTextHash(body) });
        editor.version = r.version;
        return { ms: performance.now() - started, ok: true };
      }
      this.failures.push(`HTTP ${answer.status}: ${r?.message ?? "no action result"}`);
      if (r?.message && (BUSY_PATTERN.test(r.message) || r.message === (zhCN.errors as Record<string, string>).busy)) this.busyAnswers += 1;
    } catch (e) {
      this.failures.push(`network: ${e instanceof Error ? e.message : String(e)}`);
    }
    return { ms: performance.now() - started, ok: false };
  }

  /** Every editor saves every 2–4 s from now until stop(); `onSave` hears each save and when it started. */
  startAutosaving(onSave: (outcome: SaveOutcome, startedAt: number) => void): void {
    this.stopped = false;
    this.loops = this.editors.map(async (editor, i) => {
      for (let n = 0; !this.stopped; n++) {
        await sleep(2000 + Math.random() * 2000);
        if (this.stopped) return;
        const startedAt = performance.now();
        onSave(await this.save(i, `${editor.title} 第${n + 1}次自动保存 ${Date.now()}`), startedAt);
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
  }
}
