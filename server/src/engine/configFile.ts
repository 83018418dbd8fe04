// The .godebt.json file (JSON with comments), shared by the CLI and the language
// server: finding it, parsing and validating it against the rule metadata (every
// problem located at the offending node), layering it over editor settings, and
// its `exclude` globs.
//
//   {
//     "$schema": "...",                       // optional
//     "rules": {
//       "debt-marker": "off",                 // a severity: error, warning, info, hint, off
//       "function-too-long": { "severity": "error", "maxLines": 120 }   // severity and options
//     },
//     "exclude": ["gen/**", "*.pb.go"],
//     "tests": true,                          // lint _test.go files too
//     "baseline": ".godebt-baseline.json"
//   }
import * as fs from 'fs';
import * as path from 'path';
import { Node as JsonNode, ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { GodebtConfig, RuleSetting, SeveritySetting } from './config';
import { Rule, RuleOption, SEVERITIES } from './rule';

export const CONFIG_FILE = '.godebt.json';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = [...SEVERITIES, 'off'];

/** Top-level keys of .godebt.json, with what each holds (for messages and the schema). */
export const CONFIG_KEYS = {
  $schema: 'the JSON schema of this file',
  rules: 'per-rule severity (error, warning, info, hint, off) and options',
  exclude: 'globs of files not to lint, relative to this file\'s folder',
  tests: 'also lint _test.go files with every rule',
  baseline: 'path of the baseline file, relative to this file\'s folder',
} as const;

/** One thing wrong with a configuration text, at a UTF-16 offset range of it. */
export interface ConfigProblem {
  message: string;
  offset: number;
  length: number;
}

/** A parsed configuration: config is set only when there are no problems. */
export interface ParsedConfig {
  config?: GodebtConfig;
  problems: ConfigProblem[];
}

/** Parses and validates the text of a .godebt.json against the rules' metadata. */
export function parseConfig(text: string, rules: readonly Rule[]): ParsedConfig {
  if (text.trim() === '') return { problems: [{ message: 'the file is empty: write {} for the defaults', offset: 0, length: 0 }] };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) {
    // An unclosed object nested in another gives the same error twice, at the same place.
    const problems = errors
      .map((e) => ({ message: syntaxMessage(e), offset: e.offset, length: e.length }))
      .filter((p, i, all) => all.findIndex((q) => q.offset === p.offset && q.message === p.message) === i);
    return { problems };
  }
  return new Validator(rules).config(root);
}

