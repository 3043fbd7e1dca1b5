import type { Article } from "@/db/schema";

/** An article's headline fields as the editor form holds them (names joined by spaces, blanks as ""). */
export function articleFormFields(article: Article) {
  return {
    kicker: article.kicker ?? "",
    title: article.title,
    subtitle: article.subtitle ?? "",
    rubric: article.rubric ?? "",
    byline: article.byline ?? "",
    source: article.source ?? "",
    reporters: article.reporters.join(" "),
    correspondents: article.correspondents.join(" "),
    photographers: article.photographers.join(" "),
    sectionId: article.sectionId ? String(article.sectionId) : "",
    language: article.language,
  };
}
