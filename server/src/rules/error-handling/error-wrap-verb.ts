import type { Node } from 'web-tree-sitter';
import { isErrorName } from '../../engine/errorIdioms';
import { packageMember } from '../../engine/goSyntax';
import { defineRule } from '../../engine/rule';

interface Verb {
  /** The verb letter, e.g. "v". */
  letter: string;
  /** Offsets within the format's text of the "%" and just past the letter. */
  start: number;
  end: number;
  /** Index of the argument (after the format) that the verb prints. */
  argument: number;
}

/** A "%" written as an escape sequence hides a verb from a reading of the source text. */
const ESCAPED_PERCENT = /\\(x25|045|u0025|U00000025)/i;

/**
 * The verbs of a printf format, left to right, with the argument each one prints
 * (a `*` width or precision takes an argument of its own; %% takes none). Null when
 * the format uses explicit argument indexes (%[1]v), which are not analysed.
 */
function formatVerbs(format: string): Verb[] | null {
  const verbs: Verb[] = [];
  let argument = 0;
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== '%') continue;
    let j = i + 1;
    if (format[j] === '%') {
      i = j;
      continue;
    }
    while (j < format.length && '+-# 0'.includes(format[j])) j++;
    if (format[j] === '*') {
      argument++;
      j++;
    } else while (j < format.length && /[0-9]/.test(format[j])) j++;
    if (format[j] === '.') {
      j++;
      if (format[j] === '*') {
        argument++;
        j++;
      } else while (j < format.length && /[0-9]/.test(format[j])) j++;
    }
    if (format[j] === '[') return null;
    if (j >= format.length) break;
    const letter = String.fromCodePoint(format.codePointAt(j)!);
    verbs.push({ letter, start: i, end: j + letter.length, argument: argument++ });
    i = j + letter.length - 1;
  }
  return verbs;
}

/**
 * The error is one of the results a check reports, not the cause of a failure:
 * `fmt.Errorf("Read(0) = %d, %v, want 0, nil", n, err)` (testing/iotest). Wrapping it
 * would make the report's error look like the reason for it.
 */
function reportedResult(format: string, verb: Verb): boolean {
  return /=[^=]*$/.test(format.slice(0, verb.start)) && /^[^=]*\bwant\b/.test(format.slice(verb.end));
}

export default defineRule({
  meta: {
    id: 'error-wrap-verb',
    category: 'error-handling',
    severity: 'warning',
    effortMinutes: 2,
    fixable: true,
    summary: 'fmt.Errorf prints an error with %v or %s instead of wrapping it with %w',
    nolintAliases: ['errorlint'],
  },
  selectors: ['Errorf'],
  check(ctx, captures) {
    const call = captures.get('call');
    const format = call?.childForFieldName('arguments')?.namedChild(0);
    if (!call || !format || !/^(interpreted|raw)_string_literal$/.test(format.type)) return;
    if (packageMember(captures.get('selector'), ctx.facts)?.path !== 'fmt') return;
    const text = format.text.slice(1, -1);
    if (format.type === 'interpreted_string_literal' && ESCAPED_PERCENT.test(text)) return;
    const verbs = formatVerbs(text);
    if (!verbs || verbs.some((v) => v.letter === 'w')) return;
    const args = (call.childForFieldName('arguments')?.namedChildren ?? []).slice(1);
    const printed = verbs.find((v) => (v.letter === 'v' || v.letter === 's') && isErrorName(args[v.argument] as Node | undefined));
    if (!printed || reportedResult(text, printed)) return;
    const at = format.startIndex + 1;
    const error = args[printed.argument]!.text;
    ctx.report({
      span: { start: at + printed.start, end: at + printed.end },
      message: `%${printed.letter} formats ${error} as text, so errors.Is and errors.As cannot see it: wrap it with %w`,
      fix: {
        title: `Wrap ${error} with %w`,
        edits: [{ start: at + printed.end - 1, end: at + printed.end, text: 'w' }],
        preferred: true,
      },
    });
  },
});
