export * from "./types";
export { mapTextToRaw, splitSpansAt, joinSpans, spanLength } from "./spans";
export { fromSegmentation, textContent, ARTICLE_DOUBT_BELOW } from "./from-segmentation";
export { workbenchStatus, rawTints, type RawTint, type TintOwner } from "./status";
export { acceptedArticles } from "./accept";
export { workbenchDocSchema, parseWorkbenchDoc, WORKBENCH_LIMITS, BLOCK_DOUBT_KINDS } from "./validate";
export { blockText, articlesOf, trayBlocks, binBlocks, visibleChars, confirmDoubts } from "./doc";
export { lineOwners, pageRegions, lineAt, type LineOwner, type PageRegions } from "./page-regions";
export { withPrintedPhotos } from "./printed-photos";
