import { z } from "zod";
import type { DoubtKind, SetAsideKind } from "@/lib/ingest";
import { REASON_CODES } from "@/lib/ingest/types";
import { WORKBENCH_ROLES, type WorkbenchDoc } from "./types";

/**
 * The server's check of every workbench save. The editor's schema enforces the same
 * shape, but a save is client input: anything else is refused, never repaired.
 * Unknown keys are refused too (strict objects), so marks, stray attrs and typos fail
 * loudly instead of being silently dropped.
 */

export const WORKBENCH_LIMITS = {
  articles: 2_000,
  /** Blocks in the whole document (articles, tray and bin). */
  blocks: 20_000,
  /** UTF-8 bytes of all block text. */
  textBytes: 10 * 1024 * 1024,
  /** Guards against span floods; an ingest of 5 MB has far fewer (one per line at most). */
  spans: 1_000_000,
  /** ProseMirror merges adjacent unmarked text, so a block normally has one text node. */
  textNodesPerBlock: 10_000,
  reasonChars: 2_000,
} as const;

export const BLOCK_DOUBT_KINDS = [
  "column_join",
  "fragment_attached",
  "leading_text_attached",
  "trailing_headline",
  "merged_names",
  "heading_placed",
  "heading_level",
  "subhead_or_title",
  "rubric_reordered",
  "lead_box",
  "duplicate_text",
  "short_line",
  "page_inferred",
  "furniture",
  "unassigned",
  "no_article",
  "stray_letters",
  "vertical_label",
  "duplicate",
  "article_start",
  "headline_role",
  "line_role",
] as const satisfies readonly (DoubtKind | SetAsideKind)[];

// Compile-time: a kind added to the engine must be added here, or saves would refuse it.
type MissingKind = Exclude<DoubtKind | SetAsideKind, (typeof BLOCK_DOUBT_KINDS)[number]>;
const _allKindsListed: MissingKind extends never ? true : never = true;
void _allKindsListed;

/**
 * An array whose length is checked before its items are parsed, so a huge array is
 * refused without parsing every element.
 */
const bounded = <T extends z.ZodType>(item: T, max: number, what: string) =>
  z.array(z.unknown()).max(max, { message: `more than ${max} ${what}` }).pipe(z.array(item));

const spanSchema = z
  .strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((s) => s.start < s.end, { message: "span start must be before its end" });

const textSchema = z.strictObject({ type: z.literal("text"), text: z.string().min(1) });

const detailSchema = z.strictObject({
  code: z.enum(REASON_CODES),
  params: z.record(z.string().regex(/^[a-z]{1,20}$/), z.union([z.string().max(WORKBENCH_LIMITS.reasonChars), z.number()])).optional(),
});

const doubtSchema = z.strictObject({
  kind: z.enum(BLOCK_DOUBT_KINDS),
  reason: z.string().max(WORKBENCH_LIMITS.reasonChars),
  detail: detailSchema.optional(),
});

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "id must be 1–64 letters, digits, _ or -");

const blockSchema = z.strictObject({
  type: z.literal("block"),
  attrs: z.strictObject({
    id: idSchema,
    role: z.enum(WORKBENCH_ROLES),
    spans: bounded(spanSchema, WORKBENCH_LIMITS.spans, "spans"),
    confidence: z.number().min(0).max(1),
    doubt: doubtSchema.nullable(),
    // A discarded block remembers the article it came from, so "restore" can put it back after a reload.
    origin: idSchema.nullable().optional(),
    // A caption attached to a photo of the media library (its id; accept checks it exists).
    mediaId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).nullable().optional(),
  }),
  content: bounded(textSchema, WORKBENCH_LIMITS.textNodesPerBlock, "text nodes in a block").optional(),
});

const articleSchema = z.strictObject({
  type: z.literal("article"),
  attrs: z.strictObject({ id: idSchema, doubt: doubtSchema.nullable() }),
  // Schema `block+`: an article always has a block.
  content: bounded(blockSchema, WORKBENCH_LIMITS.blocks, "blocks").refine((c) => c.length > 0, { message: "an article needs at least one block" }),
});

