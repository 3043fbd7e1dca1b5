import type { Role } from "@/lib/vocabulary";

/**
 * What each role may do, each capability named by what it allows. Admin has everything editors
 * and reviewers have. What a person may do to one article in its state is lib/workflow's call on
 * top of these (a reviewer may save an article in review, an editor a draft).
 */
export const CAPABILITIES = {
  manageUsers: ["admin"],
  manageSections: ["admin"],
  readAudit: ["admin"],
  /** Retrain a paper's own import model from its accepted imports. */
  trainPaperModels: ["admin"],
  importPages: ["admin", "editor"],
  /** Start an article from scratch. */
  writeArticles: ["admin", "editor"],
  /** Print order on a page and jump links (下转/上接) on the issue desk. */
  arrangePages: ["admin", "editor"],
  /** The review queue. */
  review: ["admin", "reviewer"],
  /** Publish a whole issue at once. */
  publishIssues: ["admin", "reviewer"],
  /** The issue desk: issues, their pages and what blocks them. */
  viewIssues: ["admin", "editor", "reviewer"],
  /** Open an article, its history and its comments; the list and search of all articles. */
  openArticles: ["admin", "editor", "reviewer"],
  /** Save, restore, lock, comment on and move an article through the workflow (as lib/workflow allows). */
  workOnArticles: ["admin", "editor", "reviewer"],
  /** The media library: upload photos, write their captions, credits and alt text, set focal points. */
  managePhotos: ["admin", "editor"],
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
  { key: "articles", href: "/desk/articles", capability: "openArticles" },
  { key: "media", href: "/desk/media", capability: "managePhotos" },
  { key: "review", href: "/desk/review", capability: "review" },
  { key: "users", href: "/desk/admin/users", capability: "manageUsers" },
  { key: "sections", href: "/desk/admin/sections", capability: "manageSections" },
  { key: "papers", href: "/desk/admin/papers", capability: "trainPaperModels" },
  { key: "audit", href: "/desk/admin/audit", capability: "readAudit" },
];

export function navFor(role: Role): NavItem[] {
  return DESK_NAV.filter((item) => can(role, item.capability));
}
