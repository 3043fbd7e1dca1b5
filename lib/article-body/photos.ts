import { inlineText } from "./text";
import type { ArticleBody, BodyBlock, BodyInline, BodyPhoto } from "./types";

/*
 * An article's photos as its body holds them, and the changes made to them outside the editor
 * (the demo seed, accepting an import): plain JSON in, JSON out, always a valid body.
 */

/** The body's photos in order, the lead photo first: the article's ordered set. */
export function photosOfBody(body: ArticleBody): { mediaId: number; lead: boolean }[] {
  return body.content.flatMap((block) => (block.type === "photo" ? [{ mediaId: block.attrs.mediaId, lead: block.attrs.lead }] : []));
}

const textContent = (text: string): BodyInline[] => (text.trim() === "" ? [] : [{ type: "text", text: text.trim() }]);

function photoBlock(mediaId: number, lead: boolean, content: BodyInline[] | undefined): BodyPhoto {
  return { type: "photo", attrs: { mediaId, lead }, ...(content && content.length > 0 ? { content } : {}) };
}

/**
 * The body with the caption block that reads `caption` attached to a photo: the block becomes the
 * photo with that caption, every character of it kept. Null when no caption block reads so.
 */
export function attachCaptionToPhoto(body: ArticleBody, caption: string, mediaId: number): ArticleBody | null {
  const index = body.content.findIndex((b) => b.type === "caption" && inlineText(b.content).trim() === caption.trim());
  if (index < 0) return null;
  const block = body.content[index] as Extract<BodyBlock, { type: "caption" }>;
  const content = [...body.content];
  content[index] = photoBlock(mediaId, false, block.content);
  return { type: "doc", content };
}

/**
 * The body with `mediaId` as its lead photo: a photo of it already placed moves to the top (with
 * its caption); otherwise it is added there with `caption`. A former lead photo stays, as an
 * ordinary photo.
 */
export function withLeadPhoto(body: ArticleBody, mediaId: number, caption = ""): ArticleBody {
  const placed = body.content.findIndex((b) => b.type === "photo" && b.attrs.mediaId === mediaId);
  const rest = body.content
    .filter((_, i) => i !== placed)
    .map((b): BodyBlock => (b.type === "photo" && b.attrs.lead ? photoBlock(b.attrs.mediaId, false, b.content) : b));
  const found = placed >= 0 ? body.content[placed] : undefined;
  const lead = photoBlock(mediaId, true, found?.type === "photo" ? found.content : textContent(caption));
  return { type: "doc", content: [lead, ...rest] };
}
