"use client";

import { signOut } from "next-auth/react";
import { useSyncExternalStore } from "react";

const subscribeNothing = () => () => {};

export function SignOutButton({ label }: { label: string }) {
  // Signing out is a script (next-auth fetches its CSRF token, then posts): rendered by the
  // server, the button is disabled until the page is hydrated, so an early click is not
  // silently lost (it once was, on a loaded machine).
  const hydrated = useSyncExternalStore(subscribeNothing, () => true, () => false);
  return (
    <button
      type="button"
      disabled={!hydrated}
      onClick={() => void signOut({ callbackUrl: "/login" })}
      className="rounded px-2 py-1 text-sm hover:bg-stone-200 disabled:opacity-60"
    >
      {label}
    </button>
  );
}
