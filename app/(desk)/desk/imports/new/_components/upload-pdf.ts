import type { MastheadValues } from "@/lib/validations/imports";

/** One PDF's way through the upload: sent (with progress), read by the server, and what came of it. */
export type PdfUploadState = {
  name: string;
  phase: "waiting" | "uploading" | "reading" | "done" | "failed";
  percent: number;
  message?: string;
  imports?: { id: number; pdfPage: number; pageNumber: number | null; articles: number }[];
};

/** By its name or type; the server checks the bytes themselves. */
export function isPdfFile(f: File): boolean {
  return f.type === "application/pdf" || /\.pdf$/i.test(f.name);
}

/**
 * POSTs one PDF as the raw body to /api/imports/pdf, the masthead typed so far as query
 * parameters. XMLHttpRequest rather than fetch: only it reports upload progress.
 */
export function uploadPdf(file: File, masthead: MastheadValues, progress: (s: PdfUploadState) => void): Promise<PdfUploadState> {
  const name = file.name;
  const query = new URLSearchParams(Object.entries(masthead).filter(([, v]) => v.trim() !== ""));
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/imports/pdf${query.size ? `?${query}` : ""}`);
    xhr.setRequestHeader("content-type", "application/pdf");
    xhr.setRequestHeader("x-file-name", encodeURIComponent(name));
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) progress({ name, phase: "uploading", percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.upload.onload = () => progress({ name, phase: "reading", percent: 100 });
    xhr.onload = () => {
      const body = (xhr.response ?? {}) as { message?: string; imports?: PdfUploadState["imports"] };
      if (xhr.status === 201) resolve({ name, phase: "done", percent: 100, imports: body.imports ?? [] });
      else resolve({ name, phase: "failed", percent: 100, message: body.message ?? `HTTP ${xhr.status}` });
    };
    // No answer at all (the connection dropped): the form words it.
    xhr.onerror = () => resolve({ name, phase: "failed", percent: 0 });
    progress({ name, phase: "uploading", percent: 0 });
    xhr.send(file);
  });
}
