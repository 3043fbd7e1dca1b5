import { describe, expect, it } from "vitest";
import { attachCaptionToPhoto, photosOfBody, withLeadPhoto } from "./photos";
import type { ArticleBody } from "./types";
import { parseArticleBody } from "./validate";

const para = (text: string) => ({ type: "paragraph" as const, content: [{ type: "text" as const, text }] });
const caption = (text: string) => ({ type: "caption" as const, content: [{ type: "text" as const, text }] });
const body = (...content: ArticleBody["content"]): ArticleBody => ({ type: "doc", content });
const valid = (b: ArticleBody | null) => {
  const r = parseArticleBody(b);
  if (!r.ok) throw new Error(r.message);
  return r.body;
};

describe("photos in a body", () => {
  it("attaches a caption block to a photo, keeping every character of the caption", () => {
    const before = body(para("正文。"), caption("「归园陶居」安富普陀村水涵养地项目"), para("结尾。"));
    const after = valid(attachCaptionToPhoto(before, " 「归园陶居」安富普陀村水涵养地项目 ", 4));
    expect(after.content[1]).toEqual({ type: "photo", attrs: { mediaId: 4, lead: false }, content: [{ type: "text", text: "「归园陶居」安富普陀村水涵养地项目" }] });
    expect(attachCaptionToPhoto(before, "没有这段说明", 4)).toBeNull();
  });

  it("makes a placed photo the lead, or adds one, keeping the former lead as an ordinary photo", () => {
    const attached = valid(attachCaptionToPhoto(body(para("正文。"), caption("图为项目全景")), "图为项目全景", 4));
    const lead = valid(withLeadPhoto(attached, 4));
    expect(photosOfBody(lead)).toEqual([{ mediaId: 4, lead: true }]);
    expect(lead.content.map((b) => b.type)).toEqual(["photo", "paragraph"]);
    const another = valid(withLeadPhoto(lead, 9, "新头图"));
    expect(photosOfBody(another)).toEqual([
      { mediaId: 9, lead: true },
      { mediaId: 4, lead: false },
    ]);
    expect(valid(withLeadPhoto(body(), 2, "")).content).toEqual([{ type: "photo", attrs: { mediaId: 2, lead: true } }]);
  });
});
