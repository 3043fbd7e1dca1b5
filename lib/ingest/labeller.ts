import { endsSentence, hanCount, withoutSpaces } from "./chars";
import { L } from "./model/decode";
import { visitFeatures } from "./model/features";
import { continuesBlock, isStackRole, LABEL_INDEX, LABELS, opensArticle, roleOf, type Label } from "./model/grammar";
import { labelScores, Scorer, type Model } from "./model/model";
import type { Reading, ReadLine } from "./reading";
import type { ReasonDetail, SetAsideKind } from "./types";

/**
 * Labels every line the engine reads: a few lines are set aside by rule before the
 * model sees the page (layout residue that carries no text to read: stray letters, a
 * vertical label, an image reference, markup alone); the model labels the rest under the
 * page grammar and says how sure it is of each line's role and of where articles start.
 */
export type SetAsideRule = { kind: SetAsideKind; reason: string; detail: ReasonDetail };

export type LineDecisions = {
  labels: Label[];
  /** P(the line has the role it was given), over every well-formed reading. */
  roleConfidence: Float64Array;
  /** P(an article starts here) if one was started here, else P(none starts here). */
  startConfidence: Float64Array;
  /** Lines set aside by rule, with why. */
  setAside: (SetAsideRule | null)[];
  /** Vertical labels: the first line index of each run (its other lines follow). */
  verticalLabels: { from: number; to: number; text: string }[];
};

/** Each label's role (as a number) and whether it opens an article, by label index. */
const ROLE_OF = Uint8Array.from(LABELS, (l) => l.charCodeAt(0));
const OPENS = Uint8Array.from(LABELS, (l) => (opensArticle(l) ? 1 : 0));

const STRAY = /^([A-Z])\1{0,2}$/;
const IMAGE = /^!\[[^\]]*\]\([^)]*\)$/;

/** One character (a surrogate pair is one), without splitting every line into an array. */
function oneChar(l: ReadLine | undefined): boolean {
  if (!l) return false;
  const t = l.text;
  return t.length === 1 || (t.length === 2 && (t.codePointAt(0) as number) > 0xffff);
}

/** Rules that need no model: what is plainly not text to read. */
function presets(lines: readonly ReadLine[]): { setAside: (SetAsideRule | null)[]; verticalLabels: LineDecisions["verticalLabels"] } {
  const setAside: (SetAsideRule | null)[] = lines.map(() => null);
  const verticalLabels: LineDecisions["verticalLabels"] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as ReadLine;
    // One character per line over consecutive rows: a label printed vertically (核/心/提/示).
    if (oneChar(l) && /[\u3400-\u9fff]/.test(l.text) && !l.geometry) {
      let j = i;
      while (oneChar(lines[j + 1]) && (lines[j + 1] as ReadLine).row === (lines[j] as ReadLine).row + 1) j++;
      if (j > i) {
        const text = lines.slice(i, j + 1).map((x) => x.text).join("");
        for (let k = i; k <= j; k++) setAside[k] = { kind: "vertical_label", reason: `vertical label ${text}`, detail: { code: "vertical_label", params: { text } } };
        verticalLabels.push({ from: i, to: j, text });
        i = j;
        continue;
      }
    }
    if (!l.text) setAside[i] = { kind: "furniture", reason: "markup without text", detail: { code: "markup_only" } };
    else if (STRAY.test(l.text)) setAside[i] = { kind: "stray_letters", reason: "stray layout letters", detail: { code: "stray_letters" } };
    else if (IMAGE.test(l.text)) setAside[i] = { kind: "furniture", reason: "image reference (no text)", detail: { code: "image_reference" } };
  }
  return { setAside, verticalLabels };
}

/*
 * What a rule knows a line is not, barred from the decoding (a line may still take any
 * other label). On the lab's dev pages, in the right labels of every extractor's text:
 *
 * - A line ending in a bracketed tag, a headline's column tag ("…（人民时评）") or a story's
 *   closing note ("（王乐乐参与采写）"), is not followed by more of the same headline. Of the 54
 *   stack lines that go on from one, 49 are another story's headline the extractor printed
 *   there, and 5 a headline's phrases printed out of order or its tag cut in two (pdftotext).
 * - A standing head ("图片报道") is a headline of its own, not a line of another's.
 * - A picture's credit alone on its line ("徐 骏绘（新华社发）", "李 健摄（人民视觉）") is never
 *   a headline's line (786 of them: a paragraph's, a caption's or the masthead's).
 * - A line wholly in brackets opens no kicker or title: it is a story's closing note ("（据新华社
 *   电）", "（孙超参与采写）"), a byline, a jump, or a headline's column tag wrapped onto a line of
 *   its own (T+); 8 of 2,317 open a kicker or title (the model read 43 others as one on the test
 *   split). A document's date under its title ("（二〇二五年十月二十九日）", 34) stays a subtitle.
 */
