import { describe, expect, it } from "vitest";
import { checkIssueReadiness } from "@/lib/workflow";
import { readinessInput } from "./issue-readiness-input";

const base = { sectionId: 1, state: "approved" as const, jumpToPage: null, jumpFromPage: null, continuesId: null, photosNotReady: false };

describe("readinessInput", () => {
  it("treats a linked jump as resolved and an unlinked part as not", () => {
    const pages = [
      { number: 1, articles: [{ ...base, id: 1, title: "头", jumpToPage: 2 }] },
      { number: 2, articles: [{ ...base, id: 2, title: "续", jumpFromPage: 1, continuesId: 1 }] },
    ];
    expect(checkIssueReadiness(readinessInput(pages, 2))).toEqual([]);
    const unlinked = [pages[0]!, { number: 2, articles: [{ ...pages[1]!.articles[0]!, continuesId: null }] }];
    expect(checkIssueReadiness(readinessInput(unlinked, 2)).map((b) => [b.code, "articleId" in b ? b.articleId : null])).toEqual([
      ["jump_unresolved", 1],
      ["jump_unresolved", 2],
    ]);
  });

  it("takes a jump to or from a page marked as not online as resolved: there is nothing to link", () => {
    const pages = [
      { number: 1, articles: [{ ...base, id: 1, title: "头", jumpToPage: 2 }] },
      { number: 2, status: "not_digitised" as const, articles: [] },
      { number: 3, articles: [{ ...base, id: 3, title: "续", jumpFromPage: 4 }] },
      { number: 4, status: "ads_only" as const, articles: [] },
    ];
    expect(checkIssueReadiness(readinessInput(pages, 4))).toEqual([]);
    const online = pages.map((p) => ({ ...p, status: "articles" as const }));
    expect(checkIssueReadiness(readinessInput(online, 4)).map((b) => b.code)).toContain("jump_unresolved");
  });

  it("reports a draft as not approved", () => {
    const pages = [{ number: 1, articles: [{ ...base, id: 3, title: "稿", state: "draft" as const }] }];
    expect(checkIssueReadiness(readinessInput(pages, 1)).map((b) => b.code)).toEqual(["article_not_approved"]);
  });

  it("reports a story whose photos are not ready for readers, unless it is out already", () => {
    const pages = [
      {
        number: 1,
        articles: [
          { ...base, id: 4, title: "缺替代文字", photosNotReady: true },
          { ...base, id: 5, title: "已发布", state: "published" as const, photosNotReady: true },
        ],
      },
    ];
    expect(checkIssueReadiness(readinessInput(pages, 1))).toEqual([{ code: "article_photos_not_ready", page: 1, articleId: 4 }]);
  });
});
