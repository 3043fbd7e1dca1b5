import type { MediaStatus } from "@/lib/vocabulary";

/** A photo's state where the desk lists it: processing or failed, and a missing alt text. */
export function PhotoBadges({ status, alt, labels }: { status: MediaStatus; alt: string; labels: { status: string; noAlt: string } }) {
  return (
    <span className="flex flex-wrap gap-1 text-xs">
      {status !== "ready" ? (
        <span className={`rounded px-1.5 py-0.5 ${status === "failed" ? "bg-red-100 text-red-900" : "bg-sky-100 text-sky-900"}`}>{labels.status}</span>
      ) : null}
      {alt.trim() === "" ? <span className="rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">{labels.noAlt}</span> : null}
    </span>
  );
}
