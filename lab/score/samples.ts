import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../config";
import type { ArticleFields } from "./metrics";

/**
 * The two real sample pages (db/demo, copies of ../shared/samples) with their
 * hand-made expected files, as truth the scorer can read: the front page (Markdown-like)
 * lists every article; the feature page is one article whose body opens with its lead.
 */
export type Sample = { name: string; file: string; truth: ArticleFields[] };

const DEMO = path.join(REPO_ROOT, "db/demo");

type FrontExpected = {
  articles: { kicker: string | null; title: string; subtitle: string | null; byline: string | null; bodyStarts: string }[];
};
type FeatureExpected = {
  article: { kicker: string | null; title: string; subtitle: string | null; byline: string; lead?: { starts: string }; sections?: { starts: string }[] };
};

export function readSamples(dir = DEMO): Sample[] {
  const json = <T>(name: string) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as T;
  const front = json<FrontExpected>("rongchang-2024-03-08-p1.expected.json");
  const feature = json<FeatureExpected>("rongchang-feature-page.expected.json").article;
  return [
    {
      name: "rongchang-2024-03-08-p1.md",
      file: path.join(dir, "rongchang-2024-03-08-p1.md"),
      truth: front.articles.map((a) => ({ kicker: a.kicker, title: a.title, subtitle: a.subtitle, byline: a.byline, body: a.bodyStarts })),
    },
    {
      name: "rongchang-feature-page.txt",
      file: path.join(dir, "rongchang-feature-page.txt"),
      truth: [{ kicker: feature.kicker, title: feature.title, subtitle: feature.subtitle, byline: feature.byline, body: feature.lead?.starts ?? feature.sections?.[0]?.starts ?? "" }],
    },
  ];
}
