import type { Node } from 'web-tree-sitter';
import type { FileFacts } from '../../engine/fileFacts';
import { commentEnd } from '../../engine/goSyntax';
import { identifierOccurs } from '../../engine/imports';
import type { Fix } from '../../engine/fix';
import { defineRule } from '../../engine/rule';

/** Comments that are instructions to a tool, never code (RULES.md's list, plus the forms the tools accept). */
const DIRECTIVE = /^\/\/(go:|\s?nolint\b|godebt:|\s*\+build\b|export\b|line\b|lint:|extern\b)|^\/\*line\b/;
/**
 * At least one of these must appear for text to count as code: `:=`, `=`, a call, `{`,
 * `return`, and `if `, `for `, `func ` where a statement or declaration starts.
 */
const CODE_TOKEN = /:=|(?<![=!<>])=(?!=)|[A-Za-z_]\w*\(|\{|\breturn\b|(^|[;{]\s*|else\s+)(if|for|func)\s/m;
/**
 * What CODE_TOKEN needs at the least: a cheap test that turns away half the comments.
 * (CODE_TOKEN sees the text with its literals emptied, which only takes matches away.)
 */
const MAY_HAVE_CODE_TOKEN = /[=({]|return|if|for|func/;
/** gofmt'd if, for, switch and select statements open their block on their first line. */
const BLOCKLESS_STATEMENT = /^\s*(if|for|switch|select)\b(?!.*\{)/m;
/** A first line that opens with a label, as prose does ("Invariant:", "spec:", "Output:"). */
const LEADING_LABEL = /^\s*(unordered output|[A-Za-z_][\w-]*):(\s|$)/i;
/** debt-marker's business: `TODO(owner)` looks like a call but is a note. */
const DEBT_MARKER = /^(TODO|FIXME|HACK|XXX|BUG)\b/;
/** Statements that are a single word without being a keyword: prose ("parent; return PID"). */
const STATEMENT_KEYWORDS = new Set(['return', 'break', 'continue', 'fallthrough', 'goto']);
/**
 * What an assignment can have on its left, with brackets and arguments emptied: a
 * name, field or element, a pointer dereference, or an element or field of a call's result.
 */
const ASSIGNABLE = /^\s*(\*+[A-Za-z_][\w.]*(\(\)|\[\]|\.\w+)*|[A-Za-z_][\w.]*((\(\))*(\[\]|\.\w+))*)\s*$/;
/** Words that make a run of three words code rather than prose (`var x int`, `else if ok`). */
const GO_WORDS = new Set([
  'break', 'case', 'chan', 'const', 'continue', 'default', 'defer', 'else', 'fallthrough', 'for', 'func', 'go', 'goto',
  'if', 'import', 'interface', 'map', 'package', 'range', 'return', 'select', 'struct', 'switch', 'type', 'var',
  'any', 'bool', 'byte', 'complex64', 'complex128', 'error', 'float32', 'float64', 'int', 'int8', 'int16', 'int32',
  'int64', 'rune', 'string', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'nil', 'true', 'false', 'iota',
]);
/** Marks of English that Go code does not have: contractions and function words before another word. */
const ENGLISH = /[A-Za-z]'(s|t|re|ve|ll|d)\b|(^|[^\w.])(the|an|is|are|was|were|we|our|this|these|those|which|should|would|could|must|because|does)\s+[A-Za-z]/i;
/** Functions and names Go predeclares, which every file may use without declaring them. */
const PREDECLARED = new Set([
  'append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len', 'make', 'max', 'min', 'new', 'panic',
  'print', 'println', 'real', 'recover', '_',
]);
/** String and rune literals, which may hold anything. */
const LITERALS = /"(\\.|[^"\\\n])*"|`[^`]*`|'(\\.|[^'\\\n])*'/g;
/**
 * LITERALS and comments as withoutNestedComments finds them, each line on its own: a
 * raw string does not run on to the next line, and a `//` comment is one only if
 * nothing that . leaves out (\r, U+2028, U+2029) comes before the end of its line.
 */
const LITERALS_ON_A_LINE = /"(\\.|[^"\\\n])*"|`[^`\n]*`|'(\\.|[^'\\\n])*'/g;
const COMMENTS_ON_A_LINE = /\/\/[^\n\r\u2028\u2029]*(?=\n|$)|\/\*.*?\*\//g;
/**
 * Words without which text valid as declarations is valid as statements too:
 * tree-sitter-go takes statements at the top level, and only the package clause,
 * functions, methods and imports nowhere else. Without them, text that does not parse
 * as statements does not parse as declarations either, and is not parsed again.
 */
const DECLARATION_ONLY = /func|import|package/;

/** One stretch of comment lines judged together, starting with the comment checked. */
interface Run {
  /** Where the last comment ends. */
  end: number;
  /** How many lines the run spans. */
  lines: number;
  /** The text without comment markers, one line per source line. */
  text: string;
}

export default defineRule({
  meta: {
    id: 'commented-out-code',
    category: 'maintainability',
    severity: 'info',
    effortMinutes: 2,
    fixable: true,
    summary: 'Code left in comments: dead, unreviewed and misleading; version control keeps the history',
  },
  query: '(comment) @comment',
  check(ctx, captures) {
    const comment = captures.get('comment')!;
    const { source, facts } = ctx;
    const start = comment.startIndex;
    if (!facts.packageClause || start < facts.packageClause.startIndex) return; // license, build tags, package doc
    const lineComment = source.startsWith('//', start);
    // A later line of a run is judged with the run's first line (whether or not it could start a run itself).
    if (lineComment && (insideLastRun(facts, start) || continuesRun(source, comment))) return;
    const end = commentEnd(source, start);
    const text = source.slice(start, end);
    if (!standsAlone(source, start, end) || DIRECTIVE.test(text)) return;
    const run = lineComment ? lineCommentRun(source, start, end) : blockComment(text, end);
    lastRuns.set(facts, { start, end: run.end });
    if (!looksLikeCode(run.text)) return;
    const next = nextNode(comment, run);
    if (next && (isCgoImport(next, facts) || documents(next, run.text))) return;
    if (!ctx.isValidGo(run.text, 'statements') && !(DECLARATION_ONLY.test(run.text) && ctx.isValidGo(run.text, 'declarations'))) return;
    if (isBareExpression(ctx.isValidGo, run.text)) return;
    if (!run.text.includes('\n') && namesUnknown(run.text, facts, /^(var|const)_/.test(comment.parent?.type ?? ''))) return;
    const { lines } = run;
    ctx.report({
      span: { start, end: run.end },
      message: `${lines === 1 ? 'This comment is' : `These ${lines} comment lines are`} commented-out code: delete ${lines === 1 ? 'it' : 'them'}, version control keeps the history`,
      fix: deleteLines(source, comment, run.end),
    });
  },
});

/**
 * Per lint (its FileFacts), the span of the run last found: comments come in order,
 * and the checks of its later lines, next, are answered by where they start.
 */
const lastRuns = new WeakMap<FileFacts, { start: number; end: number }>();

function insideLastRun(facts: FileFacts, start: number): boolean {
  const run = lastRuns.get(facts);
  return run !== undefined && run.start < start && start < run.end;
}

/**
 * The run of `//` comment lines that starts with the comment at source[start, end).
 * Runs are found in the text, line by line: asking the tree for a comment's siblings
 * walks down from the root each time (and across every top-level declaration before
 * it), which cost more than the rest of the rule.
 */
function lineCommentRun(source: string, start: number, commentEnd: number): Run {
  let end = commentEnd;
  const texts = [source.slice(start + 2, end)];
  for (let below = runLine(source, end + 1); below; below = runLine(source, end + 1)) {
    texts.push(source.slice(below.start + 2, below.end));
    end = below.end;
  }
  return { end, lines: texts.length, text: texts.join('\n') };
}

/**
 * The `//` comment, no directive, alone on the line that starts at lineStart, or null.
 * Right below another such comment, the line starts in code, so what the text shows
 * is a comment in the tree too (one that stops at a NUL, see commentEnd, is not alone).
 */
function runLine(source: string, lineStart: number): { start: number; end: number } | null {
  const lineEnd = source.indexOf('\n', lineStart);
  const end = lineEnd < 0 ? source.length : lineEnd;
  const start = skipWhiteSpace(source, lineStart, end);
  const text = source.slice(start, end);
  if (!text.startsWith('//') || text.includes('\0') || DIRECTIVE.test(text)) return null;
  return { start, end };
}

/**
 * Whether the `//` comment continues a run: the line above is a line of a run. That
 * line starts in code unless a raw string or block comment ends on it: only then is
 * the tree asked whether its `//` starts a comment.
 */
function continuesRun(source: string, comment: Node): boolean {
  const lineStart = source.lastIndexOf('\n', comment.startIndex - 1) + 1;
  if (lineStart === 0) return false;
  const above = runLine(source, source.lastIndexOf('\n', lineStart - 2) + 1);
  if (!above) return false;
  const line = source.slice(above.start, above.end);
  if (!line.includes('`') && !line.includes('*/')) return true;
  const node = comment.tree.rootNode.descendantForIndex(above.start);
  return node?.startIndex === above.start && node.type === 'comment';
}

function blockComment(commentText: string, end: number): Run {
  let text = commentText.slice(2, -2);
  // " * " gutters of C-style block comments are decoration, not code.
  const lines = text.split('\n');
  if (lines.length > 2 && lines.slice(1).every((l) => /^\s*\*/.test(l) || l.trim() === '')) {
    text = lines.map((l, i) => (i === 0 ? l : l.replace(/^\s*\*/, ''))).join('\n');
  }
  return { end, lines: lines.length, text };
}

/** Nothing but white space before source[start, end) on its first line and after it on its last. */
function standsAlone(source: string, start: number, end: number): boolean {
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  if (skipWhiteSpace(source, lineStart, start) < start) return false;
  const lineEnd = source.indexOf('\n', end);
  const to = lineEnd < 0 ? source.length : lineEnd;
  return skipWhiteSpace(source, end, to) === to;
}

/** The first offset in [from, to) that is not white space (as String.trim sees it), or to. */
function skipWhiteSpace(source: string, from: number, to: number): number {
  let at = from;
  while (at < to && isWhiteSpace(source.charCodeAt(at))) at++;
  return at;
}

function isWhiteSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || (code > 0x7f && /\s/.test(String.fromCharCode(code)));
}

/**
 * Cheap text tests first: markers of code outside string literals, and not prose or
 * notation. Besides saving a parse, they matter for speed: tree-sitter's error
 * recovery on a paragraph of prose can take tens of milliseconds.
 */
function looksLikeCode(text: string): boolean {
  const trimmed = text.trim();
  // All tests must pass: the cheap ones that turn away most prose come first.
  if (!MAY_HAVE_CODE_TOKEN.test(trimmed) || LEADING_LABEL.test(trimmed) || DEBT_MARKER.test(trimmed)) return false;
  const code = withoutNestedComments(trimmed);
  if (ENGLISH.test(code)) return false;
  const bare = trimmed.replace(LITERALS, '""');
  if (!CODE_TOKEN.test(bare) || hasWordRun(code) || BLOCKLESS_STATEMENT.test(code)) return false;
  // A sentence ending in a full stop is prose unless it has code punctuation.
  if (trimmed.endsWith('.') && !/:=|\(|\{/.test(bare)) return false;
  const statements = bare.split(/[\n;]/);
  return !statements.some(isProseWord) && !statements.flatMap((s) => s.split(/[{}]/)).some(isNotationAssignment);
}

/** The text with string literals emptied and the comments inside it (commented-out comments) removed. */
function withoutNestedComments(text: string): string {
  if (!/["'`/]/.test(text)) return text;
  return text.replace(LITERALS_ON_A_LINE, '""').replace(COMMENTS_ON_A_LINE, '');
}

/** Three words in a row, none of them Go's, as prose has ("and status code") and code never does. */
function hasWordRun(code: string): boolean {
  for (const match of code.matchAll(/(?<![\w.])[A-Za-z]+(?: [A-Za-z]+){2,}(?![\w(.])/g)) {
    const words = match[0].split(' ');
    for (let i = 0; i + 3 <= words.length; i++) {
      if (!words.slice(i, i + 3).some((word) => GO_WORDS.has(word))) return true;
    }
  }
  return false;
}

/** A statement that is one word and no keyword: "method", "parent". */
function isProseWord(statement: string): boolean {
  const word = statement.trim();
  return /^[A-Za-z_]\w*$/.test(word) && !STATEMENT_KEYWORDS.has(word);
}

/**
 * An assignment whose left side is no variable, field, element or pointer target:
 * maths or grammar written in comments (`n * -1 = -n`, `j0(x) = ...`, `local-part = atom`).
 */
function isNotationAssignment(statement: string): boolean {
  if (/^\s*(var|const)\b/.test(statement)) return false;
  const simple = statement.replace(/^\s*(case\b[^:]*:|(for|if|switch|go|defer|else|return)\b)/, '');
  const at = /(?<![=!<>:])(<<|>>|&\^|[-+*\/%&|^])?=(?!=)/.exec(simple);
  if (!at) return false;
  let targets = simple.slice(0, at.index);
  // Brackets and call arguments do not matter, only the shape around them.
  for (let before = ''; before !== targets;) {
    before = targets;
    targets = targets.replace(/\[[^[\]]*\]/g, '[]').replace(/\([^()]*\)/g, '()');
  }
  return targets.split(',').some((target) => !ASSIGNABLE.test(target));
}

/**
 * Expressions that are not calls or receives (`a == b`, `x[i]`, `len(s) > 0`) parse as
 * statements but would not compile as such: a note, not dead code. True when the whole
 * text, or every line of it, is one.
 */
function isBareExpression(isValidGo: (text: string, as: 'statements') => boolean, text: string): boolean {
  const bareExpression = (t: string) => !t.startsWith('<-') && !isCall(t) && isValidGo(`_ = (\n${t}\n)`, 'statements');
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return bareExpression(text.trim()) || (lines.length > 1 && lines.every(bareExpression));
}

/** An expression that is a call at its top level: ends in `)` with no operator outside brackets. */
function isCall(expression: string): boolean {
  if (!expression.endsWith(')') || expression.startsWith('(')) return false;
  const outside = expression.replace(/"(\\.|[^"\\])*"|`[^`]*`|'(\\.|[^'\\])*'/g, '""');
  let depth = 0;
  for (const ch of outside) {
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (depth === 0 && '=!<>+-*/%&|^'.includes(ch)) return false;
  }
  return true;
}

/**
 * A one-line comment that names things the file's code never names is notation, not
 * code that once ran here: `s = growslice(T, s, n)` above the code that emits that call
 * (cmd/compile), `SplitFromRight(token, position)` above the code that parses it.
 * Dead code uses the names around it (`ctxt.Logf(...)`, `delete(x.td, rtid)`). Names
 * before a dot may be packages whose import went with the code, and are not asked about.
 * Two marks of code switched off are taken at their word: no space after the `//`
 * (`//dump(r)`), and a string literal (`// xdebugf("state %v", s)`): notation has neither.
 */
function namesUnknown(text: string, facts: FileFacts, inDeclarationBlock: boolean): boolean {
  if (!/^\s/.test(text) || /["`']/.test(text)) return false;
  const code = withoutNestedComments(text);
  const declared = new Set<string>();
  // In a var ( ... ) or const ( ... ) block, `c = 3` declares c.
  const left = (inDeclarationBlock ? /^(.*?)=/ : /^(.*?):=/).exec(code)?.[1];
  for (const name of left?.match(/[A-Za-z_]\w*/g) ?? []) declared.add(name);
  for (const match of code.matchAll(/\b(?:var|const|type|func)\s+([A-Za-z_]\w*)/g)) declared.add(match[1]);
  const names = [...code.matchAll(/(?<![\w.])[A-Za-z_]\w*(?![\w.])/g)].map((m) => m[0])
    .filter((name) => !GO_WORDS.has(name) && !PREDECLARED.has(name) && !declared.has(name));
  if (names.length === 0) return false;
  // Asked of the file's code with comments and literals blanked (FileFacts.codeMatches):
  // the editor then re-checks the comment only when the answer changes.
  return names.some((name) => !identifierOccurs(facts, name));
}

/** The named node that starts on the line after the run that begins with comment, if any. */
function nextNode(comment: Node, run: Run): Node | null {
  // A run of several lines ends with another comment: the smallest node around its last character.
  const last = run.end > comment.endIndex ? comment.tree.rootNode.descendantForIndex(run.end - 1) : comment;
  const next = last?.nextNamedSibling;
  if (!last || !next || next.type === 'comment') return null;
  return next.startPosition.row === last.endPosition.row + 1 ? next : null;
}

/** The comment is the preamble of import "C": C code for cgo. */
function isCgoImport(node: Node, facts: FileFacts): boolean {
  if (node.type !== 'import_declaration') return false;
  return facts.imports.some((spec) => spec.path === 'C' && spec.node.startIndex >= node.startIndex && spec.node.endIndex <= node.endIndex);
}

/** A doc comment of the declaration node that starts with the declared name. */
function documents(node: Node, text: string): boolean {
  const firstWord = /^\s*([A-Za-z_]\w*)/.exec(text)?.[1];
  return firstWord !== undefined && declaredNames(node).includes(firstWord);
}

function declaredNames(node: Node): string[] {
  const names = node.childrenForFieldName('name').map((n) => n?.text ?? '');
  if (names.length > 0) return names;
  // type/var/const declarations: the names of their specs.
  return node.namedChildren.flatMap((spec) => (spec ? spec.childrenForFieldName('name').map((n) => n?.text ?? '') : []));
}

/** Where comment lines sit among statements or declarations, which gofmt does not align. */
const UNALIGNED_PARENTS = new Set(['statement_list', 'block', 'source_file']);

/**
 * Deletes the whole lines of the comments from first to end and keeps the file
 * gofmt-clean: no two blank lines in a row, no blank line left hanging right after
 * `{` or `(` (a var or const block), right before `}` or `)`, or at the end of the file. Null when
 * the deletion would join two runs of lines that gofmt aligns (struct fields, var
 * blocks, trailing comments): gofmt would then realign them, which a fix cannot know.
 */
function deleteLines(source: string, first: Node, end: number): Fix | null {
  let from = source.lastIndexOf('\n', first.startIndex - 1) + 1;
  const lineEnd = source.indexOf('\n', end);
  let to = lineEnd < 0 ? source.length : lineEnd + 1;
  const previousLine = source.slice(source.lastIndexOf('\n', from - 2) + 1, Math.max(0, from - 1));
  const nextLineEnd = source.indexOf('\n', to);
  const nextLine = source.slice(to, nextLineEnd < 0 ? source.length : nextLineEnd);
  const previousBlank = from > 0 && previousLine.trim() === '';
  const nextBlank = nextLineEnd >= 0 && nextLine.trim() === '';
  if (!previousBlank && !nextBlank) {
    const trailingComment = (line: string) => !/^\s*(\/\/|\/\*)/.test(line) && /\/\/|\/\*/.test(line);
    const aligned = !UNALIGNED_PARENTS.has(first.parent?.type ?? '') || trailingComment(previousLine) || trailingComment(nextLine);
    if (aligned) return null;
  }
  const atEnd = source.slice(to).trim() === '';
  if ((previousBlank || /[{(]$/.test(previousLine.trimEnd())) && nextBlank) to = nextLineEnd + 1;
  else if (previousBlank && (/^[})]/.test(nextLine.trim()) || atEnd)) from = source.lastIndexOf('\n', from - 2) + 1;
  return { title: 'Delete the commented-out code', edits: [{ start: from, end: to, text: '' }] };
}
