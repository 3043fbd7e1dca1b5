"use client";

import { useRef, useState, type ReactNode } from "react";
import { Button } from "./button";

/**
 * A file field in the interface's own words: a button ("选择文件…") and the chosen file's name.
 * The browser's own control says "Choose File / No file chosen" in the browser's language,
 * whatever the interface's is. The real input stays in the form (hidden, out of the tab
 * order), so the file is posted as before and tests can still set it by its label.
 */
export function FilePicker({
  id,
  name,
  accept,
  label,
  hint,
  chooseLabel,
  noneLabel,
  onChange,
  multiple = false,
  onFiles,
}: {
  id: string;
  name: string;
  accept?: string;
  label: ReactNode;
  hint?: ReactNode;
  chooseLabel: string;
  noneLabel: string;
  onChange: (file: File | null) => void;
  /** Several files may be chosen; all of them are passed here (onChange still gets the first). */
  multiple?: boolean;
  onFiles?: (files: File[]) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <input
          ref={input}
          id={id}
          name={name}
          type="file"
          accept={accept}
          multiple={multiple}
          tabIndex={-1}
          className="sr-only"
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? []);
            const file = files[0] ?? null;
            setFileName(files.length ? files.map((f) => f.name).join("、") : null);
            onChange(file);
            onFiles?.(files);
          }}
        />
        <Button type="button" variant="secondary" onClick={() => input.current?.click()} aria-describedby={`${id}-chosen`}>
          {chooseLabel}
        </Button>
        <span id={`${id}-chosen`} className="text-sm break-all text-stone-700" aria-live="polite">
          {fileName ?? noneLabel}
        </span>
      </div>
      {hint ? <p className="text-xs text-stone-600">{hint}</p> : null}
    </div>
  );
}
