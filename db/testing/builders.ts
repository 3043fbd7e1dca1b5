import { getDb } from "@/db";
import { createArticle, type NewArticle } from "@/db/queries/articles";
import { ensureImportWork, type ImportWorkRow } from "@/db/queries/import-work";
import { insertImportOfBytes } from "@/db/queries/imports";
import { insertIssueWithPages } from "@/db/queries/issues";
import { completeMediaJob, insertMedia } from "@/db/queries/media";
import { createUser } from "@/db/queries/users";
import { eq } from "drizzle-orm";
import { sections, sessions, type Article, type Import, type Issue, type Media, type Page, type Section, type User } from "@/db/schema";
import type { ArticleBody } from "@/lib/article-body/types";
import { unconfirmedMasthead } from "@/lib/desk/import-text";
import { ingest } from "@/lib/ingest";
import type { Role } from "@/lib/vocabulary";
import { fromSegmentation } from "@/lib/workbench";
import { demoRaw, FRONT_PAGE } from "@/lib/workbench/test-samples";
import { onlyRow } from "@/db/raw";

/*
 * Small test-data builders for query tests (with db/testing/temporary-database.ts). Each makes
 * one row the way the app would, through the query functions where there is one, with unique
 * defaults so tests never depend on each other; pass only what the test is about.
 */

let serial = 0;
const next = () => ++serial;

export async function aUser({ role = "editor", name, email }: { role?: Role; name?: string; email?: string } = {}): Promise<User> {
  const n = next();
  return await createUser({ email: email ?? `${role}-${n}@test.folio`, name: name ?? `${role} ${n}`, role, passwordHash: "not a real hash" });
}

/** The acting person as the write queries take it. */
export function actorOf(user: Pick<User, "id" | "role" | "email">) {
  return { id: user.id, role: user.role, email: user.email };
}

export async function aSection(values: Partial<Pick<Section, "slug" | "name" | "position" | "hidden" | "approvalsRequired">> = {}): Promise<Section> {
  const n = next();
  return onlyRow(await getDb()
    .insert(sections)
    .values({ slug: `section-${n}`, name: `栏目${n}`, position: n, ...values })
    .returning());
}

/** An issue with its pages (page 1 unless given; a page given by number is named 第N版). */
export async function anIssue({
  date,
  pages = [1],
  ...values
}: { date?: string; pages?: (number | { number: number; name: string | null })[] } & Partial<Omit<Issue, "id" | "date">> = {}): Promise<{ issue: Issue; pages: Page[] }> {
  const n = next();
  return await insertIssueWithPages(
    getDb(),
    { paper: "荣昌报", date: date ?? `2030-01-${String((n % 28) + 1).padStart(2, "0")}`, ...values },
    pages.map((p) => (typeof p === "number" ? { number: p, name: `第${p}版` } : p)),
  );
}

/** A body of plain paragraphs. */
export function paragraphs(...texts: string[]): ArticleBody {
  return { type: "doc", content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
}

/** An article with its first revision, as "new article" writes it (a draft unless `state` says otherwise). */
export async function anArticle({ author, text, ...values }: { author: Pick<User, "id">; text?: string } & Partial<NewArticle>): Promise<Article> {
  const n = next();
  const title = values.title ?? `稿件${n}`;
  return await createArticle({ title, body: paragraphs(text ?? `${title}的正文。`), authorId: author.id, ...values }, { kind: "create", authorId: author.id });
}

/** An import of a page's raw text (the demo front page unless given) with its first working state, as the import form makes it. */
export async function anImport({
  by,
  text = demoRaw(FRONT_PAGE),
  issueDate = "2024-03-08",
  pageNumber = 1,
  pageName = "要闻",
}: {
  by: Pick<User, "id">;
  text?: string;
  issueDate?: string | null;
  pageNumber?: number | null;
  pageName?: string | null;
}): Promise<{ item: Import; work: ImportWorkRow }> {
  const bytes = Buffer.from(text, "utf8");
  const proposal = ingest(bytes);
  const item = await insertImportOfBytes({ bytes, proposal, masthead: unconfirmedMasthead(proposal, { issueDate, pageNumber, pageName }), fileName: `page-${next()}.md`, createdById: by.id });
  const work = await ensureImportWork({ importId: item.id, doc: () => fromSegmentation(proposal) });
  return { item, work };
}

/** Moves a person's sessions back in time: signed in and last seen that long ago. */
export async function backdateSessions({ userId, signedInAt, lastSeenAt }: { userId: number; signedInAt: Date; lastSeenAt: Date }): Promise<void> {
  await getDb().update(sessions).set({ createdAt: signedInAt, lastSeenAt }).where(eq(sessions.userId, userId));
}

/**
 * A photo of the media library, as an upload records it (no file on disk: query tests are about
 * rows). Ready by default, with its nine files named as the processing job names them.
 */
export async function aPhoto({
  by,
  caption = "图为会场",
  credit = "记者 张三 摄",
  alt = "会场全景",
  ready = true,
  width = 4000,
  height = 3000,
}: { by: Pick<User, "id">; caption?: string; credit?: string; alt?: string; ready?: boolean; width?: number; height?: number }): Promise<Media> {
  const n = next();
  const sha256 = n.toString(16).padStart(64, "0");
  const { media } = await insertMedia({ sha256, format: "jpeg", fileName: `photo-${n}.jpg`, bytes: 1_000_000, width, height, takenAt: null, caption, credit, photographers: [], alt, uploadedById: by.id });
  if (!ready) return media;
  const ext = { avif: "avif", webp: "webp", jpeg: "jpg" } as const;
  const files = [480, 960, 1600].flatMap((w, i) =>
    (["avif", "webp", "jpeg"] as const).map((format, j) => ({
      name: `${(n * 100 + i * 10 + j).toString(16).padStart(32, "0")}.${ext[format]}`,
      format,
      width: w,
      height: Math.round((w * height) / width),
      bytes: w * 50,
    })),
  );
  await completeMediaJob({ id: media.id, files });
  return { ...media, status: "ready" };
}

/** A body with a lead photo, a paragraph and another photo further down. */
export function bodyWithPhotos(lead: number, other?: number): ArticleBody {
  return {
    type: "doc",
    content: [
      { type: "photo", attrs: { mediaId: lead, lead: true }, content: [{ type: "text", text: "头图的说明" }] },
      { type: "paragraph", content: [{ type: "text", text: "正文。" }] },
      ...(other ? [{ type: "photo" as const, attrs: { mediaId: other, lead: false }, content: [{ type: "text" as const, text: "图为会场。记者 张三 摄" }] }] : []),
    ],
  };
}
