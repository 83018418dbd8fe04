// `--format sarif`: SARIF 2.1.0 (OASIS), the format GitHub code scanning, Azure DevOps
// and most review tools import. Every rule is described in full (descriptions and help
// from its guidance page), each result carries its region (1-based, UTF-16 columns as
// declared by columnKind), a partial fingerprint that survives unrelated edits, and
// its quick fix as a SARIF fix object where the rule offers one.
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { RuleMeta, Severity } from '../engine/rule';
import type { Range } from '../engine/finding';
import type { ReportedFinding } from './report';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** The base id that result URIs are relative to: the folder godebt ran in. */
export const SRCROOT = 'SRCROOT';
/** partialFingerprints key: godebt's fingerprint, version 1 (engine/fingerprint.ts). */
export const FINGERPRINT_KEY = 'godebtFingerprint/v1';

type Level = 'error' | 'warning' | 'note' | 'none';

const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifInput {
  findings: readonly ReportedFinding[];
  rules: readonly RuleMeta[];
  tool: { name: string; version: string };
  /** Absolute folder the findings' paths are relative to. */
  root: string;
  /** godebt's package folder, where docs/rules/<id>.md are. */
  packageRoot: string;
  guidance: (ruleId: string) => string;
  /** With a baseline, every listed result is new debt (SARIF baselineState). */
  baseline?: boolean;
}

export function renderSarif(input: SarifInput): string {
  const rules = [...input.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: input.tool.name,
          version: input.tool.version,
          semanticVersion: input.tool.version,
          informationUri: pathToFileURL(path.join(input.packageRoot, 'README.md')).href,
          rules: rules.map((meta) => describeRule(meta, input)),
        },
      },
      originalUriBaseIds: { [SRCROOT]: { uri: folderUri(input.root) } },
      columnKind: 'utf16CodeUnits',
      results: input.findings.map((f) => ({
        ruleId: f.ruleId,
        ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: artifact(f.file), region: region(f.range) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
        ...(input.baseline ? { baselineState: 'new' } : {}),
        ...(f.fixDetails ? {
          fixes: [{
            description: { text: f.fixDetails.title },
            artifactChanges: [{
              artifactLocation: artifact(f.file),
              replacements: f.fixDetails.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.text } })),
            }],
          }],
        } : {}),
        properties: { category: f.category, severity: f.severity, effortMinutes: f.effortMinutes },
      })),
    }],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function describeRule(meta: RuleMeta, input: SarifInput) {
  const page = guidanceSections(path.join(input.packageRoot, 'docs', 'rules', `${meta.id}.md`));
  const flags = page.get('What it flags');
  const howToFix = page.get('How to fix');
  const helpMarkdown = [
    `**${meta.summary}**`,
    flags ? `## What it flags\n\n${flags}` : '',
    howToFix ? `## How to fix\n\n${howToFix}` : '',
    `Full guidance: ${input.guidance(meta.id)}`,
  ].filter(Boolean).join('\n\n');
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.summary },
    fullDescription: { text: flags ? plainText(flags) : meta.summary },
    help: { text: howToFix ? `${meta.summary}. ${plainText(howToFix)}` : meta.summary, markdown: helpMarkdown },
    helpUri: input.guidance(meta.id),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      category: meta.category,
      tags: [meta.category, 'technical-debt'],
      severity: meta.severity,
      effortMinutes: meta.effortMinutes,
      fixable: meta.fixable,
    },
  };
}

function artifact(file: string) {
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** SARIF regions: 1-based lines and columns, the end column just after the last character. */
function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

function folderUri(folder: string): string {
  const uri = pathToFileURL(folder).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function pascalCase(id: string): string {
  return id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

const pageCache = new Map<string, Map<string, string>>();

/** The hand-written `## ` sections of a guidance page, by heading. */
export function guidanceSections(file: string): Map<string, string> {
  let sections = pageCache.get(file);
  if (sections) return sections;
  sections = new Map();
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    // A missing page leaves the descriptions at the rule's summary.
  }
  const parts = text.split(/^## /m).slice(1);
  for (const part of parts) {
    const newline = part.indexOf('\n');
    const heading = (newline < 0 ? part : part.slice(0, newline)).trim();
    sections.set(heading, (newline < 0 ? '' : part.slice(newline + 1)).trim());
  }
  pageCache.set(file, sections);
  return sections;
}

/** Markdown prose as one plain paragraph (code blocks dropped, inline marks removed). */
function plainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
