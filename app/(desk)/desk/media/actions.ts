"use server";

import { revalidatePath } from "next/cache";
import { updateMediaDetails } from "@/db/queries/media";
import { fieldErrorsFrom, runAction } from "@/lib/actions";
import { AppError } from "@/lib/errors";
import { captionAndCredit } from "@/lib/media/credit";
import { requestIp } from "@/lib/request-info";
import { photoDetailsSchema, type PhotoDetailsInput } from "@/lib/validations/media";
import { requireUser } from "@/services/session";

export type PhotoActionResult =
  | { ok: true; message: string; version: number }
  | { ok: false; message: string; fieldErrors?: Record<string, string>; stale?: { version: number; savedAt: string } };

/**
 * Saves a photo's caption, credit (its photographers read from it), alt text and focal point, at
 * the version the form started from: a stale save is refused, not merged.
 */
export async function updatePhotoAction(input: PhotoDetailsInput): Promise<PhotoActionResult> {
  return runAction(async (t) => {
    const user = await requireUser("managePhotos", "action:updatePhoto");
    const parsed = photoDetailsSchema.safeParse(input ?? {});
    if (!parsed.success) return { ok: false, message: t("errors.invalid"), fieldErrors: fieldErrorsFrom(parsed.error, t) };
    const { id, baseVersion, caption, credit, alt, focalX, focalY } = parsed.data;
    const texts = captionAndCredit({ caption, credit });
    // The credit field is what the person typed: kept as typed even when it names nobody.
    const outcome = await updateMediaDetails({
      id,
      baseVersion,
      details: { caption, credit, photographers: texts.photographers, alt, focalX, focalY },
      actor: { id: user.id, email: user.email },
      ip: await requestIp(),
    });
    if (!outcome.ok && outcome.reason === "not_found") throw new AppError("not_found");
    if (!outcome.ok && outcome.reason === "alt_in_use") {
      return { ok: false, message: t("media.detail.altInUse", { titles: outcome.titles.map((title) => `《${title}》`).join("、") }), fieldErrors: { alt: t("media.detail.altRequired") } };
    }
    if (!outcome.ok) {
      const savedAt = outcome.stale.savedAt;
      return {
        ok: false,
        message: t("media.detail.stale", { version: outcome.stale.version, time: savedAt.toISOString().slice(11, 16) }),
        stale: { version: outcome.stale.version, savedAt: savedAt.toISOString() },
      };
    }
    revalidatePath(`/desk/media/${id}`);
    revalidatePath("/desk/media");
    return { ok: true, message: t("media.detail.saved"), version: outcome.media.version };
  });
}
