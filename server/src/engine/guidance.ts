// Where a rule's guidance page lives: docs/rules/<id>.md inside the installed package,
// as a file: URI, so a diagnostic's link works offline in any editor.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

let cachedRoot: string | undefined;

/** The folder holding godebt's package.json, found upwards from this module (dist/ or out/...). */
export function packageRoot(from = __dirname): string {
  if (cachedRoot && from === __dirname) return cachedRoot;
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'godebt') {
      if (from === __dirname) cachedRoot = dir;
      return dir;
    }
    if (path.dirname(dir) === dir) throw new Error(`cannot find godebt's package.json above ${from}`);
  }
}

export function guidancePath(ruleId: string, root = packageRoot()): string {
  return path.join(root, 'docs', 'rules', `${ruleId}.md`);
}

export function guidanceUri(ruleId: string, root = packageRoot()): string {
  return pathToFileURL(guidancePath(ruleId, root)).href;
}

export function packageVersion(root = packageRoot()): string {
  return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
}
