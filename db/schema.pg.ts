/*
 * The schema on PostgreSQL (db/README.md): the same tables, columns, keys and indexes as
 * db/schema.sqlite.ts, in PostgreSQL's types, so that a row reads as the same TypeScript value on
 * both engines. db/schema-parity.test.ts holds the two in step; drizzle.pg.config.ts makes its
 * migrations (db/migrations-pg/). Written from the SQLite schema by the same rules each time:
 * timestamp_ms -> timestamp(3) with time zone, boolean mode -> boolean, json mode -> json (kept as
 * written, key order included), blob -> bytea, autoincrement -> identity.
 */
import { boolean, customType, doublePrecision, index, integer, json, pgTable, primaryKey, text, timestamp, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";
import type { ArticleBody } from "../lib/article-body/types";
import type { Span } from "../lib/ingest/types";
import type { WorkbenchDoc } from "../lib/workbench/types";
import type { ArticleSnapshot, CommentAnchor, RevisionChanges } from "./schema.sqlite";
// Relative, not "@/": drizzle-kit loads this file without the path aliases.
import {
  ARTICLE_LANGUAGES,
  ARTICLE_STATES,
  COMMENT_KINDS,
  IMPORT_STATUSES,
  PAGE_IMAGE_VARIANTS,
  PAGE_STATUSES,
  PDF_FILE_STATUSES,
  NOTIFICATION_KINDS,
  MEDIA_STATUSES,
  REVISION_KINDS,
  REVISION_STATES,
  ROLES,
  SESSION_END_REASONS,
  WORKING_STATE_REVISION_REASONS,
} from "../lib/vocabulary";
import { PHOTO_FORMATS } from "../lib/media/formats";
import { RENDITION_FORMATS } from "../lib/media/limits";

/** SQLite keeps milliseconds since the epoch; here the same instant, to the millisecond. */
const TIME = { precision: 3, withTimezone: true, mode: "date" } as const;

/** SQLite's blob: the raw bytes of an import, a Buffer on both engines. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

const timestamps = {
  createdAt: timestamp("created_at", TIME).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", TIME).notNull().defaultNow(),
};

export const users = pgTable("users", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  passwordHash: text("password_hash").notNull(),
  active: boolean("active").notNull().default(true),
  // Bumped on deactivation, role change and password reset: older sessions stop working.
  sessionVersion: integer("session_version").notNull().default(1),
  isDemo: boolean("is_demo").notNull().default(false),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

export const sections = pgTable("sections", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  // Shown instead of `name` when the interface is English; optional.
  nameEn: text("name_en"),
  position: integer("position").notNull().default(0),
  hidden: boolean("hidden").notNull().default(false),
  approvalsRequired: integer("approvals_required").notNull().default(1),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

export const auditLog = pgTable(
  "audit_log",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    actorId: integer("actor_id").references(() => users.id),
    actorEmail: text("actor_email"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    detail: json("detail").$type<Record<string, unknown>>(),
    ip: text("ip"),
    ...timestamps,
  },
  (t) => [
    index("audit_log_created_idx").on(t.createdAt),
    index("audit_log_actor_idx").on(t.actorId),
    index("audit_log_action_idx").on(t.action),
    // An article's timeline is its audit entries.
    index("audit_log_target_idx").on(t.targetType, t.targetId),
  ],
);

export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    email: text("email").notNull(),
    success: boolean("success").notNull(),
    ip: text("ip"),
    // The throttle's bucket (lib/auth/throttle.ts): `device:<id>` for a device known to the account, else `ip:<address>`.
    source: text("source").notNull().default("ip:unknown"),
    knownDevice: boolean("known_device").notNull().default(false),
    ...timestamps,
  },
  (t) => [index("login_attempts_email_idx").on(t.email, t.createdAt), index("login_attempts_created_idx").on(t.createdAt)],
);

/**
 * One row per sign-in. The session cookie (a JWT next-auth encrypts) names its row by a random id;
 * the server decides on every request whether it still lives (signed out, idle, past its absolute
 * limit: lib/auth/sessions.ts), so a copied cookie stops working the moment its session ends.
 */
export const sessions = pgTable(
  "sessions",
  {
    // SHA-256 of the id in the cookie: the database (or a backup of it) holds nothing a cookie could be made from.
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    // The last request the person made (renewed at most once a minute).
    lastSeenAt: timestamp("last_seen_at", TIME).notNull(),
    endedAt: timestamp("ended_at", TIME),
    endReason: text("end_reason", { enum: SESSION_END_REASONS }),
    ip: text("ip"),
    userAgent: text("user_agent"),
    ...timestamps,
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_created_idx").on(t.createdAt)],
);

/**
 * An uploaded print PDF (a page or a whole issue), kept exactly as received and never changed
 * (a trigger refuses updates). Each of its pages with text becomes an import; a PDF without a
 * text layer (a scan) is kept here with no imports, since OCR is not supported yet.
 */
export const pdfFiles = pgTable("pdf_files", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  bytes: bytea("bytes").notNull(),
  sha256: text("sha256").notNull(),
  fileName: text("file_name"),
  pageCount: integer("page_count").notNull(),
  // "pages": its pages became imports; "no_text": kept, nothing to import without OCR.
  status: text("status", { enum: PDF_FILE_STATUSES }).notNull(),
  createdById: integer("created_by_id")
    .notNull()
    .references(() => users.id),
  ...timestamps,
});

/**
 * One paste or upload of a page's (or an issue's) raw text. The bytes are kept
 * exactly as received and never changed; the engine's proposal and the editor's
 * working state are stored beside them.
 */
export const imports = pgTable(
  "imports",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    rawBytes: bytea("raw_bytes").notNull(),
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
    proposal: json("proposal").notNull().$type<unknown>(),
    supersedesId: integer("supersedes_id").references((): AnyPgColumn => imports.id),
    status: text("status", { enum: IMPORT_STATUSES }).notNull().default("open"),
    // An abandoned import is archived: hidden from the list, kept whole (the raw bytes never change).
    archivedAt: timestamp("archived_at", TIME),
    // Read from a PDF: the file and its page (1-based). The raw bytes are then the page's text as
    // read (UTF-8), what every span points into; the proposal carries the layout.
    pdfFileId: integer("pdf_file_id").references(() => pdfFiles.id),
    pdfPage: integer("pdf_page"),
    createdById: integer("created_by_id")
      .notNull()
      .references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("imports_issue_page_idx").on(t.issueDate, t.pageNumber)],
);

