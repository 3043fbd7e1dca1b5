/**
 * Settings the test server runs with where the default would get in the way of a long run: each
 * worker signs the demo accounts in once and reuses their sessions, and under load a run can leave
 * one unused for more than the default 30 idle minutes. e2e/session-ends.spec.ts reads it too.
 */
export const SESSION_IDLE_MINUTES_IN_TESTS = 120;
