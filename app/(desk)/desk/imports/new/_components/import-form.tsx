"use client";

import { useActionState, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FilePicker } from "@/components/ui/file-picker";
import { Notice } from "@/components/ui/notice";
import { IDLE } from "@/lib/action-state";
import { ingest, IngestError, MAX_INPUT_BYTES, type Segmentation } from "@/lib/ingest";
import { MastheadFields } from "@/components/desk/masthead-fields";
import { EMPTY_MASTHEAD, missingForAccept, type MastheadValues } from "@/lib/validations/imports";
import { createImportAction } from "../actions";

type Preview = { ok: true; seg: Segmentation } | { ok: false; code: string } | null;

function mastheadFrom(seg: Segmentation): MastheadValues {
  const m = seg.masthead;
  const s = (v: string | number | null | undefined) => (v == null ? "" : String(v));
  return {
    paper: s(m?.paper),
    issueDate: s(m?.date),
    totalIssueNo: s(m?.totalIssueNo),
    issueNo: s(m?.issueNo),
    pageCount: s(m?.pageCount),
    pageNumber: s(m?.page),
    pageName: s(m?.pageName),
  };
}

/** Runs the same engine as the server, in the browser, so the editor sees the masthead before creating anything. */
function preview(input: Uint8Array | string): Preview {
  try {
    return { ok: true, seg: ingest(input) };
  } catch (e) {
    return { ok: false, code: e instanceof IngestError ? e.code : "undecodable" };
  }
}

export function ImportForm() {
  const t = useTranslations("imports");
  const tCommon = useTranslations("common");
  const [state, action, pending] = useActionState(createImportAction, IDLE);
  const [text, setText] = useState(state.values?.text ?? "");
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<Preview>(null);
  const [masthead, setMasthead] = useState<MastheadValues>(EMPTY_MASTHEAD);

  function show(p: Preview) {
    setResult(p);
    if (p?.ok) setMasthead(mastheadFrom(p.seg));
  }

  async function onFile(f: File | null) {
    setFile(f);
    if (!f) return show(text ? preview(text) : null);
    if (f.size > MAX_INPUT_BYTES) return show({ ok: false, code: "too_large" });
    show(preview(new Uint8Array(await f.arrayBuffer())));
  }

  function onText(value: string) {
    setText(value);
    if (!file) show(value === "" ? null : preview(value));
  }

  const blocked = !result?.ok;
  // Asked for now, before any correcting: accepting the import will need them.
  const needed = result?.ok ? missingForAccept(masthead) : [];
  const serverError = state.message && !state.ok ? state.message : null;
  const errors = state.fieldErrors ?? {};
  const titles = useMemo(() => (result?.ok ? result.seg.articles.map((a) => a.title ?? "—") : []), [result]);

  return (
    <form action={action} className="grid gap-6 lg:grid-cols-2">
      <div className="flex flex-col gap-4">
        <FilePicker
          id="import-file"
          name="file"
          accept=".txt,.md,.markdown,.text,text/plain,text/markdown"
          label={t("file")}
          hint={t("fileHint")}
          chooseLabel={tCommon("chooseFile")}
          noneLabel={tCommon("noFileChosen")}
          onChange={(f) => void onFile(f)}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="import-text" className="text-sm font-medium">
            {t("paste")}
          </label>
          <textarea
            id="import-text"
            name="text"
            value={text}
            onChange={(e) => onText(e.currentTarget.value)}
            disabled={!!file}
            rows={16}
            className="rounded border border-stone-400 bg-white p-2 font-mono text-sm disabled:bg-stone-100"
          />
        </div>
      </div>
      <div className="flex flex-col gap-4">
        {serverError ? <Notice tone="error">{serverError}</Notice> : null}
        {result && !result.ok ? <Notice tone="error">{t(`errors.${result.code}`)}</Notice> : null}
        {result?.ok ? (
          <Notice tone="success">
            {t("detected", { encoding: result.seg.encoding, articles: result.seg.articles.length })}
          </Notice>
        ) : null}
        <fieldset className="grid grid-cols-2 gap-3 rounded border border-stone-300 bg-white p-3">
          <legend className="px-1 text-sm font-semibold">{t("masthead")}</legend>
          {needed.length > 0 ? (
            <div className="col-span-2">
              <Notice tone="warning">{t("mastheadNotFound")}</Notice>
            </div>
          ) : null}
          <MastheadFields idPrefix="masthead" values={masthead} onChange={setMasthead} errors={errors} needed={needed} />
        </fieldset>
        {titles.length ? (
          <div>
            <h2 className="text-sm font-semibold">{t("proposedArticles")}</h2>
            <ol className="list-decimal pl-6 text-sm">
              {titles.map((title, i) => (
                <li key={i}>{title}</li>
              ))}
            </ol>
          </div>
        ) : null}
        <Button type="submit" disabled={pending || blocked} className="self-start">
          {pending ? t("creating") : t("create")}
        </Button>
      </div>
    </form>
  );
}