/**
 * The printed page of a PDF import: its size, the page alone as a PDF (when the upload held
 * several pages; else the file is the page) and its images for screens.
 */
export const importPages = pgTable("import_pages", {
  importId: integer("import_id")
    .primaryKey()
    .references(() => imports.id),
  // In PDF points.
  width: doublePrecision("width").notNull(),
  height: doublePrecision("height").notNull(),
  alone: bytea("alone"),
  ...timestamps,
});

/** A page image (WebP) of a PDF import, by variant (lib/pdf/render.ts). */
export const importPageImages = pgTable(
  "import_page_images",
  {
    importId: integer("import_id")
      .notNull()
      .references(() => imports.id),
    variant: text("variant", { enum: PAGE_IMAGE_VARIANTS }).notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    bytes: bytea("bytes").notNull(),
    sha256: text("sha256").notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.importId, t.variant] })],
);

/** The editor's working state of an import's segmentation (the workbench document). */
export const importWork = pgTable("import_work", {
  importId: integer("import_id")
    .primaryKey()
    .references(() => imports.id),
  doc: json("doc").notNull().$type<WorkbenchDoc>(),
  // Every save must name the version it started from; a mismatch is a stale save.
  version: integer("version").notNull().default(1),
  // False until a person saves: a re-run of the engine on an untouched import needs no warning.
  manual: boolean("manual").notNull().default(false),
  savedById: integer("saved_by_id").references(() => users.id),
  acceptedVersion: integer("accepted_version"),
  ...timestamps,
});

/** Earlier working states kept before they were replaced (re-running the engine, accepting). */
export const importWorkRevisions = pgTable(
  "import_work_revisions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    importId: integer("import_id")
      .notNull()
      .references(() => imports.id),
    version: integer("version").notNull(),
    reason: text("reason", { enum: WORKING_STATE_REVISION_REASONS }).notNull(),
    doc: json("doc").notNull().$type<WorkbenchDoc>(),
    savedById: integer("saved_by_id").references(() => users.id),
    ...timestamps,
  },
  (t) => [index("import_work_revisions_import_idx").on(t.importId)],
);

