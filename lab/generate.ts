import { fork, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildIssue } from "./build-issue";
import { REPO_ROOT } from "./config";
import { readCorpus } from "./corpus";
import { extractAll, writeExtractions } from "./extract";
import { popplerVersion } from "./extract/poppler";
import { planLab, type IssuePlan } from "./plan";
import { PAGE_FILES, type PageTruth } from "./truth";
import { fontFingerprint } from "./typeset/fonts";

/**
 * Generating the lab: plan every issue, typeset each (one process per core), extract
 * every page's text, write it all under <cache>/<key>/, and a manifest last. The key
 * hashes the generator's sources, the corpus, the fonts and the tools' versions, so the
 * scorer reuses the pages until one of them changes. An interrupted run resumes: issues
 * already written are kept.
 */
export type PageEntry = Pick<PageTruth, "id" | "issueId" | "style" | "split" | "paper" | "date" | "page" | "pageCount"> & {
  articles: number;
  continuations: number;
  briefs: number;
  /** Folder of the page, relative to the lab folder. */
  dir: string;
};

export type LabManifest = {
  key: string;
  createdAt: string;
  corpus: string;
  tools: Record<string, string>;
  issues: number;
  pages: PageEntry[];
  /** Articles that did not fit on the last page of their issue and were left out. */
  dropped: number;
  seconds: number;
};

type IssueDone = { issueId: string; pages: PageEntry[]; dropped: number };

const LAB_DIR = __dirname;

function packageVersion(name: string): string {
  try {
    const file = path.join(REPO_ROOT, "node_modules", name, "package.json");
    return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  } catch {
    return "missing";
  }
}

function generatorSources(dir = LAB_DIR): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) {
      if (name !== "score" && name !== "fixtures") out.push(...generatorSources(file));
    } else if (name.endsWith(".ts") && !name.endsWith(".test.ts")) out.push(file);
  }
  return out;
}

/** The cache key: what the pages depend on. */
export async function labKey(corpusFile: string): Promise<{ key: string; tools: Record<string, string> }> {
  const h = createHash("sha256");
  for (const file of generatorSources()) h.update(path.relative(LAB_DIR, file)).update(readFileSync(file));
  h.update(readFileSync(corpusFile));
  const tools = { pdftotext: await popplerVersion(), pdfkit: packageVersion("pdfkit"), fontkit: packageVersion("fontkit"), "pdfjs-dist": packageVersion("pdfjs-dist"), fonts: fontFingerprint() };
  h.update(JSON.stringify(tools));
  return { key: h.digest("hex").slice(0, 16), tools };
}

/** Typesets and extracts one issue into `root` (the lab folder), returning its pages. */
export async function generateIssue(plan: IssuePlan, root: string): Promise<IssueDone> {
  const { pages, dropped } = await buildIssue(plan);
  const entries: PageEntry[] = [];
  for (const p of pages) {
    const rel = path.join("pages", p.id);
    const dir = path.join(root, rel);
    await mkdir(dir, { recursive: true });
    const pdfFile = path.join(dir, PAGE_FILES.pdf);
    await writeFile(pdfFile, p.pdf);
    await writeFile(path.join(dir, PAGE_FILES.truth), `${JSON.stringify(p.truth, null, 1)}\n`);
    await writeExtractions(dir, await extractAll(pdfFile, new Uint8Array(p.pdf)));
    entries.push(entryOf(p.truth, rel));
  }
  const done: IssueDone = { issueId: plan.id, pages: entries, dropped };
  await mkdir(path.join(root, "issues"), { recursive: true });
  await writeFile(path.join(root, "issues", `${plan.id}.json`), JSON.stringify(done));
  return done;
}

function entryOf(t: PageTruth, dir: string): PageEntry {
  return {
    id: t.id,
    issueId: t.issueId,
    style: t.style,
    split: t.split,
    paper: t.paper,
    date: t.date,
    page: t.page,
    pageCount: t.pageCount,
    articles: t.articles.length,
    continuations: t.articles.filter((a) => a.kind === "continuation").length,
    briefs: t.articles.filter((a) => a.kind === "brief").length,
    dir,
  };
}

export function readManifest(dir: string): LabManifest | null {
  try {
    return JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as LabManifest;
  } catch {
    return null;
  }
}

type Progress = (done: number, total: number, pages: number) => void;

