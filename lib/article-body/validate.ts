import { ARTICLE_BODY_BYTES } from "../limits";
import { truncateText } from "../text-length";
import type {
  ArticleBody,
  BodyBlock,
  BodyInline,
  BodyListItem,
  BodyMark,
  BodyParagraph,
  BodyText,
} from "./types";

/** Largest body accepted, measured as UTF-8 bytes of its JSON (lib/limits.ts). */
export const MAX_BODY_BYTES = ARTICLE_BODY_BYTES;
/** Deepest node nesting accepted (doc is 1). The grammar needs 5; the limit guards future nesting. */
export const MAX_BODY_DEPTH = 12;
export const MAX_HREF_LENGTH = 2048;
/** Photos one body may place: a picture story has a few dozen at most. */
export const MAX_BODY_PHOTOS = 100;

export type ParseArticleBodyResult =
  | { ok: true; body: ArticleBody }
  | { ok: false; code: "too_large" | "invalid"; message: string };

class InvalidBody extends Error {}

function fail(path: string, message: string): never {
  throw new InvalidBody(`${path}: ${message}`);
}

/**
 * Checks untrusted input (parsed JSON from a client) against the body contract in
 * types.ts and returns a fresh copy holding only the allowed keys. Anything unknown is
 * refused rather than dropped, so a client bug shows up instead of silently losing text.
 * The one normalisation: marks on a hard break are checked and then dropped, because
 * ProseMirror lets a pasted <br> inside <b> carry them and they mean nothing.
 */
export function parseArticleBody(input: unknown): ParseArticleBodyResult {
  if (!isPlainObject(input)) return invalid("body: must be an object");
  let json: string;
  try {
    json = JSON.stringify(input);
  } catch {
    return invalid("body: cannot be serialized (circular or too deeply nested)");
  }
  if (utf8Length(json) > MAX_BODY_BYTES) return tooLarge();
  try {
    return { ok: true, body: readDoc(input) };
  } catch (e) {
    if (e instanceof InvalidBody) return invalid(e.message);
    throw e;
  }
}

/** Same as parseArticleBody for JSON text (a form field), refusing oversized text before parsing it. */
export function parseArticleBodyJson(text: string): ParseArticleBodyResult {
  if (utf8Length(text) > MAX_BODY_BYTES) return tooLarge();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return invalid("body: not valid JSON");
  }
  return parseArticleBody(value);
}

function invalid(message: string): ParseArticleBodyResult {
  return { ok: false, code: "invalid", message };
}

function tooLarge(): ParseArticleBodyResult {
  return { ok: false, code: "too_large", message: `body: larger than ${MAX_BODY_BYTES / (1024 * 1024)} MB` };
}

/* ---------- links ---------- */

const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Why a link target is refused, or null when it is allowed. Allowed: http:, https:,
 * mailto: and site-relative "/path". This is an allow-list on the literal text, so
 * obfuscations (" javascript:", "JaVaScRiPt:", "java\tscript:", entities) never match it;
 * control characters are refused outright because browsers silently delete some of them.
 */
export function hrefProblem(href: string): string | null {
  const value = href.trim();
  if (value === "") return "link target is empty";
  if (value.length > MAX_HREF_LENGTH) return `link target is longer than ${MAX_HREF_LENGTH} characters`;
  if (CONTROL_CHARS.test(value)) return "link target contains control characters";
  if (value.startsWith("/")) {
    // "//host" and "/\host" leave the site, so they are not site-relative.
    return value[1] === "/" || value[1] === "\\" ? 'only site-relative "/..." links may omit the scheme' : null;
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value)?.[1]?.toLowerCase();
  if (scheme === "mailto") return value.length > "mailto:".length ? null : "mailto link has no address";
  if (scheme === "http" || scheme === "https") {
    try {
      return new URL(value).hostname ? null : "web link has no host";
    } catch {
      return "web link is not a valid URL";
    }
  }
  return 'only http:, https:, mailto: or site-relative "/..." links are allowed';
}

export function isAllowedHref(href: unknown): boolean {
  return typeof href === "string" && hrefProblem(href) === null;
}

/* ---------- the walk ---------- */

type Obj = Record<string, unknown>;

