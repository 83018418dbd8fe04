// Runs every enabled rule over one file in a single pass: the rules' queries are
// compiled into one tree-sitter Query, matched once, and each match is handed to the
// rule that owns its pattern. A rule that throws is reported and skipped for the rest
// of the file; the other rules still run.
import type { Language, Node, Query, QueryMatch, Tree } from 'web-tree-sitter';
import { isAsciiWordChar } from './charCodes';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG, effectiveRules, EffectiveRule, GodebtConfig, ruleApplies } from './config';
import { collectFileFacts, FileFacts } from './fileFacts';
import { treeSitter, wasmGeneration } from './goParser';
import { compareFindings, Finding } from './finding';
import type { PackageIndexView } from './packageIndex';
import { Captures, GoModContext, Report, Rule, RuleContext, SELECTOR_PATTERN } from './rule';
import { covers, Directive, DirectiveState, goLines, mayBeDirective, parseDirective } from './suppression';
import {
  directiveWithin, findNode, IncrementalCache, moveDirective, restoreFinding, SegmentResult, StoredFinding, StoredMatch, storeCaptures, storeFinding,
} from './incremental';
import { layoutOf, segmentAt, windowLastRow, windowRow } from './segments';

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

/** The engine's own pattern, which collects comments for directives (rules with the same pattern share its matches). */
const COMMENT_PATTERN = '(comment) @comment';
/**
 * The engine's pattern that finds every selector for the rules' Rule.selectors. It
 * captures the name alone: each capture is a JS object, and capturing the selector
 * too made the pattern cost half as much again. The few selectors a rule asked for
 * find theirs from the name (selectorCaptures).
 */
const SELECTOR_QUERY = '(selector_expression field: (field_identifier) @name)';

/** Owners of the engine's own patterns in PatternTarget.owner (rules are 0 and up). */
const DIRECTIVES = -1;
const SELECTORS = -2;

/** Who receives a match of one pattern of the combined query: a rule (with its own pattern number) or the engine. */
interface PatternTarget {
  owner: number;
  pattern: number;
}

