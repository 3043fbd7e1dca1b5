import { getTranslations } from "next-intl/server";
import type { PageHeadline } from "@/db/queries/public/pages";
import { displayTitle, printImagePath, printPdfPath } from "@/lib/public";
import type { PrintImage, PrintView } from "@/lib/public/print";
import { SiteLink } from "./site-link";

/**
 * The printed page (数字报): the page image with each published story's region as a plain
 * link over it (positioned in percent: no script), outlined on hover and on keyboard focus,
 * and outlined when an article's 原版 link leads here (#print-<id>, the :target). The picture
 * is sized to the screen: a phone loads the medium width, a wide screen the large one.
 */
export async function PrintedPage({
  date,
  pageNumber,
  pageLabel,
  print,
  headlines,
  hrefOf,
}: {
  date: string;
  pageNumber: number;
  pageLabel: string;
  print: PrintView;
  headlines: readonly PageHeadline[];
  hrefOf: (h: PageHeadline) => string;
}) {
  const t = await getTranslations("site");
  const image = (v: PrintImage["variant"]) => print.images.find((i) => i.variant === v);
  const medium = image("medium");
  const large = image("large");
  const byId = new Map(headlines.map((h) => [h.id, h]));
  const src = medium ?? large;
  if (!src) return null;
  const srcSet = [medium, large]
    .filter((i): i is PrintImage => i !== undefined)
    .map((i) => `${printImagePath(date, pageNumber, i.variant, i.sha256)} ${i.width}w`)
    .join(", ");
  return (
    <figure className="flex flex-col gap-2" aria-labelledby="print-caption">
      <div className="relative mx-auto w-full max-w-[720px] border border-stone-300 bg-white" style={{ aspectRatio: `${print.width} / ${print.height}` }}>
        {/* eslint-disable-next-line @next/next/no-img-element -- a plain <img> with srcset: no script, the reader's first screen */}
        <img
          src={printImagePath(date, pageNumber, src.variant, src.sha256)}
          srcSet={srcSet}
          sizes="(min-width: 760px) 720px, calc(100vw - 2rem)"
          width={src.width}
          height={src.height}
          alt={t("printAlt", { page: pageLabel })}
          fetchPriority="high"
          className="absolute inset-0 h-full w-full"
        />
        {print.regions.map((r) => {
          const h = byId.get(r.id);
          if (!h) return null;
          const title = displayTitle({ ...h, bodyText: h.opening });
          return (
            <div
              key={r.id}
              id={`print-${r.id}`}
              className="print-region pointer-events-none absolute scroll-mt-24"
              style={{ left: `${r.box.left}%`, top: `${r.box.top}%`, width: `${r.box.width}%`, height: `${r.box.height}%` }}
            >
              {r.rects.map((rect, i) => (
                <SiteLink
                  key={i}
                  href={hrefOf(h)}
                  // One link a story for assistive technology; the other pieces of its region are for the pointer.
                  {...(i === 0 ? { "aria-label": title } : { "aria-hidden": true, tabIndex: -1 })}
                  className="pointer-events-auto absolute block"
                  style={{ left: `${rect.left}%`, top: `${rect.top}%`, width: `${rect.width}%`, height: `${rect.height}%` }}
                />
              ))}
            </div>
          );
        })}
      </div>
      <figcaption id="print-caption" className="flex flex-wrap items-center justify-center gap-x-4 text-sm text-stone-700">
        <span>{t("printCaption", { page: pageLabel })}</span>
        <a href={printPdfPath(date, pageNumber)} className="underline hover:text-accent" download>
          {t("downloadPdf")}
        </a>
      </figcaption>
    </figure>
  );
}
