"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { IDLE } from "@/lib/action-state";
import { moveArticleAction } from "../actions";

/**
 * ↑ and ↓ for an article's print order: one form, two submit buttons, so the pair always sits
 * together at the same place in every row. The answer goes below them (a refusal visibly; a
 * success only to screen readers, the list itself shows the new order), never between them.
 * At either end of the page the missing direction keeps its space, so columns line up.
 */
export function MoveButtons({ articleId, first, last, upName, downName }: { articleId: number; first: boolean; last: boolean; upName: string; downName: string }) {
  const [state, action, pending] = useActionState(moveArticleAction, IDLE);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="articleId" value={articleId} />
      <div className="flex gap-1">
        <Button type="submit" name="direction" value="up" variant="secondary" disabled={pending} aria-label={upName} className={first ? "invisible" : ""}>
          ↑
        </Button>
        <Button type="submit" name="direction" value="down" variant="secondary" disabled={pending} aria-label={downName} className={last ? "invisible" : ""}>
          ↓
        </Button>
      </div>
      <p role={state.ok ? "status" : "alert"} className={state.ok || !state.message ? "sr-only" : "text-xs text-red-800"}>
        {state.message ?? ""}
      </p>
    </form>
  );
}
