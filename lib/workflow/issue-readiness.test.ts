import { describe, expect, it } from "vitest";
import { checkIssueReadiness, type IssueArticle } from "./issue-readiness";

const story = (id: number, over: Partial<IssueArticle> = {}): IssueArticle => ({
  id,
  title: `标题${id}`,
  sectionId: 1,
  state: "approved",
  jumpTo: null,
  jumpResolved: false,
  photosReady: true,
  ...over,
});

describe("checkIssueReadiness", () => {
  it("is ready when every page has complete, approved stories", () => {
    const pages = [
      { number: 1, articles: [story(1), story(2, { state: "scheduled" })] },
      { number: 2, articles: [story(3, { state: "published", jumpTo: 3, jumpResolved: true })] },
      { number: 3, articles: [story(3, { state: "published" })] },
    ];
    expect(checkIssueReadiness({ pages, pageCount: 3 })).toEqual([]);
  });

  it("reports missing and empty pages", () => {
    const pages = [
      { number: 1, articles: [story(1)] },
      { number: 3, articles: [] },
    ];
    expect(checkIssueReadiness({ pages, pageCount: 4 })).toEqual([
      { code: "page_missing", page: 2 },
      { code: "page_empty", page: 3 },
      { code: "page_missing", page: 4 },
    ]);
  });

  it("takes a page the desk marked (not digitised, ads only, skipped) as complete without articles", () => {
    const pages = [
      { number: 1, articles: [story(1)] },
      { number: 2, status: "ads_only" as const, articles: [] },
      { number: 3, status: "not_digitised" as const, articles: [] },
      { number: 4, status: "skipped" as const, articles: [story(4, { state: "draft" })] },
    ];
    // A marked page's own articles still count: a draft there still blocks.
    expect(checkIssueReadiness({ pages, pageCount: 4 })).toEqual([{ code: "article_not_approved", page: 4, articleId: 4 }]);
    expect(checkIssueReadiness({ pages: [...pages, { number: 5, status: "articles" as const, articles: [] }], pageCount: 5 })).toContainEqual({
      code: "page_empty",
      page: 5,
    });
  });

  it("reports each article fault with its page", () => {
    const pages = [
      {
        number: 1,
        articles: [
          story(1, { title: null }),
          story(2, { title: " \u3000\u200B\u2060" }),
          story(3, { sectionId: null }),
          story(4, { state: "in_review" }),
          story(5, { state: "unpublished" }),
          story(6, { jumpTo: 2, jumpResolved: false }),
          story(8, { photosReady: false }),
          story(10, { state: "published", photosReady: false }),
        ],
      },
      { number: 2, articles: [story(7, { state: "draft", title: "" })] },
    ];
    expect(checkIssueReadiness({ pages, pageCount: 2 })).toEqual([
      { code: "article_no_title", page: 1, articleId: 1 },
      { code: "article_no_title", page: 1, articleId: 2 },
      { code: "article_no_section", page: 1, articleId: 3 },
      { code: "article_not_approved", page: 1, articleId: 4 },
      { code: "article_not_approved", page: 1, articleId: 5 },
      { code: "jump_unresolved", page: 1, articleId: 6 },
      { code: "article_photos_not_ready", page: 1, articleId: 8 },
      { code: "article_no_title", page: 2, articleId: 7 },
      { code: "article_not_approved", page: 2, articleId: 7 },
    ]);
  });

  it("reports a continued story's own faults once, where it starts", () => {
    const pages = [
      { number: 1, articles: [story(9, { state: "draft", jumpTo: 4, jumpResolved: true })] },
      { number: 4, articles: [story(9, { state: "draft" })] },
    ];
    expect(checkIssueReadiness({ pages, pageCount: 4 })).toEqual([
      { code: "article_not_approved", page: 1, articleId: 9 },
      { code: "page_missing", page: 2 },
      { code: "page_missing", page: 3 },
    ]);
  });

  it("treats two entries for the same page number as one page", () => {
    const pages = [
      { number: 1, articles: [] },
      { number: 1, articles: [story(1)] },
    ];
    expect(checkIssueReadiness({ pages, pageCount: 1 })).toEqual([]);
  });

  it("an issue without pages is not ready", () => {
    expect(checkIssueReadiness({ pages: [], pageCount: 1 })).toEqual([{ code: "page_missing", page: 1 }]);
    expect(checkIssueReadiness({ pages: [], pageCount: 0 })).toEqual([{ code: "page_missing", page: 1 }]);
  });

  it("still checks pages beyond the stated page count", () => {
    const pages = [
      { number: 1, articles: [story(1)] },
      { number: 3, articles: [story(2, { sectionId: null })] },
    ];
    expect(checkIssueReadiness({ pages, pageCount: 1 })).toEqual([
      { code: "page_missing", page: 2 },
      { code: "article_no_section", page: 3, articleId: 2 },
    ]);
  });
});
