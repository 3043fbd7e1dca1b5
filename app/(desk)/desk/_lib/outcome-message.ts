import "server-only";
import type { getTranslations } from "next-intl/server";
import type { WriteOutcome } from "@/db/queries/article-workflow";

type Translate = Awaited<ReturnType<typeof getTranslations>>;

/** Why a save or a workflow step on an article did not happen, in the person's language: one wording for the editor and the bulk report. */
export function refusedOutcomeMessage(outcome: Exclude<WriteOutcome, { ok: true }>, t: Translate): string {
  if (outcome.reason === "not_found") return t("errors.not_found");
  if (outcome.reason === "stale") {
    return t("articles.stale", { name: outcome.stale.savedByName ?? "?", time: outcome.stale.savedAt.toISOString().slice(11, 16) });
  }
  const key = `workflow.refusals.${outcome.refusal.code}`;
  return t.has(key) ? t(key, outcome.refusal.params) : outcome.refusal.message;
}
