"use client";

import { memo, useId, useMemo, useState, type MouseEvent } from "react";
import type { LayoutLine } from "@/lib/ingest/pdf/types";
import { lineAt, lineOwners, pageRegions, type RawTint } from "@/lib/workbench";
import type { MoveTarget } from "./commands";
import { fillLabel, type WorkbenchLabels } from "./labels";
import { articleRegion, BIN_REGION, TRAY_REGION } from "./palette";
import type { ArticleOption } from "./toolbar";

/** A PDF import's printed page as the workbench shows it. */
export type WorkbenchPage = {
  /** The page image (the large one: the pane may be wide, and it is zoomed into). */
  imageUrl: string;
  pdfUrl: string | null;
  /** The page in PDF points; lines are in the same units. */
  width: number;
  height: number;
  number: number | null;
  lines: LayoutLine[];
};

type PagePaneProps = {
  page: WorkbenchPage;
  tints: readonly RawTint[];
  labels: WorkbenchLabels;
  articles: readonly ArticleOption[];
  selectedBlockId: string | null;
  /** The article (by id) the pointer is over in the editor: its region is outlined here. */
  hoveredArticleId: string | null;
  readOnly: boolean;
  /** A click on a region: go to its block (or, with a target chosen, move it there first). */
  onPick: (pick: { blockId: string; rawOffset: number; moveTo: MoveTarget | null }) => void;
};

/**
 * The printed page with every article's region drawn over it (SVG in PDF points over the
 * image), in the article colours of the raw pane and the editor. A region follows the working
 * state: it is the lines of the text its blocks hold. Clicking a region goes to its block;
 * with "move to" set, the click moves that block there (reassigning the region). The editor's
 * keyboard commands do the same for keyboard users.
 */
export const PagePane = memo(function PagePane({ page, tints, labels, articles, selectedBlockId, hoveredArticleId, readOnly, onPick }: PagePaneProps) {
  const selectId = useId();
  const [moveTo, setMoveTo] = useState<string>("");
  const [hovered, setHovered] = useState<number | null>(null);
  const owners = useMemo(() => lineOwners(page.lines, tints), [page.lines, tints]);
  const regions = useMemo(() => pageRegions(page.lines, owners), [page.lines, owners]);
  const selectedRects = selectedBlockId ? (regions.blocks.get(selectedBlockId) ?? []) : [];
  const hoveredIndex = hovered ?? [...regions.articles].find(([, a]) => a.articleId === hoveredArticleId)?.[0] ?? null;

  const pointAt = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: ((event.clientX - box.left) / box.width) * page.width, y: ((event.clientY - box.top) / box.height) * page.height };
  };

  const onClick = (event: MouseEvent<SVGSVGElement>) => {
    const { x, y } = pointAt(event);
    const i = lineAt(page.lines, x, y);
    const owner = i >= 0 ? owners[i] : null;
    const line = i >= 0 ? page.lines[i] : undefined;
    if (!owner || !line) return;
    const target: MoveTarget | null = readOnly || moveTo === "" ? null : moveTo === "tray" || moveTo === "new" ? moveTo : Number(moveTo);
    onPick({ blockId: owner.blockId, rawOffset: line.start, moveTo: target });
  };

  const onMove = (event: MouseEvent<SVGSVGElement>) => {
    const { x, y } = pointAt(event);
    const i = lineAt(page.lines, x, y);
    const o = i >= 0 ? owners[i] : null;
    setHovered(o && o.owner.kind === "article" ? o.owner.index : null);
  };

  const rect = (r: { x: number; y: number; w: number; h: number }, key: string | number, className: string) => (
    <rect key={key} x={r.x - 1} y={r.y - 1} width={r.w + 2} height={r.h + 2} className={className} vectorEffect="non-scaling-stroke" />
  );

  return (
    <section aria-label={labels.page.region} className="flex min-h-0 min-w-0 flex-col" data-testid="page-pane">
      <div className="mb-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-stone-600">
        <span>{labels.page.hint}</span>
        {page.pdfUrl ? (
          <a href={page.pdfUrl} className="underline" target="_blank" rel="noopener">
            {labels.page.openPdf}
          </a>
        ) : null}
      </div>
      {readOnly ? null : (
        <div className="mb-1 flex items-center gap-1 text-sm">
          <label htmlFor={selectId} className="font-medium">
            {labels.page.reassign}
          </label>
          <select id={selectId} value={moveTo} onChange={(e) => setMoveTo(e.currentTarget.value)} className="rounded border border-stone-400 bg-white px-1 py-0.5 text-sm">
            <option value="">{labels.page.reassignOff}</option>
            {articles.map((a, i) => (
              <option key={i} value={String(i)}>
                {fillLabel(labels.article, { n: i + 1 })}
                {a.title ? ` · ${a.title}` : ""}
              </option>
            ))}
            <option value="new">{labels.moveToNewArticle}</option>
            <option value="tray">{labels.page.reassignTray}</option>
          </select>
        </div>
      )}
      <div className="max-h-[70vh] min-h-48 overflow-auto rounded border border-stone-300 bg-white lg:max-h-none lg:flex-1">
        <div className="relative w-full" style={{ aspectRatio: `${page.width} / ${page.height}` }}>
          {/* eslint-disable-next-line @next/next/no-img-element -- a stored page image, served by our own route */}
          <img src={page.imageUrl} alt={fillLabel(labels.page.alt, { n: page.number ?? "" })} className="absolute inset-0 h-full w-full" />
          <svg
            viewBox={`0 0 ${page.width} ${page.height}`}
            className={`absolute inset-0 h-full w-full ${moveTo !== "" ? "cursor-crosshair" : "cursor-pointer"}`}
            onClick={onClick}
            onMouseMove={onMove}
            onMouseLeave={() => setHovered(null)}
            data-testid="page-regions"
          >
            {[...regions.articles].map(([index, a]) => (
              <g key={a.articleId} data-article-index={index} data-region-of={a.articleId} className={`${articleRegion(index)} ${hoveredIndex === index ? "stroke-2" : "stroke-1"}`}>
                {a.rects.map((r, k) => rect(r, k, ""))}
              </g>
            ))}
            <g className={`${TRAY_REGION} stroke-1`} data-region="tray">
              {regions.tray.map((r, k) => rect(r, k, ""))}
            </g>
            <g className={`${BIN_REGION} stroke-1`} data-region="bin">
              {regions.bin.map((r, k) => rect(r, k, ""))}
            </g>
            <g className="fill-none stroke-sky-700 stroke-[3]" data-region="selected">
              {selectedRects.map((r, k) => rect(r, k, ""))}
            </g>
          </svg>
        </div>
      </div>
    </section>
  );
});
