import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

/*
 * The layer rules of eslint.config.mjs, run on small files placed (virtually) in each folder:
 * what each folder may import, and what a "use client" file may reach through its imports.
 */
const eslint = new ESLint({ cwd: process.cwd() });

// Loaded once, in the first test: the config, typescript-eslint and Next's plugins. That takes
// 1-2 s on an idle machine and 9 s on this shared one under load, past vitest's 5 s default.
const FIRST_LINT_MS = 60_000;

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

// The first lint loads the whole configuration (parsers, plugins, the type-aware rules): seconds on
// an idle machine, 15 s and more on a loaded one. Done once here, so no test's own timeout pays it.
beforeAll(async () => {
  await eslint.lintText("export const warm = 1;\n", { filePath: "lib/warm-up.ts" });
}, 120_000);

const client = (line: string) => `"use client";\n${line}\nexport const used = [x];\n`;

// The first lint loads the config, its plugins and the TypeScript parser: seconds on a busy
// machine, more than a test's 5 s. Done once here, so no test pays for it.
beforeAll(() => problems("lib/probe.ts", "export const x = 1;\n"), 60_000);

describe("client components", () => {
  it("may import the vocabulary, pure lib code, next-auth/react and server actions", async () => {
    expect(await problems("components/desk/probe.tsx", client('import { ROLES as x } from "@/lib/vocabulary";'))).toEqual([]);
    expect(await problems("components/desk/probe.tsx", client('import { can as x } from "@/lib/auth/roles";'))).toEqual([]);
    expect(await problems("components/desk/probe.tsx", client('import { signIn as x } from "next-auth/react";'))).toEqual([]);
    // A "use server" module is a boundary: the client gets references to its actions, not its code.
    expect(await problems("app/probe/form.tsx", client('import { createUserAction as x } from "@/app/(desk)/desk/admin/users/actions";'))).toEqual([]);
  }, FIRST_LINT_MS);

  it("may import types from anywhere: they are erased", async () => {
    expect(await problems("components/desk/probe.tsx", '"use client";\nimport type { SessionUser } from "@/services/session";\nexport type X = SessionUser;\n')).toEqual([]);
  });

  it("never import the schema, a service, next-auth's server side or a server-only module", async () => {
    expect(await problems("app/probe/form.tsx", client('import { ROLES as x } from "@/db/schema";'))).toEqual([
      expect.stringContaining("folio/client-imports: A client component cannot import server code: db/schema.ts"),
    ]);
    expect(await problems("app/probe/form.tsx", client('import { audit as x } from "@/services/audit";'))).toEqual([
      expect.stringContaining("services/audit.ts"),
    ]);
    expect(await problems("app/probe/form.tsx", client('import { getServerSession as x } from "next-auth";'))).toEqual([
      expect.stringContaining("server code: next-auth."),
    ]);
  });

  it("never reach server code through another module, and the message names the chain", async () => {
    expect(await problems("app/probe/form.tsx", client('import { runAction as x } from "@/lib/actions";'))).toEqual([
      expect.stringContaining("lib/actions.ts → server-only"),
    ]);
  });
});

describe("folders", () => {
  it("lib/ imports nothing from db/ or services/, not even types", async () => {
    expect(await problems("lib/probe.ts", 'import type { Article } from "@/db/schema";\nexport type X = Article;\n')).toEqual([
      expect.stringContaining("lib/ is pure domain logic"),
    ]);
    expect(await problems("lib/desk/probe.ts", 'import { audit } from "../../services/audit";\nexport const x = audit;\n')).toEqual([
      expect.stringContaining("lib/ is pure domain logic"),
    ]);
  });

  it("components/ take data as props: query types yes, query calls no", async () => {
    expect(await problems("components/site/probe.tsx", 'import type { PublicSection } from "@/db/queries/public/sections";\nexport type X = PublicSection;\n')).toEqual([]);
    expect(await problems("components/site/probe.tsx", 'import { listPublicSections } from "@/db/queries/public/sections";\nexport const x = listPublicSections;\n')).toEqual([
      expect.stringContaining("components/ receive data as props"),
    ]);
  });

  it("only db/ uses the connection, and db/ never calls a service", async () => {
    const usesConnection = 'import { getDb } from "@/db";\nexport const x = getDb;\n';
    for (const file of ["app/probe.ts", "services/probe.ts", "scripts/probe.ts", "bench/probe.ts", "lib/probe.ts"]) {
      expect(await problems(file, usesConnection), file).toContainEqual(expect.stringContaining("Only db/ uses the connection"));
    }
    expect(await problems("db/queries/probe.ts", usesConnection)).toEqual([]);
    expect(await problems("db/queries/probe.ts", 'import { audit } from "@/services/audit";\nexport const x = audit;\n')).toEqual([
      expect.stringContaining("db/ sits below services/"),
    ]);
  });
});
