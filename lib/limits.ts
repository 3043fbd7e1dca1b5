/*
 * How much a request may carry, in one place, so that every layer agrees:
 *
 *   scripts/serve.ts      refuses a larger body with 413 before reading a byte of it (bodyLimitFor)
 *   next.config.ts        gives Next the same server-action limit, and a proxy buffer that holds the largest body
 *   proxy.ts              refuses JSON nested deeper than jsonDepth before a server action decodes it
 *   route handlers        check their own limit again (readJson), the engine and the body validator theirs
 *
 * Each outer limit leaves room for the inner one it carries, so a request the front lets through
 * is never cut or refused with a confusing message further in (limits.test.ts checks the order).
 */

import { MAX_PHOTO_BYTES } from "./media/limits";

const KiB = 1024;
const MiB = 1024 * KiB;

/** UTF-8 bytes of one import's raw text (a page or a whole issue): lib/ingest refuses more. */
export const IMPORT_RAW_BYTES = 5 * MiB;

/** UTF-8 bytes of an article body's Tiptap JSON: lib/article-body refuses more. */
export const ARTICLE_BODY_BYTES = 2 * MiB;

/**
 * A server action's request. The largest is the import form: the raw file (or the pasted text) as
 * multipart, plus the masthead fields; an article save carries at most one body and its fields.
 */
export const ACTION_BODY_BYTES = 8 * MiB;

/** PUT /api/imports/[id]/work: the workbench document of a 5 MB import, its text with spans and ids. */
export const IMPORT_WORK_BODY_BYTES = 24 * MiB;

/** POST /api/imports/pdf: one print PDF, a page or a whole issue, as the raw body (lib/pdf refuses more). */
export const PDF_UPLOAD_BYTES = 50 * MiB;

/**
 * POST /api/media: one photo's bytes as the body. A megabyte above the photo limit, so that a file
 * a little too large still reaches the route, which refuses it with the library's own sentence.
 */
export const PHOTO_UPLOAD_BODY_BYTES = MAX_PHOTO_BYTES + MiB;

/** Anything else that has a body: the sign-in form and the like. */
export const OTHER_BODY_BYTES = 64 * KiB;

/** The largest body any request may carry: Next's proxy buffers bodies up to this (next.config.ts). */
export const LARGEST_BODY_BYTES = Math.max(ACTION_BODY_BYTES, IMPORT_WORK_BODY_BYTES, PHOTO_UPLOAD_BODY_BYTES, PDF_UPLOAD_BYTES, OTHER_BODY_BYTES);

/**
 * How deeply brackets and braces may nest in a request's JSON. Folio's deepest document, an
 * article body, needs about 12 levels (lib/article-body's MAX_BODY_DEPTH) and a server action's
 * envelope a few more; React decodes an action's arguments recursively, and about 10,000 levels
 * exhaust Node's stack.
 */
export const JSON_DEPTH = 256;

const IMPORT_WORK_PATH = /^\/api\/imports\/[^/]+\/work\/?$/;
/** POST here carries one photo's bytes (app/api/media/route.ts). */
export const PHOTO_UPLOAD_PATH = /^\/api\/media\/?$/;
/** POST here carries one print PDF's bytes (app/api/imports/pdf/route.ts). */
export const PDF_UPLOAD_PATH = /^\/api\/imports\/pdf\/?$/;

/** The body limit of a request: a server action (a POST to any page) or one of the route handlers. */
export function bodyLimitFor(method: string, pathname: string): number {
  if (method === "PUT" && IMPORT_WORK_PATH.test(pathname)) return IMPORT_WORK_BODY_BYTES;
  if (method === "POST" && PDF_UPLOAD_PATH.test(pathname)) return PDF_UPLOAD_BYTES;
  if (method === "POST" && PHOTO_UPLOAD_PATH.test(pathname)) return PHOTO_UPLOAD_BODY_BYTES;
  if (pathname === "/api" || pathname.startsWith("/api/")) return OTHER_BODY_BYTES;
  return ACTION_BODY_BYTES;
}

/** "8 MB", for messages. */
export function formatBytes(bytes: number): string {
  return bytes >= MiB ? `${Math.round((bytes / MiB) * 10) / 10} MB` : `${Math.round(bytes / KiB)} KB`;
}

/**
 * Public renders (lib/http/render-gate.ts, lib/http/render-process.ts): two at once (renders share
 * the render process's one JavaScript thread, so more only makes each slower; two let one wait on
 * SQLite while the other renders), sixteen more waiting (a fraction of a second of renders), at most
 * eight of those places for one client address, so that one stranger's connections queue behind
 * each other (eight, not one: mobile carriers put many readers behind one address). The render
 * process runs at nice 10: Linux weighs it 110 against 1024 for the processes serving readers and
 * editors, so it gets about a tenth of a busy core, and all of an idle one.
 */
export const PUBLIC_RENDERS = { concurrency: 2, queue: 16, perClient: 8, nice: 10 } as const;
