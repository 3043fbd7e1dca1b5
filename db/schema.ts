import { databaseEngine } from "../lib/env";
import * as pg from "./schema.pg";
import * as sqlite from "./schema.sqlite";

/*
 * The tables of the engine this process runs on (db/README.md), under the SQLite schema's types:
 * every query is written once against these, and a row reads as the same TypeScript value on
 * both engines (db/schema-parity.test.ts). The definitions are in schema.sqlite.ts and
 * schema.pg.ts; drizzle-kit reads those directly.
 */
const tables = (databaseEngine() === "postgres" ? pg : sqlite) as unknown as typeof sqlite;

export const {
  users,
  sections,
  auditLog,
  loginAttempts,
  sessions,
  pdfFiles,
  imports,
  importPages,
  importPageImages,
  importWork,
  importWorkRevisions,
  paperModels,
  issues,
  pages,
  articles,
  articleRevisions,
  pendingRevisions,
  articleApprovals,
  articleComments,
  articleLocks,
  articleViews,
  notifications,
  media,
  mediaFiles,
  articlePhotos,
  publicGeneration,
} = tables;

export type {
  ArticleSnapshot,
  RevisionChanges,
  CommentAnchor,
  User,
  Session,
  Import,
  PaperModel,
  Section,
  AuditEntry,
  ImportWork,
  Issue,
  Page,
  Article,
  PendingRevision,
  Notification,
  PdfFile,
  ImportPage,
  Media,
  MediaFile,
} from "./schema.sqlite";
