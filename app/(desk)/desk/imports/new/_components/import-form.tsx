"use client";

import { useActionState, useMemo, useRef, useState, type FormEvent } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FilePicker } from "@/components/ui/file-picker";
import { Notice } from "@/components/ui/notice";
import { IDLE } from "@/lib/action-state";
import { ingest, IngestError, MAX_INPUT_BYTES, type Segmentation } from "@/lib/ingest";
import { MastheadFields } from "@/components/desk/masthead-fields";
import { ReadingNotices } from "@/components/desk/reading-notices";
import { PDF_UPLOAD_BYTES } from "@/lib/limits";
import { EMPTY_MASTHEAD, MASTHEAD_FIELDS, missingForAccept, prefillMasthead, type ImportMasthead, type MastheadValues } from "@/lib/validations/imports";
import { createImportAction } from "../actions";
import { isPdfFile, uploadPdf, type PdfUploadState } from "./upload-pdf";

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
  // The masthead fields the editor typed into since choosing the file: what is read keeps out of them.
  const typed = useRef(new Set<keyof ImportMasthead>());
  // Print PDFs go to the PDF route, one request a file, with progress; text files to the form action.
  const [pdfs, setPdfs] = useState<File[]>([]);
  const [uploads, setUploads] = useState<PdfUploadState[]>([]);
  const uploading = uploads.some((u) => u.phase === "uploading" || u.phase === "reading");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (pdfs.length === 0) return;
    event.preventDefault();
    const states: PdfUploadState[] = pdfs.map((f) => ({ name: f.name, phase: "waiting", percent: 0 }));
    setUploads(states);
    const update = (i: number, next: PdfUploadState) => {
      states[i] = next;
      setUploads([...states]);
    };
    for (const [i, f] of pdfs.entries()) {
      const name = f.name;
      if (f.size > PDF_UPLOAD_BYTES) {
        update(i, { name, phase: "failed", percent: 0, message: t("pdfErrors.too_large") });
        continue;
      }
      // The page number typed is the first file's; later files read theirs from their pages.
      const fields = i === 0 ? masthead : { ...masthead, pageNumber: "", pageName: "" };
      update(i, await uploadPdf(f, fields, (state) => update(i, state)));
    }
  }

  function show(p: Preview) {
    setResult(p);
    if (p?.ok) {
      const read = mastheadFrom(p.seg);
      setMasthead((current) => prefillMasthead(current, read, typed.current));
    }
  }

  function onMasthead(values: MastheadValues) {
    for (const f of MASTHEAD_FIELDS) if (values[f] !== masthead[f]) typed.current.add(f);
    setMasthead(values);
  }

  async function onFile(f: File | null) {
    // Another file is another page: its masthead is read afresh (typing while it is read still counts).
    typed.current = new Set();
    setFile(f);
    setUploads([]);
    if (f && isPdfFile(f)) return show(null);
    if (!f) return show(text ? preview(text) : null);
    if (f.size > MAX_INPUT_BYTES) return show({ ok: false, code: "too_large" });
    show(preview(new Uint8Array(await f.arrayBuffer())));
  }

  function onText(value: string) {
    setText(value);
    if (!file) show(value === "" ? null : preview(value));
  }

  const blocked = pdfs.length > 0 ? uploading : !result?.ok;
  // Asked for now, before any correcting: accepting the import will need them.
  const needed = result?.ok ? missingForAccept(masthead) : [];
  const serverError = state.message && !state.ok ? state.message : null;
  const errors = state.fieldErrors ?? {};
  const titles = useMemo(() => (result?.ok ? result.seg.articles.map((a) => a.title ?? "—") : []), [result]);

  return (
    <form action={action} onSubmit={(e) => void onSubmit(e)} className="grid gap-6 lg:grid-cols-2">
      <div className="flex flex-col gap-4">
        <FilePicker
          id="import-file"
          name="file"
          accept=".txt,.md,.markdown,.text,text/plain,text/markdown,.pdf,application/pdf"
          label={t("file")}
          hint={
            <>
              {t("fileHint")} {t("pdfHint")}
            </>
          }
          multiple
          onFiles={(files) => setPdfs(files.filter(isPdfFile))}
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
            disabled={!!file || pdfs.length > 0}
            rows={16}
            className="rounded border border-stone-400 bg-white p-2 font-mono text-sm disabled:bg-stone-100"
          />
        </div>
      </div>
      <div className="flex flex-col gap-4">
        {serverError ? <Notice tone="error">{serverError}</Notice> : null}
        {pdfs.length > 0 && uploads.length === 0 ? <Notice tone="success">{t("pdfSelected", { names: pdfs.map((f) => f.name).join("、") })}</Notice> : null}
        {uploads.length > 0 ? (
          <ul className="flex flex-col gap-2" aria-live="polite" data-testid="pdf-uploads">
            {uploads.map((u, i) => (
              <li key={i}>
                {u.phase === "failed" ? (
                  <Notice tone="error">{t("pdfFailed", { name: u.name, message: u.message ?? t("pdfErrors.network") })}</Notice>
                ) : u.phase === "done" ? (
                  <div className="rounded border border-green-700 bg-green-50 p-2 text-sm text-green-900" role="status">
                    <p>{t("pdfDone", { name: u.name, count: u.imports?.length ?? 0 })}</p>
                    <ul className="mt-1 list-disc pl-5">
                      {(u.imports ?? []).map((item) => (
                        <li key={item.id}>
                          <Link href={`/desk/imports/${item.id}`} className="underline">
                            {t("pdfPageLink", { page: item.pageNumber ?? item.pdfPage, id: item.id, articles: item.articles })}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : (
                  <p className="text-sm text-stone-700">
                    {u.phase === "reading" ? t("pdfReading", { name: u.name }) : t("pdfUploading", { name: u.name, percent: u.percent })}
                    {u.phase === "uploading" ? <progress className="ml-2 align-middle" max={100} value={u.percent} /> : null}
                  </p>
                )}
              </li>
            ))}
          </ul>
        ) : null}
        {result && !result.ok ? <Notice tone="error">{t(`errors.${result.code}`)}</Notice> : null}
        {result?.ok ? (
          <Notice tone="success">
            {t("detected", { encoding: result.seg.encoding, articles: result.seg.articles.length })}
          </Notice>
        ) : null}
        {result?.ok ? <ReadingNotices notices={result.seg.notices} /> : null}
        <fieldset className="grid grid-cols-2 gap-3 rounded border border-stone-300 bg-white p-3">
          <legend className="px-1 text-sm font-semibold">{t("masthead")}</legend>
          {needed.length > 0 ? (
            <div className="col-span-2">
              <Notice tone="warning">{t("mastheadNotFound")}</Notice>
            </div>
          ) : null}
          <MastheadFields idPrefix="masthead" values={masthead} onChange={onMasthead} errors={errors} needed={needed} />
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
          {pdfs.length > 0 ? t("upload") : pending ? t("creating") : t("create")}
        </Button>
      </div>
    </form>
  );
}
