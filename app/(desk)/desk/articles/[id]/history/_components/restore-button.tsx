"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { restoreRevisionAction } from "../../actions";

export function RestoreButton({ articleId, version, baseVersion }: { articleId: number; version: number; baseVersion: number }) {
  const t = useTranslations("history");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        type="button"
        variant="secondary"
        aria-label={t("restoreVersion", { version })}
        onClick={async () => {
          const result = await restoreRevisionAction({ articleId, version, baseVersion });
          if (result.ok) router.refresh();
          else setError(result.message);
        }}
      >
        {t("restore")}
      </Button>
      {error ? <Notice tone="error">{error}</Notice> : null}
    </span>
  );
}
