/**
 * What a block's own text says: a byline or jump run into a paragraph, a caption printed
 * twice, a column rubric with its stamp printed first.
 */
import { parseLeadingByline, parseTrailingByline } from "./byline";
import { hanCount } from "./chars";
import { parseLeadingJump, parseTrailingJump } from "./jump";
import { render } from "./text";
import type { Span } from "./types";
import { leadingSpace, makeUnit, splitAt, type Ctx, type Unit } from "./units";

const LEAD_PREFIX = /^(核心提示|导语|编者按)[：:]/;

/** "在行动 优化营商环境 壮大民营经济": phrases where one end phrase is a short stamp. */
export function rubricOrder(t: string): { main: string; stamp: string; stampFirst: boolean } | null {
  const phrases = t.split(/\s+/);
  if (phrases.length < 2 || /[，。、：]/.test(t)) return null;
  if (!phrases.every((p) => hanCount(p) === p.length)) return null;
  const first = phrases[0] as string;
  const last = phrases[phrases.length - 1] as string;
  const shortFirst = first.length <= 3 && phrases.slice(1).every((p) => p.length >= 4);
  const shortLast = last.length <= 3 && phrases.slice(0, -1).every((p) => p.length >= 4);
  if (shortFirst === shortLast) return null;
  return shortFirst
    ? { main: phrases.slice(1).join(" "), stamp: first, stampFirst: true }
    : { main: phrases.slice(0, -1).join(" "), stamp: last, stampFirst: false };
}

/** "X建设X建设。。": the same text printed twice (doubled caption). Clean offsets of the copies. */
export function doubled(t: string): { half: number; punct: number } | null {
  // The stops printed at its end (counted from the end: the expression /[。！？.!?]*$/ tried every position).
  let punct = 0;
  while (punct < t.length && "。！？.!?".includes(t[t.length - 1 - punct] as string)) punct++;
  const body = t.length - punct;
  if (body >= 8 && body % 2 === 0) {
    const h = body / 2;
    if (t.slice(0, h) === t.slice(h, body)) return { half: h, punct };
  }
  if (t.length >= 8 && t.length % 2 === 0) {
    const h = t.length / 2;
    if (t.slice(0, h) === t.slice(h)) return { half: h, punct: 0 };
  }
  return null;
}

export function splitDoubled(ctx: Ctx, spans: Span[], d: { half: number; punct: number }, off: number): Unit[] {
  const r = render(ctx.text, spans, ctx.md);
  const h = d.half;
  if (d.punct === 0) {
    const [a = [], b = []] = splitAt(ctx, spans, r, [off + h]);
    return [
      makeUnit(ctx, "caption", a),
      makeUnit(ctx, "discard", b, { setAside: { kind: "duplicate", reason: "second copy of text printed twice", detail: { code: "duplicate_text" } } }),
    ];
  }
  const [c1 = [], c2 = [], p1 = [], rest = []] = splitAt(ctx, spans, r, [off + h, off + 2 * h, off + 2 * h + 1]);
  return [
    makeUnit(ctx, "caption", [...c1, ...p1]),
    makeUnit(ctx, "discard", [...c2, ...rest], {
      setAside: { kind: "duplicate", reason: "second copy of a caption printed twice", detail: { code: "duplicate_caption" } },
    }),
  ];
}

/** Splits a paragraph into leading jump/byline, body, trailing jump/byline. */
export function splitParagraph(ctx: Ctx, spans: Span[], t: string, off: number): Unit[] {
  type Piece = { kind: "jump" | "byline" | "para"; from: number; extra: Partial<Unit> };
  const pieces: Piece[] = [];
  let pos = 0;
  let end = t.length;
  const skipWs = (i: number) => i + leadingSpace(t.slice(i, end));
  const lj = parseLeadingJump(t);
  if (lj) {
    pieces.push({ kind: "jump", from: 0, extra: { jump: lj.jump } });
    pos = skipWs(lj.length);
  }
  const lb = parseLeadingByline(t.slice(pos));
  if (lb) {
    pieces.push({ kind: "byline", from: pos, extra: { byline: lb.byline } });
    pos = skipWs(pos + lb.length);
  }
  const tail: Piece[] = [];
  const body = () => t.slice(pos, end);
  const tj = parseTrailingJump(body());
  if (tj && tj.start > 0) {
    tail.unshift({ kind: "jump", from: pos + tj.start, extra: { jump: tj.jump } });
    end = pos + tj.start;
  }
  const tb = parseTrailingByline(body());
  let closing = false;
  if (tb && tb.start > 0) {
    tail.unshift({ kind: "byline", from: pos + tb.start, extra: { byline: tb.byline } });
    end = pos + tb.start;
    closing = true;
  }
  if (pos < end) {
    pieces.push({ kind: "para", from: pos, extra: { closing, lead: LEAD_PREFIX.test(body()) } });
  }
  pieces.push(...tail);
  if (pieces.length === 1 && pieces[0]?.kind === "para") return [makeUnit(ctx, "para", spans, pieces[0].extra)];
  const r = render(ctx.text, spans, ctx.md);
  const cuts = pieces.slice(1).map((p) => off + p.from);
  const parts = splitAt(ctx, spans, r, cuts);
  const out: Unit[] = [];
  pieces.forEach((p, i) => {
    const sp = parts[i] ?? [];
    if (sp.length) out.push(makeUnit(ctx, p.kind, sp, p.extra));
  });
  return out;
}
