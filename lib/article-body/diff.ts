import { diffChars, diffLines, diffWordsWithSpace, type ChangeObject } from "diff";
import { ARTICLE_FIELDS, fieldDisplay, type ArticleFieldKey, type ArticleFieldValues } from "@/lib/article-fields";
import { inlineText, isBlank, textblocks } from "./text";
import type { ArticleBody } from "./types";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

// Past this many edits jsdiff gives up and the span is shown as replaced whole: the
// search is O(N·D), and a rewrite that large reads better as "old / new" anyway.
const MAX_EDIT_LENGTH = 2000;

/**
 * What changed between two texts, for showing revisions to an editor. Lines are aligned
 * first (so an edit stays inside its paragraph), then changed lines are compared by
 * character for Chinese or by word for mostly-Latin text, and short unchanged runs caught
 * between two changes are folded into them so the result reads as phrases, not confetti.
 */
export function diffTexts(before: string, after: string): DiffPart[] {
  if (before === after) return before === "" ? [] : [{ kind: "same", text: before }];
  const parts: DiffPart[] = [];
  for (const hunk of lineHunks(before, after)) {
    if ("same" in hunk) parts.push({ kind: "same", text: hunk.same });
    else parts.push(...refine(hunk.removed, hunk.added));
  }
  return joinNeighbours(parts.filter((p) => p.text !== ""));
}

/**
 * How many characters (code points) differ between two texts: removed plus added, by the same
 * alignment as diffTexts (lines first, then characters within a changed span) but exact, without
 * folding short runs. Replacing three characters counts six. A span too different to compare
 * counts whole, which only ever overstates.
 */
export function countChangedChars(before: string, after: string): number {
  let changed = 0;
  for (const hunk of lineHunks(before, after)) {
    if ("same" in hunk) continue;
    const changes = hunk.removed !== "" && hunk.added !== "" ? diffChars(hunk.removed, hunk.added, { maxEditLength: MAX_EDIT_LENGTH }) : undefined;
    changed += changes
      ? changes.reduce((n, c) => n + (c.added || c.removed ? length(c.value) : 0), 0)
      : length(hunk.removed) + length(hunk.added);
  }
  return changed;
}

/** Unchanged lines, and each run of changed lines as what was removed and what was added. */
function lineHunks(before: string, after: string): Hunk[] {
  if (before === after) return before === "" ? [] : [{ same: before }];
  const lines = diffLines(before, after, { maxEditLength: MAX_EDIT_LENGTH }) ?? [
    { value: before, removed: true, added: false, count: 1 },
    { value: after, removed: false, added: true, count: 1 },
  ];
  const hunks: Hunk[] = [];
  let removed = "";
  let added = "";
  const flush = () => {
    if (removed !== "" || added !== "") hunks.push({ removed, added });
    removed = added = "";
  };
  for (const change of lines) {
    if (change.removed) removed += change.value;
    else if (change.added) added += change.value;
    else {
      flush();
      hunks.push({ same: change.value });
    }
  }
  flush();
  return hunks;
}

/** A finer diff of one replaced span. */
function refine(removed: string, added: string): DiffPart[] {
  if (removed === "" || added === "") {
    return [
      { kind: "removed", text: removed },
      { kind: "added", text: added },
    ];
  }
  const options = { maxEditLength: MAX_EDIT_LENGTH };
  const changes = mostlyLatin(removed + added)
    ? diffWordsWithSpace(removed, added, options)
    : diffChars(removed, added, options);
  if (!changes) {
    return [
      { kind: "removed", text: removed },
      { kind: "added", text: added },
    ];
  }
  return foldShortRuns(changes);
}

type Hunk = { same: string } | { removed: string; added: string };

/**
 * Folds an unchanged run lying between two changes into them when it is short: at most
 * two characters, or at most half the size of both neighbouring changes. Runs holding a
 * line break are kept, so paragraphs never merge.
 */
function foldShortRuns(changes: ChangeObject<string>[]): DiffPart[] {
  const hunks: Hunk[] = [];
  for (const c of changes) {
    const last = hunks.at(-1);
    if (!c.added && !c.removed) hunks.push({ same: c.value });
    else if (last && "removed" in last) {
      if (c.removed) last.removed += c.value;
      else last.added += c.value;
    } else hunks.push(c.removed ? { removed: c.value, added: "" } : { removed: "", added: c.value });
  }
  let folded = true;
  while (folded) {
    folded = false;
    for (let i = 1; i + 1 < hunks.length; i++) {
      const [left, mid, right] = [hunks[i - 1], hunks[i], hunks[i + 1]];
      if (!left || !mid || !right || !("same" in mid) || "same" in left || "same" in right) continue;
      if (mid.same.includes("\n")) continue;
      const size = length(mid.same);
      const neighbour = Math.min(changeSize(left), changeSize(right));
      if (size > 2 && size * 2 > neighbour) continue;
      hunks.splice(i - 1, 3, { removed: left.removed + mid.same + right.removed, added: left.added + mid.same + right.added });
      folded = true;
    }
  }
  return hunks.flatMap((h): DiffPart[] =>
    "same" in h
      ? [{ kind: "same", text: h.same }]
      : [
          { kind: "removed", text: h.removed },
          { kind: "added", text: h.added },
        ],
  );
}

