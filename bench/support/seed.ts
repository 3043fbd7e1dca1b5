import { ensureImportWork } from "@/db/queries/import-work";
import { insertImportOfBytes } from "@/db/queries/imports";
import { listSections, ensureSections } from "@/db/queries/sections";
import { createUser, getUserByEmail } from "@/db/queries/users";
import { DEMO_PASSWORD, DEMO_USERS } from "@/db/seed/demo-users";
import { STANDARD_SECTIONS } from "@/db/seed/sections";
import { insertArchive, type ArchiveIssue } from "@/db/testing/archive";
import { hashPassword } from "@/lib/auth/password";
import { unconfirmedMasthead } from "@/lib/desk/import-text";
import { ingest } from "@/lib/ingest";
import { fromSegmentation } from "@/lib/workbench";
import { story, storyBody } from "./corpus";

/*
 * The benchmark database: standard sections, the demo accounts and an archive of
 * published issues. Call only after DATABASE_PATH points at a fresh temporary file
 * (see startBench): the connection reads it on first use.
 */

export { DEMO_PASSWORD };

export async function seedSectionsAndUsers(): Promise<void> {
  await ensureSections(STANDARD_SECTIONS);
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) if (!await getUserByEmail({ email: u.email })) await createUser({ ...u, passwordHash: hash, isDemo: true });
}

const PAGES = [
  { number: 1, name: "要闻", section: "news" },
  { number: 2, name: "综合", section: "local" },
  { number: 3, name: "民生", section: "livelihood" },
  { number: 4, name: "文化", section: "culture" },
] as const;

const WEEKDAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"];
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Publication days, newest `count` of them up to `last`: the paper comes out on Tuesdays and Fridays. */
function issueDates(last: string, count: number): Date[] {
  const out: Date[] = [];
  for (let d = new Date(`${last}T00:00:00Z`); out.length < count; d = new Date(d.getTime() - 86_400_000)) {
    if (d.getUTCDay() === 2 || d.getUTCDay() === 5) out.push(d);
  }
  return out.reverse();
}

/** 第N期: the issue's number within its year. */
function issueNoInYear(d: Date): number {
  let n = 0;
  for (let x = new Date(Date.UTC(d.getUTCFullYear(), 0, 1)); x <= d; x = new Date(x.getTime() + 86_400_000)) {
    if (x.getUTCDay() === 2 || x.getUTCDay() === 5) n++;
  }
  return n;
}

export type Archive = { issues: number; articles: number; latestDate: string; ms: number };

/**
 * `issues` issues × 4 pages × `perPage` published articles, written through insertArticle
 * in state 'published' so the search triggers index them as the app would.
 */
export async function seedArchive({ issues = 100, perPage = 10, lastDate = "2024-03-08" } = {}): Promise<Archive> {
  const started = performance.now();
  const editor = await getUserByEmail({ email: "editor@folio.local" });
  if (!editor) throw new Error("seed the demo users first");
  const sectionIds = new Map((await listSections()).map((s) => [s.slug, s.id]));
  const dates = issueDates(lastDate, issues);
  let n = 0;
  const archive: ArchiveIssue[] = dates.map((date, i) => {
    // Published at 06:00 Beijing time on the day of the issue.
    const publishedAt = new Date(date.getTime() - 2 * 3_600_000);
    return {
      issue: {
        paper: "荣昌报",
        date: isoDay(date),
        issueNo: issueNoInYear(date),
        totalIssueNo: 273 - (dates.length - 1 - i),
        pageCount: PAGES.length,
        weekday: WEEKDAYS[date.getUTCDay()] ?? null,
        publishedAt,
      },
      pages: PAGES.map((page) => ({
        number: page.number,
        name: page.name,
        articles: Array.from({ length: perPage }, () => {
          const s = story(n++);
          return {
            state: "published" as const,
            sectionId: sectionIds.get(page.section) ?? null,
            kicker: s.kicker,
            title: s.title,
            subtitle: s.subtitle,
            byline: s.byline,
            source: s.source,
            reporters: s.reporters,
            body: storyBody(s),
            authorId: editor.id,
            publishedAt,
            firstPublishedAt: publishedAt,
          };
        }),
      })),
    };
  });
  const articles = await insertArchive(archive, { kind: "create", authorId: editor.id });
  return { issues: dates.length, articles, latestDate: isoDay(dates[dates.length - 1] as Date), ms: performance.now() - started };
}

/** An import of `text` through the real engine, with its first working state, as the import form creates it. */
export async function seedImport({ text, fileName, issueDate, pageNumber }: { text: string; fileName: string; issueDate: string; pageNumber: number }) {
  const editor = await getUserByEmail({ email: "editor@folio.local" });
  if (!editor) throw new Error("seed the demo users first");
  const bytes = Buffer.from(text, "utf8");
  const proposal = ingest(bytes, { page: pageNumber, date: issueDate });
  const item = await insertImportOfBytes({ bytes, proposal, masthead: unconfirmedMasthead(proposal, { issueDate, pageNumber }), fileName, createdById: editor.id });
  await ensureImportWork({ importId: item.id, doc: () => fromSegmentation(proposal) });
  return { id: item.id, bytes: bytes.length, articles: proposal.articles.length, text: proposal.text };
}
