import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { REALISTIC_BODY } from "@/lib/article-body/test-fixtures";
import { bodyCharCount } from "@/lib/article-body/text";
import { ARTICLE_BODY_EDITOR_LABELS, ArticleBodyEditor } from "./article-body-editor";

/*
 * Server render only (there is no DOM here): with immediatelyRender: false the editor
 * itself mounts in the browser, so this checks the toolbar and count the page first shows.
 */
describe("ArticleBodyEditor on the server", () => {
  const html = renderToStaticMarkup(
    createElement(ArticleBodyEditor, {
      initialContent: REALISTIC_BODY,
      onChange: () => {},
      label: "正文",
      labels: { bold: "Bold", charCount: "Characters: {count}" },
    }),
  );

  it("renders a named toolbar with one button per tool, translated where given", () => {
    expect(html).toContain('role="toolbar" aria-label="正文格式"');
    const buttons = [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]);
    expect(buttons).toEqual([
      "Bold",
      ...["italic", "heading2", "heading3", "lead", "caption", "quote", "bulletList", "orderedList", "link", "undo", "redo"].map(
        (key) => ARTICLE_BODY_EDITOR_LABELS[key as keyof typeof ARTICLE_BODY_EDITOR_LABELS],
      ),
    ]);
    expect(html.match(/aria-pressed="false"/g)).toHaveLength(10);
    expect(html.match(/aria-disabled="true"/g)).toHaveLength(12);
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
  });

  it("shows the character count of the stored body before the editor mounts", () => {
    expect(html).toContain(`Characters: ${bodyCharCount(REALISTIC_BODY)}`);
  });
});
