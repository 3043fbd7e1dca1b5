import type { HeadlineFields } from "@/lib/ingest/types";
import type { ArticleLanguage } from "@/lib/vocabulary";

// The stored article as this form needs it (a stored title is "" when there is none).
type Article = Omit<HeadlineFields, "title"> & { title: string; sectionId: number | null; language: ArticleLanguage };

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
