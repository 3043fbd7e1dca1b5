import { describe, expect, it } from "vitest";
import { Dice } from "../random";
import { STYLES } from "../styles";
import { composePage, type PageItem } from "./compose";
import type { IssueInfo } from "./furniture";
import { contains, runBox } from "./model";
import type { StoryPart } from "./story";

// Made-up text: the lab's own sentences, not corpus text.
const SENTENCES = ["这是实验室里排版测试用的一句话，", "用来检验分栏、避头尾和跳版是否正确。", "编辑部每天都要把稿件排进版面，", "长稿放不下时就转到后面的版面继续刊登。"];
const paragraph = (n: number, k: number) => Array.from({ length: n }, (_, i) => SENTENCES[(i + k) % SENTENCES.length]).join("");

function story(id: string, paragraphs: number, lead = false): StoryPart {
  return {
    id,
    kind: "story",
    kicker: "实验室测试引题",
    title: `测试稿件${id}的主题`,
    subtitle: null,
    byline: { text: "本报记者 张三", placement: "line" },
    blocks: Array.from({ length: paragraphs }, (_, k) => ({ role: "paragraph" as const, text: paragraph(6, k) })),
    photos: [],
    jumpFromLine: null,
    stampLine: null,
    lead,
  };
}

const style = STYLES["county-weekly"];
const issue: IssueInfo = { style, paper: style.papers[0] as (typeof style.papers)[number], date: "2026-05-07", pageCount: 4, issueNo: 18, totalIssueNo: 213 };
const item = (part: StoryPart): PageItem => ({ kind: "story", part, continuation: false, opt: { photoAspect: 0.66, photoCols: 2, photoScale: 1, align: "center" } });

describe("composePage", () => {
  it("cuts a story too long for the page and continues it on a later page, losing no text", () => {
    const long = story("long", 120, true);
    const page = composePage({ info: { issue, page: 2, pageName: "要闻" }, items: [item(long)], jumpTargets: [3], dice: new Dice(7) });
    const head = page.placements.find((p) => p.part.id === "long");
    expect(head?.jumpTo).toBe(3);
    expect(page.continuations).toHaveLength(1);
    const rest = page.continuations[0];
    expect(rest?.page).toBe(3);
    expect(rest?.part.kind).toBe("continuation");
    expect(rest?.part.jumpFromLine).toBe("(上接2版)");
    const original = long.blocks.map((b) => b.text).join("");
    const printed = (head?.set.printed ?? []).map((b) => b.text).join("") + (rest?.part.blocks ?? []).map((b) => b.text).join("");
    expect(printed).toBe(original);
    expect(page.canvas.runs.some((r) => r.owner === "long" && r.text === "(下转3版)")).toBe(true);
  });

  it("places every story inside its module and every line on the page", () => {
    const items = [story("a", 8, true), story("b", 5), story("c", 3), story("d", 2), story("e", 4)].map(item);
    const page = composePage({ info: { issue, page: 2, pageName: "要闻" }, items, jumpTargets: [3], dice: new Dice(3) });
    expect(page.deferred).toEqual([]);
    expect(page.placements.map((p) => p.part.id).sort()).toEqual(["a", "b", "c", "d", "e"]);
    for (const p of page.placements) {
      expect(p.set.overflow).toBe(false);
      for (const r of page.canvas.runs.filter((r) => r.owner === p.part.id)) expect(contains(p.module, runBox(r), style.body.size + 0.5)).toBe(true);
    }
    for (const r of page.canvas.runs) {
      const b = runBox(r);
      expect(b.x >= 0 && b.y >= 0 && b.x + b.w <= style.page.width && b.y + b.h <= style.page.height).toBe(true);
    }
    // Modules do not overlap.
    const mods = page.placements.map((p) => p.module);
    for (let i = 0; i < mods.length; i++)
      for (let j = i + 1; j < mods.length; j++) {
        const [a, b] = [mods[i], mods[j]] as [(typeof mods)[number], (typeof mods)[number]];
        const overlap = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 1 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 1;
        expect(overlap).toBe(false);
      }
  });
});
