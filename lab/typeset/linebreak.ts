import { advance, type FontKey } from "./fonts";

/**
 * Chinese line breaking with the 避头尾 rules: no line starts with a closing mark or
 * sentence punctuation, no line ends with an opening mark. A line that would break the
 * rule pushes its last character down (推出), and is justified by letter spacing when
 * drawn, as typesetting systems do. Latin words and numbers are not split.
 */
const NO_START = new Set([..."，。、；：！？）】》」』”’〕〉…—·%‰℃,.;:!?)]}"]);
const NO_END = new Set([..."（【《「『“‘〔〈([{"]);
/** Marks whose ink sits in the left half of the em: they may hang past the end of a line. */
const HANGING = new Set([..."，。、；："]);
const LATIN = /[A-Za-z0-9.,%/:\-_@#&+=~'°]/;

export type BrokenLine = {
  /** Offsets into the paragraph text: the line is text.slice(start, end). */
  start: number;
  end: number;
  text: string;
  /** Natural width in points, without letter spacing. */
  width: number;
  /** Left indent in points (the first line of an indented paragraph). */
  indent: number;
  /** The paragraph's last line (drawn unjustified). */
  last: boolean;
};

type Atom = { start: number; end: number; width: number; space: boolean };

function atomsOf(text: string, font: FontKey, size: number, maxWidth: number): Atom[] {
  const atoms: Atom[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) as number;
    const ch = String.fromCodePoint(cp);
    let end = i + ch.length;
    if (LATIN.test(ch)) {
      while (end < text.length && LATIN.test(text[end] as string)) end++;
    } else if ((ch === "—" || ch === "…") && text[end] === ch) {
      end++;
    }
    let width = 0;
    for (let k = i; k < end; ) {
      const c = text.codePointAt(k) as number;
      width += advance(font, c) * size;
      k += c > 0xffff ? 2 : 1;
    }
    const space = /\s/.test(ch);
    if (width > maxWidth && end - i > 1) {
      // A word wider than the line (a long URL) is broken anywhere.
      for (let k = i; k < end; k++) atoms.push({ start: k, end: k + 1, width: advance(font, text.charCodeAt(k)) * size, space: false });
    } else {
      atoms.push({ start: i, end, width, space });
    }
    i = end;
  }
  return atoms;
}

const firstChar = (text: string, a: Atom) => text.slice(a.start, a.start + 1);
const lastChar = (text: string, a: Atom) => text.slice(a.end - 1, a.end);

export function breakParagraph(text: string, font: FontKey, size: number, width: number, firstIndentEm = 0, hanging = false): BrokenLine[] {
  const atoms = atomsOf(text, font, size, width);
  const lines: BrokenLine[] = [];
  let i = 0;
  // Spaces at the start of the paragraph are kept (they are part of the text); at a break they are dropped.
  while (i < atoms.length) {
    const indent = lines.length === 0 ? firstIndentEm * size : 0;
    const avail = width - indent;
    let j = i;
    let w = 0;
    while (j < atoms.length && w + (atoms[j] as Atom).width <= avail + 0.01) {
      w += (atoms[j] as Atom).width;
      j++;
    }
    if (j === i) j = i + 1; // a single atom wider than the line (cannot happen after splitting, but never loop)
    // 行末悬挂: a comma or full stop that would start the next line hangs past the measure instead.
    const hang = atoms[j];
    const after = atoms[j + 1];
    if (hanging && hang && j > i && HANGING.has(text.slice(hang.start, hang.end)) && !(after && NO_START.has(firstChar(text, after)))) {
      w += hang.width;
      j++;
    }
    if (j < atoms.length) {
      // 避头尾: push characters down until the break is allowed (keep at least one atom).
      let k = j;
      while (k > i + 1 && (NO_START.has(firstChar(text, atoms[k] as Atom)) || NO_END.has(lastChar(text, atoms[k - 1] as Atom)))) k--;
      if (k > i) j = k;
    }
    // Trailing spaces do not count toward the justified width.
    let e = j;
    while (e > i + 1 && (atoms[e - 1] as Atom).space) e--;
    const start = (atoms[i] as Atom).start;
    const end = (atoms[e - 1] as Atom).end;
    let natural = 0;
    for (let k = i; k < e; k++) natural += (atoms[k] as Atom).width;
    lines.push({ start, end, text: text.slice(start, end), width: natural, indent, last: false });
    i = j;
    while (i < atoms.length && (atoms[i] as Atom).space) i++;
  }
  const lastLine = lines[lines.length - 1];
  if (lastLine) lastLine.last = true;
  return lines;
}
