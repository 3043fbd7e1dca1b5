"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useAutosave, type SaveAnswer } from "./use-autosave";

export type VersionedNotice = { ok: boolean; text: string };

/** What is saved on the server now, as the screen holds it (and when it was saved, ISO, if known). */
export type ServerCopy<T> = { version: number; value: T; savedAt?: string | null };

/** Their saved text beside mine, while the person compares them after a refused save. */
export type Difference = { theirs: string; mine: string };

/**
 * An edit (what the person typed, not yet saved) that autosaves with a version check (useAutosave), plus the ways out of a
 * refused (stale) save that both the article editor and the segmentation workbench offer:
 * see the difference, copy my text, load theirs, or keep mine on top of theirs. The screen
 * says how to read what is saved now (`load`), what the person has now (`current`), how to
 * put a loaded value on screen (`show`) and how a value reads as text (`asText`, for the
 * diff and the clipboard); feedback goes to the screen's own message line (`notify`).
 */
export function useVersionedEdit<T>({
  initialVersion,
  initialSavedAt,
  delayMs,
  save,
  load,
  current,
  show,
  asText,
  deliberate = (mine) => mine,
  notify,
}: {
  initialVersion: number;
  /** When the version on screen was saved (ISO): the status shows it instead of nothing. */
  initialSavedAt?: string | null;
  delayMs?: number;
  save: (baseVersion: number, value: T, opts: { keepalive: boolean }) => Promise<SaveAnswer>;
  load: () => Promise<ServerCopy<T> | null>;
  current: () => T | null;
  show: (copy: ServerCopy<T>) => void;
  asText: (value: T) => string;
  /** Marks a save made on purpose over a newer version (e.g. with a revision note). */
  deliberate?: (mine: T) => T;
  notify: (notice: VersionedNotice) => void;
}) {
  const t = useTranslations("versioned");
  const autosave = useAutosave<T>({ initialVersion, initialSavedAt, save, delayMs });
  const [difference, setDifference] = useState<Difference | null>(null);
  const differenceOpen = useRef(false);
  // The callbacks come from the screen and may change each render; the actions read the latest.
  const screen = useRef({ load, current, show, asText, deliberate, notify });
  useEffect(() => {
    screen.current = { load, current, show, asText, deliberate, notify };
  });

  const setShownDifference = useCallback((next: Difference | null) => {
    differenceOpen.current = next !== null;
    setDifference(next);
  }, []);

  const { change: autosaveChange, rebase, flush } = autosave;
  /** Every edit goes here; while the difference is shown, my side follows the edits. */
  const change = useCallback(
    (value: T) => {
      autosaveChange(value);
      if (differenceOpen.current) setDifference((d) => d && { ...d, mine: screen.current.asText(value) });
    },
    [autosaveChange],
  );

  /** Loads what is saved now onto the screen and continues from its version (mine is dropped). */
  const reload = useCallback(async (): Promise<boolean> => {
    const copy = await screen.current.load();
    if (!copy) return false;
    screen.current.show(copy);
    rebase(copy.version, copy.savedAt ?? null);
    setShownDifference(null);
    screen.current.notify({ ok: true, text: t("loaded", { version: copy.version }) });
    return true;
  }, [rebase, setShownDifference, t]);

  const showDifference = useCallback(async () => {
    const copy = await screen.current.load();
    const mine = screen.current.current();
    if (!copy || mine === null) return;
    setShownDifference({ theirs: screen.current.asText(copy.value), mine: screen.current.asText(mine) });
  }, [setShownDifference]);

  // Clipboard access needs a secure context and may be refused: say so rather than claim a copy.
  const copyMine = useCallback(async () => {
    const mine = screen.current.current();
    if (mine === null) return;
    const copied = await Promise.resolve(navigator.clipboard?.writeText(screen.current.asText(mine)))
      .then(() => navigator.clipboard !== undefined)
      .catch(() => false);
    screen.current.notify(copied ? { ok: true, text: t("copied") } : { ok: false, text: t("copyFailed") });
  }, [t]);

  /** Keep mine after seeing theirs: a deliberate save on top of the newer version. */
  const keepMine = useCallback(async () => {
    const copy = await screen.current.load();
    const mine = screen.current.current();
    if (!copy || mine === null) return;
    rebase(copy.version);
    autosaveChange(screen.current.deliberate(mine));
    setShownDifference(null);
    await flush();
  }, [autosaveChange, flush, rebase, setShownDifference]);

  return {
    ...autosave,
    change,
    reload,
    stale: { difference, showDifference, copyMine, loadTheirs: reload, keepMine },
  };
}

export type VersionedEdit = ReturnType<typeof useVersionedEdit>;
