import { describe, expect, it } from "vitest";
import type { Label } from "@/lib/ingest/model/grammar";
import { classifyMiss } from "./misses";

describe("classifyMiss", () => {
  // Two stories: the second opens with its title, then its body.
  const truth: Label[] = ["T!", "P", "P+", "T!", "P", "P+"];
  const owners = [0, 0, 0, 1, 1, 1];

  it("names the first line of the article the labeller got wrong", () => {
    const decoded: Label[] = ["T!", "P", "P+", "K!", "T", "P"];
    expect(classifyMiss(truth, owners, decoded, 1)).toEqual({ kind: "T!->K!", line: 3 });
  });

  it("looks at the line after an article labelled right: the story not closed", () => {
    const decoded: Label[] = ["T!", "P", "P+", "P", "P", "P+"];
    expect(classifyMiss(truth, owners, decoded, 0)).toEqual({ kind: "after:T!->P", line: 3 });
  });

  it("says when every label is right (the reading's or the assembly's miss) and when no line holds the article", () => {
    expect(classifyMiss(truth, owners, truth, 1)).toEqual({ kind: "labelsRight", line: 3 });
    expect(classifyMiss(truth, owners, truth, 2)).toEqual({ kind: "noLines", line: -1 });
  });
});
