"use client";

import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { ArticleBodyEditor, type BodyPhotoCommands } from "@/components/editor/article-body/article-body-editor";
import { Button } from "@/components/ui/button";
import { Field, TextAreaField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { SaveStatus } from "@/components/versioned/save-status";
import { StaleSaveNotice } from "@/components/versioned/stale-save-notice";
import type { SaveAnswer } from "@/components/versioned/use-autosave";
import { useVersionedEdit } from "@/components/versioned/use-versioned-edit";
import { ARTICLE_FIELDS, formFieldValues, type ArticleFormFields } from "@/lib/article-fields";
import { revisionLabels, revisionText } from "@/lib/article-body/diff";
import type { ArticleBody } from "@/lib/article-body/types";
import { bodyShare, CORRECTION_POLICY, isSmallCorrection, measureChange } from "@/lib/workflow";
import { LOCK_HEARTBEAT_SECONDS, lockReleasePath } from "@/lib/desk/article-lock";
import type { WorkflowAction } from "@/lib/workflow/states";
import type { MediaSummary } from "@/services/media/summary";
import { loadArticleAction, lockArticleAction, saveArticleAction, transitionArticleAction } from "../actions";
import { ArticlePhotos } from "./article-photos";
import { WorkflowPanel, type Unavailable } from "./workflow-panel";

type Fields = ArticleFormFields;

type Edit = { fields: Fields; body: ArticleBody; correction: string };
/** What one save sends: the edit, an optional revision note, and whether it was automatic. */
type Value = Edit & { note?: string; autosave: boolean };

const LANGUAGE_OPTIONS = [
  ["zh-CN", "中文"],
  ["en", "English"],
] as const;

export function ArticleEditor({
  article,
  published,
  sections,
  editable,
  actions,
  unavailable,
  lock,
  photos,
  canManagePhotos,
}: {
  /** What the desk edits: the article, or a published story's pending revision (correction: its reason). */
  article: { id: number; version: number; state: string; updatedAt: string; fields: Fields; body: ArticleBody; correction: string };
  /** A published story's text as readers see it, to measure the revision against; null otherwise. */
  published: { fields: Fields; body: ArticleBody } | null;
  sections: { id: number; name: string; hidden: boolean }[];
  editable: boolean;
  actions: WorkflowAction[];
  unavailable: Unavailable[];
  lock: { name: string; since: string } | null;
  /** The photos the body places, as the desk knows them. */
  photos: MediaSummary[];
  canManagePhotos: boolean;
}) {
  const t = useTranslations();
  const format = useFormatter();
  const router = useRouter();
  const [edit, setEdit] = useState<Edit>({ fields: article.fields, body: article.body, correction: article.correction });
  const [editorKey, setEditorKey] = useState(0);
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [holder, setHolder] = useState(lock);
  const [photoInfo, setPhotoInfo] = useState<Record<number, MediaSummary>>(() => Object.fromEntries(photos.map((p) => [p.id, p])));
  const [photoCommands, setPhotoCommands] = useState<BodyPhotoCommands | null>(null);
  const rememberPhoto = useCallback((photo: MediaSummary) => setPhotoInfo((info) => ({ ...info, [photo.id]: photo })), []);
  const sectionName = useCallback((id: number) => sections.find((s) => s.id === id)?.name, [sections]);
  const labels = useMemo(() => revisionLabels((key) => t(key)), [t]);
  const editRef = useRef(edit);
  useEffect(() => {
    editRef.current = edit;
  }, [edit]);

  const save = useCallback(
    async (baseVersion: number, value: Value): Promise<SaveAnswer> => {
      const result = await saveArticleAction({
        articleId: article.id,
        baseVersion,
        fields: value.fields,
        // Plain JSON: ProseMirror keeps node attributes (a subhead's level, a photo's id) in
        // null-prototype objects, which React sends to a server action as opaque references.
        body: JSON.parse(JSON.stringify(value.body)) as ArticleBody,
        note: value.note ?? null,
        correction: article.state === "published" ? value.correction : undefined,
        autosave: value.autosave,
      });
      if (result.ok) {
        setFieldErrors({});
        // A save made by hand (or keeping mine) shows up in the timeline and history beside the editor.
        if (!value.autosave) router.refresh();
        return { ok: true, version: result.version, savedAt: result.savedAt };
      }
      if (result.stale) return { ok: false, stale: result.stale };
      setFieldErrors(result.fieldErrors ?? {});
      return { ok: false, message: result.message };
    },
    [article.id, article.state, router],
  );
  const versioned = useVersionedEdit<Value>({
    initialVersion: article.version,
    initialSavedAt: article.updatedAt,
    save,
    load: async () => {
      const current = await loadArticleAction({ articleId: article.id });
      if (!current) return null;
      const value = { fields: current.fields, body: current.body as ArticleBody, correction: current.reason, autosave: true };
      return { version: current.version, value, savedAt: current.savedAt };
    },
    current: () => ({ ...editRef.current, autosave: true }),
    show: ({ value: { fields, body, correction } }) => {
      editRef.current = { fields, body, correction };
      setEdit(editRef.current);
      setEditorKey((k) => k + 1);
      router.refresh();
    },
    asText: (v) => revisionText({ ...formFieldValues(v.fields), body: v.body }, labels, { sectionName }),
    deliberate: (mine) => ({ ...mine, note: t("articles.keptMineNote"), autosave: false }),
    notify: setMessage,
  });

  const update = (next: Edit) => {
    editRef.current = next;
    setEdit(next);
    if (editable) versioned.change({ ...next, autosave: true });
  };

  // The soft lock: taken while the page is open and renewed by a heartbeat (it lapses soon after
  // the heartbeat stops); let go when the page is left, or when editing ends here (submitted).
  useEffect(() => {
    if (!editable) return;
    const renew = () => void lockArticleAction({ articleId: article.id }).then((h) => setHolder(h && !h.mine ? { name: h.name, since: h.since } : null));
    // A beacon outlives the page, where a server action's fetch would be cut off.
    const release = () => navigator.sendBeacon(lockReleasePath(article.id));
    renew();
    const timer = setInterval(renew, LOCK_HEARTBEAT_SECONDS * 1000);
    window.addEventListener("pagehide", release);
    return () => {
      clearInterval(timer);
      window.removeEventListener("pagehide", release);
      release();
    };
  }, [article.id, editable]);

  // How far the edit is from the published story, as the server will measure it: whether it may go
  // out as a small correction or must be reviewed. Deferred, so typing never waits for the diff.
  const deferredEdit = useDeferredValue(edit);
  const change = useMemo(
    () =>
      published
        ? measureChange({ ...formFieldValues(published.fields), body: published.body }, { ...formFieldValues(deferredEdit.fields), body: deferredEdit.body })
        : null,
    [published, deferredEdit],
  );
  const max = Math.round(CORRECTION_POLICY.maxBodyShare * 100);
  const changeNote = !change
    ? null
    : !change.changed
      ? t("revisions.unchanged")
      : isSmallCorrection(change)
        ? t("revisions.small", { percent: Math.round(bodyShare(change) * 1000) / 10, max })
        : t("revisions.tooLarge", {
            why: change.headlineChanged
              ? t("revisions.whyHeadline")
              : change.placementChanged
                ? t("revisions.whyPlacement")
                : t("revisions.whyShare", { percent: Math.round(bodyShare(change) * 100), max }),
          });

  const saveNow = async () => {
    versioned.change({ ...editRef.current, note: note || undefined, autosave: false });
    if (await versioned.flush()) {
      setNote("");
      setMessage({ ok: true, text: t("articles.saved") });
    }
  };

  const runTransition = async (action: WorkflowAction, extra: { comment?: string; reason?: string; publishAt?: string }) => {
    if (versioned.hasPending()) await versioned.flush();
    const result = await transitionArticleAction({ articleId: article.id, baseVersion: versioned.version.current, action, ...extra });
    setMessage({ ok: result.ok, text: result.message });
    if (result.ok) {
      versioned.rebase(result.version, result.savedAt);
      router.refresh();
    }
  };

  return (
    <div className="space-y-4">
      {holder ? (
        <div role="status" className="flex flex-wrap items-center gap-2 rounded border border-amber-600 bg-amber-50 px-3 py-2 text-sm">
          {t("articles.lockedBy", { name: holder.name, time: format.dateTime(new Date(holder.since), { timeStyle: "short" }) })}
          {/* Only those who may edit it now may take it over (the server refuses anyone else). */}
          {editable ? (
            <Button
              type="button"
              variant="secondary"
              onClick={() => void lockArticleAction({ articleId: article.id, takeOver: true }).then((h) => setHolder(h && !h.mine ? { name: h.name, since: h.since } : null))}
            >
              {t("articles.takeOver")}
            </Button>
          ) : null}
        </div>
      ) : null}
      {editable ? <SaveStatus status={versioned.status} /> : <p className="text-sm text-stone-600">{t("articles.readOnly")}</p>}
      <StaleSaveNotice edit={versioned} kept={t("articles.staleKept")} />
      {message ? <Notice tone={message.ok ? "success" : "error"}>{message.text}</Notice> : null}

      {editable ? (
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="sr-only">{t("articles.headline")}</legend>
          {ARTICLE_FIELDS.map((f) => {
            const id = `f-${f.key}`;
            const set = (value: string) => update({ ...edit, fields: { ...edit.fields, [f.key]: value } });
            if (f.kind === "reference" || f.kind === "choice") {
              const options =
                f.kind === "reference"
                  ? [["", t("issues.noSection")] as const, ...sections.map((s) => [String(s.id), s.hidden ? `${s.name} (${t("sections.hidden")})` : s.name] as const)]
                  : LANGUAGE_OPTIONS;
              return (
                <div key={f.key} className="flex flex-col gap-1">
                  <label htmlFor={id} className="text-sm font-medium">
                    {t(f.label)}
                  </label>
                  <select
                    id={id}
                    value={edit.fields[f.key]}
                    onChange={(e) => set(e.target.value)}
                    className="rounded border border-stone-400 bg-white px-2 py-1.5 text-sm"
                  >
                    {options.map(([value, name]) => (
                      <option key={value} value={value}>
                        {name}
                      </option>
                    ))}
                  </select>
                  {fieldErrors[f.key] ? <p className="text-xs text-red-800">{fieldErrors[f.key]}</p> : null}
                </div>
              );
            }
            return (
              <div key={f.key} className={f.key === "title" ? "sm:col-span-2" : ""}>
                <Field id={id} label={t(f.label)} value={edit.fields[f.key]} onChange={(e) => set(e.target.value)} error={fieldErrors[f.key]} />
              </div>
            );
          })}
        </fieldset>
      ) : (
        // Read-only: the fields as text, not inputs that look editable and refuse every key.
        <dl className="grid gap-x-4 gap-y-2 rounded border border-stone-200 bg-stone-50 p-3 text-sm sm:grid-cols-2" aria-label={t("articles.headline")}>
          {ARTICLE_FIELDS.map((f) => {
            const value = edit.fields[f.key];
            const shown =
              f.kind === "reference"
                ? value
                  ? (sectionName(Number(value)) ?? "—")
                  : t("issues.noSection")
                : f.kind === "choice"
                  ? (LANGUAGE_OPTIONS.find(([code]) => code === value)?.[1] ?? value)
                  : value.trim() || "—";
            return (
              <div key={f.key} className={f.key === "title" ? "sm:col-span-2" : ""}>
                <dt className="text-xs text-stone-600">{t(f.label)}</dt>
                <dd className={f.key === "title" ? "text-lg font-semibold" : ""}>{shown}</dd>
              </div>
            );
          })}
        </dl>
      )}

      <ArticlePhotos body={edit.body} photos={photoInfo} onPhotosChange={rememberPhoto} commands={photoCommands} editable={editable} canManage={canManagePhotos} />

      <ArticleBodyEditor
        key={editorKey}
        onPhotoCommands={setPhotoCommands}
        initialContent={edit.body}
        editable={editable}
        label={t("articles.body")}
        labels={t.raw("bodyEditor") as Record<string, string>}
        onChange={(body) => update({ ...editRef.current, body: body as ArticleBody })}
      />

      {published && editable ? (
        <TextAreaField
          id="f-correction"
          label={t("articles.correction")}
          value={edit.correction}
          onChange={(e) => update({ ...edit, correction: e.target.value })}
          hint={t("articles.correctionHint")}
        />
      ) : null}
      {changeNote && editable ? (
        <p role="status" className="rounded border border-stone-300 bg-stone-50 px-3 py-2 text-sm">
          {changeNote}
        </p>
      ) : null}

      {editable ? (
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-1">
            <label htmlFor="f-note" className="text-sm font-medium">
              {t("articles.note")}
            </label>
            <input id="f-note" value={note} onChange={(e) => setNote(e.target.value)} className="w-72 rounded border border-stone-400 px-2 py-1.5 text-sm" />
          </div>
          <Button type="button" onClick={() => void saveNow()} disabled={versioned.status.kind === "stale"}>
            {t("articles.save")}
          </Button>
        </div>
      ) : null}

      <WorkflowPanel actions={actions} unavailable={unavailable} onRun={runTransition} />
    </div>
  );
}
