"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DiffView } from "./diff-view";
import type { AutosaveStatus } from "./use-autosave";
import type { Difference } from "./use-versioned-edit";

/**
 * Shown while a save is refused because someone saved a newer version: who and when, that
 * nothing was lost (`kept`, in the screen's words), and the four ways on. Renders nothing
 * otherwise.
 */
export function StaleSaveNotice({
  edit,
  kept,
}: {
  edit: {
    status: AutosaveStatus;
    stale: {
      difference: Difference | null;
      showDifference: () => Promise<void>;
      copyMine: () => Promise<void>;
      loadTheirs: () => Promise<unknown>;
      keepMine: () => Promise<void>;
    };
  };
  kept: string;
}) {
  const t = useTranslations("versioned");
  const format = useFormatter();
  const { status, stale } = edit;
  if (status.kind !== "stale") return null;
  return (
    <div role="alert" className="space-y-2 rounded border border-red-700 bg-red-50 p-3 text-sm text-red-900">
      <p>
        {t("stale", {
          name: status.savedByName ?? "?",
          time: format.dateTime(new Date(status.savedAt), { timeStyle: "medium" }),
          version: status.version,
        })}{" "}
        {kept}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => void stale.showDifference()}>
          {t("showDifference")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => void stale.copyMine()}>
          {t("copyMine")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => void stale.loadTheirs()}>
          {t("loadTheirs")}
        </Button>
        <Button type="button" variant="danger" onClick={() => void stale.keepMine()}>
          {t("keepMine")}
        </Button>
      </div>
      {stale.difference ? (
        // A whole page's segmentation is long: the choices above stay in reach.
        <div className="max-h-[60vh] overflow-auto">
          <DiffView before={stale.difference.theirs} after={stale.difference.mine} labels={{ before: t("theirs"), after: t("mine") }} />
        </div>
      ) : null}
    </div>
  );
}
