import { describe, expect, it } from "vitest";
import { addMonths, daysInMonth, formatMonth, monthCalendar, monthKey, monthOfDate, monthRange, parseIssueLookup, parseMonthParam } from "./calendar";

describe("archive months", () => {
  it("parses month params strictly", () => {
    expect(parseMonthParam("2024-03")).toEqual({ year: 2024, month: 3 });
    for (const bad of ["2024-3", "2024-13", "2024-00", "0999-01", "2024-03-01", "", undefined, ["2024-03"]]) {
      expect(parseMonthParam(bad)).toBeNull();
    }
  });

  it("formats, steps and bounds months", () => {
    expect(monthKey({ year: 2024, month: 3 })).toBe("2024-03");
    expect(formatMonth({ year: 2024, month: 3 })).toBe("2024年3月");
    expect(monthOfDate("2024-03-08")).toEqual({ year: 2024, month: 3 });
    expect(addMonths({ year: 2024, month: 12 }, 1)).toEqual({ year: 2025, month: 1 });
    expect(addMonths({ year: 2024, month: 1 }, -1)).toEqual({ year: 2023, month: 12 });
    expect(addMonths({ year: 2024, month: 3 }, -15)).toEqual({ year: 2022, month: 12 });
    expect(monthRange({ year: 2024, month: 12 })).toEqual({ from: "2024-12-01", to: "2025-01-01" });
    expect(daysInMonth({ year: 2024, month: 2 })).toBe(29);
    expect(daysInMonth({ year: 2023, month: 2 })).toBe(28);
  });

  it("lays a month out in Sunday-first weeks", () => {
    // 2024-03-01 was a Friday.
    const weeks = monthCalendar({ year: 2024, month: 3 });
    expect(weeks).toHaveLength(6);
    expect(weeks[0]).toEqual([null, null, null, null, null, "2024-03-01", "2024-03-02"]);
    expect(weeks[5]).toEqual(["2024-03-31", null, null, null, null, null, null]);
    expect(weeks.flat().filter((d) => d !== null)).toHaveLength(31);
    // February 2015 starts on a Sunday and fills exactly four weeks.
    expect(monthCalendar({ year: 2015, month: 2 })).toHaveLength(4);
  });
});

describe("parseIssueLookup", () => {
  it("reads a date in the forms people type", () => {
    for (const input of ["2024-03-08", "2024-3-8", "2024/3/8", "2024.03.08", "2024年3月8日", " ２０２４-０３-０８ "]) {
      expect(parseIssueLookup({ date: input })).toEqual({ kind: "date", date: "2024-03-08" });
    }
    expect(parseIssueLookup({ date: "2024-02-30" })).toEqual({ kind: "badDate", input: "2024-02-30" });
    expect(parseIssueLookup({ date: "yesterday" }).kind).toBe("badDate");
  });

  it("reads an issue number with an optional year", () => {
    expect(parseIssueLookup({ no: "273" })).toEqual({ kind: "number", no: 273 });
    expect(parseIssueLookup({ no: "第27期", year: "2024" })).toEqual({ kind: "number", no: 27, year: 2024 });
    expect(parseIssueLookup({ no: "总第273期", year: "" })).toEqual({ kind: "number", no: 273 });
    expect(parseIssueLookup({ no: "0" }).kind).toBe("badNumber");
    expect(parseIssueLookup({ no: "27", year: "24" }).kind).toBe("badNumber");
  });

  it("prefers the date and ignores empty or repeated fields", () => {
    expect(parseIssueLookup({ date: "2024-03-08", no: "1" }).kind).toBe("date");
    expect(parseIssueLookup({ date: "", no: "" })).toEqual({ kind: "none" });
    expect(parseIssueLookup({ date: ["2024-03-08", "x"] })).toEqual({ kind: "none" });
    expect(parseIssueLookup({})).toEqual({ kind: "none" });
  });
});
