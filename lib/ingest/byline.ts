import { endsSentence, withoutSpaces } from "./chars";

export type ParsedByline = {
  /** The byline as printed (e.g. "本报讯(融媒体中心记者 张雪)"). */
  text: string;
  source: string | null;
  reporters: string[];
  correspondents: string[];
  photographers: string[];
  /** 4-character runs split into two names (lost separating space). */
  merged: string[];
};

const NAME = /^[\u3400-\u9fff]{2,4}$|^[\u3400-\u9fff]{1,6}·[\u3400-\u9fff]{1,8}$/;

/** A Chinese personal name as bylines print it: 2–4 characters, or a transliteration with "·". */
export function isPersonName(s: string): boolean {
  return NAME.test(s);
}

/**
 * The words a byline names its people's roles by (本报记者 A、通讯员 B、实习生 C、摄影 D、
 * 作者 E), as regular-expression sources: the one list the byline grammar, the labeller's
 * features and the side-by-side reading (which keeps a byline's names together) share.
 * 作者 not after 工: 工作者 is a worker, not an author.
 */
export const BYLINE_ROLE_WORDS = ["记者", "通讯员", "实习生", "摄影", "(?<!工)作者"] as const;
const ROLE_WORD = BYLINE_ROLE_WORDS.join("|");
const ROLE_TOKEN = new RegExp(`^([\\u3400-\\u9fff]{0,10}?(?:${ROLE_WORD}))[：:]?(.*)$`);
const SLASH_ROLE = /^(文图|文\/图|文|图|摄影|摄)\s*[/／:：]\s*/;
/** A role word after at most ten Han characters (a name or an office): the line is a byline's role list. */
const LEADING_ROLE = new RegExp(`^[\\u3400-\\u9fff]{0,10}?(?:${ROLE_WORD})`);
/** A credit after a sentence's end: 文/…, 图/…, 摄影/… (and a second one, 图/…). */
const TRAILING_CREDIT = /\s+((?:文图|文\/图|文|图|摄影|摄)\s*[/／][^/／]{2,40}(?:\s+(?:图|摄影)\s*[/／][^/／]{2,30})?)\s*$/;

type Role = "reporters" | "correspondents" | "photographers";

function roleOf(word: string): Role {
  if (word.includes("通讯员")) return "correspondents";
  if (/图$|摄影?$/.test(word) && !/文图|文\/图/.test(word)) return "photographers";
  return "reporters";
}

export function emptyByline(text: string, source: string | null): ParsedByline {
  return { text, source, reporters: [], correspondents: [], photographers: [], merged: [] };
}

/**
 * Parses "记者 A B 通讯员 C" / "文/A B 图/C" lists into roles. Returns null when a token
 * is neither a role nor a name, so running text is never mistaken for a byline.
 */
function parseRoleList(s: string, into: ParsedByline, defaultRole: Role | null): boolean {
  const tokens = joinSpacedNames(s.split(/[\s、，,]+/).filter((t) => t.length > 0));
  let role: Role | null = defaultRole;
  const names: { name: string; role: Role }[] = [];
  for (const raw of tokens) {
    let tok = raw;
    const slash = SLASH_ROLE.exec(tok);
    const m = slash ? null : ROLE_TOKEN.exec(tok);
    if (slash) {
      role = roleOf(slash[1] as string);
      tok = tok.slice(slash[0].length);
    } else if (m) {
      role = roleOf(m[1] as string);
      tok = m[2] as string;
    }
    if (!tok) continue;
    if (!role || !NAME.test(tok)) return false;
    names.push({ name: tok, role });
  }
  if (names.length === 0) return false;
  const others = names.filter((n) => n.name.length !== 4 || n.name.includes("·"));
  const splitFours = names.length > 1 && others.length > 0 && others.every((n) => n.name.length <= 3);
  for (const n of names) {
    if (splitFours && n.name.length === 4 && !n.name.includes("·")) {
      into[n.role].push(n.name.slice(0, 2), n.name.slice(2));
      into.merged.push(n.name);
    } else into[n.role].push(n.name);
  }
  return true;
}

const HAN_CHAR = /^[\u3400-\u9fff]$/;

/**
 * Papers space a two-character name out to a column of three-character ones
 * (新华社记者  朱  涵  魏玉坤, 本报记者 王  磊), so the name prints as two one-character
 * tokens. A run of two or three such tokens is one name, a longer even run names in
 * pairs; an odd longer run is left as is (no way to tell where a name ends), and the
 * list then fails as before. Only after a role word or a name (unless the line is names
 * alone, `fromStart`): a line that opens spaced out is a headline set letter by letter
 * (记 者 手 记), not a byline.
 */
