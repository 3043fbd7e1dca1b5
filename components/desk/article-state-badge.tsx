import { useTranslations } from "next-intl";
import type { ArticleState } from "@/lib/vocabulary";

const TONES: Record<ArticleState, string> = {
  draft: "bg-stone-200 text-stone-800",
  in_review: "bg-blue-100 text-blue-900",
  changes_requested: "bg-amber-100 text-amber-900",
  approved: "bg-green-100 text-green-900",
  scheduled: "bg-purple-100 text-purple-900",
  published: "bg-green-700 text-white",
  unpublished: "bg-red-100 text-red-900",
};

export function ArticleStateBadge({ state }: { state: ArticleState }) {
  const t = useTranslations("states");
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${TONES[state]}`}>{t(state)}</span>;
}
