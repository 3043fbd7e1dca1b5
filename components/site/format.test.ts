import { describe, expect, it } from "vitest";
import { dateLabel, listNumbers, monthLabel, weekdayHeadings } from "./format";

describe("site formatting", () => {
  it("writes dates and months for each interface language", () => {
    expect(dateLabel("2024-03-08", "zh-CN")).toBe("2024年3月8日");
    expect(dateLabel("2024-03-08", "en")).toBe("March 8, 2024");
    expect(monthLabel({ year: 2024, month: 3 }, "zh-CN")).toBe("2024年3月");
    expect(monthLabel({ year: 2024, month: 3 }, "en")).toBe("March 2024");
    expect(weekdayHeadings("zh-CN")[0]).toBe("日");
    expect(weekdayHeadings("en")[6]).toBe("Sat");
  });

  it("joins page numbers", () => {
    expect(listNumbers([2, 3], "zh-CN")).toBe("2、3");
    expect(listNumbers([2, 3], "en")).toBe("2, 3");
  });
});
