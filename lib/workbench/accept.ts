import { HEADLINE_ROLES } from "@/lib/article-fields";
import type { ArticleBody, BodyBlock, BodyInline, BodyParagraph } from "@/lib/article-body/types";
import { mergeBylines, parseLeadingByline, parseNameByline, parseStandaloneByline, type ParsedByline } from "@/lib/ingest/byline";
import { parseJumpLine, parseLeadingJump, parseTrailingJump } from "@/lib/ingest/jump";
import { articlesOf, blockText } from "./doc";
import { joinSpans } from "./spans";
import type { AcceptedArticle, ArticleNode, WorkbenchDoc, WorkbenchRole } from "./types";

/** Roles that become article fields (the headline roles of lib/article-fields, and jump lines); every other role is body text. */
const FIELD_ROLES: ReadonlySet<string> = new Set([...HEADLINE_ROLES, "jump"]);

/** Block text as inline nodes; a line break the editor kept becomes a hardBreak. */
function inline(text: string): BodyInline[] {
  const out: BodyInline[] = [];
  text.split("\n").forEach((part, i) => {
    if (i > 0) out.push({ type: "hardBreak" });
    if (part.length > 0) out.push({ type: "text", text: part });
  });
  return out;
}

/** A byline block as the editor left it: a full byline, a leading one, or an author's name alone. */
function parseBylineBlock(text: string): ParsedByline | null {
  return parseStandaloneByline(text) ?? parseLeadingByline(text)?.byline ?? parseNameByline(text);
}

function acceptOne(a: ArticleNode): AcceptedArticle {
  const texts = (role: WorkbenchRole) =>
    a.content
      .filter((b) => b.attrs.role === role)
      .map((b) => blockText(b).trim())
      .filter((t) => t.length > 0);
  // Several blocks of one role (a title printed over two lines) read as one, space-separated.
  const field = (role: WorkbenchRole) => texts(role).join(" ") || null;

  const bylineTexts = texts("byline");
  let byline = bylineTexts.join(" ") || null;
  let parsed = mergeBylines(bylineTexts.map(parseBylineBlock).filter((b): b is ParsedByline => b !== null));

  let jumpTo: number | null = null;
  let jumpFrom: number | null = null;
  const body: BodyBlock[] = [];
  // Until the first paragraph, a "本报讯(…)" opening can stand in for a missing byline block.
  let lookForByline = bylineTexts.length === 0;

  for (const b of a.content) {
    const role = b.attrs.role;
    let text = blockText(b);
    if (role === "jump") {
      const j = parseJumpLine(text);
      jumpTo ??= j?.to ?? null;
      jumpFrom ??= j?.from ?? null;
      continue;
    }
    if (FIELD_ROLES.has(role)) continue;

    if (role === "paragraph" || role === "lead") {
      // "(上接第1版)…" / "…(下转第2版)" printed inside the text: a jump, not body.
      const head = parseLeadingJump(text);
      if (head) {
        jumpFrom ??= head.jump.from;
        jumpTo ??= head.jump.to;
        text = text.slice(head.length).trimStart();
      }
      const tail = parseTrailingJump(text);
      if (tail) {
        jumpTo ??= tail.jump.to;
        jumpFrom ??= tail.jump.from;
        text = text.slice(0, tail.start).trimEnd();
      }
      if (lookForByline) {
        const lead = parseLeadingByline(text.trimStart());
        if (lead) {
          byline = lead.byline.text;
          parsed = lead.byline;
          lookForByline = false;
        }
        if (role === "paragraph") lookForByline = false;
      }
    }
    if (text.trim().length === 0) continue; // nothing to print

    const content = inline(text);
    if (role === "lead") {
      const para: BodyParagraph = { type: "paragraph", content };
      const last = body[body.length - 1];
      // Consecutive lead blocks form one lead box.
      if (last?.type === "lead") last.content.push(para);
      else body.push({ type: "lead", content: [para] });
    } else if (role === "heading") body.push({ type: "heading", attrs: { level: 2 }, content });
    // A caption attached to a photo becomes that photo, its caption exactly as printed.
    else if (role === "caption" && b.attrs.mediaId) body.push({ type: "photo", attrs: { mediaId: b.attrs.mediaId, lead: false }, content });
    else if (role === "caption") body.push({ type: "caption", content });
    else body.push({ type: "paragraph", content });
  }

  const doc: ArticleBody = { type: "doc", content: body };
  return {
    key: a.attrs.id,
    kicker: field("kicker"),
    title: field("title"),
    subtitle: field("subtitle"),
    rubric: field("rubric"),
    byline,
    source: parsed?.source ?? null,
    reporters: parsed ? [...parsed.reporters] : [],
    correspondents: parsed ? [...parsed.correspondents] : [],
    photographers: parsed ? [...parsed.photographers] : [],
    jumpTo,
    jumpFrom,
    body: doc,
    rawSpans: joinSpans(a.content.flatMap((b) => b.attrs.spans), []),
  };
}

/**
 * The workbench's articles as "accept" stores them, one per article node in order
 * (key = article id). Titles, kickers, bylines and jump lines become fields, never
 * body; body roles map to lib/article-body nodes (lead → one `lead` box per run of
 * leads, heading → level 2, paragraph, caption); blocks with no visible text are
 * left out. Gating (titles, empty tray) is the caller's job: see workbenchStatus.
 */
export function acceptedArticles(doc: WorkbenchDoc): AcceptedArticle[] {
  return articlesOf(doc).map(acceptOne);
}
