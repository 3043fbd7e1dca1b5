/** Error codes next-auth passes back to the sign-in form (shared by server and form). */
export const SIGNIN_ERROR = { invalid: "CredentialsSignin", throttled: "Throttled" } as const;

/** The error a throttled attempt ends with: the code and how many seconds to wait ("Throttled:30"). */
export function throttledError(waitMs: number): string {
  return `${SIGNIN_ERROR.throttled}:${Math.max(1, Math.ceil(waitMs / 1000))}`;
}

export type SigninError = { kind: "invalid" } | { kind: "throttled"; waitSeconds: number | null } | { kind: "error" };

/** What the form tells the person for an error code from next-auth. */
export function readSigninError(error: string): SigninError {
  if (error === SIGNIN_ERROR.invalid) return { kind: "invalid" };
  if (error === SIGNIN_ERROR.throttled) return { kind: "throttled", waitSeconds: null };
  const wait = new RegExp(`^${SIGNIN_ERROR.throttled}:(\\d{1,6})$`).exec(error);
  if (wait) return { kind: "throttled", waitSeconds: Number(wait[1]) };
  return { kind: "error" };
}