/**
 * A paper's own layer of the import engine's line labeller (lib/ingest/model), trained on
 * that paper's accepted imports on top of the lab model. One row per paper (the name the
 * editors confirm on imports); retraining replaces it.
 */
export const paperModels = pgTable("paper_models", {
  paper: text("paper").primaryKey(),
  // The layer as ModelJson (weights added to the lab model's); null when the last training
  // found that it read the paper's corrected pages no better than the lab model.
  model: json("model").$type<unknown>(),
  // How many accepted imports (pages) it was trained on.
  pages: integer("pages").notNull(),
  // Share of the corrected pages' lines read right, each page by a model trained without
  // it (leave one out): the lab model's and the paper's. Null with a single page.
  labAccuracy: doublePrecision("lab_accuracy"),
  paperAccuracy: doublePrecision("paper_accuracy"),
  trainedById: integer("trained_by_id").references(() => users.id),
  ...timestamps,
});

/** One printed issue of the paper (荣昌报 2024-03-08, 总第N期 第N期). */
export const issues = pgTable("issues", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  paper: text("paper").notNull(),
  date: text("date").notNull().unique(),
  issueNo: integer("issue_no"),
  totalIssueNo: integer("total_issue_no"),
  pageCount: integer("page_count"),
  weekday: text("weekday"),
  lunarDate: text("lunar_date"),
  publishedAt: timestamp("published_at", TIME),
  version: integer("version").notNull().default(1),
  ...timestamps,
});

/** A printed page (版) of an issue. */
export const pages = pgTable(
  "pages",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    issueId: integer("issue_id")
      .notNull()
      .references(() => issues.id),
    number: integer("number").notNull(),
    name: text("name"),
    // What the page is online: its articles, or why it has none here (vocabulary.ts).
    status: text("status", { enum: PAGE_STATUSES }).notNull().default("articles"),
    // The PDF import last accepted for this page: readers get its printed page (数字报).
    printImportId: integer("print_import_id").references((): AnyPgColumn => imports.id),
    ...timestamps,
  },
  (t) => [uniqueIndex("pages_issue_number_idx").on(t.issueId, t.number)],
);

export const articles = pgTable(
  "articles",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    state: text("state", { enum: ARTICLE_STATES }).notNull().default("draft"),
    issueId: integer("issue_id").references(() => issues.id),
    pageId: integer("page_id").references(() => pages.id),
    // Print order on its page.
    position: integer("position").notNull().default(0),
    sectionId: integer("section_id").references(() => sections.id),
    // A jump's later part (上接N版) points to the part it continues; readers see one article.
    continuesId: integer("continues_id").references((): AnyPgColumn => articles.id),
    importId: integer("import_id").references(() => imports.id),
    // The workbench article id, so accepting again updates the same article.
    importKey: text("import_key"),
    rawSpans: json("raw_spans").$type<Span[]>(),
    kicker: text("kicker"),
    title: text("title").notNull().default(""),
    subtitle: text("subtitle"),
    rubric: text("rubric"),
    byline: text("byline"),
    source: text("source"),
    reporters: json("reporters").notNull().default([]).$type<string[]>(),
    correspondents: json("correspondents").notNull().default([]).$type<string[]>(),
    photographers: json("photographers").notNull().default([]).$type<string[]>(),
    jumpToPage: integer("jump_to_page"),
    jumpFromPage: integer("jump_from_page"),
    body: json("body").notNull().$type<ArticleBody>(),
    // Rendered on the server from body at every save: search and previews never parse JSON.
    bodyText: text("body_text").notNull().default(""),
    charCount: integer("char_count").notNull().default(0),
    language: text("language", { enum: ARTICLE_LANGUAGES }).notNull().default("zh-CN"),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    lastEditedById: integer("last_edited_by_id").references(() => users.id),
    submittedAt: timestamp("submitted_at", TIME),
    // Who saved since the last submit: they may not approve this round.
    editorsSinceSubmit: json("editors_since_submit").notNull().default([]).$type<number[]>(),
    scheduledAt: timestamp("scheduled_at", TIME),
    publishedAt: timestamp("published_at", TIME),
    firstPublishedAt: timestamp("first_published_at", TIME),
    unpublishedAt: timestamp("unpublished_at", TIME),
    unpublishReason: text("unpublish_reason"),
    // The public 更正 note, shown while published.
    correction: text("correction"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("articles_page_idx").on(t.pageId, t.position),
    index("articles_issue_idx").on(t.issueId),
    index("articles_state_idx").on(t.state, t.publishedAt),
    // The desk's lists and search, newest change first: read in order without touching the rows
    // (updated_at sits after the body, so ordering by it otherwise reads every matching article whole).
    index("articles_updated_idx").on(t.updatedAt, t.id, t.state, t.sectionId, t.authorId),
    index("articles_section_idx").on(t.sectionId, t.publishedAt),
    // Jumped stories are read by following continuesId down from the head (public pages, search).
    index("articles_continues_idx").on(t.continuesId),
    uniqueIndex("articles_import_key_idx").on(t.importId, t.importKey),
  ],
);

