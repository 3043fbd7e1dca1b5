import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";
import clientImports from "./eslint-rules/client-imports.mjs";

/*
 * The layers (README, Folders). ESLint keeps one set of options per rule and file, so each
 * folder's no-restricted-imports below lists every restriction that applies to it.
 */
const TS = ["**/*.{ts,tsx,mts}"];

// Only db/ holds the connection: everything else calls query functions (db/queries/), so each
// query and each transaction boundary has one home, whatever engine is underneath.
const connection = {
  name: "@/db",
  importNames: ["getDb"],
  message: "Only db/ uses the connection: call (or add) a query function in db/queries/.",
};
const connectionRelative = {
  regex: "^(\\.\\./)+db(/index)?$",
  importNames: ["getDb"],
  message: connection.message,
};
// lib/ is domain logic: pure, testable without a database, importable by client components.
const serverLayers = {
  regex: "^(@/|(\\.\\./)+)(db|services)(/|$)",
  message: "lib/ is pure domain logic: it never imports db/ or services/. Take the data as arguments; shared word lists live in lib/vocabulary.ts.",
};
// components/ are UI: they receive data as props (types may come from the queries' row shapes).
const serverLayersExceptTypes = {
  ...serverLayers,
  allowTypeImports: true,
  message: "components/ receive data as props: they never call db/ or services/ (type imports are fine).",
};
const servicesFromDb = {
  regex: "^(@/|(\\.\\./)+)services(/|$)",
  message: "db/ sits below services/: a query never calls a service.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle, folio: { rules: { "client-imports": clientImports } } },
    rules: {
      // Updates and deletes always carry a where clause (our query objects are db/tx).
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx", "getDb()"] }],
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx", "getDb()"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "folio/client-imports": "error",
      "no-restricted-imports": ["error", { paths: [connection], patterns: [connectionRelative] }],
    },
  },
  {
    files: TS.map((g) => `lib/${g}`),
    rules: { "no-restricted-imports": ["error", { paths: [connection], patterns: [connectionRelative, serverLayers] }] },
  },
  {
    // A line's features are tagged templates (add`len=${n}`: the Scorer finds them without
    // building their names), calls that this rule would take for unused expressions.
    files: ["lib/ingest/model/features.ts"],
    rules: { "@typescript-eslint/no-unused-expressions": ["warn", { allowTaggedTemplates: true }] },
  },
  {
    files: TS.map((g) => `components/${g}`),
    rules: { "no-restricted-imports": ["error", { paths: [connection], patterns: [connectionRelative, serverLayersExceptTypes] }] },
  },
  {
    files: TS.map((g) => `db/${g}`),
    rules: { "no-restricted-imports": ["error", { patterns: [servicesFromDb] }] },
  },
  globalIgnores([".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", ".e2e/**"]),
]);