function joinSpacedNames(tokens: readonly string[], fromStart = false): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i;
    if (i > 0 || fromStart) while (j < tokens.length && HAN_CHAR.test(tokens[j] as string)) j++;
    const run = j - i;
    if (run === 0) {
      out.push(tokens[i++] as string);
      continue;
    }
    if (run === 2 || run === 3) out.push(tokens.slice(i, j).join(""));
    else if (run >= 4 && run % 2 === 0) for (let k = i; k < j; k += 2) out.push((tokens[k] as string) + (tokens[k + 1] as string));
    else out.push(...tokens.slice(i, j));
    i = j;
  }
  return out;
}

const BENBAO = /^(本报讯|本报消息|本报综合消息)\s*(?:[(（]([^()（）]{1,80})[)）])?/;
/**
 * 新华社北京5月3日电, 据新华社联合国6月3日电, 本报巴西茹伊斯迪福拉6月3日电 (a foreign place runs
 * long), and the dateless 本报比什凯克电 / 新华社电, which must then end at a space, a bracket or
 * the line's end so that a sentence (…网记者来电说) is not read as one.
 */
const DATELINE =
  /^据?((?:新华社|中新社|中新网|新华网|人民网|央视网|[\u3400-\u9fff]{1,6}?(?:社|报|网|台)))([\u3400-\u9fff]{0,12}?)(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})日电|(?<!记者[\u3400-\u9fff]{0,4})电(?=[\s(（]|$))(?:\s*[(（]([^()（）]{1,60})[)）])?/;
const NEWS_FROM = /^([\u3400-\u9fff]{2,8}?(?:日报|晚报|报|网|社|新闻|电视台|客户端))消息(?=[\s，,：:]|$)/;

/** A byline that opens a paragraph, followed by body text on the same line. */
export function parseLeadingByline(s: string): { length: number; byline: ParsedByline } | null {
  let m = BENBAO.exec(s);
  if (m) {
    const by = emptyByline(m[0].trim(), m[1] as string);
    // Names the extraction ran together with their roles (记者张铁张丹华通讯员廖霞郭桂) cannot be
    // told apart, but a bracket that opens with a role after 本报讯 is still the byline.
    if (m[2] !== undefined && !parseRoleList(m[2], by, null) && !LEADING_ROLE.test(m[2].trim())) return null;
    return { length: m[0].length, byline: by };
  }
  m = DATELINE.exec(s);
  if (m) {
    const by = emptyByline(m[0].trim(), m[1] as string);
    if (m[3] !== undefined) parseRoleList(m[3], by, "reporters");
    return { length: m[0].length, byline: by };
  }
  m = NEWS_FROM.exec(s);
  if (m) return { length: m[0].length, byline: emptyByline(m[0], m[1] as string) };
  return null;
}

/** A mark some papers print before a byline (■本报记者 李心萍). */
const BYLINE_MARK = /^[■□●○◆◇▲△★☆▶►]\s*/;
/** A byline set in brackets on a line of its own: （文/白光迪）, （记者 申少铁 尹晓宇）. */
const BRACKETED = /^[(（]([^()（）]+)[)）]$/;
/** An author by office, under a commentary: 新华社评论员, 本报评论员, 人民日报特约评论员. */
const OFFICE = /^([\u3400-\u9fff]{1,6}?(?:社|报|网|台))(?:特约)?评论员$/;

/**
 * A line that is nothing but a byline: "本报记者 A B", "文/A B C", "图/A", "记者 A 通讯员 B",
 * with a mark before it or in brackets. Its text stays as printed.
 */
export function parseStandaloneByline(s: string): ParsedByline | null {
  const printed = s.trim();
  const bare = printed.replace(BYLINE_MARK, "").trim();
  const lead = parseLeadingByline(bare);
  if (lead && lead.length === bare.length) return { ...lead.byline, text: printed };
  const office = OFFICE.exec(bare);
  if (office) return emptyByline(printed, office[1] as string);
  // Brackets unwrap a list of people only: a dateline in brackets at a story's end
  // (（据新华社电）, （本报柏林6月15日电）) says where the story came from, not who wrote it.
  const t = bare.replace(BRACKETED, "$1").trim();
  const hasRole = SLASH_ROLE.test(t) || LEADING_ROLE.test(t);
  if (!hasRole || t.length > 60) return null;
  const by = emptyByline(printed, /^本报/.test(t) ? "本报" : null);
  return parseRoleList(t.replace(/^本报(?=记者|通讯员)/, ""), by, null) ? by : null;
}

