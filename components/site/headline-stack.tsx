import type { ReactNode } from "react";

type Level = "h1" | "h2" | "h3";

/**
 * A headline as printed: 引题 (kicker) small above, 主题 (title) large, 副题
 * (subtitle) below, grouped in <hgroup> so the kicker and subtitle belong to
 * the heading without being headings themselves.
 */
export function HeadlineStack({
  as: Heading,
  kicker,
  title,
  subtitle,
  size = "md",
}: {
  as: Level;
  kicker: ReactNode;
  title: ReactNode;
  subtitle: ReactNode;
  size?: "lg" | "md" | "sm";
}) {
  const titleClass = {
    lg: "font-serif text-3xl font-bold leading-tight sm:text-4xl",
    md: "font-serif text-2xl font-bold leading-snug",
    sm: "font-serif text-lg font-bold leading-snug",
  }[size];
  return (
    <hgroup>
      {kicker ? <p className="text-sm text-stone-600">{kicker}</p> : null}
      <Heading className={titleClass}>{title}</Heading>
      {subtitle ? <p className={size === "sm" ? "text-sm text-stone-700" : "mt-1 text-lg text-stone-700"}>{subtitle}</p> : null}
    </hgroup>
  );
}