/** Runs issues in `workers` child processes (or in this one), largest first. */
export async function runIssues(plans: readonly IssuePlan[], root: string, workers: number, progress: Progress = () => {}): Promise<IssueDone[]> {
  const todo = [...plans].sort((a, b) => b.pages.length - a.pages.length);
  const results: IssueDone[] = [];
  let pages = 0;
  const report = (r: IssueDone) => {
    results.push(r);
    pages += r.pages.length;
    progress(results.length, plans.length, pages);
  };
  if (workers <= 1) {
    for (const plan of todo) report(await generateIssue(plan, root));
    return results;
  }
  const children: ChildProcess[] = [];
  try {
    await Promise.all(
      Array.from({ length: Math.min(workers, todo.length) }, async () => {
        const child = fork(path.join(LAB_DIR, "worker.ts"), [root], { execArgv: ["--import", "tsx", "--max-semi-space-size=32"], stdio: ["ignore", 2, 2, "ipc"] });
        children.push(child);
        for (let plan = todo.shift(); plan; plan = todo.shift()) {
          const current = plan;
          report(
            await new Promise<IssueDone>((resolve, reject) => {
              const onMessage = (m: { ok: true; done: IssueDone } | { ok: false; error: string }) => {
                cleanup();
                if (m.ok) resolve(m.done);
                else reject(new Error(`${current.id}: ${m.error}`));
              };
              const onExit = (code: number | null) => {
                cleanup();
                reject(new Error(`${current.id}: the worker exited (${code})`));
              };
              const cleanup = () => {
                child.off("message", onMessage);
                child.off("exit", onExit);
              };
              child.on("message", onMessage);
              child.on("exit", onExit);
              child.send(current);
            }),
          );
        }
        child.disconnect();
      }),
    );
  } finally {
    for (const c of children) if (c.exitCode === null && c.connected) c.kill();
  }
  return results;
}

export type GenerateOptions = { corpusFile: string; cacheDir: string; workers: number; log?: (line: string) => void };

/** The lab's folder, generating it first when it is missing or stale. */
export async function ensureLab(opts: GenerateOptions): Promise<{ dir: string; manifest: LabManifest; generated: boolean }> {
  const log = opts.log ?? (() => {});
  const { key, tools } = await labKey(opts.corpusFile);
  const dir = path.join(opts.cacheDir, key);
  const existing = readManifest(dir);
  if (existing && existing.key === key) return { dir, manifest: existing, generated: false };

  const started = performance.now();
  const plans = planLab(readCorpus(opts.corpusFile));
  await mkdir(dir, { recursive: true });
  // Earlier labs (older generators or corpora) are of no further use.
  for (const name of existsSync(opts.cacheDir) ? readdirSync(opts.cacheDir) : []) {
    if (name !== key && /^[0-9a-f]{16}$/.test(name)) await rm(path.join(opts.cacheDir, name), { recursive: true, force: true });
  }
  const finished = new Map<string, IssueDone>();
  for (const p of plans) {
    try {
      finished.set(p.id, JSON.parse(await readFile(path.join(dir, "issues", `${p.id}.json`), "utf8")) as IssueDone);
    } catch {
      // not generated yet
    }
  }
  const todo = plans.filter((p) => !finished.has(p.id));
  const total = plans.reduce((s, p) => s + p.pages.length, 0);
  log(`lab ${key}: ${plans.length} issues, ${total} pages (${todo.length} issues to generate, ${opts.workers} workers)`);
  let lastLog = 0;
  for (const r of await runIssues(todo, dir, opts.workers, (n, all, pages) => {
    if (performance.now() - lastLog > 10_000 || n === all) {
      lastLog = performance.now();
      log(`  ${n}/${all} issues, ${pages} pages, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
  }))
    finished.set(r.issueId, r);
  const manifest: LabManifest = {
    key,
    createdAt: new Date().toISOString(),
    corpus: opts.corpusFile,
    tools,
    issues: plans.length,
    pages: plans.flatMap((p) => (finished.get(p.id) as IssueDone).pages),
    dropped: [...finished.values()].reduce((s, r) => s + r.dropped, 0),
    seconds: Math.round((performance.now() - started) / 1000),
  };
  const tmp = path.join(dir, "manifest.json.tmp");
  await writeFile(tmp, `${JSON.stringify(manifest, null, 1)}\n`);
  await rename(tmp, path.join(dir, "manifest.json"));
  return { dir, manifest, generated: true };
}
