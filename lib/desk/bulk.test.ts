import { describe, expect, it } from "vitest";
import { bulkActionsFor, bulkItemValue, parseBulkItems } from "./bulk";

describe("bulkActionsFor", () => {
  it("offers each role what the workflow ever lets it do", () => {
    expect(bulkActionsFor("editor")).toEqual(["submit", "set_section"]);
    expect(bulkActionsFor("reviewer")).toEqual(["approve", "publish", "request_changes", "set_section"]);
    expect(bulkActionsFor("admin")).toEqual(["submit", "approve", "publish", "request_changes", "set_section"]);
  });
});

describe("parseBulkItems", () => {
  it("reads id:version pairs, drops junk and repeats", () => {
    expect(parseBulkItems(["12:3", "12:4", "x", "0:1", "5:0", "7:2", " 8:1", "9:1:1", bulkItemValue({ id: 40, version: 9 })])).toEqual([
      { id: 12, version: 3 },
      { id: 7, version: 2 },
      { id: 40, version: 9 },
    ]);
  });
});
