import type { Segmentation } from "@/lib/ingest/types";
import { articlesOf, blockText } from "./doc";
import type { WorkbenchDoc } from "./types";

/**
 * A PDF import's photos (taken out of the PDF into the media library when it was uploaded) on
 * the working state: each caption block printed under a photo is attached to that photo, so
 * accepting makes it the photo with its caption as printed (lib/workbench/accept.ts). Articles
 * of the document are the segmentation's, in order (fromSegmentation); a photo without a caption
 * stays in the library only.
 */
export function withPrintedPhotos(doc: WorkbenchDoc, seg: Pick<Segmentation, "layout">): WorkbenchDoc {
  const photos = (seg.layout?.images ?? []).filter((im) => im.mediaId && im.article !== null && im.caption);
  if (photos.length === 0) return doc;
  const articles = articlesOf(doc);
  const norm = (s: string) => s.replace(/\s+/g, "");
  for (const im of photos) {
    const article = articles[im.article as number];
    const caption = article?.content.find((b) => b.attrs.role === "caption" && !b.attrs.mediaId && norm(blockText(b)) === norm(im.caption as string));
    if (caption) caption.attrs.mediaId = im.mediaId;
  }
  return doc;
}
