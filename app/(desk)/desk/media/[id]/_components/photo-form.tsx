"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { FocalPointPicker } from "@/components/media/focal-point-picker";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { captionAndCredit, parseCredit } from "@/lib/media/credit";
import { updatePhotoAction } from "../../actions";

type Photo = {
  id: number;
  version: number;
  caption: string;
  credit: string;
  photographers: string[];
  alt: string;
  focalX: number;
  focalY: number;
  width: number;
  height: number;
  ready: boolean;
};

/**
 * A photo's caption, credit, alt text and focal point. Alt text is prefilled from the caption
 * (without its credit) when it has none, for the person to check and save: it is never written
 * for them.
 */
export function PhotoForm({ photo }: { photo: Photo }) {
  const t = useTranslations("media.detail");
  const router = useRouter();
  const focalId = useId();
  const prefilled = photo.alt.trim() === "" && photo.caption.trim() !== "";
  const [values, setValues] = useState({
    caption: photo.caption,
    credit: photo.credit,
    alt: prefilled ? captionAndCredit({ caption: photo.caption }).caption : photo.alt,
    focalX: photo.focalX,
    focalY: photo.focalY,
  });
  const [version, setVersion] = useState(photo.version);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const photographers = parseCredit(values.credit)?.photographers ?? [];

  // Alt text may stay empty while a photo is being described; an article showing it cannot be published so.
  const save = async () => {
    setSaving(true);
    const result = await updatePhotoAction({ id: photo.id, baseVersion: version, ...values });
    setSaving(false);
    setMessage({ ok: result.ok, text: result.message });
    setFieldErrors(result.ok ? {} : (result.fieldErrors ?? {}));
    if (result.ok) {
      setVersion(result.version);
      router.refresh();
    }
  };

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {photo.ready ? (
        <div className="flex flex-col gap-1">
          <FocalPointPicker
            src={`/api/media/${photo.id}/preview`}
            width={photo.width}
            height={photo.height}
            x={values.focalX}
            y={values.focalY}
            label={t("focal")}
            describedBy={focalId}
            onChange={(focalX, focalY) => setValues((v) => ({ ...v, focalX, focalY }))}
          />
          <p id={focalId} className="text-xs text-stone-600">
            {t("focalHint")} {t("focalValue", { x: Math.round(values.focalX * 100), y: Math.round(values.focalY * 100) })}
          </p>
        </div>
      ) : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="photo-caption" className="text-sm font-medium">
          {t("caption")}
        </label>
        <textarea
          id="photo-caption"
          value={values.caption}
          onChange={(e) => setValues((v) => ({ ...v, caption: e.target.value }))}
          aria-describedby="photo-caption-hint"
          className="min-h-20 rounded border border-stone-400 bg-white px-2 py-1.5 text-sm"
        />
        <p id="photo-caption-hint" className="text-xs text-stone-600">
          {t("captionHint")}
        </p>
      </div>
      <Field
        id="photo-credit"
        label={t("credit")}
        value={values.credit}
        onChange={(e) => setValues((v) => ({ ...v, credit: e.target.value }))}
        hint={photographers.length > 0 ? `${t("creditHint")} ${t("photographers", { names: photographers.join("、") })}` : t("creditHint")}
        error={fieldErrors.credit}
      />
      <div className="flex flex-col gap-1">
        <label htmlFor="photo-alt" className="text-sm font-medium">
          {t("alt")}
        </label>
        <textarea
          id="photo-alt"
          value={values.alt}
          onChange={(e) => setValues((v) => ({ ...v, alt: e.target.value }))}
          aria-invalid={fieldErrors.alt ? true : undefined}
          aria-describedby="photo-alt-hint"
          className="min-h-16 rounded border border-stone-400 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-700"
        />
        <p id="photo-alt-hint" className="text-xs text-stone-600">
          {t("altHint")} {prefilled ? <strong className="text-amber-900">{t("altPrefilled")}</strong> : null}
        </p>
        {fieldErrors.alt ? <p className="text-xs text-red-800">{fieldErrors.alt}</p> : null}
      </div>
      {message ? <Notice tone={message.ok ? "success" : "error"}>{message.text}</Notice> : null}
      <div>
        <Button type="submit" disabled={saving}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