const traySchema = z.strictObject({ type: z.literal("tray"), content: bounded(blockSchema, WORKBENCH_LIMITS.blocks, "blocks").optional() });
const binSchema = z.strictObject({ type: z.literal("bin"), content: bounded(blockSchema, WORKBENCH_LIMITS.blocks, "blocks").optional() });

function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3; // a pair counts 2 + 2
  }
  return n;
}

export const workbenchDocSchema = z
  .strictObject({
    type: z.literal("doc"),
    // + 2: the tray and the bin.
    content: z
      .array(z.unknown())
      .max(WORKBENCH_LIMITS.articles + 2, { message: `more than ${WORKBENCH_LIMITS.articles} articles` })
      .pipe(z.array(z.discriminatedUnion("type", [articleSchema, traySchema, binSchema]))),
  })
  .superRefine((doc, ctx) => {
    const nodes = doc.content;
    // doc := article* tray bin
    const n = nodes.length;
    const orderOk =
      n >= 2 && nodes[n - 2]?.type === "tray" && nodes[n - 1]?.type === "bin" && nodes.slice(0, n - 2).every((x) => x.type === "article");
    if (!orderOk) {
      ctx.addIssue({ code: "custom", path: ["content"], message: "expected articles, then one tray, then one bin" });
      return;
    }
    // Article and block ids share one namespace: the raw pane and autosave diff look them up by id alone.
    const ids = new Set<string>();
    let blocks = 0;
    let bytes = 0;
    let spans = 0;
    for (const [i, node] of nodes.entries()) {
      if (node.type === "article") {
        if (ids.has(node.attrs.id)) {
          ctx.addIssue({ code: "custom", path: ["content", i, "attrs", "id"], message: `duplicate id "${node.attrs.id}"` });
          return;
        }
        ids.add(node.attrs.id);
      }
      for (const [j, b] of (node.content ?? []).entries()) {
        if (ids.has(b.attrs.id)) {
          ctx.addIssue({ code: "custom", path: ["content", i, "content", j, "attrs", "id"], message: `duplicate id "${b.attrs.id}"` });
          return;
        }
        ids.add(b.attrs.id);
        blocks++;
        spans += b.attrs.spans.length;
        for (const t of b.content ?? []) bytes += utf8Bytes(t.text);
      }
    }
    if (blocks > WORKBENCH_LIMITS.blocks) ctx.addIssue({ code: "custom", path: ["content"], message: `more than ${WORKBENCH_LIMITS.blocks} blocks` });
    if (bytes > WORKBENCH_LIMITS.textBytes) ctx.addIssue({ code: "custom", path: ["content"], message: "more than 10 MB of text" });
    if (spans > WORKBENCH_LIMITS.spans) ctx.addIssue({ code: "custom", path: ["content"], message: `more than ${WORKBENCH_LIMITS.spans} spans` });
  });

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid workbench document";
  const at = issue.path.length > 0 ? issue.path.map(String).join(".") : "doc";
  return `${at}: ${issue.message}`;
}

/**
 * Validates a save against the raw text it was made from (`rawLength` =
 * `Segmentation.text.length`). The result is canonical: an empty `content: []` on a
 * block, tray or bin is dropped, as Tiptap and fromSegmentation write it.
 */
export function parseWorkbenchDoc(input: unknown, rawLength: number): { ok: true; doc: WorkbenchDoc } | { ok: false; message: string } {
  const r = workbenchDocSchema.safeParse(input);
  if (!r.success) return { ok: false, message: firstIssue(r.error) };
  const doc: WorkbenchDoc = r.data;
  for (const [i, node] of doc.content.entries()) {
    for (const [j, b] of (node.content ?? []).entries()) {
      for (const [k, s] of b.attrs.spans.entries()) {
        if (s.end > rawLength) {
          return { ok: false, message: `content.${i}.content.${j}.attrs.spans.${k}: span ends at ${s.end}, past the raw text (${rawLength})` };
        }
      }
      if (b.content?.length === 0) delete b.content;
    }
    if (node.type !== "article" && node.content?.length === 0) delete node.content;
  }
  return { ok: true, doc };
}
