import { isPersonName, parseStandaloneByline } from "@/lib/ingest/byline";

/*
 * Photo credits as papers print them, read with the byline parser of lib/ingest: "记者 张三 摄",
 * "本报记者 张三 李四 摄", "记者 张三 通讯员 李四 摄", "张三 摄", "图/张三", "摄影 张三", and credits
 * without a name ("受访者供图", "资料图片"). A caption as printed often ends with its credit
 * ("图为……。记者 张三 摄", "……（记者 张三 摄）"); splitCaption finds it.
 */

export type PhotoCredit = {
  /** As printed, without the parentheses around it. */
  text: string;
  /** Who took it: everyone named before 摄, or after 图/ and 摄影. */
  photographers: string[];
};

/** Credits that name an owner rather than a photographer. */
const NO_NAME_CREDIT = /^[\u3400-\u9fff\w·\s]{0,20}(?:供图|供稿|资料图片?|资料照片|图片由[^，。]{1,20}提供)$/;
const TAKEN_BY = /\s*摄影?$/;
const PHOTO_ROLE = /^(?:图|摄影|摄)\s*[/／:：]|^摄影(?:记者)?\s/;

/** A credit on its own, or null when the text is not one (a caption, a sentence). */
export function parseCredit(input: string): PhotoCredit | null {
  const text = input.trim();
  if (text === "" || text.length > 60) return null;
  if (NO_NAME_CREDIT.test(text)) return { text, photographers: [] };
  const takenBy = TAKEN_BY.test(text);
  if (!takenBy && !PHOTO_ROLE.test(text)) return null;
  const names = takenBy ? text.replace(TAKEN_BY, "").trim() : text;
  if (names === "") return null;
  const byline = parseStandaloneByline(names);
  if (byline) {
    // "记者 张三 通讯员 李四 摄": 摄 covers everyone named, whatever their role.
    const photographers = takenBy ? [...byline.reporters, ...byline.correspondents, ...byline.photographers] : byline.photographers;
    return photographers.length > 0 ? { text, photographers } : null;
  }
  // "张三 李四 摄": names alone before 摄.
  const tokens = names.split(/[\s、，,]+/).filter((t) => t !== "");
  if (takenBy && tokens.length > 0 && tokens.length <= 4 && tokens.every(isPersonName)) return { text, photographers: tokens };
  return null;
}

export type SplitCaption = { caption: string; credit: PhotoCredit | null };

const TRAILING_PARENS = /[(（]([^()（）]{1,60})[)）]\s*$/;
const SENTENCE_END = /[。！？；!?;]/g;
const ROLE_START = /^[\u3400-\u9fff]{0,10}?(?:记者|通讯员|实习生|摄影)|^(?:图|摄影|摄)\s*[/／:：]/;

/**
 * A caption as printed, with its credit taken off the end when it has one. The caption keeps
 * every other character as it was; nothing is guessed from the middle of the text.
 */
export function splitCaption(input: string): SplitCaption {
  const text = input.trim();
  const parens = TRAILING_PARENS.exec(text);
  if (parens && parens.index > 0) {
    const credit = parseCredit(parens[1]!);
    if (credit) return { caption: text.slice(0, parens.index).trimEnd(), credit };
  }
  // After the caption's last sentence: "图为……项目。记者 张三 摄".
  const ends = [...text.matchAll(SENTENCE_END)];
  const last = ends[ends.length - 1];
  if (last && last.index + 1 < text.length) {
    const credit = parseCredit(text.slice(last.index + 1));
    if (credit) return { caption: text.slice(0, last.index + 1), credit };
  }
  // Set off by spaces: "「归园陶居」项目全景 记者 张三 摄". The longest tail that starts with a role
  // word, else the shortest that is a credit (names alone could swallow a short caption word).
  const tokens = [...text.matchAll(/\S+/g)];
  let fallback: SplitCaption | null = null;
  for (let i = 1; i < tokens.length; i++) {
    const start = tokens[i]!.index;
    const tail = text.slice(start);
    const credit = parseCredit(tail);
    if (!credit) continue;
    const split = { caption: text.slice(0, start).trimEnd(), credit };
    if (ROLE_START.test(tail) || NO_NAME_CREDIT.test(tail)) return split;
    fallback = split;
  }
  return fallback ?? { caption: text, credit: null };
}

/**
 * A photo's caption and credit as the library keeps them, from what a person (or an import) gave:
 * a credit given on its own is read for its photographers; otherwise one printed at the end of
 * the caption is taken off it ("图为……。记者 张三 摄").
 */
export function captionAndCredit({ caption, credit }: { caption: string; credit?: string | null }): { caption: string; credit: string; photographers: string[] } {
  const given = credit?.trim() ?? "";
  if (given !== "") return { caption: caption.trim(), credit: given, photographers: parseCredit(given)?.photographers ?? [] };
  const split = splitCaption(caption);
  return { caption: split.caption, credit: split.credit?.text ?? "", photographers: split.credit?.photographers ?? [] };
}
