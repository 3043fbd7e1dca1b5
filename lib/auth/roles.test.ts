import { describe, expect, it } from "vitest";
import { can, CAPABILITIES, navFor, type Capability } from "./roles";
import { removesLastAdmin } from "./user-rules";
import { safeCallbackPath } from "./redirect";

describe("role rules", () => {
  it("gives admin everything editors and reviewers have", () => {
    for (const cap of Object.keys(CAPABILITIES) as Capability[]) {
      expect(can("admin", cap)).toBe(true);
    }
  });

  it("keeps editors and reviewers to their own work", () => {
    expect(can("editor", "importPages")).toBe(true);
    expect(can("editor", "review")).toBe(false);
    expect(can("editor", "manageUsers")).toBe(false);
    expect(can("reviewer", "review")).toBe(true);
    expect(can("reviewer", "importPages")).toBe(false);
    expect(can("reviewer", "readAudit")).toBe(false);
    expect(can("editor", "trainPaperModels")).toBe(false);
  });

  it("builds the navigation each role should see", () => {
    expect(navFor("editor").map((n) => n.key)).toEqual(["imports", "issues", "articles", "media"]);
    expect(navFor("reviewer").map((n) => n.key)).toEqual(["issues", "articles", "review"]);
    expect(navFor("admin").map((n) => n.key)).toEqual([
      "imports",
      "issues",
      "articles",
      "media",
      "review",
      "users",
      "sections",
      "papers",
      "audit",
    ]);
  });
});

describe("last admin rule", () => {
  const admin = { role: "admin" as const, active: true };
  it("refuses to deactivate or demote the only active admin", () => {
    expect(removesLastAdmin(admin, { active: false }, 0)).toBe(true);
    expect(removesLastAdmin(admin, { role: "editor" }, 0)).toBe(true);
  });
  it("allows it when another active admin exists, and for non-admins", () => {
    expect(removesLastAdmin(admin, { active: false }, 1)).toBe(false);
    expect(removesLastAdmin({ role: "editor", active: true }, { active: false }, 0)).toBe(false);
    expect(removesLastAdmin(admin, { role: "admin" }, 0)).toBe(false);
  });
});

describe("post-sign-in destination", () => {
  it("accepts same-site paths only", () => {
    expect(safeCallbackPath("/desk/admin/audit?page=2")).toBe("/desk/admin/audit?page=2");
    expect(safeCallbackPath("https://evil.example/")).toBe("/desk");
    expect(safeCallbackPath("//evil.example/")).toBe("/desk");
    expect(safeCallbackPath("/\\evil.example")).toBe("/desk");
    expect(safeCallbackPath(undefined)).toBe("/desk");
  });
});
