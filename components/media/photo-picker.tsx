"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { MediaSummary } from "@/services/media/summary";
import { PhotoUploader } from "./photo-uploader";

/**
 * A dialog to choose a photo of the library (found by words of its caption, credit or alt text),
 * or to upload new ones and choose among them. `onPick` gets the photo; the dialog closes.
 */
export function PhotoPicker({ label, onPick, disabled }: { label: string; onPick: (photo: MediaSummary) => void; disabled?: boolean }) {
  const t = useTranslations("media.picker");
  const status = useTranslations("media.status");
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [q, setQ] = useState("");
  const [photos, setPhotos] = useState<MediaSummary[] | null>(null);

  const load = useCallback(async (words: string) => {
    setPhotos(null);
    try {
      const res = await fetch(`/api/media?q=${encodeURIComponent(words)}`, { cache: "no-store" });
      const body = (await res.json()) as { photos?: MediaSummary[] };
      setPhotos(body.photos ?? []);
    } catch {
      setPhotos([]);
    }
  }, []);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    const onClose = () => setPhotos(null);
    d.addEventListener("close", onClose);
    return () => d.removeEventListener("close", onClose);
  }, []);

  const open = () => {
    dialog.current?.showModal();
    void load(q);
  };
  const pick = (photo: MediaSummary) => {
    dialog.current?.close();
    onPick(photo);
  };

  return (
    <>
      <Button type="button" variant="secondary" onClick={open} disabled={disabled}>
        {label}
      </Button>
      <dialog ref={dialog} aria-labelledby={titleId} className="m-auto w-[min(56rem,95vw)] rounded border border-stone-400 p-0 backdrop:bg-black/40">
        <div className="flex max-h-[85vh] flex-col gap-3 overflow-y-auto p-4">
          <div className="flex items-center justify-between gap-2">
            <h2 id={titleId} className="text-lg font-semibold">
              {t("title")}
            </h2>
            <Button type="button" variant="ghost" onClick={() => dialog.current?.close()}>
              {t("close")}
            </Button>
          </div>
          <form
            role="search"
            className="flex gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              void load(q);
            }}
          >
            <input
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              aria-label={t("search")}
              className="min-w-0 flex-1 rounded border border-stone-400 px-2 py-1.5 text-sm"
            />
            <Button type="submit" variant="secondary">
              {t("search")}
            </Button>
          </form>
          {photos === null ? (
            <p className="text-sm text-stone-600">{t("loading")}</p>
          ) : photos.length === 0 ? (
            <p className="text-sm text-stone-600">{t("none")}</p>
          ) : (
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-4">
              {photos.map((photo) => (
                <li key={photo.id}>
                  <button
                    type="button"
                    onClick={() => pick(photo)}
                    className="flex w-full flex-col gap-1 rounded border border-stone-300 bg-white p-1 text-left text-xs hover:border-accent focus-visible:outline-2 focus-visible:outline-accent"
                  >
                    {photo.status === "ready" ? (
                      // eslint-disable-next-line @next/next/no-img-element -- the desk's own preview route, no optimiser
                      <img src={photo.previewUrl} alt="" width={160} height={107} loading="lazy" className="aspect-[3/2] w-full rounded-sm bg-stone-200 object-cover" />
                    ) : (
                      <span className="flex aspect-[3/2] w-full items-center justify-center rounded-sm bg-stone-200 text-stone-600">{status(photo.status)}</span>
                    )}
                    <span className="line-clamp-2">{photo.caption || photo.alt || `#${photo.id}`}</span>
                    <span className="font-medium text-accent">{t("choose", { id: photo.id })}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p className="text-sm font-medium">{t("uploadHere")}</p>
          <PhotoUploader
            onUploaded={(photo) => setPhotos((list) => [photo, ...(list ?? []).filter((p) => p.id !== photo.id)])}
            onSettled={(photo) => setPhotos((list) => (list ?? []).map((p) => (p.id === photo.id ? photo : p)))}
          />
        </div>
      </dialog>
    </>
  );
}
