import { describe, expect, it } from "vitest";
import { EMPTY_MASTHEAD, prefillMasthead, type MastheadValues } from "./imports";

describe("the masthead read from a text or file", () => {
  const read: MastheadValues = { ...EMPTY_MASTHEAD, paper: "荣昌报", issueDate: "2024-03-08", pageNumber: "1" };

  it("fills every field the editor has not typed into", () => {
    expect(prefillMasthead({ ...EMPTY_MASTHEAD, pageName: "要闻" }, read, new Set())).toEqual(read);
  });

  it("leaves what the editor typed, even where the page prints something else or nothing", () => {
    const current = { ...EMPTY_MASTHEAD, issueDate: "2024-02-25", pageName: "要闻" };
    expect(prefillMasthead(current, read, new Set(["issueDate", "pageName"] as const))).toEqual({ ...read, issueDate: "2024-02-25", pageName: "要闻" });
    expect(prefillMasthead(current, EMPTY_MASTHEAD, new Set(["issueDate"] as const)).issueDate).toBe("2024-02-25");
  });
});
