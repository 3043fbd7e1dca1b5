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

/**
 * better-sqlite3 throws SqliteError with code SQLITE_BUSY (or an extended SQLITE_BUSY_*) when
 * the write lock stays taken past busy_timeout; drizzle wraps it in DrizzleQueryError as `cause`.
 */
export function isDatabaseBusy(e: unknown): boolean {
  let current: unknown = e;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("SQLITE_BUSY")) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * The expected failure an error stands for, or null for a real bug. A busy database is
 * expected (a backup, a migration or a script holds the lock): the transaction was rolled
 * back, so the person is asked to retry rather than shown "unexpected".
 */
export function expectedError(e: unknown): AppError | null {
  if (isAppError(e)) return e;
  if (isDatabaseBusy(e)) {
    console.warn("database busy:", e instanceof Error ? e.message : String(e));
    return new AppError("busy");
  }
  return null;
}
