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