/** Every save of an article is a revision: the full snapshot, so any two can be compared. */
export const articleRevisions = pgTable(
  "article_revisions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id),
    version: integer("version").notNull(),
    kind: text("kind", { enum: REVISION_KINDS }).notNull(),
    note: text("note"),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    snapshot: json("snapshot").notNull().$type<ArticleSnapshot>(),
    ...timestamps,
  },
  (t) => [uniqueIndex("article_revisions_version_idx").on(t.articleId, t.version)],
);


/**
 * The change being made to a published story (at most one per story). Readers, search and the
 * public page cache see only the articles row, which this never touches: a save here is invisible
 * until the revision is published (a small correction at once, anything more after the section's
 * review), when its changes are written to the article in one transaction (lib/workflow README).
 */
export const pendingRevisions = pgTable("pending_revisions", {
  articleId: integer("article_id")
    .primaryKey()
    .references(() => articles.id),
  state: text("state", { enum: REVISION_STATES }).notNull().default("draft"),
  // The article's columns as the revision sets them (headline fields, names, section, language, body…).
  changes: json("changes").notNull().$type<RevisionChanges>(),
  // Why the published story changes: required to publish; shown to readers as 更正 when the words change.
  reason: text("reason"),
  // The working version: every save and step of the revision takes it past the article's own (db/queries/pending-revisions.ts).
  version: integer("version").notNull(),
  // Who began it: like an article's author, they may not approve it.
  startedById: integer("started_by_id")
    .notNull()
    .references(() => users.id),
  lastEditedById: integer("last_edited_by_id").references(() => users.id),
  submittedAt: timestamp("submitted_at", TIME),
  editorsSinceSubmit: json("editors_since_submit").notNull().default([]).$type<number[]>(),
  ...timestamps,
});

/** Approvals of a review round (a round starts at submit; older rounds' rows stay for history). */
export const articleApprovals = pgTable(
  "article_approvals",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id),
    reviewerId: integer("reviewer_id")
      .notNull()
      .references(() => users.id),
    // The article's submittedAt when this approval was given.
    round: timestamp("round", TIME).notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("article_approvals_round_idx").on(t.articleId, t.round, t.reviewerId)],
);


export const articleComments = pgTable(
  "article_comments",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: COMMENT_KINDS }).notNull().default("comment"),
    body: text("body").notNull(),
    anchor: json("anchor").$type<CommentAnchor>(),
    resolvedAt: timestamp("resolved_at", TIME),
    resolvedById: integer("resolved_by_id").references(() => users.id),
    ...timestamps,
  },
  (t) => [index("article_comments_article_idx").on(t.articleId, t.createdAt)],
);

/** "Being edited by X since HH:MM": a soft lock that expires; the version check is the guarantee. */
export const articleLocks = pgTable("article_locks", {
  articleId: integer("article_id")
    .primaryKey()
    .references(() => articles.id),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id),
  expiresAt: timestamp("expires_at", TIME).notNull(),
  ...timestamps,
});

/** The version a reviewer last looked at, so the queue can show what changed since. */
export const articleViews = pgTable(
  "article_views",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id),
    version: integer("version").notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.userId, t.articleId] })],
);