/** A byline line without its mark and brackets (■张三, （董国政）): where names alone are read from. */
export function unmarkedByline(s: string): string {
  return s.trim().replace(BYLINE_MARK, "").replace(BRACKETED, "$1").trim();
}

/**
 * What marks a line as a byline where the grammar cannot read its names (run together by the
 * extraction, a foreign name, an institution as the author): a role word, an agency's
 * dateline (or its first line), a byline mark, a credit's slash, a name with its ·, an institution's name,
 * a lecture's 主讲人, an author's name in brackets, a name set apart after an office or a place.
 */
const BYLINE_CUE = new RegExp(
  [
    ROLE_WORD,
    "评论员",
    "[社报][^，。]{0,20}电",
    "^据?(?:新华社|中新社|本报)",
    BYLINE_MARK.source,
    "^[(（]?(?:文图|文|图|摄)[/／]",
    "^[\\u3400-\\u9fff]{1,8}·[\\u3400-\\u9fff]",
    "^[\\u3400-\\u9fff]{2,14}(?:院|部|委员会|办公室|办公厅|研究会|研究中心|课题组)$",
    "^(?:本期)?(?:主讲人|讲述人|口述)[：:]",
    // An essay's or a poem's author in brackets under its last line: （董国政）, （李  云）.
    "^[(（][\\u3400-\\u9fff]{2,3}[)）]$",
  ].join("|"),
);
/** A name set apart after an office or a place: …研究院院长  荆林波, 国务院总理  李  强, 浙江省杭州市  朱浙萍. */
const NAME_AFTER_OFFICE = /^[\u3400-\u9fff：:]{2,40}?(?:长|员|任|理|席|记|人|授|市|县|区|省)\s+[\u3400-\u9fff](?:\s*[\u3400-\u9fff]){1,3}$/;

export function hasBylineCue(s: string): boolean {
  return BYLINE_CUE.test(withoutSpaces(s)) || NAME_AFTER_OFFICE.test(s.trim());
}

/**
 * Words papers set alone, often spaced out like a name, over a part of a story or a page: an
 * opening (引 子), a closing (尾 声), a call (征 集), a box's label (链 接). Not names.
 */
const SECTION_WORDS = new Set(
  "引子 尾声 序言 前言 后记 题记 附记 编者按 编后 编后语 导读 导语 征集 链接 背景 提示 点评 短评 快评 述评 声明 启事 公告 广告 花絮 特写 速览 图说 资料 延伸阅读 相关链接 记者手记 采访手记".split(" "),
);

/**
 * An author's name alone (under a commentary), or a few names alone (李龙彬  葛帅坤, 杨  静  刘  影:
 * there the line may open spaced out, as names are all it can hold). Only used where context
 * expects a byline.
 */
export function parseNameByline(s: string): ParsedByline | null {
  const t = s.trim();
  const names = joinSpacedNames(t.split(/\s+/), true);
  if (names.length === 0 || names.length > 4 || !names.every((n) => /^[\u3400-\u9fff]{2,4}$/.test(n) && !SECTION_WORDS.has(n))) return null;
  return { ...emptyByline(t, null), reporters: names };
}

/** "…的“创新之果”。 文/赵敏 慈辉辉 何君林": a byline after the last sentence of a paragraph. */
export function parseTrailingByline(s: string): { start: number; byline: ParsedByline } | null {
  // Every credit has its slash: a line without one is not worth the expression, which tries each space.
  if (!s.includes("/") && !s.includes("／")) return null;
  const m = TRAILING_CREDIT.exec(s);
  if (!m || !endsSentence(s.slice(0, m.index))) return null;
  const by = parseStandaloneByline(m[1] as string);
  return by ? { start: m.index + m[0].length - m[0].trimStart().length, byline: by } : null;
}

/** Combines several byline pieces of one article (e.g. 文/… and 图/…). */
export function mergeBylines(list: readonly ParsedByline[]): ParsedByline | null {
  if (list.length === 0) return null;
  const out = emptyByline(list.map((b) => b.text).join(" "), null);
  for (const b of list) {
    out.source ??= b.source;
    out.reporters.push(...b.reporters.filter((n) => !out.reporters.includes(n)));
    out.correspondents.push(...b.correspondents.filter((n) => !out.correspondents.includes(n)));
    out.photographers.push(...b.photographers.filter((n) => !out.photographers.includes(n)));
    out.merged.push(...b.merged);
  }
  return out;
}
