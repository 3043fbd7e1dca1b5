import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";

type FieldProps = { label: ReactNode; error?: string; hint?: ReactNode; id: string };

const CONTROL = "rounded border border-stone-400 bg-white px-2 py-1.5 text-sm aria-invalid:border-red-700";

/** The label above, hint and error below, and the ids that tie them to the control for screen readers. */
function FieldFrame({ label, error, hint, id, control }: FieldProps & { control: (a11y: { "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode }) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {control({ "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-stone-600">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with its error, wired for screen readers. */
export function Field({ label, error, hint, id, ...input }: InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  return <FieldFrame label={label} error={error} hint={hint} id={id} control={(a11y) => <input id={id} {...a11y} className={CONTROL} {...input} />} />;
}

/** A labelled textarea (captions, alt text, corrections): the same frame as `Field`. */
export function TextAreaField({ label, error, hint, id, className, ...area }: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  return (
    <FieldFrame
      label={label}
      error={error}
      hint={hint}
      id={id}
      control={(a11y) => <textarea id={id} {...a11y} className={`${CONTROL} ${className ?? "min-h-16"}`} {...area} />}
    />
  );
}
