import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { afterAll, describe, expect, it } from "vitest";
import { anIssue, aUser } from "@/db/testing/builders";
import { getIssueByDate, listPagesWithArticles, setIssuePages } from "./issues";

afterAll(removeTemporaryDatabase);

const editor = await aUser({ role: "editor" });

describe("an issue's pages as the desk describes them", () => {
  it("sets the real page count, marks pages, and makes rows for marked pages nothing was imported to", async () => {
    const { issue } = await anIssue({ date: "2031-05-06", pages: [1, 4], pageCount: 2 });
    await setIssuePages({
      issueId: issue.id,
      pageCount: 4,
      statuses: new Map([
        [1, "articles"],
        [2, "ads_only"],
        [3, "articles"],
        [4, "skipped"],
      ] as const),
      actor: { id: editor.id, email: editor.email },
    });
    expect((await getIssueByDate({ date: "2031-05-06" }))?.pageCount).toBe(4);
    // Page 3 stays absent: unmarked, it is simply not there yet.
    expect((await listPagesWithArticles({ issueId: issue.id })).map((p) => [p.number, p.status])).toEqual([
      [1, "articles"],
      [2, "ads_only"],
      [4, "skipped"],
    ]);
  });
});
