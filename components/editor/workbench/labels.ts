import type { ReasonCode } from "@/lib/ingest/types";
import type { BlockDoubt, WorkbenchRole } from "@/lib/workbench";

/**
 * Every string the workbench shows. Plain strings only (no functions), so a server
 * page can pass next-intl translations straight through to this client component.
 * `{n}`, `{role}` and similar are placeholders filled by `fillLabel`.
 */
export type WorkbenchLabels = {
  roles: Record<WorkbenchRole, string>;
  /** Article header; `{n}` is the article's number (1-based). */
  article: string;
  untitled: string;
  tray: string;
  bin: string;
  emptyTray: string;
  emptyBin: string;
  /** Prefix of a doubt note: "存疑：{kind label}", then the reason in detail. */
  doubt: string;
  /** The engine's doubt codes in words. */
  doubtKinds: Record<BlockDoubt["kind"], string>;
  /** The engine's reasons in detail, by code, with `{…}` filled from its values (never its English text). */
  reasons: Record<ReasonCode, string>;
  dragHandle: string;
  editorRegion: string;
  rawRegion: string;
  rawHint: string;
  toolbar: string;
  roleSelect: string;
  roleNone: string;
  moveTo: string;
  moveToChoose: string;
  moveToNewArticle: string;
  moveToTray: string;
  /** Button title: `{label}` and `{keys}`. */
  withShortcut: string;
  actions: Record<WorkbenchAction, string>;
  status: {
    articles: string;
    blocks: string;
    discarded: string;
    unassigned: string;
    doubts: string;
    withoutTitle: string;
  };
  legend: { tray: string; bin: string; none: string };
  /** The printed page of a PDF import: its pane, the click-to-reassign control. */
  page: {
    region: string;
    pageTab: string;
    rawTab: string;
    hint: string;
    reassign: string;
    reassignOff: string;
    reassignTray: string;
    /** `{n}`: the page number. */
    alt: string;
    openPdf: string;
    /** `{text}` the moved text's start, `{target}` where it went. */
    reassigned: string;
  };
  /** A caption attached to a photo: `{id}` is the photo's number. */
  attachedPhoto: string;
  attachPhoto: string;
  detachPhoto: string;
  photoHint: string;
};

export const WORKBENCH_ACTIONS = [
  "splitArticle",
  "mergePrevious",
  "mergeNext",
  "moveBlockUp",
  "moveBlockDown",
  "moveArticleUp",
  "moveArticleDown",
  "setRole",
  "joinBlock",
  "joinBlockAtEnd",
  "joinBlockAtStart",
  "splitBlock",
  "discardBlock",
  "restoreBlock",
  "nextDoubt",
  "previousDoubt",
  "resolveDoubt",
  "undo",
  "redo",
] as const;

export type WorkbenchAction = (typeof WORKBENCH_ACTIONS)[number];