function isPlainObject(v: unknown): v is Obj {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** A value for an error message: strings quoted and cut short, anything else by its kind. */
function show(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (typeof v !== "string") return `a ${typeof v}`;
  return JSON.stringify(truncateText(v, 41));
}

type NodeObj = Obj & { type: string };

/** A node object with a string type, not nested too deep. */
function shape(v: unknown, path: string, depth: number): NodeObj {
  if (depth > MAX_BODY_DEPTH) fail(path, `nested deeper than ${MAX_BODY_DEPTH} levels`);
  if (!isPlainObject(v)) fail(path, `expected a node object, got ${show(v)}`);
  if (typeof v.type !== "string") fail(path, "node has no string type");
  return v as NodeObj;
}

function onlyKeys(v: Obj, path: string, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(v)) {
    if (!allowed.includes(key)) fail(path, `unknown key ${show(key)} on ${what}`);
  }
}

function list(v: unknown, path: string, nonEmpty: boolean): unknown[] {
  if (!Array.isArray(v)) fail(path, `expected an array, got ${show(v)}`);
  if (nonEmpty && v.length === 0) fail(path, "must not be empty");
  return v;
}

const KNOWN_TYPES = [
  "doc",
  "paragraph",
  "heading",
  "lead",
  "caption",
  "photo",
  "blockquote",
  "bulletList",
  "orderedList",
  "listItem",
  "text",
  "hardBreak",
];

function misplaced(path: string, type: string, where: string): never {
  if (KNOWN_TYPES.includes(type)) fail(path, `${type} is not allowed ${where}`);
  fail(path, `unknown node type ${show(type)}`);
}

function readDoc(v: unknown): ArticleBody {
  const path = "body";
  const doc = shape(v, path, 1);
  if (doc.type !== "doc") fail(path, `top node must be doc, got ${show(doc.type)}`);
  onlyKeys(doc, path, ["type", "content"], "doc");
  const content = list(doc.content, `${path}.content`, false);
  const blocks = content.map((b, i) => readBlock(b, `${path}.content[${i}]`, 2, i));
  if (blocks.filter((b) => b.type === "photo").length > MAX_BODY_PHOTOS) fail(`${path}.content`, `more than ${MAX_BODY_PHOTOS} photos`);
  return { type: "doc", content: blocks };
}

function readBlock(v: unknown, path: string, depth: number, index: number): BodyBlock {
  const n = shape(v, path, depth);
  switch (n.type) {
    case "paragraph":
      return readParagraph(n, path, depth, "the body");
    case "caption":
      onlyKeys(n, path, ["type", "content"], n.type);
      return { type: "caption", ...inline(n.content, path, depth) };
    case "photo": {
      onlyKeys(n, path, ["type", "attrs", "content"], n.type);
      if (!isPlainObject(n.attrs)) fail(`${path}.attrs`, "photo needs attrs { mediaId, lead }");
      onlyKeys(n.attrs, `${path}.attrs`, ["mediaId", "lead"], "photo attrs");
      const { mediaId, lead } = n.attrs;
      if (typeof mediaId !== "number" || !Number.isSafeInteger(mediaId) || mediaId < 1) {
        fail(`${path}.attrs.mediaId`, `mediaId must be a positive integer, got ${show(mediaId)}`);
      }
      if (typeof lead !== "boolean") fail(`${path}.attrs.lead`, `lead must be true or false, got ${show(lead)}`);
      // The lead photo heads the story: on the reader's page, in lists and link previews.
      if (lead && index !== 0) fail(`${path}.attrs.lead`, "only the body's first block may be the lead photo");
      return { type: "photo", attrs: { mediaId, lead }, ...inline(n.content, path, depth) };
    }
    case "heading": {
      onlyKeys(n, path, ["type", "attrs", "content"], n.type);
      if (!isPlainObject(n.attrs)) fail(`${path}.attrs`, "heading needs attrs { level }");
      onlyKeys(n.attrs, `${path}.attrs`, ["level"], "heading attrs");
      const level = n.attrs.level;
      if (level !== 2 && level !== 3) fail(`${path}.attrs.level`, `heading level must be 2 or 3, got ${show(level)}`);
      return { type: "heading", attrs: { level }, ...inline(n.content, path, depth) };
    }
    case "lead":
    case "blockquote": {
      const type = n.type;
      onlyKeys(n, path, ["type", "content"], type);
      const content = list(n.content, `${path}.content`, true);
      return { type, content: content.map((p, i) => readParagraph(p, `${path}.content[${i}]`, depth + 1, type)) };
    }
    case "bulletList":
    case "orderedList": {
      const type = n.type;
      onlyKeys(n, path, ["type", "content"], type);
      const content = list(n.content, `${path}.content`, true);
      return { type, content: content.map((item, i) => readListItem(item, `${path}.content[${i}]`, depth + 1)) };
    }
    default:
      return misplaced(path, n.type, "at the top level of the body");
  }
}

