import argon2 from "argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { charCount } from "../text-length";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-limits";

// OWASP's argon2id minimum is 19 MiB memory and 2 iterations; we sit a little above it.
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19 * 1024 + 512, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

/** argon2.verify compares in constant time. A malformed hash is a mismatch, not a crash. */
export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// A valid hash of a random password: verified against when the email is unknown,
// so an unknown email costs the same time as a wrong password.
let decoyHash: Promise<string> | undefined;
export function verifyAgainstDecoy(password: string): Promise<boolean> {
  decoyHash ??= hashPassword(crypto.randomUUID());
  return decoyHash.then((h) => verifyPassword(h, password)).then(() => false);
}

let common: Set<string> | undefined;
/** The 1,000 most common passwords, from zxcvbn's frequency-ranked list. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].slice(0, 1000));
  return common.has(password.toLowerCase());
}

export type PasswordProblem = "too_short" | "too_long" | "too_common";

export function checkPasswordPolicy(password: string): PasswordProblem | null {
  if (charCount(password) < PASSWORD_MIN_LENGTH) return "too_short";
  if (charCount(password) > PASSWORD_MAX_LENGTH) return "too_long";
  if (isCommonPassword(password)) return "too_common";
  return null;
}
