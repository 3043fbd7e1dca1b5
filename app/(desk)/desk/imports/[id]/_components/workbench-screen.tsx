"use client";

import { useCallback, useRef, useState, type ReactNode } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Workbench, WORKBENCH_SHORTCUTS, type WorkbenchHandle, type WorkbenchLabelsInput, type WorkbenchPage } from "@/components/editor/workbench";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { SaveStatus } from "@/components/versioned/save-status";
import { StaleSaveNotice } from "@/components/versioned/stale-save-notice";
import type { SaveAnswer } from "@/components/versioned/use-autosave";
import { useVersionedEdit } from "@/components/versioned/use-versioned-edit";
import { captionAndCredit } from "@/lib/media/credit";
import { articlesOf, blockText, type WorkbenchDoc, type WorkbenchStatus } from "@/lib/workbench";
import { missingForAccept, type MastheadValues } from "@/lib/validations/imports";
import type { MediaSummary } from "@/services/media/summary";
import { updatePhotoAction } from "../../../media/actions";
import { acceptImportAction, rerunEngineAction, type HeldArticle } from "../actions";
import { MastheadForm } from "./masthead-form";

type ServerWork = { version: number; doc: WorkbenchDoc; savedByName: string | null; savedAt: string };

async function putWork(importId: number, baseVersion: number, doc: WorkbenchDoc, keepalive: boolean): Promise<SaveAnswer> {
  const res = await fetch(`/api/imports/${importId}/work`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ baseVersion, doc }),
    // Only small bodies may outlive the page; larger ones rely on the debounced saves before.
    keepalive: keepalive && doc.content.length < 400,
  });
  const answer = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.ok) return { ok: true, version: Number(answer.version), savedAt: String(answer.savedAt) };
  if (res.status === 409) {
    return { ok: false, stale: { version: Number(answer.version), savedByName: (answer.savedByName as string | null) ?? null, savedAt: String(answer.savedAt) } };
  }
  return { ok: false, message: typeof answer.message === "string" ? answer.message : `HTTP ${res.status}` };
}

async function getWork(importId: number): Promise<ServerWork> {
  const res = await fetch(`/api/imports/${importId}/work`, { cache: "no-store" });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as ServerWork;
}

/** The articles as plain text, for an editor who wants to keep a copy of a refused version. */
function docAsText(doc: WorkbenchDoc): string {
  return articlesOf(doc)
    .map((a) => a.content.map((b) => blockText(b)).join("\n"))
    .join("\n\n――――\n\n");
}

