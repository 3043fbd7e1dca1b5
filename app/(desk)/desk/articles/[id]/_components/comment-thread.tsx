"use client";

import { useActionState, useEffect, useState } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { IDLE } from "@/lib/action-state";
import { addCommentAction, resolveCommentAction } from "../actions";
import { cutToChars } from "@/lib/text-length";

type Comment = {
  id: number;
  kind: "comment" | "changes_requested";
  body: string;
  anchor: { from: number; to: number; quote: string } | null;
  resolved: boolean;
  createdAt: string;
  authorName: string;
};

/** The article's discussion; a comment may quote the passage it is about (select text in the body first). */
export function CommentThread({ articleId, comments }: { articleId: number; comments: Comment[] }) {
  const t = useTranslations("comments");
  const format = useFormatter();
  const [state, action, pending] = useActionState(addCommentAction, IDLE);
  const [, resolve] = useActionState(resolveCommentAction, IDLE);
  // The passage last selected in the body: typing the comment moves focus away, so remember it.
  const [quote, setQuote] = useState("");
  useEffect(() => {
    const onSelect = () => {
      const sel = window.getSelection();
      const text = sel?.toString().trim() ?? "";
      const node = sel?.anchorNode;
      const inBody = node ? (node instanceof Element ? node : node.parentElement)?.closest(".ProseMirror") : null;
      if (text && inBody) setQuote(cutToChars(text, 500));
    };
    document.addEventListener("selectionchange", onSelect);
    return () => document.removeEventListener("selectionchange", onSelect);
  }, []);
  return (
    <section aria-labelledby="comments">
      <h2 id="comments" className="mb-2 text-lg font-semibold">
        {t("title")}
      </h2>
      <ol className="mb-3 space-y-2">
        {comments.map((c) => (
          <li key={c.id} className={`rounded border p-2 text-sm ${c.resolved ? "border-stone-200 text-stone-500" : c.kind === "changes_requested" ? "border-amber-600 bg-amber-50" : "border-stone-300 bg-white"}`}>
            <p className="text-xs text-stone-600">
              {c.authorName} · {format.dateTime(new Date(c.createdAt), { dateStyle: "short", timeStyle: "short" })}
              {c.kind === "changes_requested" ? ` · ${t("changesRequested")}` : ""}
              {c.resolved ? ` · ${t("resolvedLabel")}` : ""}
            </p>
            {c.anchor ? <blockquote className="my-1 border-l-4 border-stone-300 pl-2 text-stone-600">{c.anchor.quote}</blockquote> : null}
            <p className="whitespace-pre-wrap">{c.body}</p>
            {!c.resolved ? (
              <form action={resolve}>
                <input type="hidden" name="articleId" value={articleId} />
                <input type="hidden" name="commentId" value={c.id} />
                <Button type="submit" variant="ghost" className="px-0">
                  {t("resolve")}
                </Button>
              </form>
            ) : null}
          </li>
        ))}
      </ol>
      <form action={action} className="flex flex-col gap-2" onSubmit={() => setTimeout(() => setQuote(""), 0)}>
        <input type="hidden" name="articleId" value={articleId} />
        <input type="hidden" name="quote" value={quote} />
        {quote ? (
          <p className="flex items-start gap-2 text-sm">
            <span className="text-stone-600">{t("quoting")}</span>
            <q className="flex-1 text-stone-800">{quote}</q>
            <button type="button" className="underline" onClick={() => setQuote("")}>
              {t("noQuote")}
            </button>
          </p>
        ) : null}
        <label htmlFor="comment-body" className="text-sm font-medium">
          {t("new")}
        </label>
        <textarea id="comment-body" name="body" required className="min-h-20 rounded border border-stone-400 px-2 py-1 text-sm" defaultValue={state.values?.body ?? ""} />
        <p className="text-xs text-stone-600">{t("anchorHint")}</p>
        <Button type="submit" disabled={pending} className="self-start">
          {t("add")}
        </Button>
        {state.message || state.fieldErrors ? <Notice tone={state.ok ? "success" : "error"}>{state.message ?? Object.values(state.fieldErrors ?? {}).join(" ")}</Notice> : null}
      </form>
    </section>
  );
}
