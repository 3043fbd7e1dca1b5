import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en.json";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import { articleFieldsSchema } from "@/lib/validations/articles";
import { WORKBENCH_ROLES } from "@/lib/workbench/types";
import {
  ARTICLE_FIELDS,
  HEADLINE_ROLES,
  PRINTED_FIELD_KEYS,
  articleFormFields,
  formFieldValues,
  headlineFieldsOf,
  type ArticleFieldValues,
} from "./fields";

const message = (messages: unknown, key: string): unknown =>
  key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), messages);

const STORED: ArticleFieldValues = {
  kicker: "春耕备耕",
  title: "全县春耕现场会召开",
  subtitle: "各乡镇抓好农资供应",
  rubric: "乡村振兴",
  byline: "本报讯(记者 张雪 通讯员 李明 摄影 王强)",
  source: "本报讯",
  reporters: ["张雪"],
  correspondents: ["李明"],
  photographers: ["王强"],
  sectionId: 3,
  language: "zh-CN",
};

describe("ARTICLE_FIELDS", () => {
  it("has a label in both interface languages, and its English name is the English label", () => {
    for (const f of ARTICLE_FIELDS) {
      expect(message(zhCN, f.label), f.key).toEqual(expect.any(String));
      expect(message(en, f.label), f.key).toBe(f.name);
    }
  });

  it("reads printed fields only from workbench roles that exist", () => {
    for (const role of HEADLINE_ROLES) expect(WORKBENCH_ROLES).toContain(role);
  });

  it("keeps the engine's headline fields in the order of the public JSON contract", () => {
    expect(PRINTED_FIELD_KEYS).toEqual(["kicker", "title", "subtitle", "rubric", "byline", "source", "reporters", "correspondents", "photographers"]);
  });

  it("gives every field exactly one rule in the article schema", () => {
    expect(Object.keys(articleFieldsSchema.shape)).toEqual(ARTICLE_FIELDS.map((f) => f.key));
  });
});

describe("headlineFieldsOf", () => {
  it("copies the printed fields in order and nothing else", () => {
    const copy = headlineFieldsOf({ ...STORED, id: 7, body: null } as typeof STORED & { id: number; body: null });
    expect(Object.keys(copy)).toEqual(PRINTED_FIELD_KEYS);
    expect(copy).toEqual({ ...STORED, sectionId: undefined, language: undefined });
  });
});

describe("the editor form's fields", () => {
  it("hold a stored article as text and read back to the same values", () => {
    const form = articleFormFields(STORED);
    expect(form.reporters).toBe("张雪");
    expect(form.sectionId).toBe("3");
    expect(formFieldValues(form)).toEqual(STORED);
  });

  it("hold no value as an empty field, and read an empty field as no value", () => {
    const empty: ArticleFieldValues = { ...STORED, kicker: null, reporters: [], correspondents: [], sectionId: null };
    const form = articleFormFields(empty);
    expect([form.kicker, form.reporters, form.sectionId]).toEqual(["", "", ""]);
    expect(formFieldValues({ ...form, kicker: "  " })).toEqual(empty);
  });

  it("read as the schema reads them", () => {
    const form = { ...articleFormFields(STORED), reporters: "张雪、 李四，王五", subtitle: "  副题  " };
    const parsed = articleFieldsSchema.parse(form);
    const shown = formFieldValues(form);
    expect(shown.reporters).toEqual(parsed.reporters);
    expect(shown.subtitle).toBe(parsed.subtitle);
  });
});

describe("the article schema's limits come from the field set", () => {
  const form = articleFormFields(STORED);
  for (const f of ARTICLE_FIELDS) {
    if (f.kind === "text") {
      it(`${f.key}: ${f.max} characters pass, one more is too long`, () => {
        expect(articleFieldsSchema.safeParse({ ...form, [f.key]: "字".repeat(f.max) }).success).toBe(true);
        const over = articleFieldsSchema.safeParse({ ...form, [f.key]: "字".repeat(f.max + 1) });
        expect(over.error?.issues[0]?.message).toBe("validation.tooLong");
      });
    }
    if (f.kind === "names") {
      it(`${f.key}: ${f.count} names of ${f.nameMax} characters pass, one more name or character is too long`, () => {
        const names = (n: number, length: number) => Array.from({ length: n }, (_, i) => String(i % 10).repeat(length)).join(" ");
        expect(articleFieldsSchema.safeParse({ ...form, [f.key]: names(f.count, 2) }).success).toBe(true);
        expect(articleFieldsSchema.safeParse({ ...form, [f.key]: names(f.count + 1, 2) }).success).toBe(false);
        expect(articleFieldsSchema.safeParse({ ...form, [f.key]: names(1, f.nameMax) }).success).toBe(true);
        expect(articleFieldsSchema.safeParse({ ...form, [f.key]: names(1, f.nameMax + 1) }).success).toBe(false);
      });
    }
  }

  it("blank text is none, except in a required field, which keeps it empty", () => {
    expect(articleFieldsSchema.parse({ ...form, title: "  " }).title).toBe("");
    expect(articleFieldsSchema.parse({ ...form, kicker: "  " }).kicker).toBeNull();
  });
});
