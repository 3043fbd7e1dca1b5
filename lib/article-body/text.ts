import type { ArticleBody, BodyBlock, BodyInline, BodyParagraph } from "./types";

/*
 * Plain text from a body. No dependencies, so the client editor can import this file
 * for its live count without pulling the HTML sanitizer into the browser bundle.
 */

/** Inline content as text; a hard break is a line break. */
export function inlineText(content: readonly BodyInline[] | undefined): string {
  let out = "";
  for (const item of content ?? []) out += item.type === "text" ? item.text : "\n";
  return out;
}

/**
 * Blank textblocks (no text, or only whitespace and line breaks) carry nothing a reader
 * sees; the renderers skip them so stray empty paragraphs do not become gaps in print.
 */
export function isBlank(content: readonly BodyInline[] | undefined): boolean {
  return inlineText(content).trim() === "";
}

/** The textblocks of a block in reading order, each with the block it belongs to. */
export function textblocks(block: BodyBlock): { kind: BodyBlock["type"]; content: BodyInline[] | undefined; index: number }[] {
  switch (block.type) {
    case "paragraph":
    case "heading":
    case "caption":
    case "photo":
      return [{ kind: block.type, content: block.content, index: 0 }];
    case "lead":
    case "blockquote":
      return block.content.map((p) => ({ kind: block.type, content: p.content, index: 0 }));
    case "bulletList":
    case "orderedList":
      return block.content.flatMap((item, index) => item.content.map((p) => ({ kind: block.type, content: p.content, index })));
  }
}

/**
 * Text for search, snippets and counting: one line per non-blank textblock, joined with "\n".
 * The lead photo's caption comes last: it is searchable, but lists, link previews and feeds
 * open a story with the start of this text, which is the story, not the picture above it.
 */
export function bodyPlainText(body: ArticleBody): string {
  const lines: string[] = [];
  const last: string[] = [];
  for (const block of body.content) {
    const into = block.type === "photo" && block.attrs.lead ? last : lines;
    for (const tb of textblocks(block)) {
      if (!isBlank(tb.content)) into.push(inlineText(tb.content));
    }
  }
  return [...lines, ...last].join("\n");
}

// Whitespace and invisible format characters (ZWJ, ZWSP, soft hyphen, BOM) are not
// characters a reader counts; with the u flag a surrogate pair is one match.
const COUNTED = /[^\s\p{Cf}]/gu;

/** Characters as a Chinese newsroom counts them (字数): everything visible, whitespace excluded. */
export function countChars(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(COUNTED)) n++;
  return n;
}

export function bodyCharCount(body: ArticleBody): number {
  let n = 0;
  for (const block of body.content) {
    for (const tb of textblocks(block)) {
      for (const item of tb.content ?? []) if (item.type === "text") n += countChars(item.text);
    }
  }
  return n;
}

/**
 * A body of plain paragraphs, e.g. from imported text or a seed script. Line breaks
 * inside a paragraph become hard breaks and unpaired surrogates become U+FFFD, so the
 * result always passes parseArticleBody.
 */
export function textToBody(paragraphs: readonly string[]): ArticleBody {
  return { type: "doc", content: paragraphs.map(textToParagraph) };
}

function textToParagraph(text: string): BodyParagraph {
  const clean = text.replace(/\r\n?/g, "\n").replace(/[\ud800-\udfff]/gu, "\ufffd");
  const content: BodyInline[] = [];
  clean.split("\n").forEach((line, i) => {
    if (i > 0) content.push({ type: "hardBreak" });
    if (line !== "") content.push({ type: "text", text: line });
  });
  return content.length > 0 ? { type: "paragraph", content } : { type: "paragraph" };
}
