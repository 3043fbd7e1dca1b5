import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PhotoBadges } from "@/components/media/photo-badges";
import { PageTitle } from "@/components/desk/page-title";
import { listMedia } from "@/db/queries/media";
import { requirePageUser } from "@/services/session";
import { LibraryUploader } from "./_components/library-uploader";

type Search = { q?: string; from?: string; to?: string; page?: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PAGE_SIZE = 48;

/** The media library: upload, find by caption, credit or date, and see each photo's state and uses. */
export default async function MediaLibraryPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePageUser("managePhotos");
  const t = await getTranslations();
  const format = await getFormatter();
  const sp = await searchParams;
  const q = sp.q?.trim().slice(0, 200) ?? "";
  const from = DAY.test(sp.from ?? "") ? sp.from : undefined;
  const to = DAY.test(sp.to ?? "") ? sp.to : undefined;
  const page = Math.max(1, Math.min(1000, Number(sp.page) || 1));
  const { items, total } = await listMedia({ q, from, to, page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const link = (p: number) => `/desk/media?${new URLSearchParams({ ...(q ? { q } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), page: String(p) })}`;
  const input = "rounded border border-stone-400 bg-white px-2 py-1";

  return (
    <>
      <PageTitle title={t("nav.media")} description={t("pages.media")} />
      <section aria-label={t("media.upload.choose")} className="mb-6">
        <LibraryUploader />
      </section>
      <form method="get" role="search" aria-label={t("media.search.label")} className="mb-4 flex flex-wrap items-end gap-2 text-sm">
        <label className="flex min-w-64 flex-1 flex-col gap-1">
          {t("media.search.q")}
          <input name="q" type="search" defaultValue={q} placeholder={t("media.search.placeholder")} className={input} />
        </label>
        <label className="flex flex-col gap-1">
          {t("media.search.from")}
          <input name="from" type="date" defaultValue={from ?? ""} className={input} />
        </label>
        <label className="flex flex-col gap-1">
          {t("media.search.to")}
          <input name="to" type="date" defaultValue={to ?? ""} className={input} />
        </label>
        <button type="submit" className="rounded bg-accent px-3 py-1.5 font-medium text-white">
          {t("media.search.submit")}
        </button>
        {q || from || to ? (
          <Link href="/desk/media" className="px-2 py-1.5 underline">
            {t("media.search.clear")}
          </Link>
        ) : null}
      </form>
      <p className="mb-2 text-sm text-stone-600">{t("media.search.count", { total })}</p>
      {items.length === 0 ? (
        <p className="text-stone-600">{t("media.search.none")}</p>
      ) : (
        <ul aria-label={t("nav.media")} className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4">
          {items.map((m) => (
            <li key={m.id} className="flex flex-col gap-1 rounded border border-stone-300 bg-white p-2 text-sm">
              <Link href={`/desk/media/${m.id}`} className="group flex flex-col gap-1">
                {m.status === "ready" ? (
                  // eslint-disable-next-line @next/next/no-img-element -- the desk's own preview route, no optimiser
                  <img src={`/api/media/${m.id}/preview`} alt={m.alt} width={240} height={160} loading="lazy" className="aspect-[3/2] w-full rounded-sm bg-stone-200 object-cover" />
                ) : (
                  <span className="flex aspect-[3/2] w-full items-center justify-center rounded-sm bg-stone-200 text-xs text-stone-600">
                    {t(`media.status.${m.status}`)}
                  </span>
                )}
                <span className="line-clamp-2 font-medium group-hover:underline">{m.caption || t("media.noCaption")}</span>
              </Link>
              {m.credit ? <span className="text-xs text-stone-700">{m.credit}</span> : null}
              <PhotoBadges status={m.status} alt={m.alt} labels={{ status: t(`media.status.${m.status}`), noAlt: t("media.noAlt") }} />
              <span className="text-xs text-stone-600">
                #{m.id} · {format.dateTime(m.takenAt ?? m.createdAt, { dateStyle: "medium" })} · {m.uses > 0 ? t("media.uses", { count: m.uses }) : t("media.unused")}
              </span>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 ? (
        <nav aria-label={t("media.search.label")} className="mt-4 flex gap-4 text-sm">
          {page > 1 ? (
            <Link href={link(page - 1)} className="underline">
              {t("media.prev")}
            </Link>
          ) : null}
          <span>
            {page} / {pages}
          </span>
          {page < pages ? (
            <Link href={link(page + 1)} className="underline">
              {t("media.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
