import { lunarDate, daysSince2000, weekday } from "./calendar";
import type { CorpusArticle } from "./corpus";
import type { IssuePlan, PagePlan } from "./plan";
import { Dice, seedOf } from "./random";
import { issueVoice, restyle } from "./restyle";
import { STYLES, papersFor, type HouseStyle } from "./styles";
import { bodyEnds, TRUTH_VERSION, type PageTruth, type TruthArticle, type TruthFurniture } from "./truth";
import { composePage, type ComposedPage, type Continuation, type PageItem, type StoryItem } from "./typeset/compose";
import type { FurnitureKind, IssueInfo, PageInfo } from "./typeset/furniture";
import { contains, roundRect, runBox, shapeBox, union, type Rect } from "./typeset/model";
import { renderPdf } from "./typeset/pdf";
import type { StoryPart } from "./typeset/story";

/**
 * Typesets one generated issue, page by page in order, so that a story cut on page 1
 * can continue on page 2 or 3 of the same issue. Returns each page's PDF and truth.
 */
export type BuiltPage = { id: string; pdf: Buffer; truth: PageTruth };

export type IssueResult = { pages: BuiltPage[]; dropped: number };

type Origin = { article: CorpusArticle; truthByline: string | null; kind: TruthArticle["kind"] };

const SHORT = 320;

export function pageId(plan: IssuePlan, page: number): string {
  return `${plan.id}-p${String(page).padStart(2, "0")}`;
}

function isShort(a: CorpusArticle): boolean {
  return a.body.every((b) => b.role === "paragraph") && a.body.reduce((s, b) => s + b.text.length, 0) < SHORT && !a.bylineInline;
}

function pageItems(plan: IssuePlan, page: PagePlan, style: HouseStyle, issue: IssueInfo, voice: ReturnType<typeof issueVoice>, d: Dice, origins: Map<string, Origin>): PageItem[] {
  const id = pageId(plan, page.page);
  const items: PageItem[] = [];
  const shorts = page.articles.filter(isShort);
  const briefs = shorts.length >= 2 && d.chance(0.75) ? new Set(shorts.slice(0, 4)) : new Set<CorpusArticle>();
  const briefParts: StoryPart[] = [];
  page.articles.forEach((a, i) => {
    const partId = `${id}-a${String(i + 1).padStart(2, "0")}`;
    const r = restyle(a, style, issue.paper, voice, d);
    if (briefs.has(a)) {
      // A brief prints its title alone, and its byline (if any) after the text.
      const byline = r.byline ? { text: r.byline.text, placement: r.byline.placement === "inline" ? ("inline" as const) : ("end" as const) } : null;
      const truthByline = byline?.placement === "end" ? `（${byline.text}）` : r.truthByline;
      briefParts.push({ id: partId, kind: "brief", kicker: null, title: r.title, subtitle: null, byline, blocks: r.blocks, photos: [], jumpFromLine: null, stampLine: null, lead: false });
      origins.set(partId, { article: a, truthByline, kind: "brief" });
      return;
    }
    const part: StoryPart = { id: partId, kind: "story", kicker: r.kicker, title: r.title, subtitle: r.subtitle, byline: r.byline, blocks: r.blocks, photos: r.photos, jumpFromLine: null, stampLine: null, lead: i === 0 };
    origins.set(partId, { article: a, truthByline: r.truthByline, kind: "story" });
    items.push({
      kind: "story",
      part,
      continuation: false,
      opt: { photoAspect: d.between(0.56, 0.78), photoCols: style.page.columns >= 7 ? d.pick([2, 3]) : 2, photoScale: 1, align: style.headline.align },
    });
  });
  if (briefParts.length) {
    // The box goes where its first brief stood in the paper's order.
    const at = Math.min(items.length, Math.max(1, page.articles.indexOf([...briefs][0] as CorpusArticle)));
    items.splice(at, 0, { kind: "briefs", id: `${id}-briefs`, label: d.pick(style.briefsLabels), parts: briefParts });
  }
  return items;
}