export const DEFAULT_WORKBENCH_LABELS: WorkbenchLabels = {
  roles: {
    kicker: "引题",
    title: "主题",
    subtitle: "副题",
    rubric: "栏目",
    byline: "署名",
    lead: "导语",
    heading: "小标题",
    paragraph: "正文",
    caption: "图片说明",
    jump: "转版",
  },
  article: "稿件 {n}",
  untitled: "（无标题）",
  tray: "未归属",
  bin: "弃用",
  emptyTray: "没有未归属的文字。",
  emptyBin: "没有弃用的文字。",
  doubt: "存疑",
  doubtKinds: {
    column_join: "跨栏拼接，请核对衔接处",
    fragment_attached: "并入了零散片段",
    leading_text_attached: "开头的文字并入了本稿",
    trailing_headline: "末尾的标题可能属于下一篇",
    merged_names: "粘连的人名已拆开",
    heading_placed: "小标题的位置是推断的",
    heading_level: "标题层级不确定",
    subhead_or_title: "不确定是小标题还是主题",
    rubric_reordered: "栏目名称的顺序已调整",
    lead_box: "导语框",
    duplicate_text: "文字重复",
    short_line: "短行，可能是版面元素",
    page_inferred: "转版版次是推断的",
    furniture: "版面元素（口号、报头等）",
    unassigned: "未归属任何稿件",
    no_article: "不属于本版任何稿件（可能接上一版）",
    stray_letters: "零散字母",
    vertical_label: "竖排标签",
    duplicate: "重复内容",
    article_start: "是否从这里开始一篇新稿件，引擎不确定",
    headline_role: "标题层级（引题/主题/副题）不确定",
    line_role: "这一行的类型不确定",
  },
  reasons: {
    column_join: "“{text}”中拼接了 {count} 处跨栏断行",
    fragment_elsewhere: "版面别处的文字（“{text}”）接续本稿，本稿在句中中断",
    fragment_top: "版面顶部的文字（“{text}”）接续本稿，本稿在句中中断",
    leading_text_attached: "标题上方的文字归入了本版唯一的稿件",
    trailing_after_closing: "标题和署名印在正文之后：标题前的 {count} 段归入本稿（上一篇以出席名单结束）",
    trailing_last_paragraph: "标题和署名印在正文之后：上一篇结尾不明，只把最后 {count} 段归入本稿",
    merged_names: "粘连的人名已拆开：{names}",
    heading_placed: "小标题“{heading}”印在别处，已放在“{before}”之前",
    heading_unmatched: "小标题“{heading}”印在别处，找不到对应的段落",
    heading_level: "选了“{title}”作主题，虽然另一行的标题级别更高",
    subhead_or_title: "“{text}”读作本稿的小标题，而不是新稿件的标题",
    rubric_reordered: "栏目名称读作“{main} {stamp}”（“{stamp}”先被提取）",
    lead_box: "竖排标签“{label}”旁的 {count} 段作为导语",
    short_line_caption: "标题下的短行“{text}”读作图片说明",
    short_line_paragraph: "短行“{text}”保留为正文段落",
    page_inferred: "没有印版次；完整的报头说明这是第1版",
    second_rubric: "第二个栏目名称",
    heading_above_stack: "标题组上方的标题行（版面元素）",
    lead_box_label: "竖排标签“{text}”（标出导语框）",
    layout_residue: "版面残留",
    before_first_headline: "第一个标题前的文字，不接续本版任何稿件（可能接上一版）",
    headline_without_article: "下面没有正文的标题（版面口号或装饰）",
    rubric_without_article: "没有稿件的栏目名称",
    duplicate_text: "重复印刷的文字（第二份）",
    duplicate_caption: "重复印刷的图片说明（第二份）",
    markup_only: "没有文字的标记",
    stray_letters: "零散的版面字母",
    image_reference: "图片引用（没有文字）",
    vertical_label: "竖排标签“{text}”",
    unassigned: "识别程序没有归属的文字（请报告）",
    source_stamp: "电子版来源标注（如《人民日报》（……第N版））",
    advertisement: "广告（标有“广告”字样的区域）",
    page_furniture: "版面元素：责编、校对、地址等，不属于任何稿件",
    running_head: "报眉或版面信息行（版面元素）",
    furniture_unsure: "“{text}”作为版面元素弃用（把握 {sure}）",
    article_start: "从“{text}”开始了一篇新稿件（把握 {sure}）",
    headline_role: "“{text}”是引题、主题还是副题（把握 {sure}）",
    line_role: "“{text}”这一行的类型（把握 {sure}）",
    headline_split_kicker: "一行标题在破折号处拆成了引题和主题",
    headline_split_subtitle: "一行标题在破折号处拆成了主题和副题",
    headline_roles_by_words: "版面没有标出哪行是主题：按措辞定“{title}”为主题",
    headline_joined_by_words: "两行标题排得一样：按措辞读作一个主题“{title}”",
    headline_after_body: "标题“{text}”印在正文之后：标题前的 {count} 段归入本稿",
    fragment_above: "标题上方的文字（“{text}”）接续本稿，本稿在句中中断",
    leading_text_starts: "标题上方的文字作为本稿的开头",
    unsure_unplaced: "不属于本版任何稿件的文字（是版面元素的把握只有 {sure}）：请归入稿件或弃用",
  },
  dragHandle: "拖动",
  editorRegion: "稿件划分",
  rawRegion: "原文",
  rawHint: "点击原文跳到对应段落。",
  toolbar: "划分工具",
  roleSelect: "段落类型",
  roleNone: "—",
  moveTo: "移至",
  moveToChoose: "选择稿件…",
  moveToNewArticle: "新稿件",
  moveToTray: "未归属",
  withShortcut: "{label}（{keys}）",
  actions: {
    splitArticle: "从此段拆分稿件",
    mergePrevious: "并入上一篇",
    mergeNext: "与下一篇合并",
    moveBlockUp: "段落上移",
    moveBlockDown: "段落下移",
    moveArticleUp: "稿件上移",
    moveArticleDown: "稿件下移",
    setRole: "设为{role}",
    joinBlock: "与下一段合并",
    joinBlockAtEnd: "段末：与下一段合并",
    joinBlockAtStart: "段首：与上一段合并",
    splitBlock: "在光标处拆分段落",
    discardBlock: "弃用",
    restoreBlock: "恢复",
    nextDoubt: "下一处存疑",
    previousDoubt: "上一处存疑",
    resolveDoubt: "确认无误",
    undo: "撤销",
    redo: "重做",
  },
  status: {
    articles: "稿件 {n} 篇",
    blocks: "段落 {n}",
    discarded: "弃用 {n} 字",
    unassigned: "未归属 {n} 字",
    doubts: "存疑 {n} 处",
    withoutTitle: "无标题 {n} 篇",
  },
  legend: { tray: "未归属", bin: "弃用", none: "未使用（报头等）" },
  page: {
    region: "版面",
    pageTab: "版面图",
    rawTab: "原文",
    hint: "点击版面上的区域跳到对应段落；悬停在稿件上会在版面上标出它的区域。",
    reassign: "点击区域改归到",
    reassignOff: "（只跳转，不改归）",
    reassignTray: "未归属",
    alt: "第{n}版版面图，标出各篇稿件的区域",
    openPdf: "打开本版 PDF",
    reassigned: "已把“{text}”改归到{target}。",
  },
  attachedPhoto: "配图 #{id}",
  attachPhoto: "为说明配图",
  detachPhoto: "取消配图",
  photoHint: "光标放在“图片说明”段落里，可为它配上图片库里的照片；接受后说明文字原样成为图片说明。",
};

