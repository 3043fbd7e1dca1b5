import { PHOTO_FORMATS } from "./formats";
import { MAX_PHOTO_BYTES, MAX_PHOTO_PIXELS, MIN_PHOTO_SIDE } from "./limits";

/*
 * Why an upload was refused, as codes the desk turns into a sentence (media.refusals.* in the
 * interface messages), each with what the person can do about it. Nothing is stored for any of them.
 */

export const PHOTO_REFUSALS = ["empty", "too_large", "not_image", "svg", "unsupported", "corrupt", "too_many_pixels", "too_small"] as const;
export type PhotoRefusalCode = (typeof PHOTO_REFUSALS)[number];

export class PhotoRefused extends Error {
  constructor(
    readonly code: PhotoRefusalCode,
    /** Values for the message: the format found, the limits. */
    readonly values: Record<string, string | number> = {},
  ) {
    super(`photo refused: ${code}`);
    this.name = "PhotoRefused";
  }
}

export function isPhotoRefused(e: unknown): e is PhotoRefused {
  return e instanceof PhotoRefused;
}

/** The values every refusal message may name. */
export const REFUSAL_LIMITS = {
  maxMb: MAX_PHOTO_BYTES / (1024 * 1024),
  maxMegapixels: MAX_PHOTO_PIXELS / 1_000_000,
  minSide: MIN_PHOTO_SIDE,
  formats: PHOTO_FORMATS.map((f) => f.toUpperCase()).join(", "),
} as const;
