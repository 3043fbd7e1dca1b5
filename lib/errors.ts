/** One error type for expected failures; its code maps to an HTTP status and a user message. */
export type AppErrorCode = "unauthenticated" | "forbidden" | "not_found" | "conflict" | "invalid" | "too_large" | "busy";

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid: 400,
  too_large: 413,
  // Another process held the database longer than busy_timeout: nothing was written, retrying is safe.
  busy: 503,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message?: string,
  ) {
    super(message ?? code);
    this.name = "AppError";
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/*
 * "The database is busy, retry": the operation waited too long for another's lock or for a
 * connection, or was chosen to give way, and nothing was written.
 * - SQLite: better-sqlite3's SqliteError with code SQLITE_BUSY (or an extended SQLITE_BUSY_*) when
 *   the write lock stays taken past busy_timeout.
 * - PostgreSQL (node-postgres's error, its SQLSTATE as `code`): a serialization failure or deadlock
 *   still there after the retries (40001, 40P01), a lock held past lock_timeout (55P03, set to
 *   DB_BUSY_TIMEOUT_MS), a cancelled statement (57014), too many connections (53300), a server
 *   starting or shutting down (57P01-57P03), any connection exception (class 08); the server not
 *   reachable (ECONNREFUSED, ECONNRESET, ETIMEDOUT); no pooled connection free within
 *   DB_BUSY_TIMEOUT_MS (node-postgres's pool says so in words only).
 * drizzle wraps the driver's error in DrizzleQueryError as `cause`.
 */
const POSTGRES_BUSY = new Set(["40001", "40P01", "55P03", "57014", "53300", "57P01", "57P02", "57P03"]);
const NETWORK_BUSY = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT"]);
const POOL_TIMEOUT = /^timeout exceeded when trying to connect$|^Connection terminated due to connection timeout$/;

export function isDatabaseBusy(e: unknown): boolean {
  let current: unknown = e;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    // Node's own "aborted" (ECONNRESET too) is the browser going away while its request's body was
    // read (a page left or reloaded mid-autosave): nobody to ask to retry, and not the database.
    if (code === "ECONNRESET" && message === "aborted") return false;
    if (typeof code === "string") {
      if (code.startsWith("SQLITE_BUSY") || POSTGRES_BUSY.has(code) || /^08[0-9A-Z]{3}$/.test(code) || NETWORK_BUSY.has(code)) return true;
    }
    if (typeof message === "string" && POOL_TIMEOUT.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** An error and its causes in one line, each with its code: what an operator needs to tell a lock wait from a full pool. */
function causeChain(e: unknown): string {
  const parts: string[] = [];
  let current: unknown = e;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { code, message } = current as { code?: unknown; message?: unknown };
    parts.push(`${typeof code === "string" ? `[${code}] ` : ""}${typeof message === "string" ? message.split("\n")[0] : String(current)}`);
    current = (current as { cause?: unknown }).cause;
  }
  return parts.length > 0 ? parts.join(" <- ") : String(e);
}

/**
 * The expected failure an error stands for, or null for a real bug. A busy database is
 * expected (a backup, a migration or a script holds the lock): the transaction was rolled
 * back, so the person is asked to retry rather than shown "unexpected".
 */
export function expectedError(e: unknown): AppError | null {
  if (isAppError(e)) return e;
  if (isDatabaseBusy(e)) {
    console.warn("database busy:", causeChain(e));
    return new AppError("busy");
  }
  return null;
}
