import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

const NEXT_DIR = path.join(__dirname, "..", "..", ".next");

export type ActionEntry = { id: string; key: string; worker: string };

/** Every server action of the production build, from Next's own manifest. */
export function builtActions(): ActionEntry[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(NEXT_DIR, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => ({ id, key: `${a.filename}#${a.exportedName}`, worker: Object.keys(a.workers)[0]! }));
}

export function actionNamed(exportedName: string): ActionEntry {
  const found = builtActions().find((a) => a.key.endsWith(`#${exportedName}`));
  if (!found) throw new Error(`no server action ${exportedName} in the build`);
  return found;
}

/** A page that bundles the action: the action is posted there, as the browser would. */
export function urlOfWorker(worker: string): string {
  const route = worker
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .replace(/\/\([^)]+\)/g, "")
    .replace("[id]", "1")
    .replace("[date]", "2024-03-08");
  return route === "" ? "/" : route;
}

/** The action's own return value from the RSC answer (row 0 names the row holding it). */
export function actionResult(payload: string): string {
  const root = /^0:(.*)$/m.exec(payload)?.[1];
  const ref = root ? (JSON.parse(root) as { a?: string }).a : undefined;
  if (!ref?.startsWith("$@")) return ref ?? "";
  return new RegExp(`^${ref.slice(2)}:(.*)$`, "m").exec(payload)?.[1] ?? "";
}

/** Posts a server action directly (no browser), with the arguments React would send. */
export async function postAction(request: APIRequestContext, action: ActionEntry, args: unknown[]) {
  const res = await request.post(urlOfWorker(action.worker), {
    headers: { "next-action": action.id, accept: "text/x-component" },
    multipart: { "0": JSON.stringify(args) },
    maxRedirects: 0,
  });
  const text = await res.text();
  return { status: res.status(), text, result: actionResult(text) };
}
