import type { ShareImage } from "@/lib/media/picture";

/**
 * Plain inputs for the public reader site's building blocks. The pages map
 * database rows to these shapes; nothing in lib/public reads the database.
 */

export type PublicLanguage = "zh-CN" | "en";

/** A printed page an article appears on; `name` is the page name as printed (要闻, 综合…). */
export type PublicPageRef = { number: number; name: string | null };

export type PublicArticle = {
  id: number;
  /** An explicit ASCII slug; when absent one is derived from an ASCII title (see urls.ts). */
  slug?: string | null;
  /** 引题 */
  kicker: string | null;
  /** 主题; null for a headless continuation. */
  title: string | null;
  /** 副题 */
  subtitle: string | null;
  /** As printed, e.g. "本报讯(融媒体中心记者 张雪)". */
  byline: string | null;
  /** 本报讯 / 新华社 / 重庆日报 …; a wire source becomes the JSON-LD author when no reporter is named. */
  source?: string | null;
  reporters: readonly string[];
  photographers: readonly string[];
  sectionName: string | null;
  /** Shown instead of sectionName in the English interface, when the newsroom gave one. */
  sectionNameEn?: string | null;
  sectionSlug: string | null;
  /** YYYY-MM-DD */
  issueDate: string;
  /** In print order: the first is where the article starts, the rest are jumps (下转). */
  pages: readonly PublicPageRef[];
  publishedAt: Date;
  updatedAt: Date;
  language: PublicLanguage;
  /** The body as plain text (paragraphs separated by newlines). */
  bodyText: string;
  correction: string | null;
  /** The lead photo for link previews, feeds and structured data (its largest JPEG), when it has one readers may see. */
  image?: ShareImage | null;
};


export type PublicIssue = {
  /** YYYY-MM-DD */
  date: string;
  paper: string;
  /** 第N期 (this year's number) */
  issueNo: number | null;
  /** 总第N期 */
  totalIssueNo: number | null;
  /** As printed; the reader shows the weekday computed from `date` instead. */
  weekday: string | null;
  /** As printed (农历甲辰年正月廿八); used only when this runtime cannot compute it. */
  lunarDate: string | null;
  /** 今日N版 */
  pageCount: number | null;
};
