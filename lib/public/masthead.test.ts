import { describe, expect, it } from "vitest";
import { chineseLunarDate, editionLabel, formatIssueDate, ganzhiYear, lunarDayName, mastheadLine, weekdayOf } from "./masthead";
import type { PublicIssue } from "./types";

const issue: PublicIssue = {
  date: "2024-03-08",
  paper: "荣昌报",
  issueNo: 27,
  totalIssueNo: 273,
  weekday: "星期三",
  lunarDate: "农历甲辰年正月廿八",
  pageCount: 4,
};

describe("dates on the masthead", () => {
  it("formats the issue date", () => {
    expect(formatIssueDate("2024-03-08")).toBe("2024年3月8日");
    expect(formatIssueDate("2024-12-21")).toBe("2024年12月21日");
    expect(() => formatIssueDate("2024-02-30")).toThrow(RangeError);
  });

  it("computes the weekday", () => {
    expect(weekdayOf("2024-03-08")).toBe("星期五");
    expect(weekdayOf("2024-03-10")).toBe("星期日");
    expect(weekdayOf("2000-01-01")).toBe("星期六");
  });

  it("names lunar days", () => {
    expect([1, 10, 11, 15, 20, 21, 28, 30].map(lunarDayName)).toEqual(["初一", "初十", "十一", "十五", "二十", "廿一", "廿八", "三十"]);
    expect(() => lunarDayName(31)).toThrow(RangeError);
  });

  it("names 干支 years", () => {
    expect(ganzhiYear(2024)).toBe("甲辰");
    expect(ganzhiYear(2023)).toBe("癸卯");
    expect(ganzhiYear(1984)).toBe("甲子");
  });
});

// Node 20 ships full ICU; a small-icu runtime returns null and these would say so.
describe("chineseLunarDate", () => {
  it("matches the printed 农历甲辰年正月廿八 for 2024-03-08", () => {
    expect(chineseLunarDate("2024-03-08")).toBe("正月廿八");
    expect(chineseLunarDate("2024-03-08", { withYear: true })).toBe("甲辰年正月廿八");
  });

  it("handles new year's eve, new year, a leap month and the twelfth month", () => {
    expect(chineseLunarDate("2024-02-09", { withYear: true })).toBe("癸卯年腊月三十");
    expect(chineseLunarDate("2024-02-10", { withYear: true })).toBe("甲辰年正月初一");
    expect(chineseLunarDate("2023-03-22")).toBe("闰二月初一");
    expect(chineseLunarDate("2023-03-21")).toBe("二月三十");
    expect(chineseLunarDate("2024-12-21")).toBe("十一月廿一");
  });

  it("does not depend on the server's time zone", () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ["Pacific/Kiritimati", "Etc/GMT+12", "Asia/Shanghai"]) {
        process.env.TZ = tz; // Node re-reads TZ on assignment
        expect(weekdayOf("2024-03-08")).toBe("星期五");
        expect(chineseLunarDate("2024-02-10")).toBe("正月初一");
        expect(chineseLunarDate("2024-02-09")).toBe("腊月三十");
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe("mastheadLine", () => {
  it("prints the pieces in the paper's order, with the weekday computed", () => {
    expect(mastheadLine(issue).map((p) => p.text)).toEqual(["2024年3月8日", "星期五", "农历甲辰年正月廿八", "总第273期", "第27期", "今日4版"]);
    expect(mastheadLine(issue).map((p) => p.key)).toEqual(["date", "weekday", "lunarDate", "totalIssueNo", "issueNo", "pageCount"]);
  });

  it("leaves out unknown numbers", () => {
    const line = mastheadLine({ ...issue, issueNo: null, totalIssueNo: null, pageCount: null });
    expect(line.map((p) => p.key)).toEqual(["date", "weekday", "lunarDate"]);
  });

  it("says how many pages are online when fewer than printed, never more", () => {
    expect(mastheadLine(issue, { onlinePages: 2 }).slice(-2).map((p) => p.text)).toEqual(["今日4版", "网上刊登2版"]);
    expect(mastheadLine(issue, { onlinePages: 4 }).map((p) => p.key)).not.toContain("onlinePages");
  });

  it("reads as English in the English interface", () => {
    expect(mastheadLine(issue, { locale: "en", onlinePages: 2 }).map((p) => p.text)).toEqual([
      "8 March 2024",
      "Friday",
      "No. 273",
      "issue 27 of the year",
      "4 pages",
      "2 online",
    ]);
  });

  it("labels the edition", () => {
    expect(editionLabel(issue)).toBe("2024年3月8日 总第273期 第27期");
    expect(editionLabel({ date: "2024-03-08", issueNo: null, totalIssueNo: null })).toBe("2024年3月8日");
  });
});
