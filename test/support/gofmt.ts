// The real gofmt (Debian's golang-go) judges every fixed output.
import { spawnSync } from 'child_process';

let checked: string | undefined;

export function gofmtPath(): string {
  if (checked) return checked;
  const probe = spawnSync('gofmt', ['-h'], { encoding: 'utf8' });
  if (probe.error) {
    throw new Error('gofmt was not found on PATH. The fix tests compare against the real gofmt: ' +
      'install Go (Debian: apt-get install golang-go).');
  }
  checked = 'gofmt';
  return checked;
}

/** Returns gofmt's complaint about source, or null when it is already gofmt-formatted. */
export function gofmtProblem(source: string): string | null {
  const result = spawnSync(gofmtPath(), [], { input: source, encoding: 'utf8' });
  if (result.status !== 0) return `gofmt rejected the code: ${result.stderr.trim()}`;
  if (result.stdout !== source) return `not gofmt-formatted; gofmt would write:\n${result.stdout}`;
  return null;
}
