import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseSettings, EnvError, loadOrCreateSecret, parseEnv } from "./env";

describe("configuration", () => {
  it("has working defaults for the embedded demo", () => {
    const env = parseEnv({});
    expect(env.DATABASE_PATH).toBe("./data/folio.db");
    expect(env.PORT).toBe(3000);
    expect(env.DB_BUSY_TIMEOUT_MS).toBe(5000);
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
    expect(() => parseEnv({ NEXTAUTH_URL: "not a url" })).toThrow(/NEXTAUTH_URL/);
    expect(() => parseEnv({ DATABASE_PATH: "" })).toThrow(/DATABASE_PATH/);
    expect(() => parseEnv({ DB_BUSY_TIMEOUT_MS: "-1" })).toThrow(/DB_BUSY_TIMEOUT_MS/);
    expect(() => parseEnv({ DB_BUSY_TIMEOUT_MS: "soon" })).toThrow(/DB_BUSY_TIMEOUT_MS/);
    expect(() => parseEnv({ SITE_URL: "example.org" })).toThrow(/SITE_URL/);
    expect(() => parseEnv({ SITE_URL: "ftp://example.org" })).toThrow(/SITE_URL/);
    expect(() => parseEnv({ SITE_URL: "https://example.org/?a=1" })).toThrow(/SITE_URL/);
  });

  it("takes the public site URL when given, with or without a sub-path", () => {
    expect(parseEnv({}).SITE_URL).toBeUndefined();
    expect(parseEnv({ SITE_URL: "https://example.org/paper" }).SITE_URL).toBe("https://example.org/paper");
  });

  it("keeps photos in media/ beside the database unless MEDIA_DIR names another folder", () => {
    expect(databaseSettings({ DATABASE_PATH: "/srv/folio/folio.db" }).mediaDir).toBe("/srv/folio/media");
    expect(databaseSettings({ DATABASE_PATH: "/srv/folio/folio.db", MEDIA_DIR: "/mnt/photos" }).mediaDir).toBe("/mnt/photos");
    expect(() => parseEnv({ MEDIA_DIR: "" })).toThrow(/MEDIA_DIR/);
  });

  it("generates the auth secret once into the data folder and reuses it", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "folio-env-"));
    const first = loadOrCreateSecret(dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadOrCreateSecret(dir)).toBe(first);
    expect(fs.statSync(path.join(dir, "auth-secret")).mode & 0o077).toBe(0);
  });
});
