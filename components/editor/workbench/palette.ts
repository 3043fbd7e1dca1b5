/**
 * Article colours shared by the raw pane (background of the text an article owns)
 * and the editor (the article's left rule), so the eye can pair them. Written out in
 * full so Tailwind finds every class in the source.
 */
export const ARTICLE_TINTS = [
  "bg-sky-100",
  "bg-emerald-100",
  "bg-violet-100",
  "bg-rose-100",
  "bg-lime-100",
  "bg-cyan-100",
  "bg-fuchsia-100",
  "bg-indigo-100",
] as const;

export const ARTICLE_RULES = [
  "border-sky-400",
  "border-emerald-400",
  "border-violet-400",
  "border-rose-400",
  "border-lime-500",
  "border-cyan-400",
  "border-fuchsia-400",
  "border-indigo-400",
] as const;

export const TRAY_TINT = "bg-amber-200 underline decoration-amber-600 decoration-dotted";
export const BIN_TINT = "bg-stone-200 text-stone-500 line-through";

export function articleTint(index: number): string {
  return ARTICLE_TINTS[index % ARTICLE_TINTS.length] ?? "";
}

export function articleRule(index: number): string {
  return ARTICLE_RULES[index % ARTICLE_RULES.length] ?? "";
}

/** The same colours for an article's region on the printed page (SVG fill and outline). */
export const ARTICLE_REGIONS = [
  "fill-sky-400/15 stroke-sky-600",
  "fill-emerald-400/15 stroke-emerald-600",
  "fill-violet-400/15 stroke-violet-600",
  "fill-rose-400/15 stroke-rose-600",
  "fill-lime-400/15 stroke-lime-700",
  "fill-cyan-400/15 stroke-cyan-600",
  "fill-fuchsia-400/15 stroke-fuchsia-600",
  "fill-indigo-400/15 stroke-indigo-600",
] as const;

export function articleRegion(index: number): string {
  return ARTICLE_REGIONS[index % ARTICLE_REGIONS.length] ?? "";
}

export const TRAY_REGION = "fill-amber-400/30 stroke-amber-700";
export const BIN_REGION = "fill-stone-400/30 stroke-stone-600";
