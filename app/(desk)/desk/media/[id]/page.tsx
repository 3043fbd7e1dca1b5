import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ArticleStateBadge } from "@/components/desk/article-state-badge";
import { PageTitle } from "@/components/desk/page-title";
import { Notice } from "@/components/ui/notice";
import { getMediaById, listMediaUses } from "@/db/queries/media";
import { getUserById } from "@/db/queries/users";
import { requirePageUser } from "@/services/session";
import { PhotoForm } from "./_components/photo-form";

/** One photo: its picture, caption, credit, alt text and focal point to edit, its file, and where it is used. */
export default async function PhotoPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("managePhotos");
  const id = Number((await params).id);
  const photo = Number.isSafeInteger(id) && id > 0 ? await getMediaById({ id }) : undefined;
  if (!photo) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const uses = await listMediaUses({ mediaId: photo.id });
  const uploader = await getUserById({ id: photo.uploadedById });
  const row = "grid grid-cols-[7rem_minmax(0,1fr)] gap-x-2";

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/desk/media" className="underline">
          ← {t("media.detail.back")}
        </Link>
      </p>
      <PageTitle title={t("media.detail.title", { id: photo.id })} description={photo.caption || undefined} />
      {photo.status === "failed" ? <Notice tone="error">{t("media.detail.failure", { reason: photo.failure ?? "?" })}</Notice> : null}
      {photo.status === "processing" ? <Notice tone="warning">{t("media.detail.processing")}</Notice> : null}
      <div className="mt-4 grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <PhotoForm
          photo={{
            id: photo.id,
            version: photo.version,
            caption: photo.caption,
            credit: photo.credit,
            photographers: photo.photographers,
            alt: photo.alt,
            focalX: photo.focalX,
            focalY: photo.focalY,
            width: photo.width,
            height: photo.height,
            ready: photo.status === "ready",
          }}
        />
        <div className="flex flex-col gap-6 text-sm">
          <section aria-labelledby="photo-file">
            <h2 id="photo-file" className="mb-2 text-lg font-semibold">
              {t("media.detail.info")}
            </h2>
            <dl className="flex flex-col gap-1">
              <div className={row}>
                <dt className="text-stone-600">{t("media.detail.fileName")}</dt>
                <dd className="break-all">{photo.fileName ?? "—"}</dd>
              </div>
              <div className={row}>
                <dt className="text-stone-600">{t("media.detail.format")}</dt>
                <dd>{photo.format.toUpperCase()}</dd>
              </div>
              <div className={row}>
                <dt className="text-stone-600">{t("media.detail.size")}</dt>
                <dd>{t("media.detail.sizeValue", { width: photo.width, height: photo.height, mb: (photo.bytes / 1024 / 1024).toFixed(1) })}</dd>
              </div>
              <div className={row}>
                <dt className="text-stone-600">{t("media.detail.takenAt")}</dt>
                <dd>{photo.takenAt ? format.dateTime(photo.takenAt, { dateStyle: "medium", timeStyle: "short" }) : "—"}</dd>
              </div>
              <div className={row}>
                <dt className="text-stone-600">{t("media.detail.uploaded")}</dt>
                <dd>{t("media.detail.uploadedValue", { name: uploader?.name ?? "?", at: format.dateTime(photo.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}</dd>
              </div>
            </dl>
            <p className="mt-2">
              <a href={`/api/media/${photo.id}/original`} className="underline">
                {t("media.detail.download")}
              </a>
            </p>
          </section>
          <section aria-labelledby="photo-uses">
            <h2 id="photo-uses" className="mb-2 text-lg font-semibold">
              {t("media.detail.usedIn")}
            </h2>
            {uses.length === 0 ? (
              <p className="text-stone-600">{t("media.detail.notUsed")}</p>
            ) : (
              <ul className="flex flex-col gap-1">
                {uses.map((u) => (
                  <li key={u.articleId} className="flex flex-wrap items-center gap-2">
                    <Link href={`/desk/articles/${u.articleId}`} className="underline">
                      {u.title || t("imports.untitled")}
                    </Link>
                    <ArticleStateBadge state={u.state} />
                    {u.lead ? <span className="text-xs text-stone-600">{t("media.detail.lead")}</span> : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
