import { z } from "zod";
import { PHOTO_TEXT_LIMITS } from "@/lib/media/limits";

const text = (max: number) => z.string().max(max, "validation.tooLong").transform((s) => s.trim());
const unit = z.number().min(0).max(1);

/** A photo's details as the library form (and the article's photo panel) sends them. */
export const photoDetailsSchema = z.object({
  id: z.number().int().positive(),
  baseVersion: z.number().int().positive(),
  caption: text(PHOTO_TEXT_LIMITS.caption),
  credit: text(PHOTO_TEXT_LIMITS.credit),
  alt: text(PHOTO_TEXT_LIMITS.alt),
  focalX: unit,
  focalY: unit,
});

export type PhotoDetailsInput = z.input<typeof photoDetailsSchema>;