const TAG_END = /[（(][^（）()]{2,24}[)）]$/;
const STANDING_HEAD = /^(图片报道|图片新闻|新闻图片|新闻速览|简讯|快讯|导读|本版导读)$/;
const CREDIT_LINE = /^[\u3400-\u9fff]{1,4}(\s[\u3400-\u9fff]{1,3})?(摄|作|绘)[（(][^（）()]{2,12}[)）]$/u;
/** By label index, 1 for a stack line's labels (K, T, S in every form) / for those going on from the line above (K+, T+, S+). */
const STACK = Uint8Array.from(LABELS, (l) => (isStackRole(roleOf(l)) ? 1 : 0));
const GOES_ON = Uint8Array.from(LABELS, (l) => (continuesBlock(l) && isStackRole(roleOf(l)) ? 1 : 0));
const BRACKETED = /^[（(][^（）()]{2,30}[)）]$/;
/** By label index, 1 for the labels that open a kicker or a title (K!, K, T!, T). */
const HEADS = Uint8Array.from(LABELS, (l) => ((roleOf(l) === "K" || roleOf(l) === "T") && !continuesBlock(l) ? 1 : 0));

/** The labels the rules above bar, lines × labels (1 = barred); exported for its tests. */
export function barredLabels(lines: readonly ReadLine[]): Uint8Array {
  const barred = new Uint8Array(lines.length * L);
  // Each rule adds to what a line is barred from (several may hold for one line).
  const bar = (i: number, labels: Uint8Array) => {
    for (let l = 0; l < L; l++) if (labels[l]) barred[i * L + l] = 1;
  };
  lines.forEach((l, i) => {
    if (STANDING_HEAD.test(withoutSpaces(l.text))) {
      bar(i, GOES_ON);
      if (i + 1 < lines.length) bar(i + 1, GOES_ON);
    }
    if (i > 0 && TAG_END.test((lines[i - 1] as ReadLine).text)) bar(i, GOES_ON);
    if (CREDIT_LINE.test(l.text)) bar(i, STACK);
    if (BRACKETED.test(l.text.trim())) bar(i, HEADS);
  });
  return barred;
}

/**
 * `pinned` (internal: tests, the lab's oracle) gives every line's label instead of the
 * model, all decisions sure.
 */
export function labelLines(reading: Reading, model: Model, pinned?: readonly Label[]): LineDecisions {
  const n = reading.lines.length;
  const { setAside, verticalLabels } = presets(reading.lines);
  if (pinned) {
    if (pinned.length !== n) throw new Error(`pinned labels: ${pinned.length} for ${n} lines`);
    return { labels: [...pinned], roleConfidence: new Float64Array(n).fill(1), startConfidence: new Float64Array(n).fill(1), setAside, verticalLabels };
  }
  const forced = new Int16Array(n).fill(-1);
  setAside.forEach((s, i) => {
    if (s) forced[i] = LABEL_INDEX.F;
  });
  const barred = barredLabels(reading.lines);
  const scorer = new Scorer(model, n);
  visitFeatures(reading, scorer);
  let r = labelScores(model, scorer.scores, { format: reading.format, forced, barred, confidence: true });
  // Prose and no body text: a text pasted without a headline (the labeller, trained on whole
  // pages, reads a lone paragraph as furniture, or as a stack over a caption). Its first
  // sentence opens an untitled article, and the rest is decoded around that; the editor gives
  // it a headline in the workbench.
  const prose = reading.lines.findIndex((l, i) => !setAside[i] && endsSentence(l.text.trim()) && hanCount(l.text) >= 8);
  if (prose >= 0 && !r.labels.some((l) => roleOf(l) === "P")) {
    forced[prose] = LABEL_INDEX["P!"];
    r = labelScores(model, scorer.scores, { format: reading.format, forced, barred, confidence: true });
  }
  // Prose and no headline at all: a text pasted on its own, with no picture to caption. A
  // finished sentence the model read as a caption (its last short paragraph) is a paragraph.
  if (!r.labels.some((l) => isStackRole(roleOf(l)))) {
    let opened = false;
    let changed = false;
    r.labels.forEach((l, i) => {
      if (opened && roleOf(l) === "X" && endsSentence(reading.lines[i]?.text.trim() ?? "")) {
        forced[i] = LABEL_INDEX.P;
        changed = true;
      }
      if (roleOf(l) === "P") opened = true;
    });
    if (changed) r = labelScores(model, scorer.scores, { format: reading.format, forced, barred, confidence: true });
  }
  const probs = r.probabilities as Float64Array;
  // Read once: an imported binding read in a loop is a getter call in CommonJS output (tsx, the benches).
  const labels = L;
  const roleConfidence = new Float64Array(n);
  const startConfidence = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const chosen = LABEL_INDEX[r.labels[i] as Label];
    const role = ROLE_OF[chosen] as number;
    let sameRole = 0;
    let start = 0;
    for (let l = 0; l < labels; l++) {
      const p = probs[i * labels + l] as number;
      if (ROLE_OF[l] === role) sameRole += p;
      if (OPENS[l]) start += p;
    }
    roleConfidence[i] = Math.min(1, sameRole);
    startConfidence[i] = Math.min(1, OPENS[chosen] ? start : 1 - start);
  }
  return { labels: r.labels, roleConfidence, startConfidence, setAside, verticalLabels };
}
