import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { Button } from "@/components/ui/button";
import { listAuditActions, listAuditEntries } from "@/db/queries/audit";
import { listUsers } from "@/db/queries/users";
import { requirePageUser } from "@/services/session";
import { auditActionKey } from "@/lib/vocabulary";

const PAGE_SIZE = 50;

// A deleted import's raw text is kept in its entry (megabytes, perhaps): the list shows the start.
const DETAIL_CHARS = 600;
function shortJson(detail: unknown): string {
  const json = JSON.stringify(detail);
  return json.length > DETAIL_CHARS ? `${json.slice(0, DETAIL_CHARS)}…` : json;
}

type Params = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requirePageUser("readAudit");
  const t = await getTranslations("audit");
  const tAll = await getTranslations();
  // The phrase for people; the code stays beside it (translate="no") for those who search logs by it.
  const actionLabel = (code: string) => (tAll.has(auditActionKey(code)) ? tAll(auditActionKey(code)) : code);
  const targetLabel = (type: string) => (t.has(`targets.${type}`) ? t(`targets.${type}` as "targets.article") : type);
  const format = await getFormatter();
  const params = await searchParams;
  const userParam = Number(one(params.user));
  const actorId = Number.isSafeInteger(userParam) && userParam > 0 ? userParam : undefined;
  const action = one(params.action);
  const requested = Number(one(params.page));
  // Any number in the URL is clamped, so a hand-typed ?page=1e18 is a page, not a database error.
  const page = Math.min(Number.isSafeInteger(requested) && requested > 0 ? requested : 1, 1_000_000);
  const { rows, total } = await listAuditEntries({ actorId, action, page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const users = await listUsers();
  const actions = await listAuditActions();

  const linkTo = (p: number) => {
    const q = new URLSearchParams();
    if (actorId) q.set("user", String(actorId));
    if (action) q.set("action", action);
    q.set("page", String(p));
    return `/desk/admin/audit?${q}`;
  };

  return (
    <>
      <PageTitle title={t("title")} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm">
          {t("filterUser")}
          <select name="user" defaultValue={actorId ?? ""} className="rounded border border-stone-400 bg-white px-2 py-1.5">
            <option value="">{t("all")}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("filterAction")}
          <select name="action" defaultValue={action ?? ""} className="rounded border border-stone-400 bg-white px-2 py-1.5">
            <option value="">{t("all")}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary">
          {t("filter")}
        </Button>
      </form>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-left">
                <th className="p-2">{t("when")}</th>
                <th className="p-2">{t("who")}</th>
                <th className="p-2">{t("action")}</th>
                <th className="p-2">{t("target")}</th>
                <th className="p-2">{t("detail")}</th>
                <th className="p-2">{t("ip")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-stone-200 align-top">
                  <td className="whitespace-nowrap p-2">
                    <time dateTime={r.createdAt.toISOString()}>
                      {format.dateTime(r.createdAt, { dateStyle: "short", timeStyle: "medium" })}
                    </time>
                  </td>
                  <td className="p-2">{r.actorName ?? r.actorEmail ?? t("anonymous")}</td>
                  <td className="p-2">
                    {actionLabel(r.action)}
                    <code translate="no" className="block text-xs text-stone-500">
                      {r.action}
                    </code>
                  </td>
                  <td className="p-2">
                    {/* The target's id is a code (an article number, a route, action:saveArticle), not interface text: no translator touches it. */}
                    {r.targetType ? (
                      <>
                        {targetLabel(r.targetType)} <span translate="no">{r.targetId ?? ""}</span>
                      </>
                    ) : (
                      ""
                    )}
                  </td>
                  <td translate="no" className="max-w-xs break-all p-2 font-mono text-xs">
                    {r.detail ? shortJson(r.detail) : ""}
                  </td>
                  <td className="p-2">{r.ip ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="mt-4 flex items-center gap-4 text-sm" aria-label={t("page", { page, pages, total })}>
        {page > 1 ? <Link href={linkTo(page - 1)}>{t("prev")}</Link> : null}
        <span>{t("page", { page, pages, total })}</span>
        {page < pages ? <Link href={linkTo(page + 1)}>{t("next")}</Link> : null}
      </nav>
    </>
  );
}
