import { removeTemporaryDatabase } from "@/db/testing/temporary-database";
import { afterAll, describe, expect, it } from "vitest";
import { anImport, aUser } from "@/db/testing/builders";
import { getPaperModel, listCorrectedImports, listPapers, savePaperModel } from "./paper-models";

afterAll(removeTemporaryDatabase);

const admin = await aUser({ role: "admin" });
const editor = await aUser({ role: "editor" });

describe("a paper's own model", () => {
  it("is stored per paper and replaced by the next training, its layer kept as written", async () => {
    const layer = { version: 1, weights: { "line:short": 0.25, "line:bracket": -1.5 } };
    const first = await savePaperModel({ paper: "荣昌报", model: layer, pages: 3, labAccuracy: 0.81, paperAccuracy: 0.9, trainedById: admin.id });
    expect(first).toMatchObject({ paper: "荣昌报", model: layer, pages: 3, labAccuracy: 0.81, paperAccuracy: 0.9 });
    const again = await savePaperModel({ paper: "荣昌报", model: null, pages: 4, labAccuracy: 0.85, paperAccuracy: 0.84, trainedById: admin.id });
    expect(again).toMatchObject({ model: null, pages: 4 });
    expect(again.updatedAt.getTime()).toBeGreaterThanOrEqual(first.updatedAt.getTime());
    expect(await getPaperModel({ paper: "荣昌报" })).toMatchObject({ model: null, pages: 4, labAccuracy: 0.85 });
    expect(await getPaperModel({ paper: "没有的报纸" })).toBeUndefined();
  });

  it("lists the papers imported, with their imports and last training; only accepted text imports are training material", async () => {
    const { item } = await anImport({ by: editor });
    const papers = await listPapers();
    const paper = papers.find((p) => p.paper === item.paper);
    expect(paper).toMatchObject({ imports: 1, accepted: 0 });
    expect(await listCorrectedImports({ paper: item.paper as string })).toEqual([]);
  });
});
