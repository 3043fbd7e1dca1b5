"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: "/login" })}
      className="rounded px-2 py-1 text-sm hover:bg-stone-200"
    >
      {label}
    </button>
  );
}
