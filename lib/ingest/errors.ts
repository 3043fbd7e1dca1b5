import type { ErrorCode } from "./types";

/** Refusal of an input. `message` is shown to editors as is, so keep it plain. */
export class IngestError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = "IngestError";
    this.code = code;
  }
}
