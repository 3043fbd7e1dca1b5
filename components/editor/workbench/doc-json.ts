import type { JSONContent } from "@tiptap/core";
import type { ArticleNode, BlockNode, WorkbenchDoc } from "@/lib/workbench";

/**
 * The editor's JSON as the plain WorkbenchDoc the server stores. Drops `origin` and
 * `mediaId` when they are empty (the server's schema is strict), and the empty
 * `content` arrays ProseMirror never writes but hand-built JSON might.
 */
export function toWorkbenchDoc(json: JSONContent): WorkbenchDoc {
  const content = (json.content ?? []).map((container) => {
    const blocks = (container.content ?? []).map((block): BlockNode => {
      const { origin, mediaId, ...rest } = (block.attrs ?? {}) as BlockNode["attrs"];
      const attrs = { ...rest, ...(origin ? { origin } : {}), ...(mediaId ? { mediaId } : {}) };
      const text = (block.content ?? []).filter((t) => typeof t.text === "string" && t.text.length > 0).map((t) => ({ type: "text" as const, text: t.text as string }));
      return text.length > 0 ? { type: "block", attrs, content: text } : { type: "block", attrs };
    });
    if (container.type === "article") {
      const attrs = (container.attrs ?? {}) as ArticleNode["attrs"];
      return { type: "article" as const, attrs: { id: attrs.id, doubt: attrs.doubt ?? null }, content: blocks };
    }
    const type = container.type === "bin" ? ("bin" as const) : ("tray" as const);
    return blocks.length > 0 ? { type, content: blocks } : { type };
  });
  return { type: "doc", content };
}
