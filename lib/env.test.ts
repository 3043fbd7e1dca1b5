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

  it("trusts no proxy unless TRUST_PROXY lists it, and refuses a list it cannot read", () => {
    expect(parseEnv({}).TRUST_PROXY).toBeUndefined();
    expect(parseEnv({ TRUST_PROXY: "" }).TRUST_PROXY).toBeUndefined();
    expect(parseEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8, fd00::1" }).TRUST_PROXY).toBe("loopback, 10.0.0.0/8, fd00::1");
    expect(() => parseEnv({ TRUST_PROXY: "nginx" })).toThrow(/TRUST_PROXY: "nginx" is not an IP address/);
    expect(() => parseEnv({ TRUST_PROXY: "10.0.0.0/33" })).toThrow(/TRUST_PROXY/);
    expect(() => parseEnv({ TRUST_PROXY: " , " })).toThrow(/TRUST_PROXY/);
  });

  it("takes the public site URL when given, with or without a sub-path", () => {
    expect(parseEnv({}).SITE_URL).toBeUndefined();
    expect(parseEnv({ SITE_URL: "https://example.org/paper" }).SITE_URL).toBe("https://example.org/paper");
  });

  it("sends no e-mail unless an SMTP server is configured, and takes only smtp:// or smtps://", () => {
    expect(parseEnv({}).SMTP_URL).toBeUndefined();
    expect(parseEnv({}).MAIL_FROM).toBe("Folio <folio@localhost>");
    expect(parseEnv({ SMTP_URL: "smtp://folio:secret@mail.example.cn:587" }).SMTP_URL).toBe("smtp://folio:secret@mail.example.cn:587");
    expect(() => parseEnv({ SMTP_URL: "mail.example.cn" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ SMTP_URL: "https://mail.example.cn" })).toThrow(/SMTP_URL/);
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
