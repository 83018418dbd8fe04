// The import path of a folder of Go files, without the go command: the module path of
// the nearest go.mod above it plus the folder's path below that go.mod. It is what
// another package's `import "..."` names, so deprecations of workspace packages can be
// found by the paths a file imports (engine/packageIndex.ts).
import * as fs from 'fs';
import * as path from 'path';
import { parseGoMod } from './goMod';

export type ImportPathResolver = (dir: string) => string | undefined;

/**
 * A resolver that reads go.mod files through readFile (null when there is none) and
 * remembers what it read: one look per folder, however many files ask. Make a new one
 * when a go.mod changes.
 *
 * Two layouts besides modules: the Go distribution's own source tree, whose go.mod says
 * `module std` while its packages are imported without that prefix (`net/http`), and a
 * GOPATH tree without go.mod, where the import path is the folder below `src/`.
 */
export function importPathResolver(readFile: (file: string) => string | null = readIfPresent): ImportPathResolver {
  const modules = new Map<string, { root: string; module: string } | null>();
  const moduleOf = (dir: string): { root: string; module: string } | null => {
    const known = modules.get(dir);
    if (known !== undefined) return known;
    const text = readFile(path.join(dir, 'go.mod'));
    const module = text === null ? undefined : parseGoMod(text).module?.value;
    const parent = path.dirname(dir);
    const found = module !== undefined ? { root: dir, module } : parent === dir ? null : moduleOf(parent);
    modules.set(dir, found);
    return found;
  };
  return (dir) => {
    const module = moduleOf(path.resolve(dir));
    if (module) {
      const below = path.relative(module.root, path.resolve(dir)).split(path.sep).join('/');
      if (module.module === 'std') return below === '' ? undefined : below;
      return below === '' ? module.module : `${module.module}/${below}`;
    }
    const parts = path.resolve(dir).split(path.sep);
    const src = parts.lastIndexOf('src');
    return src >= 0 && src < parts.length - 1 ? parts.slice(src + 1).join('/') : undefined;
  };
}

function readIfPresent(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null; // no go.mod here (or unreadable: then it says nothing about the module)
  }
}
