import { sql } from "drizzle-orm";
import { blob, index, integer, sqliteTable, text, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

export const ROLES = ["admin", "editor", "reviewer"] as const;
export type Role = (typeof ROLES)[number];

const timestamps = {
  createdAt: integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
};

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  passwordHash: text("password_hash").notNull(),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  // Bumped on deactivation, role change and password reset: older sessions stop working.
  sessionVersion: integer("session_version").notNull().default(1),
  isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

export const sections = sqliteTable("sections", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  position: integer("position").notNull().default(0),
  hidden: integer("hidden", { mode: "boolean" }).notNull().default(false),
  approvalsRequired: integer("approvals_required").notNull().default(1),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: integer("actor_id").references(() => users.id),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
    ip: text("ip"),
    ...timestamps,
  },
  (t) => [
    index("audit_log_created_idx").on(t.createdAt),
    index("audit_log_actor_idx").on(t.actorId),
    index("audit_log_action_idx").on(t.action),
  ],
);

export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    success: integer("success", { mode: "boolean" }).notNull(),
    ip: text("ip"),
    ...timestamps,
  },
  (t) => [index("login_attempts_email_idx").on(t.email, t.createdAt)],
);

export const IMPORT_STATUSES = ["open", "accepted"] as const;

/**
 * One paste or upload of a page's (or an issue's) raw text. The bytes are kept
 * exactly as received and never changed; the engine's proposal and the editor's
 * working state are stored beside them.
 */
export const imports = sqliteTable(
  "imports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    rawBytes: blob("raw_bytes", { mode: "buffer" }).notNull(),
    rawSha256: text("raw_sha256").notNull(),
    fileName: text("file_name"),
    encoding: text("encoding").notNull(),
    format: text("format").notNull(),
    // The masthead as the editor confirmed it (prefilled from the engine).
    paper: text("paper"),
    issueDate: text("issue_date"),
    totalIssueNo: integer("total_issue_no"),
    issueNo: integer("issue_no"),
    pageCount: integer("page_count"),
    pageNumber: integer("page_number"),
    pageName: text("page_name"),
    articleCount: integer("article_count").notNull(),
    // The engine's Segmentation JSON at import time (text, spans, doubts).
    proposal: text("proposal", { mode: "json" }).notNull().$type<unknown>(),
    supersedesId: integer("supersedes_id").references((): AnySQLiteColumn => imports.id),
    status: text("status", { enum: IMPORT_STATUSES }).notNull().default("open"),
    createdById: integer("created_by_id")
      .notNull()
      .references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("imports_issue_page_idx").on(t.issueDate, t.pageNumber)],
);

export type User = typeof users.$inferSelect;
export type Import = typeof imports.$inferSelect;
export type Section = typeof sections.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
