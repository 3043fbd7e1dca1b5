"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Notice } from "@/components/ui/notice";
import type { Notice as ReadingNotice } from "@/lib/ingest";

/**
 * What the import engine says about the text itself (lib/ingest/notices.ts), shown where
 * the editor decides: before creating the import, and over its workbench. An issue's text
 * is judged page by page, and the notice names the pages read across.
 */
export function ReadingNotices({ notices }: { notices: readonly ReadingNotice[] | undefined }) {
  const t = useTranslations("imports");
  const format = useFormatter();
  if (!notices?.length) return null;
  return (
    <div data-testid="import-notices" className="mb-2 flex flex-col gap-2">
      {notices.map((n) => (
        <Notice key={n.code} tone="warning">
          {n.pages
            ? t("noticeColumnsReadAcrossPages", { pages: format.list(n.pages.map(String)), count: n.pages.length, joined: format.number(n.joined, { style: "percent" }) })
            : t("noticeColumnsReadAcross", { joined: format.number(n.joined, { style: "percent" }) })}
        </Notice>
      ))}
    </div>
  );
}
