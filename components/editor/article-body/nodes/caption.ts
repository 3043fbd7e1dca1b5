import { Node, mergeAttributes } from "@tiptap/core";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    caption: {
      /** Turns the current paragraph into a photo caption, or back into a paragraph. */
      toggleCaption: () => ReturnType;
    };
  }
}

/** A photo caption as printed; the photo itself is placed in layout, not in the body. */
export const Caption = Node.create({
  name: "caption",
  group: "block",
  content: "inline*",
  defining: true,

  parseHTML() {
    // Above the paragraph rule (priority 50), which would otherwise claim every <p>.
    return [{ tag: "p.caption", priority: 60 }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["p", mergeAttributes(HTMLAttributes, { class: "caption" }), 0];
  },

  addCommands() {
    return {
      toggleCaption:
        () =>
        ({ commands }) =>
          commands.toggleNode(this.name, "paragraph"),
    };
  },
});