export class RuleEngine {
  private readonly query: Query;
  /**
   * targets[i]: who receives the matches of combined pattern i. Patterns written the
   * same way by several rules (a comment, a function body) are matched once and handed
   * to each: every match costs a trip out of WebAssembly and a JS object per capture.
   */
  private readonly targets: PatternTarget[][] = [];
  /** The WASM generation the compiled query belongs to. */
  private readonly generation = wasmGeneration();
  /** Rule.selectors: the rules (by index) that asked for a name, and those that gave a pattern. */
  private readonly selectorsByName = new Map<string, number[]>();
  private readonly selectorsByPattern: { rule: number; names: RegExp }[] = [];

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
    const part = (owner: number, query: string) => {
      sources.push(query);
      bytes += Buffer.byteLength(query) + 1; // + the '\n' that joins the sources
      ends.push({ rule: owner, end: bytes });
    };
    rules.forEach((rule, index) => {
      if (rule.query) part(index, rule.query);
      if (!rule.selectors) return;
      if (rule.selectors instanceof RegExp) this.selectorsByPattern.push({ rule: index, names: rule.selectors });
      else for (const name of new Set(rule.selectors)) this.selectorsByName.set(name, [...(this.selectorsByName.get(name) ?? []), index]);
    });
    if (rules.some((rule) => rule.selectors)) part(SELECTORS, SELECTOR_QUERY);
    sources.push(COMMENT_PATTERN);
    const source = sources.join('\n');
    try {
      this.query = new (treeSitter().Query)(language, source);
    } catch (err) {
      for (const rule of rules) if (rule.query) checkQuery(language, rule); // names the rule at fault
      throw err;
    }
    const sourceBytes = Buffer.from(source);
    const firstWithText = new Map<string, number>();
    const base = new Map<number, number>();
    let at = 0;
    for (let i = 0; i < this.query.patternCount(); i++) {
      const start = this.query.startIndexForPattern(i);
      while (at < ends.length && start >= ends[at].end) at++;
      const owner = at < ends.length ? ends[at].rule : DIRECTIVES;
      if (!base.has(owner)) base.set(owner, i);
      const target = { owner, pattern: i - base.get(owner)! };
      const text = sourceBytes.subarray(start, this.query.endIndexForPattern(i)).toString().trim();
      const first = firstWithText.get(text);
      this.targets.push([]);
      if (first === undefined) {
        firstWithText.set(text, i);
        this.targets[i].push(target);
      } else {
        this.query.disablePattern(i);
        this.targets[first].push(target);
      }
    }
  }

  /** The rules' patterns compiled into one query (the bench measures its walk alone). */
  get combinedQuery(): Query {
    return this.query;
  }

  /**
   * Lints one file. With a cache (the editor keeps one per open document), the findings
   * of segments whose window and the file's outline are unchanged since the last lint
   * are reused and only the other segments are matched and checked (segments.ts); the
   * result is the same as without a cache.
   */
  lint(input: LintInput, config: GodebtConfig = DEFAULT_CONFIG, cache?: IncrementalCache): LintResult {
    // What the rule being checked read beyond its own declaration (FileFacts says).
    // answers starts as NO_ANSWERS for each match: a Map is made only when a rule asks the code.
    const read = { outline: false, wholeText: false, answers: NO_ANSWERS };
    const facts = collectFileFacts(input.fileName, input.tree, input.source, {
      outline: () => { read.outline = true; },
      wholeText: () => { read.wholeText = true; },
      codeMatches: (pattern, count) => {
        if (read.answers === NO_ANSWERS) read.answers = new Map();
        read.answers.set(pattern, count);
      },
    });
    const findings: Finding[] = [];
    const failures: RuleFailure[] = [];
    const directives: Directive[] = [];
    const active = new Map<Rule, { setting: EffectiveRule; ctx: RuleContext }>();
    if (!facts.isGenerated) {
      for (const setting of effectiveRules(this.rules, config)) {
        if (setting.rule.meta.language === 'go.mod') continue;
        if (!ruleApplies(setting.rule.meta, facts, config)) continue;
        active.set(setting.rule, { setting, ctx: this.context(input, facts, setting, findings) });
      }
    }
    const failed = new Set<Rule>();
    const fail = (rule: Rule, error: unknown): void => {
      failed.add(rule);
      failures.push({ ruleId: rule.meta.id, error });
    };
    const guard = (rule: Rule, body: () => void): void => {
      if (failed.has(rule)) return;
      try {
        body();
      } catch (error) {
        fail(rule, error);
      }
    };
    // guard for the calls made per match: without a closure for each (a scan delivers
    // 600,000 matches, and every closure is an allocation).
    const check = (rule: Rule, ctx: RuleContext, c: Captures): void => {
      if (failed.has(rule)) return;
      try {
        rule.check!(ctx, c);
      } catch (error) {
        fail(rule, error);
      }
    };

    const root = input.tree.rootNode;
    // Read once per tree by FileFacts (the engine's own reads are not a rule's).
    const topLevel = facts.topLevel;
    const firstDeclaration = topLevel.find((n) => /_declaration$/.test(n.type) && n.type !== 'import_declaration');
    const layout = cache && !facts.isGenerated ? layoutOf(topLevel, input.source) : undefined;
    const segments = layout?.segments ?? [];
    const outlineVersion = layout && cache ? cache.begin([layout.header, root.type, config, input.fileName, input.packageIndex?.key], layout.outline) : 0;

    // Reuse what can be reused; the rest is dirty and gets matched below.
    const results: (SegmentResult | undefined)[] = segments.map((segment) => {
      const result = segment.reusable ? cache?.get(segment.key) : undefined;
      return result?.answers?.every(([pattern, count]) => facts.codeMatches(pattern) === count) === false ? undefined : result;
    });
    const wholeFileMatches: { at: number; rule: Rule; captures: Captures }[] = [];
    results.forEach((result, i) => {
      if (!result) return;
      const revived = this.revive(root, result.matches, segments[i].windowStart);
      if (revived) wholeFileMatches.push(...revived);
      else results[i] = undefined;
    });
    const dirty = new Set(segments.map((_s, i) => i).filter((i) => !results[i]));
    if (cache) cache.lastLint = { segments: segments.length, reused: segments.length - dirty.size };
    const fresh = new Map<number, { findings: Finding[]; directives: Directive[]; matches: StoredMatch[] }>();
    const freshResult = (i: number) => {
      let result = fresh.get(i);
      if (!result) fresh.set(i, (result = { findings: [], directives: [], matches: [] }));
      return result;
    };
    const uncacheable = new Set<number>();
    const readOutline = new Set<number>();
    const answers = new Map<number, Map<string, number>>();
    let unattributed = false;

    const handle = (match: QueryMatch, segment: number) => {
      for (const target of this.targets[match.patternIndex]) {
        if (target.owner !== SELECTORS) deliver(match, target, segment);
        else for (const owner of this.selectorRules(match, input.source)) deliver(match, { owner, pattern: SELECTOR_PATTERN }, segment);
      }
    };
    const deliver = (match: QueryMatch, { owner, pattern }: PatternTarget, segment: number) => {
      if (owner === DIRECTIVES) {
        const comment = match.captures[0]?.node;
        const directive = comment && mayBeDirective(input.source, comment.startIndex) && parseDirective(comment);
        if (!directive) return;
        if (directive.kind === 'file-ignore') {
          // Whether it works depends on where the first declaration is: part of the outline.
          if (segment >= 0) readOutline.add(segment);
          if (firstDeclaration && directive.start > firstDeclaration.startIndex) {
            directive.problem = 'comes after the first declaration, so it has no effect: move it above the package clause';
          }
        }
        directives.push(directive);
        if (segment >= 0) freshResult(segment).directives.push(directive);
        return;
      }
      const rule = this.rules[owner];
      const entry = active.get(rule);
      if (!entry || !rule.check) return;
      if (rule.finish) {
        // Rules that gather over the whole file see every match, reused or fresh, below.
        wholeFileMatches.push({ at: match.captures[0]?.node.startIndex ?? 0, rule, captures: captures(match, pattern) });
        if (segment >= 0) freshResult(segment).matches.push({ ruleId: rule.meta.id, pattern, captures: storeCaptures(match.captures, -segments[segment].windowStart) });
        return;
      }
      const before = findings.length;
      read.outline = read.wholeText = false;
      read.answers = NO_ANSWERS;
      check(rule, entry.ctx, captures(match, pattern));
      if (segment < 0) return;
      freshResult(segment).findings.push(...findings.slice(before));
      if (read.wholeText) uncacheable.add(segment);
      if (read.outline) readOutline.add(segment);
      if (read.answers.size > 0) answers.set(segment, new Map([...(answers.get(segment) ?? []), ...read.answers]));
    };

    if (!layout || dirty.size === segments.length) {
      for (const match of this.query.matches(root)) {
        const segment = layout ? segmentAt(segments, match.captures[0]?.node.startIndex ?? -1) : -1;
        if (layout && segment < 0) unattributed = true;
        handle(match, segment);
      }
    } else {
      for (const i of dirty) for (const node of segments[i].nodes) for (const match of this.query.matches(node)) handle(match, i);
    }

    // Whole-file rules: every match in document order (however it was found), then finish().
    wholeFileMatches.sort((a, b) => a.at - b.at);
    for (const { rule, captures: c } of wholeFileMatches) check(rule, active.get(rule)!.ctx, c);
    for (const [rule, entry] of active) if (rule.finish) guard(rule, () => rule.finish!(entry.ctx));

    if (cache) {
      results.forEach((result, i) => {
        if (!result) return;
        const { windowStart } = segments[i];
        // Directive lines are tree-sitter rows (which count '\n' only, unlike LSP lines).
        const rowDelta = result.directives.length > 0 ? windowRow(segments[i], input.source) : 0;
        for (const stored of result.findings) findings.push(this.locate(restoreFinding(stored, windowStart), input.lines));
        for (const stored of result.directives) directives.push(moveDirective(stored, windowStart, rowDelta));
      });
      // A rule that failed may have skipped segments: keep nothing from this lint.
      if (failures.length === 0 && !unattributed) {
        for (const i of dirty) {
          if (uncacheable.has(i) || !segments[i].reusable) continue;
          const result = fresh.get(i) ?? { findings: [], directives: [], matches: [] };
          const { windowStart, windowEnd } = segments[i];
          const firstRow = result.directives.length > 0 ? windowRow(segments[i], input.source) : 0;
          const lastRow = result.directives.length > 0 ? windowLastRow(segments[i], input.source) : 0;
          const stored = result.findings.map((f) => storeFinding(f, windowStart, windowEnd, layout!.header.length));
          if (!stored.every((f) => f !== null)) continue;
          if (!result.directives.every((d) => directiveWithin(d, windowStart, windowEnd, firstRow, lastRow))) continue;
          cache.set(segments[i].key, {
            findings: stored as StoredFinding[],
            directives: result.directives.map((d) => moveDirective(d, -windowStart, -firstRow)),
            matches: result.matches,
            outline: readOutline.has(i) ? outlineVersion : undefined,
            answers: answers.has(i) ? [...answers.get(i)!] : undefined,
          });
        }
      }
    }

    const kept: Finding[] = [];
    const suppressed: Finding[] = [];
    const metaById = new Map(this.rules.map((r) => [r.meta.id, r.meta]));
    const goLine = directives.length > 0 ? goLines(input.source) : undefined;
    const sift = (batch: Finding[]) => {
      for (const finding of batch.sort(compareFindings)) {
        const meta = metaById.get(finding.ruleId)!;
        const line = goLine?.(finding.span.start, finding.range.start.line) ?? 0;
        // A directive never silences a finding about itself.
        const hits = directives.filter((d) => !(d.start === finding.span.start && d.end === finding.span.end) && covers(d, meta, line));
        for (const d of hits) d.used = true;
        (hits.length > 0 ? suppressed : kept).push(finding);
      }
    };
    directives.sort((a, b) => a.start - b.start);
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
    kept.sort(compareFindings);
    return { findings: kept, suppressed, directives, failures, facts };
  }

  /** The rules (by index) that asked for the name of a selector match's selector. */
  private selectorRules(match: QueryMatch, source: string): number[] {
    const node = match.captures.find((c) => c.name === 'name')?.node;
    const name = node ? identifierAt(source, node) : '';
    const byName = this.selectorsByName.get(name) ?? [];
    if (this.selectorsByPattern.length === 0) return byName;
    const byPattern = this.selectorsByPattern.filter((s) => s.names.test(name)).map((s) => s.rule);
    return byPattern.length === 0 ? byName : [...byName, ...byPattern].sort((a, b) => a - b);
  }

  /** The stored matches of whole-file rules, found again in the current tree (null if any is gone). */
  private revive(root: Node, stored: readonly StoredMatch[], delta: number): { at: number; rule: Rule; captures: Captures }[] | null {
    const out: { at: number; rule: Rule; captures: Captures }[] = [];
    for (const match of stored) {
      const rule = this.rules.find((r) => r.meta.id === match.ruleId);
      if (!rule) return null;
      const nodes: { name: string; node: Node }[] = [];
      for (const c of match.captures) {
        const node = findNode(root, c.start + delta, c.end + delta, c.type);
        if (!node) return null;
        nodes.push({ name: c.name, node });
      }
      out.push({ at: nodes[0]?.node.startIndex ?? 0, rule, captures: capturesOf(nodes, match.pattern) });
    }
    return out;
  }

  private locate(finding: StoredFinding, lines: LintInput['lines']): Finding {
    return { ...finding, range: { start: lines.positionAt(finding.span.start), end: lines.positionAt(finding.span.end) } };
  }

  /** Runs the go.mod rules over one go.mod file. Directives do not apply there. */
  lintGoMod(input: Omit<LintInput, 'tree'>, config: GodebtConfig = DEFAULT_CONFIG): Pick<LintResult, 'findings' | 'failures'> {
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
    return { findings: findings.sort(compareFindings), failures };
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

/**
 * The text of an identifier node, read from the source: Node.text is a call into
 * WebAssembly for its end, and the selector pattern meets every selector of a file
 * (294,000 in the standard library). An ASCII name ends at the first other character;
 * a name with other characters is asked of the tree. (A zero-width MISSING name, as in
 * `x.func`, reads as the keyword after it: no rule can ask for a keyword, which is
 * never a selector's name.)
 */
function identifierAt(source: string, node: Node): string {
  const start = node.startIndex;
  let end = start;
  for (;;) {
    const c = source.charCodeAt(end);
    if (isAsciiWordChar(c)) end++;
    else if (c >= 0x80 || end === start) return node.text;
    else return source.slice(start, end);
  }
}

/** What a rule read of the code's matches when it read none (never written to). */
const NO_ANSWERS = new Map<string, number>();

/** Selector captures by match: rules that asked for the same name share their lookups. */
const selectorCapturesByMatch = new WeakMap<QueryMatch, Captures>();

function captures(match: QueryMatch, pattern: number): Captures {
  if (pattern !== SELECTOR_PATTERN) return capturesOf(match.captures, pattern);
  let shared = selectorCapturesByMatch.get(match);
  if (!shared) selectorCapturesByMatch.set(match, (shared = selectorCaptures(match.captures)));
  return shared;
}

function capturesOf(list: readonly { name: string; node: Node }[], pattern: number): Captures {
  if (pattern === SELECTOR_PATTERN) return selectorCaptures(list);
  return new ListCaptures(list, pattern);
}

/** A match's captures as a rule sees them (one object per match: a closure per method made three). */
class ListCaptures implements Captures {
  constructor(private readonly list: readonly { name: string; node: Node }[], readonly pattern: number) {}

  get(name: string): Node | undefined {
    return this.list.find((c) => c.name === name)?.node;
  }

  all(name: string): Node[] {
    return this.list.filter((c) => c.name === name).map((c) => c.node);
  }
}

/**
 * A selector's captures (Rule.selectors) from its name: the selector, its operand, and
 * the call when the selector is the function of one. Each is looked up on first use,
 * by the few rules that asked for the name: Node.parent walks down from the root.
 */
function selectorCaptures(list: readonly { name: string; node: Node }[]): Captures {
  const found = new Map<string, Node | null>([['name', list.find((c) => c.name === 'name')?.node ?? null]]);
  const get = (capture: string): Node | null => {
    let node = found.get(capture);
    if (node !== undefined) return node;
    if (capture === 'selector') node = get('name')?.parent ?? null;
    else if (capture === 'operand') node = get('selector')?.childForFieldName('operand') ?? null;
    else if (capture === 'call') node = callOf(get('selector'));
    found.set(capture, node ?? null);
    return node ?? null;
  };
  return {
    pattern: SELECTOR_PATTERN,
    get: (capture) => get(capture) ?? undefined,
    all: (capture) => {
      const node = get(capture);
      return node ? [node] : [];
    },
  };
}

/** The call whose function is selector, or null. */
function callOf(selector: Node | null): Node | null {
  const parent = selector?.parent;
  return parent?.type === 'call_expression' && parent.childForFieldName('function')?.id === selector!.id ? parent : null;
}
