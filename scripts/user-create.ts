import { parseArgs } from "node:util";
import readline from "node:readline";
import { createUser, getUserByEmail } from "@/db/queries/users";
import { ensureSections } from "@/db/queries/sections";
import { STANDARD_SECTIONS } from "@/db/seed/sections";
import { checkPasswordPolicy, hashPassword } from "@/lib/auth/password";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-limits";
import { createUserSchema } from "@/lib/validations/users";

const PROBLEMS = {
  too_short: `password must be at least ${PASSWORD_MIN_LENGTH} characters`,
  too_long: `password must be at most ${PASSWORD_MAX_LENGTH} characters`,
  too_common: "password is one of the most common passwords",
} as const;

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(2);
}

/** Asks on a terminal without echo; reads the first line of stdin otherwise (for scripts). */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = "";
    for await (const chunk of process.stdin) data += chunk;
    return data.split(/\r?\n/)[0] ?? "";
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write("Password: ");
  muted._writeToOutput = () => {};
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stdout.write("\n");
  return answer;
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
  });
  if (!values.email || !values.role) fail("usage: npm run user:create -- --email you@paper.cn --role admin [--name 'Your Name']");
  const password = await readPassword();
  const parsed = createUserSchema.safeParse({
    email: values.email,
    role: values.role,
    name: values.name ?? values.email.split("@")[0],
    password,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(`${String(issue?.path[0] ?? "input")} is not valid (${issue?.message ?? "invalid"})`);
  }
  const problem = checkPasswordPolicy(password);
  if (problem) fail(PROBLEMS[problem]);
  await ensureSections(STANDARD_SECTIONS);
  if (await getUserByEmail({ email: parsed.data.email })) fail(`a user with email ${parsed.data.email} already exists`);
  const user = await createUser({ ...parsed.data, passwordHash: await hashPassword(password) });
  console.log(`created ${user.role} ${user.email} (id ${user.id})`);
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
