import { labConfig } from "@/lab/config";
import { ensureLab } from "@/lab/generate";

/*
 * npm run lab:generate: generates the segmentation lab (or finds it up to date) and prints
 * what it holds by split and house style. `npm run bench:segmentation` does this first too.
 */
async function main(): Promise<void> {
  const t0 = performance.now();
  const lab = await ensureLab({ ...labConfig(), log: (l) => process.stderr.write(`${l}\n`) });
  const m = lab.manifest;
  const rows = new Map<string, { pages: number; articles: number; continuations: number; briefs: number }>();
  for (const p of m.pages) {
    const k = `${p.split.padEnd(5)} ${p.style}`;
    const r = rows.get(k) ?? { pages: 0, articles: 0, continuations: 0, briefs: 0 };
    r.pages++;
    r.articles += p.articles;
    r.continuations += p.continuations;
    r.briefs += p.briefs;
    rows.set(k, r);
  }
  console.log(`lab ${m.key} in ${lab.dir}`);
  console.log(`${"split style".padEnd(22)}${"pages".padStart(7)}${"articles".padStart(10)}${"of them continued".padStart(19)}${"briefs".padStart(8)}`);
  for (const [k, r] of [...rows].sort()) console.log(`${k.padEnd(22)}${String(r.pages).padStart(7)}${String(r.articles).padStart(10)}${String(r.continuations).padStart(19)}${String(r.briefs).padStart(8)}`);
  console.log(`${m.issues} issues; ${m.dropped} corpus articles left out (no room on the last page of their issue)`);
  console.log(lab.generated ? `generated in ${((performance.now() - t0) / 1000).toFixed(0)} s` : `up to date (generated in ${m.seconds} s)`);
  console.log(`tools: ${Object.entries(m.tools).map(([k, v]) => `${k} ${v}`).join("; ")}`);
}

main().catch((e: unknown) => {
  process.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