function furnitureKind(owner: string, fillers: ReadonlyMap<string, FurnitureKind>): FurnitureKind {
  const filler = fillers.get(owner);
  if (filler) return filler;
  if (owner.startsWith("f:stamp:")) return "stamp";
  if (owner.startsWith("f:epaper")) return "epaper";
  if (owner.startsWith("f:briefs")) return "label";
  const kinds: Record<string, FurnitureKind> = { "f:masthead": "masthead", "f:running-head": "running-head", "f:imprint": "imprint", "f:editor-credit": "editor-credit" };
  return kinds[owner] ?? "label";
}

function truthOf(plan: IssuePlan, page: PagePlan, info: PageInfo, composed: ComposedPage, origins: Map<string, Origin>, jumpFrom: Map<string, number>): PageTruth {
  const { style } = info.issue;
  const problems: string[] = [];
  const boxesByOwner = new Map<string, Rect[]>();
  const textByOwner = new Map<string, string[]>();
  for (const r of composed.canvas.runs) {
    const b = runBox(r);
    if (b.x < -0.5 || b.y < -0.5 || b.x + b.w > style.page.width + 0.5 || b.y + b.h > style.page.height + 0.5) problems.push(`${r.owner}: "${r.text}" runs off the page`);
    (boxesByOwner.get(r.owner) ?? boxesByOwner.set(r.owner, []).get(r.owner))?.push(b);
    (textByOwner.get(r.owner) ?? textByOwner.set(r.owner, []).get(r.owner))?.push(r.text);
  }
  for (const s of composed.canvas.shapes) if (s.kind === "image") (boxesByOwner.get(s.owner) ?? boxesByOwner.set(s.owner, []).get(s.owner))?.push(shapeBox(s));

  const articles: TruthArticle[] = [];
  for (const p of composed.placements) {
    const rootId = p.part.id.replace(/~\d+$/, "");
    const origin = origins.get(rootId);
    if (!origin) throw new Error(`no origin for ${p.part.id}`);
    const boxes = boxesByOwner.get(p.part.id) ?? [];
    const box = union(boxes);
    if (!box) {
      problems.push(`${p.part.id}: nothing printed`);
      continue;
    }
    // Hanging punctuation may reach one em past the measure, into the gutter.
    for (const b of boxes) if (!contains(p.module, b, style.body.size + 0.5)) problems.push(`${p.part.id}: printed outside its module (${JSON.stringify(roundRect(b))} in ${JSON.stringify(roundRect(p.module))})`);
    const captions = p.part.photos.slice(0, p.photos).flatMap((ph) => (ph.caption ? [{ role: "caption" as const, text: ph.caption }] : []));
    const body = [...p.set.printed.map((b) => ({ role: b.role, text: b.text })), ...captions];
    const continuation = p.part.kind === "continuation";
    const byline = continuation ? null : p.part.byline ? (p.set.bylinePrinted ? origin.truthByline : null) : origin.truthByline;
    articles.push({
      id: p.part.id,
      kind: continuation ? "continuation" : origin.kind,
      kicker: p.part.kicker,
      title: p.part.title,
      subtitle: p.part.subtitle,
      byline,
      body,
      ...bodyEnds(body),
      jumpTo: p.jumpTo,
      jumpFrom: continuation ? (jumpFrom.get(p.part.id) ?? null) : null,
      box: roundRect(box),
      module: roundRect(p.module),
      source: { url: origin.article.url, date: origin.article.date, page: origin.article.page, seq: origin.article.seq },
    });
  }
  const furniture: TruthFurniture[] = [];
  for (const [owner, texts] of textByOwner) {
    if (!owner.startsWith("f:")) continue;
    furniture.push({ id: owner.slice(2), kind: furnitureKind(owner, composed.furniture), text: texts.join("\n"), box: roundRect(union(boxesByOwner.get(owner) ?? []) as Rect) });
  }
  if (problems.length) throw new Error(`${pageId(plan, page.page)}: ${problems.slice(0, 5).join("; ")}`);
  const { issue } = info;
  return {
    version: TRUTH_VERSION,
    id: pageId(plan, page.page),
    issueId: plan.id,
    style: plan.style,
    split: plan.split,
    paper: issue.paper.name,
    date: plan.date,
    page: page.page,
    pageCount: plan.pages.length,
    pageName: info.pageName,
    source: { paper: plan.sourcePaper, date: plan.date, page: page.sourcePage },
    size: { width: style.page.width, height: style.page.height },
    masthead:
      page.page === 1
        ? {
            paper: issue.paper.name,
            date: plan.date,
            weekday: weekday(plan.date),
            lunarDate: lunarDate(plan.date),
            issueNo: issue.issueNo,
            totalIssueNo: issue.totalIssueNo,
            pageCount: issue.pageCount,
            publisher: issue.paper.publisher,
            website: issue.paper.website,
            licence: issue.paper.licence,
          }
        : null,
    articles,
    furniture,
  };
}

