/** What the database scripts (db:backup, db:restore, db:copy) share on the command line. */

/** Says what went wrong on stderr and exits: 2 for the person's mistake, others as the caller says. */
export function fail(message: string, code = 2): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(code);
}

/** The arguments, or null after printing the usage when help was asked for. */
export function argumentsOrHelp(usage: string): string[] | null {
  const args = process.argv.slice(2);
  if (args.includes("-h") || args.includes("--help")) {
    process.stdout.write(`${usage}\n`);
    return null;
  }
  return args;
}
