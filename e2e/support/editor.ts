import type { Page } from "@playwright/test";

/**
 * Selects characters `start`..`end` of the first occurrence of `text` in the article body editor,
 * as a person would with the mouse: to quote a passage in a comment, or to type over a few
 * characters (a correction).
 */
export async function selectInBody(page: Page, text: string, start = 0, end = text.length): Promise<void> {
  await page.getByRole("textbox", { name: "正文" }).evaluate(
    (el, { text, start, end }) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = n.textContent?.indexOf(text) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at + start);
        range.setEnd(n, at + end);
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      throw new Error(`no "${text}" in the body`);
    },
    { text, start, end },
  );
}
