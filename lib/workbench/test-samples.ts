// Test-only helper (node:fs): the demo pages run through the real import engine.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ingest, type Segmentation } from "@/lib/ingest";

const DEMO = path.resolve(__dirname, "../../db/demo");

export const FRONT_PAGE = "rongchang-2024-03-08-p1.md";
export const FEATURE_PAGE = "rongchang-feature-page.txt";

export function demoRaw(name: string): string {
  return readFileSync(path.join(DEMO, name), "utf8");
}

export function demoSeg(name: string): Segmentation {
  return ingest(new Uint8Array(readFileSync(path.join(DEMO, name))));
}

export function demoExpected(name: string): unknown {
  return JSON.parse(readFileSync(path.join(DEMO, name.replace(/\.(md|txt)$/, ".expected.json")), "utf8"));
}

/** The front page with a paragraph above its first headline: the engine orphans it. */
export function frontPageWithOrphan(): Segmentation {
  const raw = demoRaw(FRONT_PAGE);
  const at = raw.indexOf("## 重庆将实施");
  return ingest(raw.slice(0, at) + "这是从上一版转来的一段文字。\n\n" + raw.slice(at));
}
