// Runs every enabled rule over one file in a single pass: the rules' queries are
// compiled into one tree-sitter Query, matched once, and each match is handed to the
// rule that owns its pattern. A rule that throws is reported and skipped for the rest
// of the file; the other rules still run.
import type { Language, Node, Query, QueryMatch, Tree } from 'web-tree-sitter';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { effectiveRules, EffectiveRule, GodebtConfig, ruleApplies } from './config';
import { collectFileFacts, FileFacts } from './fileFacts';
import { treeSitter, wasmGeneration } from './goParser';
import type { Finding } from './finding';
import type { PackageIndexView } from './packageIndex';
import { Captures, GoModContext, Report, Rule, RuleContext } from './rule';
import { covers, Directive, DirectiveState, parseDirective } from './suppression';

export interface LintInput {
  fileName: string;
  source: string;
  tree: Tree;
  /** Offsets to LSP positions (UTF-16), e.g. a TextDocument. */
  lines: Pick<TextDocument, 'positionAt'>;
  /** The rest of the workspace as rules see it (RuleContext.packageIndex); its key changes when its answers may. */
  packageIndex?: PackageIndexView;
}

export interface RuleFailure {
  ruleId: string;
  error: unknown;
}

export interface LintResult {
  findings: Finding[];
  /** Findings that a directive silenced (kept for unused-suppression checks and counts). */
  suppressed: Finding[];
  directives: Directive[];
  failures: RuleFailure[];
  facts: FileFacts;
}

/** Capture name of the engine's own pattern, which collects comments for directives. */
const COMMENT_CAPTURE = 'godebt.comment';

export class RuleEngine {
  private readonly query: Query;
  /** patternOwner[i] = index into rules of the rule that owns combined pattern i (-1: engine). */
  private readonly patternOwner: number[] = [];
  private readonly patternBase: number[] = [];
  /** The WASM generation the compiled query belongs to. */
  private readonly generation = wasmGeneration();

  /**
   * @param syntaxCheck parses a snippet and says whether it has no syntax errors; the
   *   engine wraps it for RuleContext.isValidGo.
   */
  constructor(language: Language, readonly rules: readonly Rule[], private readonly syntaxCheck: (source: string) => boolean) {
    // One compile of the combined source (compiling each rule's query as well, to count
    // its patterns, doubled the start-up cost): a pattern belongs to the rule whose part
    // of the source it starts in.
    const sources: string[] = [];
    const ends: { rule: number; end: number }[] = [];
    let bytes = 0;
    rules.forEach((rule, index) => {
      if (!rule.query) return;
      sources.push(rule.query);
      bytes += Buffer.byteLength(rule.query) + 1; // + the '\n' that joins the sources
      ends.push({ rule: index, end: bytes });
    });
    sources.push(`(comment) @${COMMENT_CAPTURE}`);
    try {
      this.query = new (treeSitter().Query)(language, sources.join('\n'));
    } catch (err) {
      for (const rule of rules) if (rule.query) checkQuery(language, rule); // names the rule at fault
      throw err;
    }
    let part = 0;
    for (let i = 0; i < this.query.patternCount(); i++) {
      const start = this.query.startIndexForPattern(i);
      while (part < ends.length && start >= ends[part].end) part++;
      this.patternOwner.push(part < ends.length ? ends[part].rule : -1);
    }
    rules.forEach((_rule, index) => {
      const first = this.patternOwner.indexOf(index);
      this.patternBase[index] = first < 0 ? this.patternOwner.length : first;
    });
  }

