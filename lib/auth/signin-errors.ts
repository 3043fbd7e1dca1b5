/** Error codes next-auth passes back to the sign-in form (shared by server and form). */
export const SIGNIN_ERROR = { invalid: "CredentialsSignin", throttled: "Throttled" } as const;
