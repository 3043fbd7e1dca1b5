import type { Role } from "@/lib/vocabulary";

/** What each role may reach. Admin has everything editors and reviewers have. */
export const CAPABILITIES = {
  manageUsers: ["admin"],
  manageSections: ["admin"],
  readAudit: ["admin"],
  importPages: ["admin", "editor"],
  editArticles: ["admin", "editor"],
  review: ["admin", "reviewer"],
  viewIssues: ["admin", "editor", "reviewer"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export function can(role: Role, capability: Capability): boolean {
  return (CAPABILITIES[capability] as readonly Role[]).includes(role);
}

export type NavItem = { key: string; href: string; capability: Capability };

/** The desk navigation, in order; each entry shows only to roles that have its capability. */
export const DESK_NAV: readonly NavItem[] = [
  { key: "imports", href: "/desk/imports", capability: "importPages" },
  { key: "issues", href: "/desk/issues", capability: "viewIssues" },
  { key: "myArticles", href: "/desk/articles", capability: "editArticles" },
  { key: "review", href: "/desk/review", capability: "review" },
  { key: "users", href: "/desk/admin/users", capability: "manageUsers" },
  { key: "sections", href: "/desk/admin/sections", capability: "manageSections" },
  { key: "audit", href: "/desk/admin/audit", capability: "readAudit" },
];

export function navFor(role: Role): NavItem[] {
  return DESK_NAV.filter((item) => can(role, item.capability));
}
