import { getFormatter, getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { listPapers } from "@/db/queries/paper-models";
import { requirePageUser } from "@/services/session";
import { RetrainForm } from "./_components/retrain-form";

export default async function PapersPage() {
  await requirePageUser("trainPaperModels");
  const t = await getTranslations();
  const format = await getFormatter();
  const papers = await listPapers();
  return (
    <>
      <PageTitle title={t("papers.title")} description={t("pages.papers")} />
      {papers.length === 0 ? (
        <p className="text-sm text-stone-600">{t("papers.empty")}</p>
      ) : (
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-stone-300 text-left">
              <th scope="col" className="py-2 pr-4">{t("papers.paper")}</th>
              <th scope="col" className="py-2 pr-4">{t("papers.imports")}</th>
              <th scope="col" className="py-2 pr-4">{t("papers.accepted")}</th>
              <th scope="col" className="py-2 pr-4">{t("papers.model")}</th>
              <th scope="col" className="py-2" />
            </tr>
          </thead>
          <tbody>
            {papers.map((p) => (
              <tr key={p.paper} aria-label={p.paper} className="border-b border-stone-200 align-top">
                <th scope="row" className="py-2 pr-4 text-left font-semibold">{p.paper}</th>
                <td className="py-2 pr-4">{p.imports}</td>
                <td className="py-2 pr-4">{p.accepted}</td>
                <td className="py-2 pr-4" data-testid="paper-model">
                  {p.model
                    ? t(p.model.adopted ? "papers.trained" : p.model.labAccuracy === null ? "papers.trainedOnePage" : "papers.trainedWorse", {
                        pages: p.model.pages,
                        at: format.dateTime(p.model.trainedAt, { dateStyle: "medium", timeStyle: "short" }),
                      })
                    : t("papers.none")}
                </td>
                <td className="py-2">
                  <RetrainForm paper={p.paper} disabled={p.accepted === 0} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
