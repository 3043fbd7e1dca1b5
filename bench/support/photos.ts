import { saveArticle } from "@/db/queries/article-workflow";
import { getArticleById } from "@/db/queries/articles";
import { getLatestPublicIssue } from "@/db/queries/public/issues";
import { listPublicHeadlinesOfPage, listPublicPagesOfIssue } from "@/db/queries/public/pages";
import { getUserByEmail } from "@/db/queries/users";
import { withLeadPhoto } from "@/lib/article-body/photos";
import { generatedPhoto } from "@/lib/media/generated-photos";
import { kickMediaJobs } from "@/services/media/jobs";
import { addPhoto } from "@/services/media/library";

/**
 * Lead photos for the first `count` stories of the latest issue's page 1, as the newsroom adds
 * them: a camera-sized photo (3000 × 2000, sensor grain) uploaded through addPhoto, its sizes made
 * by the processing job, placed by a save. Call after the archive is seeded, before the server starts.
 */
export async function seedLeadPhotos({ count = 4 }: { count?: number } = {}): Promise<number> {
  const editor = await getUserByEmail({ email: "editor@folio.local" });
  const issue = await getLatestPublicIssue();
  const page = issue ? (await listPublicPagesOfIssue({ issueId: issue.id }))[0] : undefined;
  if (!editor || !page) throw new Error("seed the archive first");
  const stories = (await listPublicHeadlinesOfPage({ pageId: page.id })).slice(0, count);
  for (const [i, story] of stories.entries()) {
    const bytes = await generatedPhoto({ seed: 9000 + i, width: 3000, height: 2000, grain: 24, quality: 92 });
    const { media } = await addPhoto({ bytes, fileName: `bench-${i}.jpg`, caption: `${story.title}（配图）`, credit: "记者 张三 摄", alt: "演示用的插画：远山、太阳和一排村舍", uploadedById: editor.id });
    await kickMediaJobs();
    const article = (await getArticleById({ id: story.id }))!;
    const saved = await saveArticle({
      id: article.id,
      baseVersion: article.version,
      changes: { body: withLeadPhoto(article.body, media.id, `${story.title}（配图）记者 张三 摄`) },
      note: "配图",
      actor: { id: editor.id, role: editor.role, email: editor.email },
      ip: null,
    });
    if (!saved.ok) throw new Error(`placing the bench photo failed: ${saved.reason}`);
  }
  return stories.length;
}
