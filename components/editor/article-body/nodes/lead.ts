import { Node, mergeAttributes } from "@tiptap/core";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    lead: {
      /** Wraps the selected paragraphs in a lead box (导语), or takes them out of it. */
      toggleLead: () => ReturnType;
    };
  }
}

/** The lead box: one or more paragraphs printed apart from the running text. */
export const Lead = Node.create({
  name: "lead",
  group: "block",
  content: "paragraph+",
  // Pasting into an empty lead keeps the box instead of replacing it.
  defining: true,

  parseHTML() {
    return [{ tag: "div.lead" }];
  },

  renderHTML({ HTMLAttributes }) {
    return ["div", mergeAttributes(HTMLAttributes, { class: "lead" }), 0];
  },

  addCommands() {
    return {
      toggleLead:
        () =>
        ({ commands }) =>
          commands.toggleWrap(this.name),
    };
  },
});
