import type { ReactNode } from "react";

/** A status message that screen readers announce when it appears. */
export function Notice({ tone, children }: { tone: "success" | "error" | "warning"; children: ReactNode }) {
  const styles = {
    success: "border-green-700 bg-green-50 text-green-900",
    error: "border-red-700 bg-red-50 text-red-900",
    warning: "border-amber-600 bg-amber-50 text-amber-900",
  }[tone];
  return (
    <p role={tone === "error" ? "alert" : "status"} className={`rounded border px-3 py-2 text-sm ${styles}`}>
      {children}
    </p>
  );
}
