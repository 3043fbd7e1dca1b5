import type { SectionSeed } from "@/db/queries/sections";

/** The sections a Chinese county paper files its articles under. */
export const STANDARD_SECTIONS: readonly SectionSeed[] = [
  { slug: "news", name: "要闻" },
  { slug: "local", name: "综合" },
  { slug: "economy", name: "经济" },
  { slug: "livelihood", name: "民生" },
  { slug: "opinion", name: "时评" },
  { slug: "features", name: "专题" },
  { slug: "culture", name: "文化" },
  { slug: "supplement", name: "副刊" },
];