  lint(input: LintInput, config: GodebtConfig = {}): LintResult {
    const facts = collectFileFacts(input.fileName, input.tree, input.source);
    const findings: Finding[] = [];
    const failures: RuleFailure[] = [];
    const directives: Directive[] = [];
    const active = new Map<Rule, { setting: EffectiveRule; ctx: RuleContext }>();
    if (!facts.isGenerated) {
      for (const setting of effectiveRules(this.rules, config)) {
        if (setting.rule.meta.language === 'go.mod') continue;
        if (!ruleApplies(setting.rule.meta, facts.isTest, config)) continue;
        active.set(setting.rule, { setting, ctx: this.context(input, facts, setting, findings) });
      }
    }
    const failed = new Set<Rule>();
    const guard = (rule: Rule, body: () => void): void => {
      if (failed.has(rule)) return;
      try {
        body();
      } catch (error) {
        failed.add(rule);
        failures.push({ ruleId: rule.meta.id, error });
      }
    };

    const firstDeclaration = facts.root.namedChildren.find((n) => n !== null && /_declaration$/.test(n.type) && n.type !== 'import_declaration');
    for (const match of this.query.matches(input.tree.rootNode)) {
      const owner = this.patternOwner[match.patternIndex];
      if (owner < 0) {
        const comment = match.captures[0]?.node;
        const directive = comment && parseDirective(comment);
        if (!directive) continue;
        if (directive.kind === 'file-ignore' && firstDeclaration && directive.start > firstDeclaration.startIndex) {
          directive.problem = 'comes after the first declaration, so it has no effect: move it above the package clause';
        }
        directives.push(directive);
        continue;
      }
      const rule = this.rules[owner];
      const entry = active.get(rule);
      if (!entry || !rule.check) continue;
      guard(rule, () => rule.check!(entry.ctx, captures(match, match.patternIndex - this.patternBase[owner])));
    }
    for (const [rule, entry] of active) if (rule.finish) guard(rule, () => rule.finish!(entry.ctx));

    const kept: Finding[] = [];
    const suppressed: Finding[] = [];
    const metaById = new Map(this.rules.map((r) => [r.meta.id, r.meta]));
    const sift = (batch: Finding[]) => {
      for (const finding of batch.sort(byPosition)) {
        const meta = metaById.get(finding.ruleId)!;
        // A directive never silences a finding about itself.
        const hits = directives.filter((d) => !(d.start === finding.span.start && d.end === finding.span.end) && covers(d, meta, finding.range.start.line));
        for (const d of hits) d.used = true;
        (hits.length > 0 ? suppressed : kept).push(finding);
      }
    };
    sift(findings.splice(0));
    // Rules about the directives run once the others' findings are matched to them,
    // one after the other in registry order, each one's findings matched in turn.
    const state: DirectiveState = {
      directives,
      ruleState: (id) => {
        const rule = this.rules.find((r) => r.meta.id === id);
        if (!rule) return 'unknown';
        return active.has(rule) && !failed.has(rule) ? 'active' : 'inactive';
      },
    };
    for (const [rule, entry] of active) {
      if (!rule.checkDirectives) continue;
      guard(rule, () => rule.checkDirectives!(entry.ctx, state));
      sift(findings.splice(0));
    }
    kept.sort(byPosition);
    return { findings: kept, suppressed, directives, failures, facts };
  }

  /** Runs the go.mod rules over one go.mod file. Directives do not apply there. */
  lintGoMod(input: Omit<LintInput, 'tree'>, config: GodebtConfig = {}): Pick<LintResult, 'findings' | 'failures'> {
    const findings: Finding[] = [];
    const failures: RuleFailure[] = [];
    for (const setting of effectiveRules(this.rules, config)) {
      const { meta, checkGoMod } = setting.rule;
      if (meta.language !== 'go.mod' || !checkGoMod) continue;
      const ctx = this.context(input, null, setting, findings);
      try {
        checkGoMod(ctx);
      } catch (error) {
        failures.push({ ruleId: meta.id, error });
      }
    }
    return { findings: findings.sort(byPosition), failures };
  }

  dispose(): void {
    // A query of a replaced WASM module is dropped, not freed.
    if (this.generation === wasmGeneration()) this.query.delete();
  }

  private context(input: Omit<LintInput, 'tree'>, facts: FileFacts, setting: EffectiveRule, sink: Finding[]): RuleContext;
  private context(input: Omit<LintInput, 'tree'>, facts: null, setting: EffectiveRule, sink: Finding[]): GoModContext;
  private context(input: Omit<LintInput, 'tree'>, facts: FileFacts | null, setting: EffectiveRule, sink: Finding[]): RuleContext & GoModContext {
    const meta = setting.rule.meta;
    const syntaxCheck = this.syntaxCheck;
    return {
      fileName: input.fileName,
      source: input.source,
      facts: facts!,
      options: setting.options,
      packageIndex: input.packageIndex,
      isValidGo(text: string, as: 'statements' | 'declarations') {
        return syntaxCheck(as === 'statements' ? `package p\nfunc _() {\n${text}\n}\n` : `package p\n${text}\n`);
      },
      report(report: Report) {
        const span = report.span ?? (report.node ? { start: report.node.startIndex, end: report.node.endIndex } : undefined);
        if (!span) throw new Error(`rule ${meta.id} reported without a node or span`);
        sink.push({
          ruleId: meta.id,
          category: meta.category,
          severity: setting.severity,
          message: report.message,
          span,
          range: { start: input.lines.positionAt(span.start), end: input.lines.positionAt(span.end) },
          effortMinutes: report.effortMinutes ?? meta.effortMinutes,
          fix: report.fix ?? undefined,
        });
      },
    };
  }
}

function checkQuery(language: Language, rule: Rule): void {
  let query: Query;
  try {
    query = new (treeSitter().Query)(language, rule.query!);
  } catch (err) {
    throw new Error(`rule ${rule.meta.id} has an invalid query: ${err instanceof Error ? err.message : String(err)}`);
  }
  query.delete();
}

function captures(match: QueryMatch, pattern: number): Captures {
  return {
    pattern,
    get: (name) => match.captures.find((c) => c.name === name)?.node,
    all: (name) => match.captures.filter((c) => c.name === name).map((c) => c.node as Node),
  };
}

function byPosition(a: Finding, b: Finding): number {
  // Rule ids are lowercase ASCII: code-unit order equals locale order, without the cost
  // of creating a collator (~20 ms on the first lint of a process).
  return a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
