import { parseNumber } from "./chars";

export type Jump = { to: number | null; from: number | null };

const NUM = "[0-9０-９一二三四五六七八九十]{1,3}";
const CORE = `(下转|转至|转|上接|接)\\s*第?\\s*(${NUM})\\s*版(?:\\s*[A-Z]\\d?)?`;
const WHOLE = new RegExp(`^[(（【]?\\s*${CORE}\\s*[)）】]?$`);
const TAIL = new RegExp(`[(（【]\\s*${CORE}\\s*[)）】]$`);
const HEAD = new RegExp(`^[(（【]\\s*${CORE}\\s*[)）】]`);

function toJump(kind: string, num: string): Jump | null {
  const n = parseNumber(num);
  if (n === null || n <= 0) return null;
  return /^(上接|接)$/.test(kind) ? { to: null, from: n } : { to: n, from: null };
}

/** A line that is only a jump: 下转2版, (下转第2版), 上接1版, 接第1版, 转第3版. */
export function parseJumpLine(s: string): Jump | null {
  const m = WHOLE.exec(s.trim());
  return m ? toJump(m[1] as string, m[2] as string) : null;
}

/** "…发展。(下转第2版)": the bracketed jump at the end of a paragraph; returns its start. */
export function parseTrailingJump(s: string): { start: number; jump: Jump } | null {
  const t = s.trimEnd();
  // A trailing jump closes its bracket at the line's end: a line that does not is not worth the expression, which tries each bracket.
  if (!/[)）】]$/.test(t)) return null;
  const m = TAIL.exec(t);
  if (!m) return null;
  const jump = toJump(m[1] as string, m[2] as string);
  return jump ? { start: m.index, jump } : null;
}

/** "(上接第1版)本报讯…": the bracketed jump opening a paragraph; returns its length. */
export function parseLeadingJump(s: string): { length: number; jump: Jump } | null {
  const m = HEAD.exec(s);
  if (!m) return null;
  const jump = toJump(m[1] as string, m[2] as string);
  return jump ? { length: m[0].length, jump } : null;
}
