import { useTranslations } from "next-intl";
import { DateInput } from "@/components/ui/date-input";

export const FILTER_INPUT = "rounded border border-stone-400 bg-white px-2 py-1";

/** A section picker: every section, and a first choice with no section (its label given). */
export function SectionSelect({
  name,
  sections,
  emptyLabel,
  defaultValue,
  className = FILTER_INPUT,
}: {
  name: string;
  sections: readonly { id: number; name: string }[];
  emptyLabel: string;
  defaultValue?: number | string;
  className?: string;
}) {
  return (
    <select name={name} defaultValue={defaultValue ?? ""} className={className}>
      <option value="">{emptyLabel}</option>
      {sections.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );
}

/** Where in print: the issue date, page and section fields of a list's filter form (GET: issue, page, section). */
export function PrintFilters({
  sections,
  issueDate,
  pageNumber,
  sectionId,
}: {
  sections: readonly { id: number; name: string }[];
  issueDate?: string;
  pageNumber?: number;
  sectionId?: number;
}) {
  const t = useTranslations("articles.filters");
  const common = useTranslations("common");
  return (
    <>
      <label className="flex flex-col gap-1">
        {t("issue")}
        <DateInput name="issue" defaultValue={issueDate ?? ""} placeholder={common("datePlaceholder")} className={`${FILTER_INPUT} w-44`} />
      </label>
      <label className="flex flex-col gap-1">
        {t("page")}
        <input name="page" type="number" min={1} max={200} defaultValue={pageNumber ?? ""} className={`${FILTER_INPUT} w-20`} />
      </label>
      <label className="flex flex-col gap-1">
        {t("section")}
        <SectionSelect name="section" sections={sections} emptyLabel={t("all")} defaultValue={sectionId} />
      </label>
    </>
  );
}
