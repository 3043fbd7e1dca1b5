import type { Extensions, JSONContent } from "@tiptap/core";
import { Blockquote } from "@tiptap/extension-blockquote";
import { Link } from "@tiptap/extension-link";
import { ListItem, OrderedList } from "@tiptap/extension-list";
import { StarterKit } from "@tiptap/starter-kit";
import type { ArticleBody } from "@/lib/article-body/types";
import { isAllowedHref } from "@/lib/article-body/validate";
import { Caption } from "./nodes/caption";
import { Lead } from "./nodes/lead";
import { Photo } from "./nodes/photo";

/*
 * The editor's schema is the body contract (lib/article-body/types.ts), so editor.getJSON()
 * passes parseArticleBody as it is. Where a stock extension allows more than the contract,
 * it is narrowed here rather than cleaned up after the fact:
 *   - blockquote and listItem hold paragraphs only (stock: any block, so nested lists),
 *     and Tab no longer tries to nest a list item;
 *   - orderedList has no start/type attributes and link has only href (stock JSON would
 *     carry start, type, target, rel, class and title, which the server refuses).
 * lib/article-body/editor-schema.test.ts checks the result headlessly.
 */

const BodyBlockquote = Blockquote.extend({ content: "paragraph+" });

const BodyListItem = ListItem.extend({
  content: "paragraph+",
  addKeyboardShortcuts() {
    // Stock Tab nests the item in a sub-list, which the contract has no room for (and
    // ProseMirror throws trying). Without it Tab leaves the editor, as it does elsewhere.
    return {
      Enter: () => this.editor.commands.splitListItem(this.name),
      "Shift-Tab": () => this.editor.commands.liftListItem(this.name),
    };
  },
});

const BodyOrderedList = OrderedList.extend({
  addAttributes() {
    return {};
  },
});

const hasScheme = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url);

const BodyLink = Link.extend({
  addAttributes() {
    return {
      href: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute("href"),
      },
    };
  },
}).configure({
  autolink: false,
  openOnClick: false,
  protocols: [],
  defaultProtocol: "https",
  // rel is for the editing view only: it is not stored, and the public renderer sets its own.
  HTMLAttributes: { rel: "noopener nofollow", target: null, class: null },
  // The same rule the server applies, for links set by command, parsed from pasted HTML or
  // found in pasted text; anything else stays plain text instead of failing the save.
  isAllowedUri: (url) => isAllowedHref(url),
  // Pasting a bare "www.example.cn" over a selection links it as https://.
  shouldAutoLink: (url) => isAllowedHref(hasScheme(url) ? url : `https://${url}`),
});

export const articleBodyExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    blockquote: false,
    listItem: false,
    orderedList: false,
    link: false,
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    // It would append an empty paragraph after every trailing list or box.
    trailingNode: false,
  }),
  BodyBlockquote,
  BodyListItem,
  BodyOrderedList,
  BodyLink,
  Lead,
  Caption,
  Photo,
];

/** Editor content for a stored body: the editor's document needs at least one block. */
export function toEditorContent(body: ArticleBody): JSONContent {
  return body.content.length > 0 ? body : { type: "doc", content: [{ type: "paragraph" }] };
}
