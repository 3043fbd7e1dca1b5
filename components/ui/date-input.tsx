import type { InputHTMLAttributes } from "react";

/**
 * A date typed as 2024-03-08, in a plain text box. Not the browser's date control: that one
 * prints "mm/dd/yyyy" (or its own words) in the browser's language whatever the interface's
 * is, and reads its value differently in every locale. The server checks the form, so no
 * `pattern` either: the browser would answer a mismatch in its own language too.
 */
export function DateInput({ className = "", ...input }: Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  return <input type="text" inputMode="numeric" autoComplete="off" maxLength={10} spellCheck={false} className={className} {...input} />;
}
