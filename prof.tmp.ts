import { readFileSync } from "node:fs";
import { ingest } from "@/lib/ingest";
const front = readFileSync("db/demo/rongchang-2024-03-08-p1.md");
const feature = readFileSync("db/demo/rongchang-feature-page.txt");
const parts = [front, feature, front, feature, front, feature];
const chunks: Buffer[] = []; let n = 0;
for (let k = 0; n < 60 * 1024; k++) { const c = Buffer.concat([parts[k % parts.length]!, Buffer.from("\n\n")]); chunks.push(c); n += c.length; }
let issue = Buffer.concat(chunks).subarray(0, 60 * 1024);
let end = issue.length; while (end > 0 && (issue[end - 1]! & 0xc0) === 0x80) end--; if (end > 0 && issue[end - 1]! >= 0xc0) end--; issue = issue.subarray(0, end);
for (let i = 0; i < 20; i++) ingest(issue);
const t0 = performance.now();
for (let i = 0; i < 300; i++) ingest(issue);
console.log(((performance.now() - t0) / 300).toFixed(2), "ms");
