import { describe, expect, it } from "vitest";
import type { CorpusArticle } from "./corpus";
import { Dice } from "./random";
import { namesOf, parseByline, restyle } from "./restyle";
import { STYLES } from "./styles";

const article = (over: Partial<CorpusArticle>): CorpusArticle => ({
  paper: "人民日报",
  date: "2026-05-07",
  page: 2,
  pageName: "要闻",
  seq: 1,
  kicker: null,
  title: "一个标题",
  subtitle: null,
  byline: "本报记者  王  浩  张文豪",
  body: [{ role: "paragraph", text: "正文第一段。" }, { role: "caption", text: "图片说明。\n本报记者  王  浩摄" }],
  url: "https://example.cn/1",
  ...over,
});

describe("bylines", () => {
  it("reads names padded to two characters", () => {
    expect(namesOf("王  浩  张文豪  宋朝军")).toEqual(["王浩", "张文豪", "宋朝军"]);
    expect(parseByline("本报记者  王  浩  本报通讯员  李四")).toEqual({ kind: "staff", reporters: ["王浩"], correspondents: ["李四"] });
    expect(parseByline("新华社记者  冯俊扬")).toEqual({ kind: "as-is", text: "新华社记者  冯俊扬" });
  });

  it("prints a county paper's 本报讯（融媒体中心记者 …）in the first paragraph, and the truth takes it as the byline", () => {
    const county = STYLES["county-weekly"];
    const r = restyle(article({}), county, county.papers[0] as (typeof county.papers)[number], { paren: ["(", ")"] }, new Dice(1));
    expect(r.byline?.placement).toBe("inline");
    expect(r.byline?.text).toMatch(/^本报讯\(融媒体中心记者 王浩 张文豪( 通讯员 .+)?\)$/);
    expect(r.truthByline).toBe(r.byline?.text);
    expect(r.blocks).toEqual([{ role: "paragraph", text: "正文第一段。" }]);
    expect(r.photos.map((p) => p.caption)).toEqual(["图片说明。\n本报记者  王  浩摄"]);
  });

  it("keeps a dateline where it is printed and takes it out of the truth's body", () => {
    const national = STYLES["national-daily"];
    const a = article({ byline: "新华社北京4月28日电", bylineInline: true, bylineBlock: 0, body: [{ role: "paragraph", text: "新华社北京4月28日电\u00a0\u00a04月28日，会议在京举行。" }] });
    const r = restyle(a, national, national.papers[0] as (typeof national.papers)[number], { paren: ["（", "）"] }, new Dice(1));
    expect(r.byline).toEqual({ text: "新华社北京4月28日电", placement: "inline" });
    expect(r.blocks[0]?.text).toBe("4月28日，会议在京举行。");
  });

  it("prints 文/ bylines in the tabloid, in brackets when after the text", () => {
    const tabloid = STYLES["flat-tabloid"];
    const seen = new Set<string>();
    for (let seed = 1; seed < 40; seed++) {
      const r = restyle(article({}), tabloid, tabloid.papers[0] as (typeof tabloid.papers)[number], { paren: ["（", "）"] }, new Dice(seed));
      seen.add(r.byline?.placement ?? "none");
      if (r.byline?.placement === "end") expect(r.truthByline).toBe(`（${r.byline.text}）`);
      else expect(r.truthByline).toBe(r.byline?.text);
      expect(r.truthByline).toMatch(/王浩/);
    }
    expect(seen).toEqual(new Set(["line", "end"]));
  });
});