function syntaxMessage(error: ParseError): string {
  const words = printParseErrorCode(error.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `syntax error: ${words}`;
}

class Validator {
  readonly problems: ConfigProblem[] = [];
  private readonly byId: Map<string, Rule>;

  constructor(rules: readonly Rule[]) {
    this.byId = new Map(rules.map((r) => [r.meta.id, r]));
  }

  config(root: JsonNode): ParsedConfig {
    const config: GodebtConfig = {};
    for (const [key, value] of this.properties(root, 'the configuration')) {
      switch (key.value) {
        case '$schema':
          this.string(value, '$schema');
          break;
        case 'rules':
          config.rules = this.rules(value);
          break;
        case 'exclude':
          config.exclude = this.stringArray(value, 'exclude');
          break;
        case 'tests':
          if (value.type === 'boolean') config.tests = value.value as boolean;
          else this.problem(value, `tests must be true or false, not ${describe(value)}`);
          break;
        case 'baseline':
          config.baseline = this.string(value, 'baseline');
          break;
        default:
          this.problem(key, `unknown setting '${key.value}': expected one of ${Object.keys(CONFIG_KEYS).join(', ')}`);
      }
    }
    return this.problems.length ? { problems: this.problems } : { config, problems: [] };
  }

  private rules(node: JsonNode): Record<string, RuleSetting | SeveritySetting> {
    const out: Record<string, RuleSetting | SeveritySetting> = {};
    for (const [key, value] of this.properties(node, 'rules')) {
      const id = key.value as string;
      const rule = this.byId.get(id);
      if (!rule) {
        const near = closest(id, [...this.byId.keys()]);
        this.problem(key, `unknown rule '${id}'${near ? `: did you mean '${near}'?` : ''}`);
        continue;
      }
      if (value.type === 'string') {
        const severity = this.severity(value, id);
        if (severity) out[id] = severity;
        continue;
      }
      if (value.type !== 'object') {
        this.problem(value, `rule ${id} takes a severity (${SEVERITY_SETTINGS.join(', ')}) or an object with severity and options, not ${describe(value)}`);
        continue;
      }
      const setting: RuleSetting = {};
      const options: Record<string, number | boolean | string> = {};
      for (const [optionKey, optionValue] of this.properties(value, id)) {
        const name = optionKey.value as string;
        if (name === 'severity') {
          setting.severity = this.severity(optionValue, id);
          continue;
        }
        const option = rule.meta.options?.[name];
        if (!option) {
          const known = Object.keys(rule.meta.options ?? {});
          this.problem(optionKey, `rule ${id} has no option '${name}'${known.length ? `: its options are ${known.join(', ')}` : ': it takes only severity'}`);
          continue;
        }
        const checked = this.option(optionValue, id, name, option);
        if (checked !== undefined) options[name] = checked;
      }
      if (Object.keys(options).length) setting.options = options;
      out[id] = setting;
    }
    return out;
  }

  private severity(node: JsonNode, id: string): SeveritySetting | undefined {
    if (node.type === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(node.value as string)) return node.value as SeveritySetting;
    this.problem(node, `the severity of ${id} must be one of ${SEVERITY_SETTINGS.join(', ')}, not ${describe(node)}`);
    return undefined;
  }

  private option(node: JsonNode, id: string, name: string, option: RuleOption): number | boolean | string | undefined {
    const value = node.value as unknown;
    const ok =
      option.type === 'integer' ? typeof value === 'number' && Number.isInteger(value) :
      option.type === 'number' ? typeof value === 'number' :
      typeof value === option.type;
    const article = option.type === 'integer' ? 'an' : 'a';
    if (node.type === 'object' || node.type === 'array' || !ok) {
      this.problem(node, `${id}.${name} must be ${article} ${option.type}, not ${describe(node)}`);
      return undefined;
    }
    if (option.minimum !== undefined && typeof value === 'number' && value < option.minimum) {
      this.problem(node, `${id}.${name} must be at least ${option.minimum}, not ${value}`);
      return undefined;
    }
    return value as number | boolean | string;
  }

  private string(node: JsonNode, what: string): string | undefined {
    if (node.type === 'string') return node.value as string;
    this.problem(node, `${what} must be a string, not ${describe(node)}`);
    return undefined;
  }

  private stringArray(node: JsonNode, what: string): string[] | undefined {
    if (node.type !== 'array') {
      this.problem(node, `${what} must be an array of strings (globs), not ${describe(node)}`);
      return undefined;
    }
    return (node.children ?? []).map((item) => this.string(item, `each entry of ${what}`)).filter((s): s is string => s !== undefined);
  }

  /** The [key, value] nodes of an object node; anything else is a problem. */
  private properties(node: JsonNode, what: string): [JsonNode, JsonNode][] {
    if (node.type !== 'object') {
      this.problem(node, `${what} must be an object, not ${describe(node)}`);
      return [];
    }
    const seen = new Set<string>();
    const out: [JsonNode, JsonNode][] = [];
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key || !value) continue; // a syntax error, reported by the parser
      if (seen.has(key.value as string)) this.problem(key, `'${key.value}' appears twice in ${what}`);
      seen.add(key.value as string);
      out.push([key, value]);
    }
    return out;
  }

  private problem(node: JsonNode, message: string): void {
    this.problems.push({ message, offset: node.offset, length: node.length });
  }
}

function describe(node: JsonNode): string {
  switch (node.type) {
    case 'object': return 'an object';
    case 'array': return 'an array';
    case 'null': return 'null';
    case 'string': return `'${node.value as string}'`;
    default: return String(node.value);
  }
}

