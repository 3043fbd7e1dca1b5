import { bodyLimitFor, formatBytes, JSON_DEPTH } from "../limits";

/*
 * Request bodies refused before anything reads them. A body over its limit used to reach Next,
 * which answered a server action with a 500 and logged a stack trace, and cut other bodies at
 * its proxy's buffer (10 MB) so that the route saw truncated JSON. scripts/serve.ts now answers
 * 413 from the declared length alone; proxy.ts refuses JSON nested too deeply for React's
 * recursive decoding. Both answer plainly and log nothing: it is a client's mistake (or an
 * attack), not a fault of ours.
 */

export type BodyRefusal = { status: 411 | 413; message: string };

/**
 * Whether a request's body is refused on its headers alone: longer than the limit of its route
 * (lib/limits.ts), or of unknown length. Browsers always send Content-Length with a body; a
 * chunked body could only be measured by reading it, so it is refused with 411 Length Required.
 */
export function bodyRefusal({ method, pathname, header }: { method: string; pathname: string; header: (name: string) => string | undefined }): BodyRefusal | null {
  const declared = header("content-length");
  if (declared === undefined) {
    return header("transfer-encoding") === undefined ? null : { status: 411, message: "A request body needs a Content-Length. / 请求正文须注明长度（Content-Length）。" };
  }
  const limit = bodyLimitFor(method, pathname);
  if (Number(declared) <= limit) return null;
  return { status: 413, message: `Request too large: at most ${formatBytes(limit)} here. / 请求过大：此处最多 ${formatBytes(limit)}。` };
}

export const JSON_DEPTH_REFUSAL: BodyRefusal = {
  status: 413,
  message: `Request nested too deeply: at most ${JSON_DEPTH} levels. / 请求嵌套过深：最多 ${JSON_DEPTH} 层。`,
};

/**
 * Whether brackets and braces in `text` nest deeper than `max`, counted in one pass without
 * recursion and outside JSON strings (a "[" inside a quoted string does not count). Text that is
 * not JSON is measured the same way; only a run of more than `max` unclosed brackets trips it.
 */
export function nestsDeeperThan(text: string, max: number = JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return false;
}
