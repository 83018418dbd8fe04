// Where a rule's guidance page lives: docs/rules/<id>.md inside the installed package,
// linked as a file: URI, so a diagnostic's link works offline in any editor (VS Code
// opens such links from a hover without a prompt).
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

let cachedRoot: string | undefined;

/** godebt's package folder, for the running bundle (dist/) or compiled tests (out/...). */
export function packageRoot(): string {
  cachedRoot ??= findPackageRoot(__dirname);
  if (!cachedRoot) throw new Error(`cannot find godebt's package.json above ${__dirname}`);
  return cachedRoot;
}

/**
 * The folder holding godebt's package.json, found by walking up from `from`: the
 * bundles run from dist/, the compiled tests from out/server/src/...
 */
export function findPackageRoot(from: string): string | undefined {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (isGodebtPackage(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function isGodebtPackage(file: string): boolean {
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown }).name === 'godebt';
  } catch {
    return false;
  }
}

/** The file: URI of a rule's guidance page under root. */
export function guidanceUri(ruleId: string, root = packageRoot()): string {
  return pathToFileURL(path.join(root, 'docs', 'rules', `${ruleId}.md`)).href;
}

export function packageVersion(root = packageRoot()): string {
  return (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
}
