import { describe, expect, it } from "vitest";
import { REASON_CODES } from "@/lib/ingest/types";
import { AUDIT_ACTIONS, auditActionKey, PAGE_STATUSES } from "@/lib/vocabulary";
import en from "./messages/en.json";
import zhCN from "./messages/zh-CN.json";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe("interface messages", () => {
  it("have the same keys in both languages", () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zhCN).sort());
  });

  it("have a message for every AppError code, busy included", () => {
    for (const code of ["unauthenticated", "forbidden", "not_found", "conflict", "invalid", "too_large", "busy", "unexpected"]) {
      expect(en.errors).toHaveProperty(code);
      expect(zhCN.errors).toHaveProperty(code);
    }
  });
});

/** The message at a dotted key, or undefined. */
function at(messages: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages);
}

describe("codes people see as words", () => {
  it("every audit action has a phrase in both languages (the timeline and the audit page never show a code alone)", () => {
    for (const action of AUDIT_ACTIONS) {
      for (const messages of [zhCN, en]) expect(typeof at(messages, auditActionKey(action)), action).toBe("string");
    }
  });

  it("every reason the import engine gives has a message in both languages, naming only values the engine passes", () => {
    for (const code of REASON_CODES) {
      for (const messages of [zhCN, en]) expect(typeof at(messages, `workbenchEditor.reasons.${code}`), code).toBe("string");
      const zhNames = String(at(zhCN, `workbenchEditor.reasons.${code}`)).match(/\{\w+\}/g)?.sort() ?? [];
      const enNames = String(at(en, `workbenchEditor.reasons.${code}`)).match(/\{\w+\}/g)?.sort() ?? [];
      expect([...new Set(zhNames)], code).toEqual([...new Set(enNames)]);
    }
  });

  it("every page status has its desk and reader words", () => {
    for (const status of PAGE_STATUSES) {
      for (const messages of [zhCN, en]) expect(typeof at(messages, `issues.pageStatuses.${status}`), status).toBe("string");
      if (status !== "articles") for (const messages of [zhCN, en]) expect(typeof at(messages, `site.pageOffline.${status}`), status).toBe("string");
    }
  });
});
