"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { BodyPhotoCommands } from "@/components/editor/article-body/article-body-editor";
import { PhotoPicker } from "@/components/media/photo-picker";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { photosOfBody } from "@/lib/article-body/photos";
import type { ArticleBody } from "@/lib/article-body/types";
import type { MediaSummary } from "@/services/media/summary";
import { updatePhotoAction } from "../../../media/actions";

function problemOf(photo: MediaSummary | undefined): "processing" | "failed" | "no_alt" | null {
  if (!photo) return null;
  if (photo.status !== "ready") return photo.status;
  return photo.alt.trim() === "" ? "no_alt" : null;
}

/**
 * The article's photos beside its body: add one (from the library or uploaded here) to the body or
 * as the lead photo, make one the lead, take one out, and write the alt text publishing needs.
 * The body is the record of where photos are; this panel drives the editor's photo commands.
 */
export function ArticlePhotos({
  body,
  photos,
  onPhotosChange,
  commands,
  editable,
  canManage,
}: {
  body: ArticleBody;
  /** What the desk knows of each photo, by id (from the server, and any picked here). */
  photos: Record<number, MediaSummary>;
  onPhotosChange: (photo: MediaSummary) => void;
  commands: BodyPhotoCommands | null;
  editable: boolean;
  /** May use the library (pick, upload, write alt text). */
  canManage: boolean;
}) {
  const t = useTranslations("media.article");
  const placed = photosOfBody(body);
  const [alts, setAlts] = useState<Record<number, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const ready = editable && commands !== null;

  // A photo just uploaded is still being processed: follow it until it is ready (or failed).
  const waiting = placed.filter((p) => photos[p.mediaId]?.status === "processing").map((p) => p.mediaId);
  const waitingKey = [...new Set(waiting)].join(",");
  useEffect(() => {
    if (waitingKey === "") return;
    const timer = setInterval(() => {
      for (const id of waitingKey.split(",")) {
        void fetch(`/api/media/${id}`, { cache: "no-store" })
          .then((res) => (res.ok ? (res.json() as Promise<{ photo: MediaSummary }>) : null))
          .then((answer) => {
            if (answer && answer.photo.status !== "processing") onPhotosChange(answer.photo);
          })
          .catch(() => {});
      }
    }, 2000);
    return () => clearInterval(timer);
  }, [waitingKey, onPhotosChange]);

  const saveAlt = async (photo: MediaSummary) => {
    const alt = (alts[photo.id] ?? photo.alt).trim();
    const result = await updatePhotoAction({ id: photo.id, baseVersion: photo.version, caption: photo.caption, credit: photo.credit, alt, focalX: photo.focalX, focalY: photo.focalY });
    setMessage({ ok: result.ok, text: result.ok ? t("altSaved", { id: photo.id }) : result.message });
    if (result.ok) onPhotosChange({ ...photo, alt, version: result.version });
  };

  return (
    <section aria-labelledby="article-photos" className="rounded border border-stone-300 bg-white p-3">
      <h2 id="article-photos" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mb-2 text-xs text-stone-600">{t("hint")}</p>
      {placed.length === 0 ? <p className="text-sm text-stone-600">{t("empty")}</p> : null}
      <ol className="flex flex-col gap-2">
        {placed.map(({ mediaId, lead }, index) => {
          const photo = photos[mediaId];
          const problem = problemOf(photo);
          return (
            <li key={`${mediaId}-${index}`} className="grid grid-cols-[6rem_minmax(0,1fr)] gap-3 border-t border-stone-200 pt-2 first:border-t-0 first:pt-0">
              {photo?.status === "ready" ? (
                // eslint-disable-next-line @next/next/no-img-element -- the desk's own preview route, no optimiser
                <img src={photo.previewUrl} alt="" width={96} height={64} className="aspect-[3/2] w-24 rounded-sm bg-stone-200 object-cover" />
              ) : (
                // No preview before its sizes are made: the picture appears once the photo is ready.
                <span aria-hidden="true" className="aspect-[3/2] w-24 rounded-sm bg-stone-200" />
              )}
              <div className="flex flex-col gap-1 text-sm">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">#{mediaId}</span>
                  {lead ? <span className="rounded bg-accent px-1.5 text-xs text-white">{t("lead")}</span> : null}
                  {problem ? (
                    <span className={`rounded px-1.5 text-xs ${problem === "failed" ? "bg-red-100 text-red-900" : "bg-amber-100 text-amber-900"}`}>{t(`problems.${problem}`)}</span>
                  ) : null}
                  {canManage ? (
                    <a href={`/desk/media/${mediaId}`} target="_blank" rel="noopener" className="text-xs underline">
                      {t("edit")}
                    </a>
                  ) : null}
                </p>
                {photo && canManage ? (
                  <form
                    className="flex flex-wrap items-end gap-2"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void saveAlt(photo);
                    }}
                  >
                    <label className="flex min-w-48 flex-1 flex-col gap-0.5 text-xs">
                      {t("alt", { id: mediaId })}
                      <input
                        value={alts[mediaId] ?? photo.alt}
                        onChange={(e) => setAlts((a) => ({ ...a, [mediaId]: e.target.value }))}
                        className="rounded border border-stone-400 px-2 py-1 text-sm"
                      />
                    </label>
                    <Button type="submit" variant="secondary" aria-label={t("saveAltOf", { id: mediaId })}>
                      {t("saveAlt")}
                    </Button>
                  </form>
                ) : null}
                {ready ? (
                  <p className="flex flex-wrap gap-2">
                    {!lead ? (
                      <Button type="button" variant="ghost" onClick={() => commands?.setLeadPhoto(mediaId)}>
                        {t("makeLead")}
                      </Button>
                    ) : null}
                    <Button type="button" variant="ghost" title={t("removeHint")} onClick={() => commands?.removePhoto(mediaId)}>
                      {t("remove")}
                    </Button>
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {message ? <Notice tone={message.ok ? "success" : "error"}>{message.text}</Notice> : null}
      {ready && canManage ? (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <PhotoPicker
            label={t("add")}
            onPick={(photo) => {
              onPhotosChange(photo);
              commands?.insertPhoto(photo.id, photo.caption);
            }}
          />
          <PhotoPicker
            label={t("addLead")}
            onPick={(photo) => {
              onPhotosChange(photo);
              commands?.setLeadPhoto(photo.id, photo.caption);
            }}
          />
          <span className="text-xs text-stone-600">{t("attachCaption")}</span>
        </div>
      ) : null}
    </section>
  );
}
