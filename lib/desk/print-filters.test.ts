import { describe, expect, it } from "vitest";
import { printFiltersFrom } from "./print-filters";

describe("printFiltersFrom", () => {
  it("reads an issue's date, a page and a section", () => {
    expect(printFiltersFrom({ issue: "2024-03-08", page: "2", section: "7" })).toEqual({ issueDate: "2024-03-08", pageNumber: 2, sectionId: 7 });
  });

  it("drops what is malformed instead of failing", () => {
    expect(printFiltersFrom({ issue: "2024-3-8", page: "two", section: "-1" })).toEqual({ issueDate: undefined, pageNumber: undefined, sectionId: undefined });
    expect(printFiltersFrom({ page: "1.5", section: "99999999999999999999" })).toEqual({ issueDate: undefined, pageNumber: undefined, sectionId: undefined });
    expect(printFiltersFrom({})).toEqual({ issueDate: undefined, pageNumber: undefined, sectionId: undefined });
  });
});
