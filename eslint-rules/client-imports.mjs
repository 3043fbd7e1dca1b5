/**
 * Client components ("use client" files) never import server code, directly or through
 * other modules: the database (db/), the services (services/), a module marked
 * `import "server-only"`, next-auth's server side, Node's own modules. Next refuses a
 * server-only module in a browser bundle only at build time and says nothing about the
 * rest; this names the chain while the file is being written.
 *
 * A "use server" module is a boundary: the client imports references to its actions,
 * never its code, so the walk stops there. Type-only imports are erased and skipped.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(import.meta.dirname, "..");
const SERVER_FOLDERS = ["db", "services"];
const SERVER_PACKAGES = [/^server-only$/, /^next\/headers$/, /^next-auth(\/next|\/providers(\/.*)?|\/jwt)?$/, /^better-sqlite3$/, /^drizzle-orm(\/.*)?$/, /^argon2$/, /^node:/];
const EXTENSIONS = [".ts", ".tsx", ".mjs", ".js"];

/** `@/x` and relative specifiers to a file of ours, or null for a package. */
function resolveLocal(specifier, fromFile) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => path.join(base, "index" + e))]) {
    if (EXTENSIONS.includes(path.extname(candidate)) && fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function serverFolderOf(file) {
  const [top] = path.relative(ROOT, file).split(path.sep);
  return SERVER_FOLDERS.includes(top) ? top : null;
}

function hasDirective(sourceFile, name) {
  for (const statement of sourceFile.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
    if (statement.expression.text === name) return true;
  }
  return false;
}

/** The module specifiers a file imports for their values (type-only imports left out). */
function valueImports(sourceFile) {
  const out = [];
  for (const s of sourceFile.statements) {
    if (ts.isImportDeclaration(s)) {
      const clause = s.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) out.push(s.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier && !s.isTypeOnly) {
      out.push(s.moduleSpecifier.text);
    }
  }
  return out;
}

const verdicts = new Map(); // file -> { mtimeMs, chain: string[] | null }

/** The chain from `file` to server code, or null when the file is safe for the browser. */
function serverChain(file) {
  const mtimeMs = fs.statSync(file).mtimeMs;
  const known = verdicts.get(file);
  if (known && known.mtimeMs === mtimeMs) return known.chain;
  verdicts.set(file, { mtimeMs, chain: null }); // an import cycle ends here
  const name = path.relative(ROOT, file);
  let chain = null;
  if (serverFolderOf(file)) chain = [name];
  else {
    const sourceFile = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
    if (!hasDirective(sourceFile, "use server")) {
      for (const specifier of valueImports(sourceFile)) {
        if (specifier === "server-only") {
          chain = [name, "server-only"];
          break;
        }
        const found = chainOfSpecifier(specifier, file);
        if (found) {
          chain = [name, ...found];
          break;
        }
      }
    }
  }
  verdicts.set(file, { mtimeMs, chain });
  return chain;
}

function chainOfSpecifier(specifier, fromFile) {
  if (SERVER_PACKAGES.some((re) => re.test(specifier))) return [specifier];
  const target = resolveLocal(specifier, fromFile);
  return target ? serverChain(target) : null;
}

function isTypeOnly(node) {
  if (node.importKind === "type" || node.exportKind === "type") return true;
  const specifiers = node.specifiers ?? [];
  return node.type === "ImportDeclaration" && specifiers.length > 0 && specifiers.every((s) => s.type === "ImportSpecifier" && s.importKind === "type");
}

const rule = {
  meta: {
    type: "problem",
    docs: { description: 'A "use client" file imports no server code, directly or through other modules.' },
    schema: [],
    messages: { server: "A client component cannot import server code: {{chain}}. Pass the data in as props, or call a server action." },
  },
  create(context) {
    const program = context.sourceCode.ast;
    const isClient = program.body.some((s) => s.type === "ExpressionStatement" && s.directive === "use client");
    if (!isClient) return {};
    const file = context.filename;
    const check = (node) => {
      if (!node.source || typeof node.source.value !== "string" || isTypeOnly(node)) return;
      const chain = chainOfSpecifier(node.source.value, file);
      if (chain) context.report({ node: node.source, messageId: "server", data: { chain: chain.join(" → ") } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default rule;
