import sanitizeHtml from "sanitize-html";
import { isBlank } from "./text";
import type { ArticleBody, BodyBlock, BodyInline, BodyMark, BodyParagraph } from "./types";
import { isAllowedHref } from "./validate";

/**
 * Public HTML for a validated body. Every string is escaped as it is written, and the
 * result still goes through sanitize-html with an allow-list of exactly the markup this
 * renderer emits: if a bug here ever let markup through, the sanitizer drops it.
 * Blank paragraphs, subheads and captions are left out (see isBlank).
 */
export function renderBodyHtml(body: ArticleBody): string {
  const html = body.content
    .map(renderBlock)
    .filter((s) => s !== "")
    .join("\n");
  return sanitizeBodyHtml(html);
}

/** The second line of defence: only the markup renderBodyHtml itself emits survives. */
export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["p", "h2", "h3", "div", "blockquote", "ul", "ol", "li", "strong", "em", "a", "br"],
  allowedAttributes: { a: ["href", "rel"], div: ["class"], p: ["class"] },
  allowedClasses: { div: ["lead"], p: ["caption"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
};

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for use both between tags and inside a double-quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function renderBlock(block: BodyBlock): string {
  switch (block.type) {
    case "paragraph":
      return renderParagraph(block);
    case "heading":
      return isBlank(block.content) ? "" : `<h${block.attrs.level}>${renderInline(block.content)}</h${block.attrs.level}>`;
    case "caption":
      return isBlank(block.content) ? "" : `<p class="caption">${renderInline(block.content)}</p>`;
    case "lead":
    case "blockquote": {
      const inner = block.content.map(renderParagraph).join("");
      if (inner === "") return "";
      return block.type === "lead" ? `<div class="lead">${inner}</div>` : `<blockquote>${inner}</blockquote>`;
    }
    case "bulletList":
    case "orderedList": {
      const tag = block.type === "bulletList" ? "ul" : "ol";
      // Items are kept even when blank: dropping one would renumber an ordered list.
      const items = block.content.map((item) => `<li>${item.content.map(renderParagraph).join("")}</li>`);
      return `<${tag}>${items.join("")}</${tag}>`;
    }
  }
}

function renderParagraph(p: BodyParagraph): string {
  return isBlank(p.content) ? "" : `<p>${renderInline(p.content)}</p>`;
}

// Outermost first, so a link around bold text stays one <a>.
const MARK_ORDER: Record<BodyMark["type"], number> = { link: 0, bold: 1, italic: 2 };

function sameMark(a: BodyMark, b: BodyMark): boolean {
  if (a.type === "link" && b.type === "link") return a.attrs.href === b.attrs.href;
  return a.type === b.type;
}

/** How many leading marks two sorted mark lists share. */
function sharedPrefix(a: readonly BodyMark[], b: readonly BodyMark[]): number {
  let n = 0;
  for (const m of a) {
    const other = b[n];
    if (!other || !sameMark(m, other)) break;
    n++;
  }
  return n;
}

function openTag(m: BodyMark): string {
  if (m.type === "bold") return "<strong>";
  if (m.type === "italic") return "<em>";
  return `<a href="${escapeHtml(hrefForHtml(m.attrs.href) ?? "")}" rel="noopener nofollow">`;
}

/**
 * The WHATWG serialization of an allowed link target: spaces, quotes and angle brackets
 * come out percent-encoded, so even a hostile-looking URL is one inert token. Null when
 * the stored value fails today's rules; its text is then rendered without a link.
 */
export function hrefForHtml(href: string): string | null {
  if (!isAllowedHref(href)) return null;
  const value = href.trim();
  try {
    if (!value.startsWith("/")) return new URL(value).href;
    const url = new URL(value, "https://site.invalid");
    return url.origin === "https://site.invalid" ? url.pathname + url.search + url.hash : null;
  } catch {
    return null;
  }
}

function closeTag(m: BodyMark): string {
  return m.type === "bold" ? "</strong>" : m.type === "italic" ? "</em>" : "</a>";
}

/**
 * Inline content with marks as properly nested elements. Marks shared by neighbouring
 * text stay open across them (one <a> for a link that is partly bold), and a hard break
 * keeps the marks around it open.
 */
function renderInline(content: readonly BodyInline[] | undefined): string {
  let out = "";
  const open: BodyMark[] = [];
  for (const item of content ?? []) {
    if (item.type === "hardBreak") {
      out += "<br>";
      continue;
    }
    // A stored link that fails today's rules renders as plain text rather than as a link.
    const marks = (item.marks ?? [])
      .filter((m) => m.type !== "link" || hrefForHtml(m.attrs.href) !== null)
      .sort((a, b) => MARK_ORDER[a.type] - MARK_ORDER[b.type]);
    for (const m of open.splice(sharedPrefix(open, marks)).reverse()) out += closeTag(m);
    for (const m of marks.slice(open.length)) {
      out += openTag(m);
      open.push(m);
    }
    out += escapeHtml(item.text);
  }
  for (const m of open.reverse()) out += closeTag(m);
  return out;
}
