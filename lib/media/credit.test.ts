import { describe, expect, it } from "vitest";
import { captionAndCredit, parseCredit, splitCaption } from "./credit";

describe("parseCredit", () => {
  it.each([
    ["记者 张三 摄", ["张三"]],
    ["本报记者 张三 李四 摄", ["张三", "李四"]],
    ["融媒体中心记者 张泽美 摄", ["张泽美"]],
    ["新华社记者 王五 摄", ["王五"]],
    ["记者 张三 通讯员 李四 摄", ["张三", "李四"]],
    ["记者张三摄", ["张三"]],
    ["张三 摄", ["张三"]],
    ["张三 李四 摄影", ["张三", "李四"]],
    ["图/赵敏", ["赵敏"]],
    ["摄影 欧阳晓明", ["欧阳晓明"]],
    ["受访者供图", []],
    ["资料图片", []],
  ])("reads %s", (text, photographers) => {
    expect(parseCredit(text)).toEqual({ text, photographers });
  });

  it.each(["", "图为荣昌区安富街道普陀村水涵养地项目。", "记者 张三", "本报讯(融媒体中心记者 张雪)", "这是一段很长的正文，不是署名 摄"])("refuses %s", (text) => {
    expect(parseCredit(text)).toBeNull();
  });
});

describe("splitCaption", () => {
  it("takes a credit after the caption's last sentence", () => {
    expect(splitCaption("图为荣昌区安富街道普陀村水涵养地项目。记者 张泽美 摄")).toEqual({
      caption: "图为荣昌区安富街道普陀村水涵养地项目。",
      credit: { text: "记者 张泽美 摄", photographers: ["张泽美"] },
    });
  });

  it("takes a credit in parentheses at the end", () => {
    expect(splitCaption("3月7日，代表们参观企业生产线。（记者 张雪 摄）")).toEqual({
      caption: "3月7日，代表们参观企业生产线。",
      credit: { text: "记者 张雪 摄", photographers: ["张雪"] },
    });
  });

  it("takes a credit set off by a space, preferring one that starts with a role word", () => {
    expect(splitCaption("「归园陶居」安富普陀村水涵养地项目 记者 张泽美 摄")).toEqual({
      caption: "「归园陶居」安富普陀村水涵养地项目",
      credit: { text: "记者 张泽美 摄", photographers: ["张泽美"] },
    });
    expect(splitCaption("荣昌夏布 受访者供图").credit).toEqual({ text: "受访者供图", photographers: [] });
  });

  it("does not mistake a short caption word for a name when the credit has names alone", () => {
    expect(splitCaption("图为会场 张三 摄")).toEqual({ caption: "图为会场", credit: { text: "张三 摄", photographers: ["张三"] } });
  });

  it("leaves a caption without a credit exactly as it is", () => {
    for (const text of ["重庆市畜牧科学院等单位正积极推动荣昌国家畜牧科技城建设。", "「归园陶居」项目全景", "（资料）荣昌 夏布"]) {
      expect(splitCaption(text)).toEqual({ caption: text, credit: null });
    }
  });
});

describe("captionAndCredit", () => {
  it("reads a credit given on its own, and otherwise takes one off the end of the caption", () => {
    expect(captionAndCredit({ caption: " 图为会场。 ", credit: " 记者 张三 摄 " })).toEqual({ caption: "图为会场。", credit: "记者 张三 摄", photographers: ["张三"] });
    expect(captionAndCredit({ caption: "图为会场。记者 张三 摄" })).toEqual({ caption: "图为会场。", credit: "记者 张三 摄", photographers: ["张三"] });
    expect(captionAndCredit({ caption: "图为会场。", credit: "" })).toEqual({ caption: "图为会场。", credit: "", photographers: [] });
    expect(captionAndCredit({ caption: "", credit: "本报资料" })).toEqual({ caption: "", credit: "本报资料", photographers: [] });
  });
});
