import { Fragment } from "react";
import { getLocale } from "next-intl/server";
import { mastheadLine, type PublicIssue } from "@/lib/public";

/**
 * The nameplate and dateline as the paper prints them: 荣昌报, then
 * 2024年3月8日 星期五 农历甲辰年正月廿八 总第273期 第27期 今日4版.
 * The weekday and lunar date are computed from the date. This is the page's h1.
 * With `onlinePages` fewer than printed, it says how many are on the site.
 */
export async function Masthead({ issue, onlinePages }: { issue: PublicIssue; onlinePages?: number }) {
  const pieces = mastheadLine(issue, { locale: await getLocale(), onlinePages });
  return (
    <header className="border-b-4 border-double border-ink pb-3 text-center">
      <h1 className="font-serif text-4xl font-bold tracking-widest text-accent sm:text-5xl">{issue.paper}</h1>
      <p className="mt-2 flex flex-wrap justify-center gap-x-3 gap-y-1 text-sm text-stone-700">
        {/* The flex gap only spaces the pieces on screen; the spaces keep them apart as text
            (copying, reader modes, search engines, no CSS), and a flex container does not render them. */}
        {pieces.map((p, i) => (
          <Fragment key={p.key}>
            {i > 0 ? " " : null}
            <span>{p.text}</span>
          </Fragment>
        ))}
      </p>
    </header>
  );
}
