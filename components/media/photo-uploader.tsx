"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useRef, useState, type DragEvent } from "react";
import { PHOTO_ACCEPT } from "@/lib/media/formats";
import { MAX_PHOTO_BYTES, PARALLEL_UPLOADS } from "@/lib/media/limits";
import type { MediaSummary } from "@/services/media/summary";

type UploadState = "waiting" | "uploading" | "processing" | "ready" | "failed" | "refused" | "duplicate";

type Upload = {
  key: string;
  file: File;
  state: UploadState;
  percent: number;
  message?: string;
  photo?: MediaSummary;
};

/** How often an uploaded photo's status is asked for while its sizes are being made. */
const POLL_MS = 1500;

/**
 * Drag-and-drop (or choose) several photos: each is sent as it is (the raw file as the request
 * body, so the browser reports progress), a few at a time, with a progress bar, then followed
 * until the server has made its sizes. A refused file says why; the others go on.
 */
export function PhotoUploader({
  onUploaded,
  onSettled,
  label,
}: {
  /** The server has the photo (still processing, usually). */
  onUploaded?: (photo: MediaSummary) => void;
  /** Its sizes are made (ready) or could not be (failed): lists showing it can show it as it is now. */
  onSettled?: (photo: MediaSummary) => void;
  label?: string;
}) {
  const t = useTranslations("media");
  const inputId = useId();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [dragging, setDragging] = useState(false);
  const uploadsRef = useRef(uploads);
  const started = useRef(new Set<string>());
  const inFlight = useRef(0);
  const alive = useRef(true);
  const onUploadedRef = useRef(onUploaded);
  const onSettledRef = useRef(onSettled);
  useEffect(() => {
    onUploadedRef.current = onUploaded;
    onSettledRef.current = onSettled;
  }, [onUploaded, onSettled]);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const update = useCallback((key: string, change: Partial<Upload>) => {
    setUploads((list) => {
      const next = list.map((u) => (u.key === key ? { ...u, ...change } : u));
      uploadsRef.current = next;
      return next;
    });
  }, []);

  const follow = useCallback(
    (key: string, id: number) => {
      const ask = async () => {
        if (!alive.current) return;
        try {
          const res = await fetch(`/api/media/${id}`, { cache: "no-store" });
          if (res.ok) {
            const { photo, failure } = (await res.json()) as { photo: MediaSummary; failure: string | null };
            if (photo.status !== "processing") {
              update(key, photo.status === "ready" ? { state: "ready", photo } : { state: "failed", photo, message: t("upload.failed", { reason: failure ?? "?" }) });
              onSettledRef.current?.(photo);
              return;
            }
          }
        } catch {
          // a dropped connection: ask again
        }
        setTimeout(() => void ask(), POLL_MS);
      };
      setTimeout(() => void ask(), POLL_MS);
    },
    [t, update],
  );

  const send = useCallback(
    (upload: Upload) =>
      new Promise<void>((resolve) => {
        const xhr = new XMLHttpRequest();
        xhr.open("POST", "/api/media");
        xhr.setRequestHeader("x-file-name", encodeURIComponent(upload.file.name));
        xhr.setRequestHeader("content-type", upload.file.type || "application/octet-stream");
        xhr.upload.onprogress = (e) => {
          if (e.lengthComputable) update(upload.key, { state: "uploading", percent: Math.round((e.loaded / e.total) * 100) });
        };
        xhr.onload = () => {
          let answer: { photo?: MediaSummary; duplicate?: boolean; message?: string } = {};
          try {
            answer = JSON.parse(xhr.responseText) as typeof answer;
          } catch {
            // a proxy's error page: the status alone says it failed
          }
          if ((xhr.status === 200 || xhr.status === 201) && answer.photo) {
            const photo = answer.photo;
            if (answer.duplicate) update(upload.key, { state: "duplicate", percent: 100, photo, message: t("upload.duplicate", { id: photo.id }) });
            else if (photo.status === "ready") update(upload.key, { state: "ready", percent: 100, photo });
            else {
              update(upload.key, { state: "processing", percent: 100, photo });
              follow(upload.key, photo.id);
            }
            onUploadedRef.current?.(photo);
          } else {
            update(upload.key, { state: "refused", message: answer.message ?? `HTTP ${xhr.status}` });
          }
          resolve();
        };
        xhr.onerror = xhr.onabort = () => {
          update(upload.key, { state: "refused", message: t("upload.networkError") });
          resolve();
        };
        update(upload.key, { state: "uploading", percent: 0 });
        xhr.send(upload.file);
      }),
    [follow, t, update],
  );

  // A few at a time: the rest wait their turn (the server processes one photo at a time anyway).
  const pumpRef = useRef<() => void>(() => {});
  useEffect(() => {
    pumpRef.current = () => {
      const next = uploadsRef.current.filter((u) => u.state === "waiting" && !started.current.has(u.key)).slice(0, Math.max(0, PARALLEL_UPLOADS - inFlight.current));
      for (const upload of next) {
        started.current.add(upload.key);
        inFlight.current += 1;
        void send(upload).then(() => {
          inFlight.current -= 1;
          pumpRef.current();
        });
      }
    };
  }, [send]);
  const pump = () => pumpRef.current();

  const add = (files: FileList | File[] | null) => {
    if (!files || files.length === 0) return;
    const added: Upload[] = [...files].map((file, i) => ({
      key: `${Date.now()}-${i}-${file.name}`,
      file,
      percent: 0,
      // Too big is known before a byte is sent; the server says the same if asked.
      ...(file.size > MAX_PHOTO_BYTES
        ? { state: "refused" as const, message: t("refusals.too_large", { maxMb: MAX_PHOTO_BYTES / (1024 * 1024) }) }
        : { state: "waiting" as const }),
    }));
    uploadsRef.current = [...uploadsRef.current, ...added];
    setUploads(uploadsRef.current);
    pump();
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    add(e.dataTransfer.files);
  };

  const stateText = (u: Upload) => {
    if (u.state === "waiting") return t("upload.waiting");
    if (u.state === "uploading") return t("upload.uploading", { percent: u.percent });
    if (u.state === "processing") return t("upload.processing");
    if (u.state === "ready") return t("upload.ready");
    return u.message ?? "";
  };

  return (
    <div className="flex flex-col gap-2">
      <div
        data-testid="photo-drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = "copy";
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`flex flex-col items-center gap-1 rounded border-2 border-dashed px-4 py-5 text-center text-sm ${dragging ? "border-accent bg-red-50" : "border-stone-400 bg-white"}`}
      >
        <p>
          {label ?? t("upload.drop")}{" "}
          <label htmlFor={inputId} className="cursor-pointer font-medium text-accent underline">
            {t("upload.choose")}
          </label>
        </p>
        <input
          id={inputId}
          type="file"
          multiple
          accept={PHOTO_ACCEPT}
          className="sr-only"
          onChange={(e) => {
            add(e.target.files);
            e.target.value = "";
          }}
        />
        <p className="text-xs text-stone-600">{t("upload.hint", { maxMb: MAX_PHOTO_BYTES / (1024 * 1024) })}</p>
      </div>
      {uploads.length > 0 ? (
        <ul aria-label={t("upload.list")} aria-live="polite" className="flex flex-col gap-1">
          {uploads.map((u) => (
            <li key={u.key} data-state={u.state} className="grid grid-cols-[minmax(0,1fr)_8rem] items-center gap-x-3 rounded border border-stone-300 bg-white px-2 py-1 text-sm">
              <span className="truncate" title={u.file.name}>
                {u.file.name}
              </span>
              {/* A refused file's bar would say "all sent" next to "not taken": its message says it all. */}
              {u.state === "refused" ? <span /> : <progress max={100} value={u.percent} aria-label={u.file.name} className="h-2 w-full accent-red-800" />}
              <span role={u.state === "refused" || u.state === "failed" ? "alert" : undefined} className={`col-span-2 text-xs ${u.state === "refused" || u.state === "failed" ? "text-red-800" : "text-stone-600"}`}>
                {stateText(u)}
                {u.photo && (u.state === "ready" || u.state === "duplicate" || u.state === "processing") ? (
                  <>
                    {" "}
                    <a href={`/desk/media/${u.photo.id}`} className="underline">
                      {t("upload.open")} #{u.photo.id}
                    </a>
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