function readListItem(v: unknown, path: string, depth: number): BodyListItem {
  const item = shape(v, path, depth);
  if (item.type !== "listItem") misplaced(path, item.type, "inside a list (only listItem)");
  onlyKeys(item, path, ["type", "content"], item.type);
  const content = list(item.content, `${path}.content`, true);
  return { type: "listItem", content: content.map((p, i) => readParagraph(p, `${path}.content[${i}]`, depth + 1, "listItem")) };
}

function readParagraph(v: unknown, path: string, depth: number, parent: string): BodyParagraph {
  const p = shape(v, path, depth);
  if (p.type !== "paragraph") misplaced(path, p.type, `inside ${parent} (only paragraph)`);
  onlyKeys(p, path, ["type", "content"], p.type);
  return { type: "paragraph", ...inline(p.content, path, depth) };
}

/** Checked inline content of a textblock, to spread into it; `content` stays absent when none was given. */
function inline(content: unknown, path: string, depth: number): { content?: BodyInline[] } {
  if (content === undefined) return {};
  const items = list(content, `${path}.content`, false);
  return { content: items.map((x, i) => readInline(x, `${path}.content[${i}]`, depth + 1)) };
}

// With the u flag a well-formed pair is one code point, so only unpaired halves match.
const LONE_SURROGATE = /[\ud800-\udfff]/u;

function readInline(v: unknown, path: string, depth: number): BodyInline {
  const n = shape(v, path, depth);
  if (n.type === "hardBreak") {
    onlyKeys(n, path, ["type", "marks"], n.type);
    // Checked so nothing unsafe hides there, then dropped: see parseArticleBody.
    if (n.marks !== undefined) readMarks(n.marks, `${path}.marks`);
    return { type: "hardBreak" };
  }
  if (n.type !== "text") misplaced(path, n.type, "in running text (only text and hardBreak)");
  onlyKeys(n, path, ["type", "text", "marks"], n.type);
  if (typeof n.text !== "string") fail(`${path}.text`, `text must be a string, got ${show(n.text)}`);
  if (n.text.length === 0) fail(`${path}.text`, "text must not be empty");
  if (LONE_SURROGATE.test(n.text)) fail(`${path}.text`, "text contains an unpaired surrogate (malformed Unicode)");
  const text: BodyText = { type: "text", text: n.text };
  if (n.marks !== undefined) text.marks = readMarks(n.marks, `${path}.marks`);
  return text;
}

function readMarks(v: unknown, path: string): BodyMark[] {
  const items = list(v, path, false);
  const seen = new Set<string>();
  return items.map((m, i): BodyMark => {
    const at = `${path}[${i}]`;
    if (!isPlainObject(m)) fail(at, `expected a mark object, got ${show(m)}`);
    const type = m.type;
    if (type !== "bold" && type !== "italic" && type !== "link") fail(at, `unknown mark ${show(type)}`);
    if (seen.has(type)) fail(at, `duplicate ${type} mark`);
    seen.add(type);
    if (type !== "link") {
      onlyKeys(m, at, ["type"], `${type} mark`);
      return { type };
    }
    onlyKeys(m, at, ["type", "attrs"], "link mark");
    if (!isPlainObject(m.attrs)) fail(`${at}.attrs`, "link needs attrs { href }");
    onlyKeys(m.attrs, `${at}.attrs`, ["href"], "link attrs");
    const href = m.attrs.href;
    if (typeof href !== "string") fail(`${at}.attrs.href`, `href must be a string, got ${show(href)}`);
    const problem = hrefProblem(href);
    if (problem) fail(`${at}.attrs.href`, problem);
    return { type: "link", attrs: { href: href.trim() } };
  });
}

/** UTF-8 length without allocating an encoded copy (TextEncoder would double the memory of a large body). */
export function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
