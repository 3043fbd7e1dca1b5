"use client";

import { useTranslations } from "next-intl";
import { Field } from "@/components/ui/field";
import { MASTHEAD_FIELDS, type ImportMasthead, type MastheadValues } from "@/lib/validations/imports";

// Highlighted, not marked invalid: nothing is wrong yet, accepting will need it.
const NEEDED_INPUT = "rounded border-2 border-amber-500 bg-amber-50 px-2 py-1.5 text-sm aria-invalid:border-red-700";

const NUMERIC = new Set<keyof ImportMasthead>(["totalIssueNo", "issueNo", "pageCount", "pageNumber"]);

/**
 * The masthead's fields (paper, date, numbers, page, page name), as the new-import form and the
 * workbench both ask for them; `needed` marks the ones accepting will need.
 */
export function MastheadFields({
  idPrefix,
  values,
  onChange,
  errors = {},
  needed = [],
}: {
  idPrefix: string;
  values: MastheadValues;
  onChange: (values: MastheadValues) => void;
  errors?: Record<string, string | undefined>;
  needed?: readonly (keyof ImportMasthead)[];
}) {
  const t = useTranslations("imports");
  const tCommon = useTranslations("common");
  return (
    <>
      {MASTHEAD_FIELDS.map((field) => (
        <Field
          key={field}
          id={`${idPrefix}-${field}`}
          name={field}
          label={t(`fields.${field}`)}
          inputMode={field === "issueDate" || NUMERIC.has(field) ? "numeric" : undefined}
          placeholder={field === "issueDate" ? tCommon("datePlaceholder") : undefined}
          autoComplete="off"
          value={values[field]}
          onChange={(e) => onChange({ ...values, [field]: e.currentTarget.value })}
          error={errors[field]}
          hint={needed.includes(field) ? t("neededForAccept") : undefined}
          {...(needed.includes(field) ? { "aria-required": true, className: NEEDED_INPUT } : {})}
        />
      ))}
    </>
  );
}