/** Composes a page; if a continuation would be pushed off it, retries with continuations first. */
function composeWithContinuations(info: PageInfo, own: PageItem[], continued: Continuation[], jumpTargets: number[], seed: number): ComposedPage {
  const conts: StoryItem[] = continued.map((c) => ({ kind: "story", part: c.part, continuation: true, opt: { photoAspect: 0.66, photoCols: 2, photoScale: 1, align: info.issue.style.headline.align } }));
  for (const at of [1, 0]) {
    const items = [...own];
    items.splice(Math.min(at, items.length), 0, ...conts);
    const composed = composePage({ info, items, jumpTargets, dice: new Dice(seed) });
    if (!composed.deferred.some((it) => it.kind === "story" && it.continuation)) return composed;
  }
  throw new Error(`page ${info.page}: a continued story found no room`);
}

export async function buildIssue(plan: IssuePlan): Promise<IssueResult> {
  const style = STYLES[plan.style];
  const papers = papersFor(style, plan.sourcePaper);
  const paper = papers[plan.paperIndex % papers.length] as (typeof papers)[number];
  const d = new Dice(seedOf(plan.id));
  const voice = issueVoice(d);
  const days = daysSince2000(plan.date);
  const issue: IssueInfo = {
    style,
    paper,
    date: plan.date,
    pageCount: plan.pages.length,
    // Weekly county papers count from the start of the year; dailies keep counting.
    issueNo: style.name === "county-weekly" ? Math.floor((days % 365) / 7) + 1 + plan.paperIndex : days % 365,
    totalIssueNo: paper.issueBase + days,
  };
  const origins = new Map<string, Origin>();
  const pending = new Map<number, Continuation[]>();
  const jumpFrom = new Map<string, number>();
  const out: BuiltPage[] = [];
  let carried: PageItem[] = [];
  for (const page of plan.pages) {
    const pd = new Dice(seedOf(plan.id, page.page));
    const info: PageInfo = { issue, page: page.page, pageName: page.page === 1 ? "要闻" : page.pageName };
    const own = [...carried, ...pageItems(plan, page, style, issue, voice, pd, origins)];
    // Stories continue on one of the next three pages that does not already hold a continued story.
    const later = plan.pages.filter((p) => p.page > page.page && !pending.has(p.page)).map((p) => p.page);
    const composed = composeWithContinuations(info, own, pending.get(page.page) ?? [], later.slice(0, 3), seedOf(plan.id, page.page, "compose"));
    for (const c of composed.continuations) {
      (pending.get(c.page) ?? pending.set(c.page, []).get(c.page))?.push(c);
      jumpFrom.set(c.part.id, page.page);
    }
    carried = composed.deferred;
    const truth = truthOf(plan, page, info, composed, origins, jumpFrom);
    const pdf = await renderPdf(style.page, composed.canvas, composed.frameOrder, { title: `${paper.name} ${plan.date} 第${page.page}版`, subject: `Folio segmentation lab, ${plan.style}, ${truth.id}` });
    out.push({ id: truth.id, pdf, truth });
  }
  const dropped = carried.reduce((n, it) => n + (it.kind === "story" ? 1 : it.parts.length), 0);
  return { pages: out, dropped };
}