/** The known name nearest to name, when it is close enough to be a typo. */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1;
  for (const candidate of known) {
    const d = editDistance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** A .godebt.json on disk: where it is, and what it says. */
export interface ConfigFile extends ParsedConfig {
  /** Absolute path of the file. */
  file: string;
  /** Its folder: exclude globs and the baseline path are relative to it. */
  dir: string;
  text: string;
}

export function loadConfigFile(file: string, rules: readonly Rule[]): ConfigFile {
  const dir = path.dirname(file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : err instanceof Error ? err.message : String(err);
    return { file, dir, text: '', problems: [{ message: `cannot read the configuration: ${reason}`, offset: 0, length: 0 }] };
  }
  return { file, dir, text, ...parseConfig(text, rules) };
}

/** The nearest .godebt.json in start (a file's folder or a folder) or above it. */
export function findConfigFile(start: string): string | undefined {
  let dir = path.resolve(start);
  try {
    if (!fs.statSync(dir).isDirectory()) dir = path.dirname(dir);
  } catch {
    dir = path.dirname(dir);
  }
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** 1-based line and UTF-16 column of an offset, as the CLI prints positions. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/**
 * over layered on base, field by field: a rule's severity and each option from over
 * win, the rest of base stays. (.godebt.json over editor settings over defaults.)
 */
export function layerConfig(base: GodebtConfig, over: GodebtConfig): GodebtConfig {
  const rules: Record<string, RuleSetting> = {};
  for (const layer of [base, over]) {
    for (const [id, raw] of Object.entries(layer.rules ?? {})) {
      const setting: RuleSetting = typeof raw === 'string' ? { severity: raw } : raw;
      const previous = rules[id] ?? {};
      rules[id] = {
        severity: setting.severity ?? previous.severity,
        options: setting.options || previous.options ? { ...previous.options, ...setting.options } : undefined,
      };
    }
  }
  return {
    rules,
    tests: over.tests ?? base.tests,
    exclude: over.exclude ?? base.exclude,
    baseline: over.baseline ?? base.baseline,
  };
}

/** Editor settings (godebt.rules: rule id -> severity) as a configuration layer; bad entries are dropped. */
export function settingsLayer(rulesSetting: unknown): GodebtConfig {
  const rules: Record<string, SeveritySetting> = {};
  if (rulesSetting && typeof rulesSetting === 'object') {
    for (const [id, severity] of Object.entries(rulesSetting)) {
      if ((SEVERITY_SETTINGS as readonly unknown[]).includes(severity)) rules[id] = severity as SeveritySetting;
    }
  }
  return { rules };
}

/**
 * Whether file (absolute) is excluded by config's globs, read relative to dir. A glob
 * without a slash matches a name at any depth (`*.pb.go`); one with a slash matches
 * from dir (`internal/gen/**`); a glob that matches a folder excludes what is in it.
 */
export function isExcluded(config: GodebtConfig, dir: string, file: string): boolean {
  if (!config.exclude?.length) return false;
  const relative = path.relative(dir, file).split(path.sep).join('/');
  if (relative.startsWith('../') || path.isAbsolute(relative)) return false;
  return config.exclude.some((glob) => globRegExp(glob).test(relative));
}

const globCache = new Map<string, RegExp>();

export function globRegExp(glob: string): RegExp {
  let regexp = globCache.get(glob);
  if (regexp) return regexp;
  const pattern = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  const anywhere = !pattern.includes('/');
  regexp = new RegExp(`^${anywhere ? '(?:.*/)?' : ''}${globSource(pattern.replace(/^\//, ''))}(?:/.*)?$`);
  globCache.set(glob, regexp);
  return regexp;
}

function globSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '{') {
      const close = glob.indexOf('}', i);
      if (close < 0) {
        out += '\\{';
        continue;
      }
      out += `(?:${glob.slice(i + 1, close).split(',').map(globSource).join('|')})`;
      i = close;
    } else if (ch === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      out += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
      i = close;
    } else out += ch.replace(/[.+^$()|\\]/g, '\\$&');
  }
  return out;
}