/** A partial override; missing strings fall back to the Chinese defaults. */
export type WorkbenchLabelsInput = Partial<Omit<WorkbenchLabels, "roles" | "doubtKinds" | "reasons" | "actions" | "status" | "legend" | "page">> & {
  roles?: Partial<WorkbenchLabels["roles"]>;
  doubtKinds?: Partial<WorkbenchLabels["doubtKinds"]>;
  reasons?: Partial<WorkbenchLabels["reasons"]>;
  actions?: Partial<WorkbenchLabels["actions"]>;
  status?: Partial<WorkbenchLabels["status"]>;
  legend?: Partial<WorkbenchLabels["legend"]>;
  page?: Partial<WorkbenchLabels["page"]>;
};

export function resolveLabels(input: WorkbenchLabelsInput | undefined): WorkbenchLabels {
  const d = DEFAULT_WORKBENCH_LABELS;
  if (!input) return d;
  return {
    ...d,
    ...input,
    roles: { ...d.roles, ...input.roles },
    doubtKinds: { ...d.doubtKinds, ...input.doubtKinds },
    reasons: { ...d.reasons, ...input.reasons },
    actions: { ...d.actions, ...input.actions },
    status: { ...d.status, ...input.status },
    legend: { ...d.legend, ...input.legend },
    page: { ...d.page, ...input.page },
  };
}

/** Fills `{name}` placeholders; unknown ones are left as written. */
export function fillLabel(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
