import type { CorpusArticle } from "./corpus";
import { personName, personNames } from "./names";
import type { Dice } from "./random";
import type { HouseStyle, Paper } from "./styles";
import type { StoryBlock, StoryPart } from "./typeset/story";

/**
 * How each house style prints a corpus article's byline, as a documented transformation:
 * the printed text is what the truth expects back.
 *
 * - national-daily: as the corpus has it (本报记者  张三), on its own line.
 * - county-weekly: staff bylines become 本报讯（融媒体中心记者 张三 通讯员 李四）run into the
 *   first paragraph, like 荣昌报; a made-up 通讯员 is added to some.
 * - city-epaper: ■本报记者 张三 / ■重庆日报全媒体记者 张三, sometimes with 通讯员 or 实习生.
 * - flat-tabloid: 文/张三 图/李四 (图 when the story has photos) or 记者 张三 通讯员 李四, on
 *   its own line or after the last paragraph in brackets.
 *
 * Agency bylines (新华社记者 …), authors' names under commentary and datelines that open
 * the first paragraph (新华社北京4月28日电, 本报北京5月28日电（记者…）) are printed as they are.
 */
export type ParsedByline =
  | { kind: "staff"; reporters: string[]; correspondents: string[] }
  | { kind: "as-is"; text: string };

const STAFF = /^(本报记者|人民日报记者)/;

/** Names from a corpus byline: runs of spaces separate names, and pad two-character names (王  浩). */
export function namesOf(text: string): string[] {
  const tokens = text.split(/[\s\u00a0\u3000]+/).filter(Boolean);
  const names: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as string;
    const next = tokens[i + 1];
    if ([...t].length === 1 && next !== undefined && [...next].length === 1) {
      names.push(t + next);
      i++;
    } else names.push(t);
  }
  return names;
}

export function parseByline(byline: string): ParsedByline {
  const text = byline.trim();
  const m = STAFF.exec(text);
  if (!m) return { kind: "as-is", text };
  const rest = text.slice(m[0].length);
  const [reporterPart, correspondentPart = ""] = rest.split(/本报通讯员|通讯员/);
  const reporters = namesOf(reporterPart ?? "");
  const correspondents = namesOf(correspondentPart);
  // Anything unexpected (实习生, 摄影, titles) is printed as it is.
  if (reporters.length === 0 || [...reporters, ...correspondents].some((n) => !/^[\u4e00-\u9fff·]{2,5}$/.test(n))) return { kind: "as-is", text };
  return { kind: "staff", reporters, correspondents };
}

export type Restyled = Pick<StoryPart, "kicker" | "title" | "subtitle" | "byline" | "blocks" | "photos"> & {
  /** The byline as the truth expects it (null when none is printed). */
  truthByline: string | null;
};

export type IssueVoice = { paren: [string, string] };

/** Per issue: a county paper prints its 本报讯 brackets one way throughout. */
export function issueVoice(d: Dice): IssueVoice {
  return { paren: d.chance(0.5) ? ["(", ")"] : ["（", "）"] };
}

export function restyle(a: CorpusArticle, style: HouseStyle, paper: Paper, voice: IssueVoice, d: Dice): Restyled {
  const photos = a.body.filter((b) => b.role === "caption").map((b, i) => ({ caption: b.text, seed: d.int(1, 1e9) + i }));
  const blocks: StoryBlock[] = a.body.filter((b) => b.role !== "caption").map((b) => ({ role: b.role === "heading" ? "heading" : "paragraph", text: b.text }));
  const base = { kicker: a.kicker, title: a.title, subtitle: a.subtitle, photos };
  if (!a.byline) return { ...base, blocks, byline: null, truthByline: null };

  if (a.bylineInline) {
    // The dateline opens a paragraph. Printed where it is; the truth takes it as the byline.
    const captionsBefore = a.body.slice(0, a.bylineBlock ?? 0).filter((b) => b.role === "caption").length;
    const index = (a.bylineBlock ?? 0) - captionsBefore;
    const block = blocks[index];
    if (index === 0 && block && block.text.startsWith(a.byline)) {
      const rest = block.text.slice(a.byline.length).replace(/^[\s\u00a0\u3000]+/, "");
      return { ...base, blocks: [{ ...block, text: rest }, ...blocks.slice(1)], byline: { text: a.byline, placement: "inline" }, truthByline: a.byline };
    }
    // A dateline after ■ summaries stays in its paragraph: the truth still names it.
    return { ...base, blocks, byline: null, truthByline: a.byline };
  }

  const parsed = parseByline(a.byline);
  const firstIsParagraph = blocks[0]?.role === "paragraph";
  const line = (text: string) => ({ ...base, blocks, byline: { text, placement: "line" as const }, truthByline: text });
  if (parsed.kind === "as-is") return line(parsed.text.replace(/[\s\u00a0]{2,}/g, "  "));

  const { reporters } = parsed;
  let correspondents = parsed.correspondents;
  switch (style.name) {
    case "national-daily":
      return line(a.byline);
    case "county-weekly": {
      if (correspondents.length === 0 && d.chance(0.4)) correspondents = personNames(d, d.int(1, 2));
      const [open, close] = voice.paren;
      const text = `本报讯${open}融媒体中心记者 ${reporters.join(" ")}${correspondents.length ? ` 通讯员 ${correspondents.join(" ")}` : ""}${close}`;
      if (!firstIsParagraph) return line(text);
      return { ...base, blocks, byline: { text, placement: "inline" }, truthByline: text };
    }
    case "city-epaper": {
      const lead = d.pick(["■本报记者", "本报记者", `■${paper.name}全媒体记者`]);
      const extra = correspondents.length ? ` 通讯员 ${correspondents.join(" ")}` : d.chance(0.25) ? ` 实习生 ${personName(d)}` : "";
      return line(`${lead} ${reporters.join(" ")}${extra}`);
    }
    case "flat-tabloid": {
      const text =
        photos.length && d.chance(0.7)
          ? `文/${reporters.join(" ")} 图/${d.chance(0.5) ? (reporters[0] as string) : personName(d)}`
          : d.chance(0.5)
            ? `文/${reporters.join(" ")}`
            : `记者 ${reporters.join(" ")}${correspondents.length ? ` 通讯员 ${correspondents.join(" ")}` : ""}`;
      if (d.chance(0.3) && blocks.length > 0) return { ...base, blocks, byline: { text, placement: "end" }, truthByline: `（${text}）` };
      return line(text);
    }
  }
}
