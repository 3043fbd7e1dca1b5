import { describe, expect, it } from "vitest";
import { judgeSession, SESSION_TOUCH_INTERVAL_MS } from "./sessions";

const MIN = 60_000;
const limits = { idleMs: 30 * MIN, absoluteMs: 12 * 60 * MIN };
const signIn = new Date("2024-03-08T08:00:00Z");
const at = (minutes: number) => new Date(signIn.getTime() + minutes * MIN);
const session = (lastSeenMinutes: number, endedAt: Date | null = null) => ({ createdAt: signIn, lastSeenAt: at(lastSeenMinutes), endedAt });

describe("judgeSession", () => {
  it("keeps a session in use alive, and asks for its last-seen time to be written at most once a minute", () => {
    expect(judgeSession(session(0), at(0.5), limits)).toEqual({ live: true, touch: false });
    expect(judgeSession(session(0), new Date(signIn.getTime() + SESSION_TOUCH_INTERVAL_MS), limits)).toEqual({ live: true, touch: true });
    expect(judgeSession(session(600), at(629), limits)).toEqual({ live: true, touch: true });
  });

  it("ends a session left idle for the idle limit", () => {
    expect(judgeSession(session(10), at(39.9), limits).live).toBe(true);
    expect(judgeSession(session(10), at(40), limits)).toEqual({ live: false, reason: "idle" });
  });

  it("ends every session at the absolute limit, however active", () => {
    expect(judgeSession(session(719), at(719.9), limits).live).toBe(true);
    expect(judgeSession(session(719.9), at(720), limits)).toEqual({ live: false, reason: "expired" });
  });

  it("never revives a session that ended (signed out) or that the server does not know", () => {
    expect(judgeSession(session(0, at(1)), at(2), limits)).toEqual({ live: false, reason: "ended" });
    expect(judgeSession(undefined, at(2), limits)).toEqual({ live: false, reason: "ended" });
  });
});