/**
 * What happened to someone's story, or to a story waiting for them, told in the desk's bell
 * (lib/desk/notifications decides who hears of what). Written in the transaction of the change
 * it reports, so a notice never tells of a step that did not happen.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    recipientId: integer("recipient_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    // An accept that drops an untouched draft takes its notices with it.
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id, { onDelete: "cascade" }),
    // Null when the scheduler did it.
    actorId: integer("actor_id").references(() => users.id),
    // The comment sent back with, or the reason for unpublishing: shown in the list as written.
    note: text("note"),
    readAt: timestamp("read_at", TIME),
    // When it went out by e-mail (SMTP_URL set); null while waiting, and always without SMTP.
    emailedAt: timestamp("emailed_at", TIME),
    ...timestamps,
  },
  (t) => [
    index("notifications_recipient_idx").on(t.recipientId, t.readAt, t.createdAt),
    index("notifications_unsent_idx").on(t.emailedAt, t.createdAt),
  ],
);

/**
 * A photo in the media library. The original file is kept untouched in the media folder under its
 * SHA-256 (the archive); the sizes readers get are made from it by the processing job
 * (services/media/) and listed in media_files. Caption, credit and alt text are the library's;
 * an article's body holds the caption as printed with it (lib/article-body's photo node).
 */
export const media = pgTable(
  "media",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    // The original's SHA-256 (hex): its name in the archive, and how a second upload of the same file is recognised.
    sha256: text("sha256").notNull().unique(),
    format: text("format", { enum: PHOTO_FORMATS }).notNull(),
    fileName: text("file_name"),
    bytes: integer("bytes").notNull(),
    // Upright (after the camera's orientation tag is applied), as readers see it.
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    // When the photo was taken, from the camera's EXIF (DateTimeOriginal), when it says.
    takenAt: timestamp("taken_at", TIME),
    status: text("status", { enum: MEDIA_STATUSES }).notNull().default("processing"),
    failure: text("failure"),
    // The processing job's lease: until then one process is making the sizes; after it, any may take the job over.
    processingUntil: timestamp("processing_until", TIME),
    attempts: integer("attempts").notNull().default(0),
    caption: text("caption").notNull().default(""),
    // As printed ("记者 张三 摄"); photographers are the names read from it.
    credit: text("credit").notNull().default(""),
    photographers: json("photographers").notNull().default([]).$type<string[]>(),
    // Required before an article showing the photo is published.
    alt: text("alt").notNull().default(""),
    // Where the subject is (0..1 from the left, from the top): crops keep it in view.
    focalX: doublePrecision("focal_x").notNull().default(0.5),
    focalY: doublePrecision("focal_y").notNull().default(0.5),
    uploadedById: integer("uploaded_by_id")
      .notNull()
      .references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("media_created_idx").on(t.createdAt), index("media_status_idx").on(t.status)],
);

/** The files made of a photo for readers: each width in each format, without any metadata. */
export const mediaFiles = pgTable(
  "media_files",
  {
    // Its name on disk and in its URL: the first 32 hex digits of its own SHA-256, then the extension. Never changes.
    name: text("name").primaryKey(),
    mediaId: integer("media_id")
      .notNull()
      .references(() => media.id),
    format: text("format", { enum: RENDITION_FORMATS }).notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    bytes: integer("bytes").notNull(),
    ...timestamps,
  },
  (t) => [index("media_files_media_idx").on(t.mediaId)],
);

/**
 * An article's ordered set of photos, as its body places them (the lead photo first): written with
 * every save from the body, so "where is this photo used" and "may a reader have this file" are
 * indexed reads.
 */
export const articlePhotos = pgTable(
  "article_photos",
  {
    articleId: integer("article_id")
      .notNull()
      .references(() => articles.id),
    position: integer("position").notNull(),
    mediaId: integer("media_id")
      .notNull()
      .references(() => media.id),
    lead: boolean("lead").notNull().default(false),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.articleId, t.position] }), index("article_photos_media_idx").on(t.mediaId)],
);

/**
 * One row whose token triggers replace on every write that can change a public page: a published
 * (or formerly published) article, an issue, a page, a section. The public page cache keeps a
 * rendered page only while the token it was rendered under is current, so whichever process
 * writes (the app, the scheduler, a script, a restore), the very next request sees it.
 */
export const publicGeneration = pgTable("public_generation", {
  id: integer("id").primaryKey(),
  token: text("token").notNull(),
});

