import { describe, expect, it } from "vitest";
import {
  ACTION_BODY_BYTES,
  ARTICLE_BODY_BYTES,
  bodyLimitFor,
  formatBytes,
  IMPORT_RAW_BYTES,
  IMPORT_WORK_BODY_BYTES,
  JSON_DEPTH,
  LARGEST_BODY_BYTES,
  OTHER_BODY_BYTES,
  PDF_UPLOAD_BYTES,
  PHOTO_UPLOAD_BODY_BYTES,
} from "./limits";
import { MAX_PHOTO_BYTES } from "./media/limits";
import { MAX_BODY_DEPTH } from "./article-body/validate";

describe("request limits", () => {
  it("nest: each outer limit leaves room for what it carries", () => {
    // The import form carries the raw text as multipart with its masthead fields.
    expect(ACTION_BODY_BYTES).toBeGreaterThanOrEqual(IMPORT_RAW_BYTES + 1024 * 1024);
    // An article save carries one body and its fields.
    expect(ACTION_BODY_BYTES).toBeGreaterThanOrEqual(ARTICLE_BODY_BYTES + 1024 * 1024);
    // The workbench document repeats the raw text in its blocks, with spans and ids.
    expect(IMPORT_WORK_BODY_BYTES).toBeGreaterThanOrEqual(4 * IMPORT_RAW_BYTES);
    // Next's proxy buffers every body whole.
    expect(LARGEST_BODY_BYTES).toBe(Math.max(ACTION_BODY_BYTES, IMPORT_WORK_BODY_BYTES, PHOTO_UPLOAD_BODY_BYTES, PDF_UPLOAD_BYTES, OTHER_BODY_BYTES));
    // A photo upload carries one file, and a file a little over the library's limit still reaches the route for its own message.
    expect(PHOTO_UPLOAD_BODY_BYTES).toBeGreaterThan(MAX_PHOTO_BYTES);
    // JSON as deep as the deepest body the validator allows, inside an action's envelope.
    expect(JSON_DEPTH).toBeGreaterThan(MAX_BODY_DEPTH * 2 + 10);
  });

  it("are chosen by route: the workbench save, other route handlers, server actions", () => {
    expect(bodyLimitFor("PUT", "/api/imports/12/work")).toBe(IMPORT_WORK_BODY_BYTES);
    expect(bodyLimitFor("POST", "/api/imports/12/work")).toBe(OTHER_BODY_BYTES);
    expect(bodyLimitFor("POST", "/api/imports/pdf")).toBe(PDF_UPLOAD_BYTES);
    expect(bodyLimitFor("PUT", "/api/imports/pdf")).toBe(OTHER_BODY_BYTES);
    expect(bodyLimitFor("POST", "/api/media")).toBe(PHOTO_UPLOAD_BODY_BYTES);
    expect(bodyLimitFor("PUT", "/api/media")).toBe(OTHER_BODY_BYTES);
    expect(bodyLimitFor("POST", "/api/auth/callback/credentials")).toBe(OTHER_BODY_BYTES);
    expect(bodyLimitFor("POST", "/desk/imports/new")).toBe(ACTION_BODY_BYTES);
    expect(bodyLimitFor("POST", "/")).toBe(ACTION_BODY_BYTES);
    expect(bodyLimitFor("POST", "/apiary")).toBe(ACTION_BODY_BYTES);
  });

  it("read well in messages", () => {
    expect(formatBytes(ACTION_BODY_BYTES)).toBe("8 MB");
    expect(formatBytes(OTHER_BODY_BYTES)).toBe("64 KB");
    expect(formatBytes(1.5 * 1024 * 1024)).toBe("1.5 MB");
  });
});
