import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/desk/page-title";
import { Panel } from "@/components/ui/panel";
import { listSections } from "@/db/queries/sections";
import { requirePageUser } from "@/services/session";
import { CreateSectionForm, SectionRowForms } from "./_components/section-forms";

export default async function SectionsPage() {
  await requirePageUser("manageSections");
  const t = await getTranslations();
  const sections = await listSections();
  return (
    <>
      <PageTitle title={t("sections.title")} description={t("pages.sections")} />
      <Panel id="create-section" title={t("sections.create")} className="mb-6">
        <CreateSectionForm />
      </Panel>
      <ol className="flex flex-col gap-3">
        {sections.map((s, i) => (
          <li
            key={s.id}
            aria-label={s.name}
            className={`rounded border border-stone-300 p-3 ${s.hidden ? "bg-stone-100" : "bg-white"}`}
          >
            <p className="mb-2 text-sm font-semibold">
              {i + 1}. {s.name} <span className="font-mono font-normal text-stone-600">/sections/{s.slug}</span>
              {s.hidden ? <span className="ml-2 rounded bg-stone-300 px-1 text-xs">{t("sections.hidden")}</span> : null}
            </p>
            <SectionRowForms
              section={{ id: s.id, name: s.name, nameEn: s.nameEn, slug: s.slug, approvalsRequired: s.approvalsRequired, hidden: s.hidden, version: s.version }}
              first={i === 0}
              last={i === sections.length - 1}
            />
          </li>
        ))}
      </ol>
    </>
  );
}