function changeSize(h: { removed: string; added: string }): number {
  return Math.max(length(h.removed), length(h.added));
}

/** Length in code points, so a CJK Extension B character counts once. */
function length(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function mostlyLatin(s: string): boolean {
  const letters = s.match(/\p{L}/gu)?.length ?? 0;
  const latin = s.match(/\p{Script=Latin}/gu)?.length ?? 0;
  return letters > 0 && latin * 2 > letters;
}

function joinNeighbours(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if (last && last.kind === p.kind) last.text += p.text;
    else out.push({ ...p });
  }
  return out;
}

/** Markers of body structure in a revision's text. */
type BodyLabels = {
  subhead: string;
  minorSubhead: string;
  lead: string;
  caption: string;
  photo: string;
  leadPhoto: string;
  quote: string;
};

export type RevisionLabels = Record<ArticleFieldKey, string> & BodyLabels;

const BODY_LABELS: BodyLabels = {
  subhead: "Subhead",
  minorSubhead: "Minor subhead",
  lead: "Lead",
  caption: "Caption",
  photo: "Photo",
  leadPhoto: "Lead photo",
  quote: "Quote",
};

// The interface messages naming the body markers (the body editor's own toolbar words).
const BODY_LABEL_KEYS: Record<keyof BodyLabels, string> = {
  subhead: "bodyEditor.heading2",
  minorSubhead: "bodyEditor.heading3",
  lead: "bodyEditor.lead",
  caption: "bodyEditor.caption",
  photo: "bodyEditor.photo",
  leadPhoto: "bodyEditor.leadPhoto",
  quote: "bodyEditor.quote",
};

const DEFAULT_LABELS = {
  ...(Object.fromEntries(ARTICLE_FIELDS.map((f) => [f.key, f.name])) as Record<ArticleFieldKey, string>),
  ...BODY_LABELS,
} satisfies RevisionLabels;

/** An interface message translator (next-intl's `t`), for labels in the reader's language. */
export type Translate = (key: string) => string;

/** Every label of a revision's text in the interface language. */
export function revisionLabels(translate: Translate): RevisionLabels {
  return {
    ...(Object.fromEntries(ARTICLE_FIELDS.map((f) => [f.key, translate(f.label)])) as Record<ArticleFieldKey, string>),
    ...(Object.fromEntries(Object.entries(BODY_LABEL_KEYS).map(([k, key]) => [k, translate(key)])) as BodyLabels),
  };
}

/** A revision: any of the article's fields as stored (a snapshot has no language) and its body. */
export type RevisionFields = Partial<ArticleFieldValues> & { body: ArticleBody };

export type RevisionTextOptions = {
  /** The name of a section by id, for the section line (else "#id"). */
  sectionName?: (id: number) => string | undefined;
};

/**
 * One revision as plain text for diffTexts: a labelled line per non-empty field of
 * lib/article-fields (so a change to any of them, the names or the section included,
 * shows up as a change of its line), a blank line, then one line per body paragraph.
 * Subheads, lead, captions, quotes and list items are marked, so turning a paragraph
 * into a subhead shows up as a change. Pass the page's translator (or labels); the
 * defaults are English.
 */
export function revisionText(fields: RevisionFields, labels: Partial<RevisionLabels> | Translate = {}, options: RevisionTextOptions = {}): string {
  const l = { ...DEFAULT_LABELS, ...(typeof labels === "function" ? revisionLabels(labels) : labels) };
  const head: string[] = [];
  for (const f of ARTICLE_FIELDS) {
    const value = fieldDisplay(f.kind, fields[f.key], options.sectionName);
    if (value !== null) head.push(`${l[f.key]}: ${value}`);
  }
  const body: string[] = [];
  for (const block of fields.body.content) {
    if (block.type === "photo") {
      // A photo is a line even without a caption: placing, removing or swapping one is a change.
      const caption = isBlank(block.content) ? "" : ` ${inlineText(block.content)}`;
      body.push(`[${block.attrs.lead ? l.leadPhoto : l.photo} #${block.attrs.mediaId}]${caption}`);
      continue;
    }
    let lastItem = -1;
    for (const tb of textblocks(block)) {
      if (isBlank(tb.content)) continue;
      const text = inlineText(tb.content);
      let prefix = "";
      if (block.type === "heading") prefix = `[${block.attrs.level === 2 ? l.subhead : l.minorSubhead}] `;
      else if (tb.kind === "lead") prefix = `[${l.lead}] `;
      else if (tb.kind === "caption") prefix = `[${l.caption}] `;
      else if (tb.kind === "blockquote") prefix = `[${l.quote}] `;
      else if (tb.kind === "bulletList") prefix = tb.index === lastItem ? "  " : "• ";
      else if (tb.kind === "orderedList") prefix = tb.index === lastItem ? "   " : `${tb.index + 1}. `;
      lastItem = tb.index;
      body.push(prefix + text);
    }
  }
  return head.length > 0 ? `${head.join("\n")}\n\n${body.join("\n")}` : body.join("\n");
}
