import { describe, expect, it } from "vitest";
import { ingest } from "./index";

describe("masthead", () => {
  it("reads a plain masthead with Chinese-numeral date, page and page name", () => {
    const seg = ingest("荣昌报\n二〇二四年三月八日 星期五\n农历甲辰年正月廿八\n第2版 要闻\n\n标题在这里\n\n正文第一段。\n");
    expect(seg.masthead).toMatchObject({
      paper: "荣昌报", date: "2024-03-08", weekday: "星期五", lunarDate: "农历甲辰年正月廿八", page: 2, pageName: "要闻",
    });
  });

  it("reads an Arabic date, issue numbers, page count and licence", () => {
    const seg = ingest("荣昌报\n2024年3月8日 星期五\n总第273期 第27期 今日4版\n准印证号 (渝)2023526\n网址：http://epaper.cqrc.org.cn/\n\n正文第一段。\n");
    expect(seg.masthead).toMatchObject({
      date: "2024-03-08", totalIssueNo: 273, issueNo: 27, pageCount: 4, licence: "(渝)2023526", website: "http://epaper.cqrc.org.cn/",
    });
  });

  it("joins a date split over lines (2024年3月 / **8**)", () => {
    const seg = ingest("# 荣昌报\n\n2024年3月  \n**8**  \n星期五\n\n## 标题\n\n正文。\n");
    expect(seg.masthead?.date).toBe("2024-03-08");
    expect(seg.masthead?.fieldSpans.date).toHaveLength(2);
  });

  it("reads 二〇二四年十二月廿一日", () => {
    const seg = ingest("荣昌报\n二〇二四年十二月廿一日 星期六\n\n正文。\n");
    expect(seg.masthead?.date).toBe("2024-12-21");
  });

  it("lets hints override and fill", () => {
    const seg = ingest("荣昌报\n2024年3月8日 星期五\n第2版 要闻\n\n正文。\n", { page: 3, date: "2024-03-09" });
    expect(seg.masthead).toMatchObject({ page: 3, date: "2024-03-09", pageName: "要闻" });
    const none = ingest("标题\n\n正文第一段。\n", { page: 4 });
    expect(none.masthead).toMatchObject({ page: 4, paper: null });
    expect(none.mastheadSpans).toEqual([]);
  });

  it("is null when the page has none", () => {
    expect(ingest("正文第一段，没有报头。\n").masthead).toBeNull();
  });
});
