import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      "server-only": path.resolve(__dirname, "lib/testing/empty-module.ts"),
    },
  },
  test: {
    include: ["{lib,db,services,scripts,components,eslint-rules}/**/*.test.ts"],
    environment: "node",
    pool: "forks",
  },
});
