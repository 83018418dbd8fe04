// Effective settings for a lint run. Defaults come from rule metadata; a
// configuration object (from .godebt.json or editor settings) overrides them.
import { neverBuilt } from './buildConstraints';
import { FileFacts, isTestFile } from './fileFacts';
import { defaultOptions, OptionValues, Rule, RuleMeta, Severity } from './rule';
import { MAY_HOLD_DIRECTIVE } from './suppression';

export type SeveritySetting = Severity | 'off';

export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, number | boolean | string>;
}

export interface GodebtConfig {
  rules?: Record<string, RuleSetting | SeveritySetting>;
  /** Lint _test.go files too. */
  tests?: boolean;
  /** Globs of files not to lint, relative to the folder of the .godebt.json (see configFile.ts). */
  exclude?: string[];
  /** Path of the baseline file, relative to the .godebt.json; stored, not used yet. */
  baseline?: string;
}

export interface EffectiveRule {
  rule: Rule;
  severity: Severity;
  options: OptionValues;
}

/**
 * effectiveRules' answers by configuration and rule list. The engine asks once per file
 * (and the CLI's test-file check once more), and building every rule's options each
 * time was 4 % of what a scan allocates. A configuration is not changed once made
 * (configFile.ts builds each whole), and the answers are frozen: a rule that wrote to
 * its options would change them for the files after.
 */
const effectiveRulesMemo = new WeakMap<GodebtConfig, WeakMap<readonly Rule[], readonly EffectiveRule[]>>();

/** The configuration of a lint given none: one object, so effectiveRules' memo answers it. */
export const DEFAULT_CONFIG: GodebtConfig = Object.freeze({});

/** The rules that are on under config, each with its severity and options. */
export function effectiveRules(rules: readonly Rule[], config: GodebtConfig = DEFAULT_CONFIG): readonly EffectiveRule[] {
  let byRules = effectiveRulesMemo.get(config);
  if (!byRules) effectiveRulesMemo.set(config, (byRules = new WeakMap()));
  let settings = byRules.get(rules);
  if (!settings) byRules.set(rules, (settings = Object.freeze(settingsOf(rules, config))));
  return settings;
}

function settingsOf(rules: readonly Rule[], config: GodebtConfig): EffectiveRule[] {
  const out: EffectiveRule[] = [];
  for (const rule of rules) {
    const raw = config.rules?.[rule.meta.id];
    const setting: RuleSetting = typeof raw === 'string' ? { severity: raw } : raw ?? {};
    const severity = setting.severity ?? rule.meta.severity;
    if (severity === 'off') continue;
    out.push(Object.freeze({ rule, severity, options: Object.freeze({ ...defaultOptions(rule.meta), ...setting.options }) }));
  }
  return out;
}

/**
 * Whether a rule looks at a file, per the scope conventions of RULES.md: test files
 * only for rules that include them (or with `tests`), files no build includes only for
 * rules about the source itself (not for meta.onlyBuiltFiles).
 */
export function ruleApplies(meta: RuleMeta, facts: FileFacts, config: GodebtConfig): boolean {
  if (facts.isTest && meta.includeTests !== true && config.tests !== true) return false;
  return !meta.onlyBuiltFiles || !neverBuilt(facts);
}

/**
 * Whether no rule on under config can report anything in a file, judged from its name
 * and text alone, so it need not be parsed: a test file when the only rules that look
 * at test files are about directives and the text has none. With the default
 * configuration that is every test file without a directive (a quarter of the Go
 * standard library's source); a lint of it finds nothing.
 */
export function nothingToCheck(rules: readonly Rule[], fileName: string, text: string, config: GodebtConfig = DEFAULT_CONFIG): boolean {
  if (!isTestFile(fileName) || config.tests === true) return false;
  for (const { rule } of effectiveRules(rules, config)) {
    if (rule.meta.language === 'go.mod' || rule.meta.includeTests !== true) continue;
    const aboutDirectivesOnly = rule.checkDirectives && !rule.query && !rule.selectors && !rule.check && !rule.finish;
    if (!aboutDirectivesOnly || MAY_HOLD_DIRECTIVE.test(text)) return false;
  }
  return true;
}
