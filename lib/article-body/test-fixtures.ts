import type { ArticleBody } from "./types";

/** A body shaped like a real county-paper story, using every node and mark the contract allows. */
export const REALISTIC_BODY: ArticleBody = {
  type: "doc",
  content: [
    { type: "photo", attrs: { mediaId: 7, lead: true }, content: [{ type: "text", text: "全县春耕生产现场会会场。" }] },
    {
      type: "lead",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "本报讯", marks: [{ type: "bold" }] },
            { type: "text", text: "（记者 王𠀀 通讯员 李𪚥）3月8日，全县春耕生产现场会在城关镇召开。" },
          ],
        },
      ],
    },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "会议要求，各乡镇要抓好" },
        { type: "text", text: "种子、化肥", marks: [{ type: "italic" }] },
        { type: "text", text: "等农资供应，详见" },
        { type: "text", text: "县农业农村局网站", marks: [{ type: "link", attrs: { href: "https://nyj.example.gov.cn/spring" } }] },
        { type: "text", text: "。" },
      ],
    },
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "抓好三项重点" }] },
    {
      type: "orderedList",
      content: [
        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "确保种子质量" }] }] },
        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "保障化肥供应" }] }] },
      ],
    },
    { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: "群众说" }] },
    {
      type: "blockquote",
      content: [
        {
          type: "paragraph",
          content: [{ type: "text", text: "“今年的种子来得早，" }, { type: "hardBreak" }, { type: "text", text: "心里踏实。”" }],
        },
      ],
    },
    {
      type: "bulletList",
      content: [
        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "咨询电话见" }, { type: "text", text: "本报网站", marks: [{ type: "link", attrs: { href: "/contact" } }] }] }] },
        { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "来信：", marks: [{ type: "bold" }, { type: "italic" }] }, { type: "text", text: "news@example.cn", marks: [{ type: "link", attrs: { href: "mailto:news@example.cn" } }] }] }] },
      ],
    },
    { type: "caption", content: [{ type: "text", text: "图为农技人员在田间指导。👩‍🌾 本报记者 摄" }] },
    { type: "photo", attrs: { mediaId: 8, lead: false }, content: [{ type: "text", text: "图为农民在田间播种。记者 王𠀀 摄" }] },
    { type: "paragraph" },
  ],
};
