import type { Media } from "@/db/schema";

/** What the desk's pages are told of a photo (the upload answer, the picker, the status poll). */
export type MediaSummary = {
  id: number;
  status: Media["status"];
  caption: string;
  credit: string;
  alt: string;
  width: number;
  height: number;
  focalX: number;
  focalY: number;
  version: number;
  previewUrl: string;
};

export function mediaSummary(m: Pick<Media, "id" | "status" | "caption" | "credit" | "alt" | "width" | "height" | "focalX" | "focalY" | "version">): MediaSummary {
  return {
    id: m.id,
    status: m.status,
    caption: m.caption,
    credit: m.credit,
    alt: m.alt,
    width: m.width,
    height: m.height,
    focalX: m.focalX,
    focalY: m.focalY,
    version: m.version,
    previewUrl: `/api/media/${m.id}/preview`,
  };
}
