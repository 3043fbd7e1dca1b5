import { describe, expect, it } from "vitest";
import { hasBylineCue, parseLeadingByline, parseNameByline, parseStandaloneByline, parseTrailingByline } from "./byline";

describe("bylines", () => {
  it("本报讯 with reporters and correspondents", () => {
    const r = parseLeadingByline("本报讯(融媒体中心记者 何文杰 通讯员 毛文强)近日，区财政局下达");
    expect(r?.byline).toMatchObject({
      text: "本报讯(融媒体中心记者 何文杰 通讯员 毛文强)",
      source: "本报讯",
      reporters: ["何文杰"],
      correspondents: ["毛文强"],
    });
    expect(r?.length).toBe("本报讯(融媒体中心记者 何文杰 通讯员 毛文强)".length);
  });

  it("本报讯 whose names ran together with their roles is still a byline, its names unread", () => {
    const r = parseLeadingByline("本报讯（融媒体中心记者张铁张丹华通讯员廖霞郭桂）5月的三秦大地，生机勃勃。");
    expect(r?.byline).toMatchObject({ text: "本报讯（融媒体中心记者张铁张丹华通讯员廖霞郭桂）", source: "本报讯" });
    expect(parseLeadingByline("本报讯（今年以来的第三次）5月的三秦大地")).toBeNull();
  });

  it("full-width brackets and several reporters", () => {
    const r = parseLeadingByline("本报讯（记者 张三 李四 摄影 王五）昨日");
    expect(r?.byline).toMatchObject({ reporters: ["张三", "李四"], photographers: ["王五"] });
  });

  it("splits two names that lost their space, among other names", () => {
    const r = parseLeadingByline("本报讯(融媒体中心记者 蒋坤红 通讯员 胡沉傅梅)近日");
    expect(r?.byline.correspondents).toEqual(["胡沉", "傅梅"]);
    expect(r?.byline.merged).toEqual(["胡沉傅梅"]);
  });

  it("keeps a four-character name when it is the only name", () => {
    expect(parseStandaloneByline("记者 欧阳娜娜")?.reporters).toEqual(["欧阳娜娜"]);
  });

  it("names spaced out to a column's width", () => {
    expect(parseStandaloneByline("新华社记者  朱  涵  魏玉坤")).toMatchObject({ reporters: ["朱涵", "魏玉坤"] });
    expect(parseStandaloneByline("本报记者 王  磊 实习生 李  四")).toMatchObject({ source: "本报", reporters: ["王磊", "李四"] });
    expect(parseStandaloneByline("记者 欧 阳 修")?.reporters).toEqual(["欧阳修"]);
    expect(parseStandaloneByline("通讯员 张 三 李 四")?.correspondents).toEqual(["张三", "李四"]);
    // Five letters alone could split anywhere: not read as names.
    expect(parseStandaloneByline("记者 张 三 李 四 五")).toBeNull();
    // A headline set letter by letter is not a byline.
    expect(parseStandaloneByline("记 者 手 记")).toBeNull();
  });

  it("本报记者 alone on a line", () => {
    expect(parseStandaloneByline("本报记者 张三 李四")).toMatchObject({ source: "本报", reporters: ["张三", "李四"] });
  });

  it("every role word of the one list: 实习生 and 作者 too, but not 工作者", () => {
    expect(parseStandaloneByline("本报记者 张三 实习生 李四")).toMatchObject({ reporters: ["张三", "李四"] });
    expect(parseStandaloneByline("作者 王五")).toMatchObject({ reporters: ["王五"] });
    expect(parseStandaloneByline("先进工作者 王五")).toBeNull();
  });

  it("文/ and 图/", () => {
    expect(parseStandaloneByline("文/赵敏 慈辉辉 何君林")).toMatchObject({ source: null, reporters: ["赵敏", "慈辉辉", "何君林"] });
    expect(parseStandaloneByline("图/张三")).toMatchObject({ reporters: [], photographers: ["张三"] });
    expect(parseStandaloneByline("文/李四 图/王五")).toMatchObject({ reporters: ["李四"], photographers: ["王五"] });
  });

  it("文/ at the end of a paragraph after a space", () => {
    const s = "荣昌区正奋力催生更加丰硕的“创新之果”。 文/赵敏 慈辉辉 何君林";
    const r = parseTrailingByline(s);
    expect(r?.start).toBe(s.indexOf("文/"));
    expect(r?.byline.reporters).toEqual(["赵敏", "慈辉辉", "何君林"]);
    expect(parseTrailingByline("这是一句话 文/件很多")).toBeNull();
  });

  it("news agency datelines", () => {
    const r = parseLeadingByline("新华社北京3月7日电(记者 张三 李四)国务院");
    expect(r?.byline).toMatchObject({ text: "新华社北京3月7日电(记者 张三 李四)", source: "新华社", reporters: ["张三", "李四"] });
    expect(parseLeadingByline("新华社北京3月7日电 国务院")?.byline.source).toBe("新华社");
  });

  it("datelines from far away, quoted with 据, or without a date", () => {
    expect(parseStandaloneByline("本报巴西茹伊斯迪福拉6月3日电  （记者陈一鸣）")).toMatchObject({ source: "本报", reporters: ["陈一鸣"] });
    expect(parseLeadingByline("据新华社联合国6月3日电  （记者尚绪谦）联合国")?.byline).toMatchObject({ source: "新华社", reporters: ["尚绪谦"] });
    expect(parseStandaloneByline("本报比什凯克电  （赵晓琳）")).toMatchObject({ source: "本报", reporters: ["赵晓琳"] });
    expect(parseLeadingByline("新华社电 国际奥委会")?.byline.text).toBe("新华社电");
    // A dateless 电 ends at a space or a bracket: a sentence going on is not a dateline.
    expect(parseLeadingByline("本报来电表示感谢")).toBeNull();
    expect(parseLeadingByline("新华网记者来电 称")).toBeNull();
  });

  it("a byline with a mark before it, in brackets, or an author by office", () => {
    expect(parseStandaloneByline("■本报记者 李心萍 刘温馨 实习生 康怡思")).toMatchObject({
      text: "■本报记者 李心萍 刘温馨 实习生 康怡思",
      reporters: ["李心萍", "刘温馨", "康怡思"],
    });
    expect(parseStandaloneByline("（文/尚凯元 图/尚凯元）")).toMatchObject({ text: "（文/尚凯元 图/尚凯元）", reporters: ["尚凯元"], photographers: ["尚凯元"] });
    expect(parseStandaloneByline("（记者 申少铁 尹晓宇 姜晓丹）")?.reporters).toEqual(["申少铁", "尹晓宇", "姜晓丹"]);
    expect(parseStandaloneByline("新华社评论员")).toMatchObject({ source: "新华社" });
    expect(parseStandaloneByline("人民日报特约评论员")).toMatchObject({ source: "人民日报" });
    // A dateline in brackets at a story's end is its source, not a byline; nor is an aside.
    expect(parseStandaloneByline("（据新华社电）")).toBeNull();
    expect(parseStandaloneByline("（本报柏林6月15日电）")).toBeNull();
    expect(parseStandaloneByline("（下转第二版）")).toBeNull();
    expect(parseStandaloneByline("■今日关注")).toBeNull();
  });

  it("XX消息 at paragraph start", () => {
    const r = parseLeadingByline("重庆日报消息 近日，记者从会上获悉");
    expect(r?.byline).toMatchObject({ text: "重庆日报消息", source: "重庆日报" });
  });

  it("an author's name alone", () => {
    expect(parseNameByline("仲音")).toMatchObject({ text: "仲音", source: null, reporters: ["仲音"] });
    expect(parseNameByline("这不是一个名字啊")).toBeNull();
    // A part's label set alone and spaced out like a name is not one.
    for (const label of ["引 子", "尾  声", "征 集", "导读"]) expect(parseNameByline(label), label).toBeNull();
    expect(parseNameByline("晨 曦")?.reporters).toEqual(["晨曦"]);
  });

  it("a few names alone, spaced out or not", () => {
    expect(parseNameByline("李龙彬  葛帅坤")?.reporters).toEqual(["李龙彬", "葛帅坤"]);
    expect(parseNameByline("杨  静  刘  影")?.reporters).toEqual(["杨静", "刘影"]);
    expect(parseNameByline("郁 静 娴")?.reporters).toEqual(["郁静娴"]);
    expect(parseNameByline("张三 这是一句很长的话")).toBeNull();
    expect(parseNameByline("")).toBeNull();
  });

  it("does not take running text for a byline", () => {
    expect(parseLeadingByline("本报今日起改版，敬请关注。")).toBeNull();
    expect(parseStandaloneByline("记者从会上获悉，今年我市将实施五大行动")).toBeNull();
  });
});

describe("hasBylineCue", () => {
  it("marks lines that say who wrote a story though their names cannot be read one by one", () => {
    for (const s of ["（记者邵香云徐思钰张宇琪）", "据新华社哈尔滨5月18日", "■成都日报全媒体记者 孙立极向子丰", "莫瓦西尔·德奥利韦拉·菲略", "中共中央党史和文献研究院", "（文/白光迪）", "新华社评论员", "（董国政）", "（李  云）", "本期主讲人：中国经济体制改革研究会会长  郭兰峰", "中华人民共和国国务院总理  李强", "浙江省杭州市  朱浙萍"]) {
      expect(hasBylineCue(s), s).toBe(true);
    }
  });
  it("does not mark headlines, jump lines and labels", () => {
    for (const s of ["导读", "广告", "（上接第1版）", "人工智能浪潮下", "深挖内容优势 提升传播效能", "引 子", "制图：王 婷", "（伟大征程）", "（一）", "加快建设 农业强省"]) expect(hasBylineCue(s), s).toBe(false);
  });
});
