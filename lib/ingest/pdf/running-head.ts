import { parseNumber } from "../chars";
import { emptyMasthead, isoDate } from "../masthead";
import type { Masthead } from "../types";

/**
 * A running head read as a masthead when the engine's masthead reader finds too little (it wants
 * a nameplate or two lines of fields): 2024年3月8日 星期五 第2版 要闻 on one line. Only the date,
 * weekday, page number and page name; the spans are the masthead area's, set by the caller.
 */
const DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const PAGE = /第\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*版(?:\s*[：:·|｜]?\s*([\u3400-\u9fff]{2,6}))?/;
const WEEKDAY = /(?:星期|礼拜)[一二三四五六日天]/;

export function runningHead(text: string): Masthead | null {
  const mh = emptyMasthead();
  const d = DATE.exec(text);
  if (d) mh.date = isoDate(Number(d[1]), Number(d[2]), Number(d[3]));
  const p = PAGE.exec(text);
  if (p) {
    mh.page = parseNumber(p[1] as string);
    mh.pageName = p[2] ?? null;
  }
  // A page number set large on its own (要闻 03), as 人民日报's running head has it.
  if (mh.page === null) {
    const bare = /(?:^|\n)\s*0?(\d{1,2})\s*(?:\n|$)/.exec(text);
    if (bare) mh.page = Number(bare[1]);
  }
  mh.weekday = WEEKDAY.exec(text)?.[0] ?? null;
  return mh.date !== null || mh.page !== null ? mh : null;
}
