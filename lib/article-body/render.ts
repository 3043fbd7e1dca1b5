import sanitizeHtml from "sanitize-html";
import { PHOTO_SIZES, planPicture, type PictureOptions, type PublicPhoto } from "@/lib/media/picture";
import { MEDIA_FILE_URL } from "@/lib/media/urls";
import { inlineText, isBlank } from "./text";
import type { ArticleBody, BodyBlock, BodyInline, BodyMark, BodyParagraph, BodyPhoto } from "./types";
import { isAllowedHref } from "./validate";

export type RenderOptions = {
  /**
   * The photos the body places that readers may see (processed, with alt text), by media id.
   * A photo not among them is shown as its caption alone.
   */
  photos?: ReadonlyMap<number, PublicPhoto>;
};

/**
 * Public HTML for a validated body. Every string is escaped as it is written, and the
 * result still goes through sanitize-html with an allow-list of exactly the markup this
 * renderer emits: if a bug here ever let markup through, the sanitizer drops it.
 * Blank paragraphs, subheads and captions are left out (see isBlank).
 */
export function renderBodyHtml(body: ArticleBody, options: RenderOptions = {}): string {
  const html = body.content
    .map((block) => renderBlock(block, options))
    .filter((s) => s !== "")
    .join("\n");
  return sanitizeBodyHtml(html);
}

/** A photo alone as <picture> (a thumbnail in a list), or "" when it has nothing to show yet. */
export function renderPictureHtml(photo: PublicPhoto, options: PictureOptions): string {
  return sanitizeBodyHtml(pictureHtml(photo, options));
}

/** The second line of defence: only the markup renderBodyHtml itself emits survives. */
export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE);
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["p", "h2", "h3", "div", "blockquote", "ul", "ol", "li", "strong", "em", "a", "br", "figure", "figcaption", "picture", "source", "img"],
  allowedAttributes: {
    a: ["href", "rel"],
    div: ["class"],
    p: ["class"],
    figure: ["class"],
    source: ["type", "srcset", "sizes"],
    img: ["src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding", "fetchpriority", "style"],
  },
  allowedClasses: { div: ["lead"], p: ["caption", "credit"], figure: ["photo", "lead-photo"] },
  allowedStyles: { img: { "object-position": [/^\d{1,3}% \d{1,3}%$/] } },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href", "src"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // <source> is a void element: written as <source … />, never with an end tag.
  selfClosing: ["img", "br", "source"],
  // Pictures come only from Folio's own media files, whatever else a bug let into the markup.
  exclusiveFilter: (frame) => {
    if (frame.tag === "img") return !MEDIA_FILE_URL.test(frame.attribs.src ?? "") || !onlyMediaFiles(frame.attribs.srcset);
    if (frame.tag === "source") return !onlyMediaFiles(frame.attribs.srcset);
    return false;
  },
};

/** A srcset ("url 480w, url 960w") of Folio media files only; absent is fine. */
function onlyMediaFiles(srcset: string | undefined): boolean {
  if (srcset === undefined) return true;
  return srcset.split(",").every((candidate) => MEDIA_FILE_URL.test(candidate.trim().split(/\s+/)[0] ?? ""));
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for use both between tags and inside a double-quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function renderBlock(block: BodyBlock, options: RenderOptions): string {
  switch (block.type) {
    case "paragraph":
      return renderParagraph(block);
    case "photo":
      return renderPhoto(block, options.photos?.get(block.attrs.mediaId));
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

/**
 * A photo with its caption as printed and the photographer's credit (unless the caption already
 * prints it, as "……记者 张三 摄" does). The lead photo heads the article: it is fetched at once and
 * first; every other photo loads as the reader scrolls to it. Without the photo, the caption alone.
 */
function renderPhoto(block: BodyPhoto, photo: PublicPhoto | undefined): string {
  const caption = isBlank(block.content) ? "" : renderInline(block.content);
  const picture = photo ? pictureHtml(photo, { sizes: PHOTO_SIZES.article, eager: block.attrs.lead }) : "";
  if (!photo || picture === "") return caption === "" ? "" : `<p class="caption">${caption}</p>`;
  const printed = inlineText(block.content).replace(/\s/g, "");
  const credit = photo.credit && !printed.includes(photo.credit.replace(/\s/g, "")) ? `<p class="credit">${escapeHtml(photo.credit)}</p>` : "";
  const figcaption = caption || credit ? `<figcaption>${caption}${credit}</figcaption>` : "";
  return `<figure class="photo${block.attrs.lead ? " lead-photo" : ""}">${picture}${figcaption}</figure>`;
}

/** <picture> with a source per modern format and the JPEG <img> that reserves the photo's box. */
function pictureHtml(photo: PublicPhoto, options: PictureOptions): string {
  const plan = planPicture(photo, options);
  if (!plan) return "";
  const attrs = (pairs: [string, string | number | undefined][]) =>
    pairs
      .filter((p): p is [string, string | number] => p[1] !== undefined)
      .map(([k, v]) => ` ${k}="${escapeHtml(String(v))}"`)
      .join("");
  const { img } = plan;
  const sources = plan.sources.map((s) => `<source${attrs([["type", s.type], ["srcset", s.srcset], ["sizes", img.sizes]])}>`).join("");
  const style = img.objectPosition ? `object-position:${img.objectPosition}` : undefined;
  return `<picture>${sources}<img${attrs([
    ["src", img.src],
    ["srcset", img.srcset],
    ["sizes", img.sizes],
    ["width", img.width],
    ["height", img.height],
    ["alt", img.alt],
    ["loading", img.loading],
    ["decoding", img.decoding],
    ["fetchpriority", img.fetchPriority],
    ["style", style],
  ])}></picture>`;
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
