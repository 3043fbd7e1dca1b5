import type { SectionSeed } from "@/db/queries/sections";

/** The sections a Chinese county paper files its articles under. */
export const STANDARD_SECTIONS: readonly SectionSeed[] = [
  { slug: "news", name: "要闻", nameEn: "News" },
  { slug: "local", name: "综合", nameEn: "Local" },
  { slug: "economy", name: "经济", nameEn: "Economy" },
  { slug: "livelihood", name: "民生", nameEn: "Daily life" },
  { slug: "opinion", name: "时评", nameEn: "Opinion" },
  { slug: "features", name: "专题", nameEn: "Features" },
  { slug: "culture", name: "文化", nameEn: "Culture" },
  { slug: "supplement", name: "副刊", nameEn: "Literary supplement" },
];
