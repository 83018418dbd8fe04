import type { Fix } from '../../engine/fix';
import { defineRule } from '../../engine/rule';
import { Directive, DirectiveState, isGodebtOnlyNolint } from '../../engine/suppression';

export default defineRule({
  meta: {
    id: 'unused-suppression',
    category: 'maintainability',
    severity: 'hint',
    effortMinutes: 1,
    fixable: true,
    summary: 'a suppression directive that silences nothing, or cannot take effect',
    includeTests: true,
  },
  // Runs after suppression-without-reason (registry order), so a directive that
  // silences only that rule's findings counts as used.
  checkDirectives(ctx, state) {
    for (const directive of state.directives) {
      const message = problemOf(directive, state);
      // A used directive that also names an unknown id still works: no removal for it.
      if (message) ctx.report({ span: { start: directive.start, end: directive.end }, message, fix: directive.used ? null : removal(ctx.source, directive) });
    }
  },
});

/** What is wrong with a directive, or null when it is used or may still be needed. */
function problemOf(directive: Directive, state: DirectiveState): string | null {
  const shown = directive.kind === 'nolint' ? '//nolint' : `//godebt:${directive.kind}`;
  if (directive.problem) return `${shown} ${directive.problem}.`;
  if (directive.kind === 'nolint') {
    if (directive.used) return null;
    // A //nolint naming another linter (or none) may be golangci-lint's to use.
    if (!isGodebtOnlyNolint(directive, (name) => state.ruleState(name) !== 'unknown')) return null;
    if (directive.names.some((n) => n !== 'godebt' && state.ruleState(n) !== 'active')) return null;
    return `${shown}:${directive.names.join(',')} suppresses nothing here: remove it.`;
  }
  const unknown = directive.names.filter((n) => state.ruleState(n) === 'unknown');
  if (unknown.length) return `${shown} names ${unknown.map((n) => `'${n}'`).join(', ')}, which ${unknown.length === 1 ? 'is not a godebt rule' : 'are not godebt rules'}: correct or remove it.`;
  if (directive.used) return null;
  // A rule that is off or does not look at this file might need it under another configuration.
  if (directive.names.some((n) => state.ruleState(n) !== 'active')) return null;
  const where = directive.kind === 'ignore' ? 'on this line or the next' : 'in this file';
  return `${shown} ${directive.names.join(',')} suppresses nothing ${where}: remove it.`;
}

/**
 * Deletes the directive: the whole line when the comment is alone on it (and a blank
 * line it would leave doubled, which gofmt would remove), else the trailing comment
 * and the blanks before it.
 */
function removal(source: string, directive: Directive): Fix {
  const lineStart = source.lastIndexOf('\n', directive.start - 1) + 1;
  const newline = source.indexOf('\n', directive.end);
  const lineEnd = newline < 0 ? source.length : newline + 1;
  const title = 'Remove the unused suppression';
  if (source.slice(lineStart, directive.start).trim() === '' && source.slice(directive.end, lineEnd).trim() === '') {
    let end = lineEnd;
    const previousBlank = lineStart === 0 || source.slice(source.lastIndexOf('\n', lineStart - 2) + 1, lineStart).trim() === '';
    const nextLineEnd = source.indexOf('\n', end);
    if (previousBlank && nextLineEnd >= 0 && source.slice(end, nextLineEnd).trim() === '') end = nextLineEnd + 1;
    return { title, edits: [{ start: lineStart, end, text: '' }] };
  }
  let start = directive.start;
  while (start > lineStart && (source[start - 1] === ' ' || source[start - 1] === '\t')) start--;
  return { title, edits: [{ start, end: directive.end, text: '' }] };
}
