import type { Role } from "@/lib/vocabulary";

/** Demo-only accounts: the README lists them and the desk warns while any is active. */
export const DEMO_PASSWORD = "folio-demo";

export const DEMO_USERS: readonly { email: string; name: string; role: Role }[] = [
  { email: "admin@folio.local", name: "王主任", role: "admin" },
  { email: "editor@folio.local", name: "李编辑", role: "editor" },
  { email: "editor2@folio.local", name: "张编辑", role: "editor" },
  { email: "reviewer@folio.local", name: "陈审核", role: "reviewer" },
  { email: "reviewer2@folio.local", name: "刘审核", role: "reviewer" },
];
