import { describe, expect, it } from "vitest";
import { isoDateInZone } from "./dates";
import { pageLinks, pageOffset, totalPages } from "./pagination";

const render = (links: ReturnType<typeof pageLinks>) =>
  links.map((l) => (l.kind === "gap" ? "…" : l.current ? `[${l.page}]` : String(l.page))).join(" ");

describe("pagination", () => {
  it("counts pages and offsets", () => {
    expect(totalPages(0, 20)).toBe(1);
    expect(totalPages(20, 20)).toBe(1);
    expect(totalPages(21, 20)).toBe(2);
    expect(pageOffset(1, 20)).toBe(0);
    expect(pageOffset(3, 20)).toBe(40);
    expect(() => totalPages(5, 0)).toThrow(RangeError);
  });

  it("shows the ends, the neighbourhood and gaps", () => {
    expect(render(pageLinks(1, 1))).toBe("[1]");
    expect(render(pageLinks(1, 3))).toBe("[1] 2 3");
    expect(render(pageLinks(6, 20))).toBe("1 … 4 5 [6] 7 8 … 20");
    expect(render(pageLinks(1, 20))).toBe("[1] 2 3 … 20");
    expect(render(pageLinks(20, 20))).toBe("1 … 18 19 [20]");
    // A gap of one page is shown as that page, not as "…".
    expect(render(pageLinks(4, 7))).toBe("1 2 3 [4] 5 6 7");
  });
});

describe("isoDateInZone", () => {
  it("gives the day in Beijing time", () => {
    expect(isoDateInZone(new Date("2024-03-07T17:00:00Z"))).toBe("2024-03-08");
    expect(isoDateInZone(new Date("2024-03-07T15:59:59Z"))).toBe("2024-03-07");
    expect(isoDateInZone(new Date("2024-03-07T17:00:00Z"), "UTC")).toBe("2024-03-07");
  });
});
