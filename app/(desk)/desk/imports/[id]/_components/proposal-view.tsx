import { getTranslations } from "next-intl/server";
import type { Segmentation } from "@/lib/ingest";

/** The engine's proposal beside the raw text, read-only: what the editor will correct. */
export async function ProposalView({ seg }: { seg: Segmentation }) {
  const t = await getTranslations("imports");
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <section aria-labelledby="raw-text" className="rounded border border-stone-300 bg-white">
        <h2 id="raw-text" className="border-b border-stone-200 px-3 py-2 text-sm font-semibold">
          {t("raw")}
        </h2>
        <pre className="max-h-[70vh] overflow-auto whitespace-pre-wrap p-3 font-sans text-sm leading-relaxed">{seg.text}</pre>
      </section>
      <section aria-labelledby="proposal" className="flex flex-col gap-3">
        <h2 id="proposal" className="text-sm font-semibold">
          {t("proposedArticles")} ({seg.articles.length})
        </h2>
        {seg.articles.map((a, i) => (
          <article key={i} aria-label={a.title ?? t("untitled")} className="rounded border border-stone-300 bg-white p-3">
            {a.kicker ? <p className="text-sm text-stone-700">{a.kicker}</p> : null}
            <h3 className="font-serif text-lg font-bold">{a.title ?? t("untitled")}</h3>
            {a.subtitle ? <p className="text-sm text-stone-700">{a.subtitle}</p> : null}
            {a.byline ? <p className="mt-1 text-xs text-stone-600">{a.byline}</p> : null}
            <p className="mt-1 text-xs text-stone-600">
              {t("blockCount", { blocks: a.blocks.length })} · {t("confidence", { value: Math.round(a.confidence * 100) })}
              {a.jumpTo ? ` · ${t("jumpTo", { page: a.jumpTo })}` : ""}
            </p>
            {a.doubts.length ? (
              <ul className="mt-2 list-disc pl-5 text-xs text-amber-900">
                {a.doubts.map((d, j) => (
                  <li key={j}>{d.reason}</li>
                ))}
              </ul>
            ) : null}
          </article>
        ))}
        {seg.orphans.length ? (
          <div className="rounded border border-amber-500 bg-amber-50 p-3 text-sm">
            <h3 className="font-semibold">{t("orphans")}</h3>
            <ul className="list-disc pl-5">
              {seg.orphans.map((o, i) => (
                <li key={i}>
                  {o.text.slice(0, 60)}… <span className="text-stone-600">({o.reason})</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {seg.discarded.length ? (
          <div className="rounded border border-stone-300 bg-stone-100 p-3 text-sm">
            <h3 className="font-semibold">{t("discarded")}</h3>
            <ul className="list-disc pl-5">
              {seg.discarded.map((d, i) => (
                <li key={i}>
                  {d.text.slice(0, 60)} <span className="text-stone-600">({d.reason})</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
    </div>
  );
}
