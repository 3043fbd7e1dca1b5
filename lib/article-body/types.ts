/**
 * An article body as stored: Tiptap JSON limited to what a newspaper article uses.
 * The server validates every body against this allow-list before storing it and
 * renders public HTML and search text from it; HTML from a client is never stored.
 *
 *   doc        := (paragraph | heading | lead | caption | photo | blockquote | bulletList | orderedList)*
 *   paragraph  := inline*
 *   heading    := inline*        attrs { level: 2 | 3 }   (subheads; the title is not in the body)
 *   lead       := paragraph+                             (导语 / lead box)
 *   caption    := inline*                                (photo caption as printed, no photo attached)
 *   photo      := inline*        attrs { mediaId, lead }  (a photo of the media library with its caption as printed;
 *                                                         the lead photo, at most one, is the body's first block)
 *   blockquote := paragraph+
 *   bulletList | orderedList := listItem+
 *   listItem   := paragraph+
 *   inline     := text (marks: bold, italic, link{ href }) | hardBreak
 */
export type BodyMark = { type: "bold" } | { type: "italic" } | { type: "link"; attrs: { href: string } };

export type BodyText = { type: "text"; text: string; marks?: BodyMark[] };
export type BodyHardBreak = { type: "hardBreak" };
export type BodyInline = BodyText | BodyHardBreak;

export type BodyParagraph = { type: "paragraph"; content?: BodyInline[] };
export type BodyHeading = { type: "heading"; attrs: { level: 2 | 3 }; content?: BodyInline[] };
export type BodyLead = { type: "lead"; content: BodyParagraph[] };
export type BodyCaption = { type: "caption"; content?: BodyInline[] };
export type BodyPhoto = { type: "photo"; attrs: { mediaId: number; lead: boolean }; content?: BodyInline[] };
export type BodyBlockquote = { type: "blockquote"; content: BodyParagraph[] };
export type BodyListItem = { type: "listItem"; content: BodyParagraph[] };
export type BodyList = { type: "bulletList" | "orderedList"; content: BodyListItem[] };

export type BodyBlock = BodyParagraph | BodyHeading | BodyLead | BodyCaption | BodyPhoto | BodyBlockquote | BodyList;

export type ArticleBody = { type: "doc"; content: BodyBlock[] };
