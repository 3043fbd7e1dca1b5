"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type SaveAnswer =
  | { ok: true; version: number; savedAt: string }
  | { ok: false; stale: { version: number; savedByName: string | null; savedAt: string } }
  | { ok: false; message: string };

export type AutosaveStatus =
  | { kind: "saved"; version: number; savedAt: string | null }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "stale"; version: number; savedByName: string | null; savedAt: string }
  | { kind: "error"; message: string };

/**
 * Debounced saving with a version chain. Saves never overlap: while one is in flight the
 * newest value waits, then goes out based on the version the first one returned, so a
 * person's own quick edits never look like a conflict. A stale answer stops autosaving
 * until the person decides (reload theirs, or keep and copy their own).
 */
export function useAutosave<T>({
  initialVersion,
  initialSavedAt = null,
  save,
  delayMs = 1500,
}: {
  initialVersion: number;
  /** When the loaded version was saved (ISO), so the status names a time from the start. */
  initialSavedAt?: string | null;
  save: (baseVersion: number, value: T, opts: { keepalive: boolean }) => Promise<SaveAnswer>;
  delayMs?: number;
}) {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "saved", version: initialVersion, savedAt: initialSavedAt });
  const version = useRef(initialVersion);
  const pending = useRef<{ value: T } | null>(null);
  const inFlight = useRef(false);
  const halted = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback(async (keepalive = false): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (halted.current) return false;
    if (inFlight.current) return true; // the running save picks the newest value up when it ends
    // Each round sends the newest value based on the version the previous round returned.
    for (;;) {
      const next = pending.current;
      if (!next) return true;
      pending.current = null;
      inFlight.current = true;
      setStatus({ kind: "saving" });
      let answer: SaveAnswer;
      try {
        answer = await saveRef.current(version.current, next.value, { keepalive });
      } catch {
        answer = { ok: false, message: "network" };
      }
      inFlight.current = false;
      if (answer.ok) {
        version.current = answer.version;
        if (!pending.current) {
          setStatus({ kind: "saved", version: answer.version, savedAt: answer.savedAt });
          return true;
        }
        continue;
      }
      if ("stale" in answer) {
        halted.current = true;
        pending.current = next;
        setStatus({ kind: "stale", ...answer.stale });
        return false;
      }
      // Keep the value so the next change (or a retry) sends it again.
      pending.current ??= next;
      setStatus({ kind: "error", message: answer.message });
      return false;
    }
  }, []);

  const change = useCallback(
    (value: T) => {
      pending.current = { value };
      if (halted.current) return;
      setStatus((s) => (s.kind === "saving" ? s : { kind: "dirty" }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [delayMs, flush],
  );

  /** After the person chose to load the other version (or a workflow step made one): continue from it. */
  const rebase = useCallback((newVersion: number, savedAt: string | null = null) => {
    version.current = newVersion;
    pending.current = null;
    halted.current = false;
    setStatus({ kind: "saved", version: newVersion, savedAt });
  }, []);

  // Leaving the page: send what is unsaved, and ask the browser to warn while anything is.
  useEffect(() => {
    const onHide = () => {
      if (pending.current && !halted.current) void flush(true);
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (pending.current || inFlight.current) e.preventDefault();
    };
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [flush]);

  return { status, change, flush, rebase, version, hasPending: () => pending.current !== null || inFlight.current };
}