export function WorkbenchScreen({
  importId,
  rawText,
  initialDoc,
  initialVersion,
  initialSavedAt,
  masthead: initialMasthead,
  mastheadVersion,
  acceptedState,
  labels,
  page,
}: {
  importId: number;
  rawText: string;
  initialDoc: WorkbenchDoc;
  initialVersion: number;
  initialSavedAt: string;
  masthead: MastheadValues;
  mastheadVersion: number;
  /** Rendered above the workbench once the import is accepted (its articles and their states). */
  acceptedState?: ReactNode;
  labels: WorkbenchLabelsInput;
  /** A PDF import's printed page, shown beside the editor. */
  page?: WorkbenchPage;
}) {
  const t = useTranslations("workbench");
  const tAll = useTranslations();
  const fieldName = (f: string) => (f === "body" ? tAll("articles.body") : tAll(`articles.fields.${f}` as "articles.fields.title"));
  const router = useRouter();
  const handle = useRef<WorkbenchHandle>(null);
  const [status, setStatus] = useState<WorkbenchStatus | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string; link?: string } | null>(null);
  const [held, setHeld] = useState<HeldArticle[] | null>(null);
  const [confirmRerun, setConfirmRerun] = useState(false);
  const [busy, setBusy] = useState(false);
  const [masthead, setMasthead] = useState(initialMasthead);
  const mastheadMissing = missingForAccept(masthead).length > 0;

  const save = useCallback((base: number, doc: WorkbenchDoc, { keepalive }: { keepalive: boolean }) => putWork(importId, base, doc, keepalive), [importId]);
  const versioned = useVersionedEdit<WorkbenchDoc>({
    initialVersion,
    initialSavedAt,
    save,
    delayMs: 800,
    load: async () => {
      const work = await getWork(importId);
      return { version: work.version, value: work.doc, savedAt: work.savedAt };
    },
    current: () => handle.current?.getDoc() ?? null,
    show: ({ value }) => handle.current?.setContent(value),
    asText: docAsText,
    notify: setMessage,
  });

  /**
   * A caption attached to a photo that has none in the library gives it one (and its credit, read
   * off the end): the printed caption describes the photo. The article keeps the caption as printed.
   */
  const giveCaption = useCallback((photo: MediaSummary, caption: string) => {
    if (photo.caption.trim() !== "" || caption.trim() === "") return;
    const texts = captionAndCredit({ caption, credit: photo.credit || null });
    void updatePhotoAction({ id: photo.id, baseVersion: photo.version, caption: texts.caption, credit: texts.credit, alt: photo.alt, focalX: photo.focalX, focalY: photo.focalY });
  }, []);

  const accept = async (opts: { confirm?: number[]; skipHeld?: boolean } = {}) => {
    setBusy(true);
    try {
      const doc = handle.current?.getDoc();
      if (doc && versioned.hasPending()) versioned.change(doc);
      if (!(await versioned.flush())) return;
      const result = await acceptImportAction({ importId, baseVersion: versioned.version.current, ...opts });
      setHeld(result.ok ? null : (result.held ?? null));
      // Accepting confirmed the open doubts in a new version of the working state: continue from it.
      if (result.ok && result.version !== undefined && result.version !== versioned.version.current) await versioned.reload();
      setMessage({ ok: result.ok, text: result.message, link: result.ok ? result.redirectTo : undefined });
      if (result.ok) router.refresh();
    } finally {
      setBusy(false);
    }
  };

  const rerun = async (confirm: boolean) => {
    setBusy(true);
    try {
      if (!(await versioned.flush())) return;
      const result = await rerunEngineAction({ importId, baseVersion: versioned.version.current, confirm });
      if (!result.ok && result.needsConfirm) {
        setConfirmRerun(true);
        return;
      }
      setConfirmRerun(false);
      if (result.ok) await versioned.reload();
      setMessage({ ok: result.ok, text: result.message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-3">
      <MastheadForm importId={importId} initial={initialMasthead} initialVersion={mastheadVersion} onSaved={setMasthead} />
      {acceptedState}
      <div className="flex flex-wrap items-center gap-3">
        <SaveStatus status={versioned.status} />
        <Button
          type="button"
          onClick={() => void accept()}
          disabled={busy || !status?.canAccept || mastheadMissing || versioned.status.kind === "stale"}
        >
          {t("accept")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => void rerun(false)} disabled={busy}>
          {t("rerun")}
        </Button>
        {status && !status.canAccept ? <span className="text-sm text-amber-800">{t("acceptHint")}</span> : null}
        {mastheadMissing ? <span className="text-sm text-amber-800">{t("acceptNeedsMasthead")}</span> : null}
      </div>
      {confirmRerun ? (
        <div role="alert" className="flex flex-wrap items-center gap-2 rounded border border-amber-600 bg-amber-50 p-3 text-sm">
          {t("rerunConfirm")}
          <Button type="button" variant="danger" onClick={() => void rerun(true)}>
            {t("rerunYes")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setConfirmRerun(false)}>
            {t("cancel")}
          </Button>
        </div>
      ) : null}
      <StaleSaveNotice edit={versioned} kept={t("staleKept")} />
      {message ? (
        <Notice tone={message.ok ? "success" : "error"}>
          {message.text}{" "}
          {message.link ? (
            <Link href={message.link} className="underline">
              {t("openIssue")}
            </Link>
          ) : null}
        </Notice>
      ) : null}
      {held ? (
        <div className="space-y-2 rounded border border-amber-600 bg-amber-50 p-3 text-sm">
          <ul className="list-disc pl-5">
            {held.map((h) => (
              <li key={h.id}>
                {t("heldRow", { title: h.title, state: tAll(`states.${h.state}` as "states.draft"), fields: h.changed.map(fieldName).join("、") })}
              </li>
            ))}
          </ul>
          <div className="flex gap-2">
            <Button type="button" variant="danger" onClick={() => void accept({ confirm: held.map((h) => h.id) })}>
              {t("overwriteHeld")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => void accept({ skipHeld: true })}>
              {t("skipHeld")}
            </Button>
          </div>
        </div>
      ) : null}
      <Workbench
        ref={handle}
        page={page}
        rawText={rawText}
        initialDoc={initialDoc}
        labels={labels}
        onCaptionPhoto={giveCaption}
        onChange={versioned.change}
        onStatusChange={setStatus}
      />
      <details className="text-sm">
        <summary className="cursor-pointer">{t("shortcuts")}</summary>
        <ul className="mt-2 grid gap-1 sm:grid-cols-2">
          {WORKBENCH_SHORTCUTS.map((row) => (
            <li key={`${row.action}-${row.role ?? ""}`}>
              <kbd className="rounded border border-stone-300 bg-stone-100 px-1">{row.keys.join(" / ")}</kbd>{" "}
              {row.role ? `${labels.actions?.setRole ?? "→"} ${labels.roles?.[row.role] ?? row.role}` : (labels.actions?.[row.action] ?? row.action)}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
