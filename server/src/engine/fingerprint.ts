// Stable fingerprints for findings, for baselines: they survive unrelated edits and
// line moves because they hash what was flagged (the rule, the file, the flagged
// line's text with white space folded), not where it is. Identical lines in one file
// are told apart by their order of occurrence.
import { createHash } from 'crypto';
import type { Finding } from './finding';

export function fingerprints(file: string, source: string, findings: readonly Pick<Finding, 'ruleId' | 'span'>[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const key = `${finding.ruleId}\0${file}\0${lineText(source, finding.span.start)}\0${normalize(source.slice(finding.span.start, finding.span.end))}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32);
  });
}

function lineText(source: string, offset: number): string {
  const start = source.lastIndexOf('\n', offset - 1) + 1;
  const end = source.indexOf('\n', offset);
  return normalize(source.slice(start, end < 0 ? source.length : end));
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
