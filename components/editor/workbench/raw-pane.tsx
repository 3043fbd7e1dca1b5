"use client";

import { memo, type MouseEvent, type Ref } from "react";
import type { RawTint } from "@/lib/workbench";
import { fillLabel, type WorkbenchLabels } from "./labels";
import { articleTint, BIN_TINT, TRAY_TINT } from "./palette";

export type RawPick = { blockId: string; rawOffset: number };

type RawPaneProps = {
  rawText: string;
  tints: readonly RawTint[];
  labels: WorkbenchLabels;
  onPick: (pick: RawPick) => void;
  /** The scrolling element; the workbench scrolls and outlines runs in it imperatively. */
  scrollRef: Ref<HTMLDivElement>;
};

function runClass(t: RawTint): string {
  switch (t.owner.kind) {
    case "article":
      return `${articleTint(t.owner.index)} cursor-pointer`;
    case "tray":
      return `${TRAY_TINT} cursor-pointer`;
    case "bin":
      return `${BIN_TINT} cursor-pointer`;
    default:
      return "";
  }
}

function runTitle(t: RawTint, labels: WorkbenchLabels): string | undefined {
  switch (t.owner.kind) {
    case "article":
      return fillLabel(labels.article, { n: t.owner.index + 1 });
    case "tray":
      return labels.tray;
    case "bin":
      return labels.bin;
    default:
      return undefined;
  }
}

/**
 * The raw text, each run tinted by its owner. Memoised on `tints`: typing in a block
 * leaves the spans (and so the tints array, which the workbench keeps when equal)
 * unchanged, and this pane does not re-render. Outlining the selected block's runs is
 * done by the workbench on the DOM, for the same reason.
 */
export const RawPane = memo(function RawPane({ rawText, tints, labels, onPick, scrollRef }: RawPaneProps) {
  const onClick = (event: MouseEvent<HTMLElement>) => {
    const target = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-block]") : null;
    const blockId = target?.dataset.block;
    if (!target || !blockId) return;
    const selection = window.getSelection();
    // Selecting text to copy it is not a click on a block.
    if (selection && !selection.isCollapsed) return;
    const start = Number(target.dataset.start ?? 0);
    const inRun = selection?.anchorNode && target.contains(selection.anchorNode) ? selection.anchorOffset : 0;
    onPick({ blockId, rawOffset: start + inRun });
  };

  return (
    <section aria-label={labels.rawRegion} className="flex min-h-0 min-w-0 flex-col">
      <div className="mb-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-stone-600">
        <span>{labels.rawHint}</span>
        <span className={`rounded px-1 ${TRAY_TINT}`}>{labels.legend.tray}</span>
        <span className={`rounded px-1 ${BIN_TINT}`}>{labels.legend.bin}</span>
        <span className="rounded border border-stone-300 px-1">{labels.legend.none}</span>
      </div>
      <div
        ref={scrollRef}
        tabIndex={0}
        className="max-h-[50vh] min-h-48 overflow-auto rounded border border-stone-300 bg-white p-3 focus-visible:outline-2 focus-visible:outline-sky-600 lg:max-h-none lg:flex-1"
      >
        {/* A click handler on the text for mouse users; keyboard users place blocks in the editor.
            A div, not a <pre>: the HTML parser drops a newline right after <pre>, so a raw text
            starting with one came out of the server one character short and React refused to
            hydrate it (error #418); whitespace-pre-wrap keeps every space and line break. */}
        <div onClick={onClick} data-testid="raw-text" className="font-serif text-sm leading-relaxed whitespace-pre-wrap break-words">
          {tints.map((t) =>
            t.blockId === null ? (
              rawText.slice(t.start, t.end)
            ) : (
              <span
                key={t.start}
                data-block={t.blockId}
                data-start={t.start}
                title={runTitle(t, labels)}
                className={`${runClass(t)} data-selected:outline-2 data-selected:outline-offset-1 data-selected:outline-sky-600`}
              >
                {rawText.slice(t.start, t.end)}
              </span>
            ),
          )}
        </div>
      </div>
    </section>
  );
});
