// Stands in for "server-only" under vitest, where no React server bundle exists.
export {};
