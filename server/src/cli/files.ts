// Which files a run lints: named files always, folders walked the way `go build ./...`
// would see them (no vendor/, testdata/, no folder or file whose name starts with "."
// or "_": the go tool ignores those), plus node_modules/.
import * as fs from 'fs';
import * as path from 'path';
import { isGoMod } from '../engine/linter';

/** Something to tell the user about one path; errors make the run exit 2. */
export interface Notice {
  level: 'error' | 'warning';
  /** Absolute path the notice is about. */
  file: string;
  message: string;
}

export interface Inputs {
  /** Absolute paths, each once. */
  files: string[];
  notices: Notice[];
}

const SKIPPED_FOLDERS = new Set(['vendor', 'testdata', 'node_modules']);

export function isLintable(fileName: string): boolean {
  return fileName.endsWith('.go') || isGoMod(fileName);
}

export function skipsFolder(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_') || SKIPPED_FOLDERS.has(name);
}

/** Files of a walked folder that the go tool ignores (`_gen.go`, `.x.go`). */
export function skipsFile(name: string): boolean {
  return name.startsWith('.') || name.startsWith('_');
}

export function collectInputs(paths: readonly string[], cwd: string): Inputs {
  const files = new Set<string>();
  const notices: Notice[] = [];

  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      notices.push({ level: 'error', file: dir, message: `cannot read folder: ${describeFsError(err)}` });
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.name.includes('\uFFFD') && isLintable(entry.name) && !fs.existsSync(full)) {
        // The name is not valid UTF-8: decoded, it names no file; say so and go on.
        notices.push({ level: 'warning', file: full, message: 'skipped: the file name is not valid UTF-8' });
        continue;
      }
      if (entry.isDirectory()) {
        if (!skipsFolder(entry.name)) walk(full);
      } else if (isLintable(entry.name) && !skipsFile(entry.name) && (entry.isFile() || isSymlinkToFile(entry, full))) {
        // Symbolic links to folders are not followed (no cycles), as with the go tool.
        files.add(full);
      }
    }
  };

  for (const given of paths) {
    const full = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch (err) {
      notices.push({ level: 'error', file: full, message: describeFsError(err) });
      continue;
    }
    if (stat.isDirectory()) walk(full);
    else if (!stat.isFile()) notices.push({ level: 'error', file: full, message: 'not a file or folder' });
    else if (isLintable(full)) files.add(full);
    else notices.push({ level: 'warning', file: full, message: 'skipped: not a .go or go.mod file' });
  }
  return { files: [...files], notices };
}

function isSymlinkToFile(entry: fs.Dirent, full: string): boolean {
  if (!entry.isSymbolicLink()) return false;
  try {
    return fs.statSync(full).isFile();
  } catch {
    return false; // a dangling link in a walked folder is not something the user named
  }
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
};

/** A short reason for a failed file system call ("permission denied"). */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code && FS_REASONS[code]) return FS_REASONS[code];
  return err instanceof Error ? err.message : String(err);
}
