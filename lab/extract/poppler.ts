import { execFile } from "node:child_process";
import { promisify } from "node:util";

/**
 * poppler's pdftotext, as an editor runs it: the default reading-order analysis, `-raw`
 * (content-stream order) and `-layout` (the physical layout, columns side by side).
 */
const run = promisify(execFile);

export type PopplerMode = "default" | "raw" | "layout";

export async function pdftotext(pdfFile: string, mode: PopplerMode): Promise<string> {
  const args = ["-enc", "UTF-8", ...(mode === "default" ? [] : [`-${mode}`]), pdfFile, "-"];
  try {
    const { stdout } = await run("pdftotext", args, { maxBuffer: 64 * 1024 * 1024, encoding: "utf8" });
    // pdftotext ends every page with a form feed; a file holds one page, so drop it.
    return stdout.replace(/\f/g, "");
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === "ENOENT") throw new Error("pdftotext not found: install Debian's poppler-utils (.ci/run does)");
    throw new Error(`pdftotext ${args.join(" ")} failed: ${err.stderr || err.message}`);
  }
}

export async function popplerVersion(): Promise<string> {
  try {
    const { stderr, stdout } = await run("pdftotext", ["-v"], { encoding: "utf8" });
    return (stderr || stdout).split("\n")[0]?.trim() ?? "unknown";
  } catch {
    return "missing";
  }
}
