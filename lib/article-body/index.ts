export type * from "./types";
export {
  MAX_BODY_BYTES,
  MAX_BODY_DEPTH,
  MAX_BODY_PHOTOS,
  MAX_HREF_LENGTH,
  hrefProblem,
  isAllowedHref,
  parseArticleBody,
  parseArticleBodyJson,
} from "./validate";
export type { ParseArticleBodyResult } from "./validate";
export { escapeHtml, renderBodyHtml, renderPictureHtml } from "./render";
export type { RenderOptions } from "./render";
export { bodyCharCount, bodyPlainText, countChars, textToBody } from "./text";
export { diffTexts, revisionLabels, revisionText } from "./diff";
export type { DiffPart, RevisionFields, RevisionLabels, RevisionTextOptions, Translate } from "./diff";
