import { describe, expect, it } from "vitest";
import { headlineKey, isJumpHead, isUnlinkedJumpPart, suggestJumpLinks } from "./jumps";

describe("suggestJumpLinks", () => {
  const heads = [
    { id: 1, title: "荣昌区召开河长制工作会议", page: 1, jumpToPage: 2 },
    { id: 2, title: "春耕备耕忙", page: 1, jumpToPage: 2 },
    { id: 3, title: "没有转版的稿件", page: 1, jumpToPage: null },
  ];

  it("links a part to the head with the same title, ignoring punctuation", () => {
    const parts = [{ id: 10, title: "荣昌区召开河长制工作会议！", page: 2, jumpFromPage: 1 }];
    expect(suggestJumpLinks(heads, parts)).toEqual([{ partId: 10, headId: 1, sure: true }]);
  });

  it("accepts a shortened repeated title", () => {
    const parts = [{ id: 11, title: "河长制工作会议", page: 2, jumpFromPage: 1 }];
    expect(suggestJumpLinks(heads, parts)).toEqual([{ partId: 11, headId: 1, sure: true }]);
  });

  it("offers nothing sure when two heads point to the page and no title matches", () => {
    const parts = [{ id: 12, title: "完全不同", page: 2, jumpFromPage: 1 }];
    expect(suggestJumpLinks(heads, parts)).toEqual([]);
  });

  it("suggests the only head pointing to the part's page, marked unsure", () => {
    const parts = [{ id: 13, title: "完全不同", page: 3, jumpFromPage: 1 }];
    const one = [{ id: 4, title: "另一篇", page: 1, jumpToPage: 3 }];
    expect(suggestJumpLinks(one, parts)).toEqual([{ partId: 13, headId: 4, sure: false }]);
  });

  it("ignores heads on other pages", () => {
    const parts = [{ id: 14, title: "春耕备耕忙", page: 2, jumpFromPage: 3 }];
    expect(suggestJumpLinks(heads, parts)).toEqual([]);
  });

  it("normalizes width and case", () => {
    expect(headlineKey("ＡＢＣ，河长制")).toBe("abc河长制");
  });
});

describe("open jumps", () => {
  it("a part is unlinked until it continues a story; a head says where it goes on and continues nothing", () => {
    expect(isUnlinkedJumpPart({ jumpToPage: null, jumpFromPage: 1, continuesId: null })).toBe(true);
    expect(isUnlinkedJumpPart({ jumpToPage: null, jumpFromPage: 1, continuesId: 7 })).toBe(false);
    expect(isUnlinkedJumpPart({ jumpToPage: 2, jumpFromPage: null, continuesId: null })).toBe(false);
    expect(isJumpHead({ jumpToPage: 2, jumpFromPage: null, continuesId: null })).toBe(true);
    expect(isJumpHead({ jumpToPage: 3, jumpFromPage: 1, continuesId: 7 })).toBe(false);
  });
});
