// Where a rule's guidance page lives: docs/rules/<id>.md inside the installed package,
// linked as a file: URI (VS Code opens such links from a diagnostic offline; see
// docs/cli.md for the CLI's use of it).
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

/** The file: URI of a rule's guidance page under packageRoot. */
export function guidanceUri(ruleId: string, packageRoot: string): string {
  return pathToFileURL(path.join(packageRoot, 'docs', 'rules', `${ruleId}.md`)).href;
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
