import { describe, expect, it } from "vitest";
import { readPage } from "./page";
import { stackPieces } from "./stack-line";

const pieces = (line: string) => stackPieces(line, { start: 0, end: line.length }).map((s) => line.slice(s.start, s.end));

describe("a headline stack printed on one heading line", () => {
  it("is read as its phrases where a dash joins them, the dash a piece of its own", () => {
    expect(pieces("### 各地区各部门各单位扎实开展学习教育——学以致用求实效 动真碰硬解难题")).toEqual(["### 各地区各部门各单位扎实开展学习教育", "——", "学以致用求实效 动真碰硬解难题"]);
  });

  it("opens a new piece at a quotation that closes the line after a long phrase", () => {
    expect(pieces("### 德国肖特集团在华布局研发中心“在中国为全球市场开发产品”")).toEqual(["### 德国肖特集团在华布局研发中心", "“在中国为全球市场开发产品”"]);
    expect(pieces("### 成都精细化整治超220项交通堵点“开门治堵”，缓解出行难（基层治理新实践）")).toEqual(["### 成都精细化整治超220项交通堵点", "“开门治堵”，缓解出行难（基层治理新实践）"]);
  });

  it("ends a kicker after a leader's words reported (…时强调), unless a dash ends it", () => {
    expect(pieces("### 赵乐际在甘肃调研时强调围绕中心  依法履职 把制度优势更好转化为治理效能")).toEqual(["### 赵乐际在甘肃调研时强调", "围绕中心  依法履职 把制度优势更好转化为治理效能"]);
    expect(pieces("### 何立峰在内蒙古调研时指出：高质量建设自贸试验区加快构建向北开放重要桥头堡")).toEqual(["### 何立峰在内蒙古调研时指出：", "高质量建设自贸试验区加快构建向北开放重要桥头堡"]);
    expect(pieces("### 李强在国务院常务会议上讲话时强调——加快培育壮大新兴支柱产业")).toEqual(["### 李强在国务院常务会议上讲话时强调", "——", "加快培育壮大新兴支柱产业"]);
    expect(pieces("### 习近平在中共中央政治局第二十七次集体学习时强调")).toEqual(["### 习近平在中共中央政治局第二十七次集体学习时强调"]);
  });

  it("keeps a short headline, a quoted word inside a title and a subtitle's own dash whole", () => {
    for (const line of ["## 我区举行“千年荣昌·我为家乡代言”网络文明沙龙活动", "## 认真落实落细“河长制” 持续改善河流水质", "### ——走进第六十一届威尼斯国际艺术双年展中国馆", "# 为妇女参与经济社会发展创造条件 营造尊重妇女关爱妇女良好社会氛围"]) {
      expect(pieces(line)).toEqual([line]);
    }
  });

  it("gives the reading one line per piece, on the same row, and loses no character", () => {
    const text = "正文第一段。\n\n### 国家外汇管理局发布数据显示——4月我国外汇市场运行总体稳健\n\n国家外汇管理局18日公布了数据。\n";
    const { reading } = readPage(text);
    const heads = reading.lines.filter((l) => l.level > 0);
    expect(heads.map((l) => l.text)).toEqual(["国家外汇管理局发布数据显示", "——", "4月我国外汇市场运行总体稳健"]);
    expect(new Set(heads.map((l) => l.row)).size).toBe(1);
    expect(heads.map((l) => [l.blankBefore, l.blankAfter])).toEqual([[true, false], [false, false], [false, true]]);
    expect(heads.flatMap((l) => l.spans).map((s) => text.slice(s.start, s.end)).join("")).toBe("### 国家外汇管理局发布数据显示——4月我国外汇市场运行总体稳健");
  });
});
