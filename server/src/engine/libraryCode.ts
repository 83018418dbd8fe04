// What panic-in-library, exit-in-library and unstructured-logging mean by "a package
// other than main": a package that other programs import, whose callers its panics,
// exits and prints would surprise. A command's own packages are not that (package main,
// the packages under a cmd/ folder: cmd/compile/internal/ssa, a project's
// cmd/server/config, and packages named command or commands, as etcdctl's), nor are
// test-support packages (httptest, testutil, packagestest), whose callers are tests.
import type { Node } from 'web-tree-sitter';
import type { FileFacts } from './fileFacts';
import { commentsAround } from './goSyntax';

/** Package names of test support: ...test, ...testing, testutil, testenv, tester, testsuite. */
const TEST_SUPPORT = /test(s|ing|util|utils|env|er|suite|helpers?)?$/i;

const COMMAND_PACKAGES = new Set(['main', 'cmd', 'command', 'commands']);

/** Test-support packages (httptest, testutil, awstesting): their servers and clients talk to tests. */
export function isTestSupport(facts: FileFacts): boolean {
  return TEST_SUPPORT.test(facts.packageName) && facts.packageName !== 'latest';
}

export function isLibraryCode(facts: FileFacts): boolean {
  const name = facts.packageName;
  if (COMMAND_PACKAGES.has(name) || isTestSupport(facts)) return false;
  // The folders above the file (a path or a file: URI), not the file's own name.
  return !facts.fileName.split(/[\\/]/).slice(0, -1).includes('cmd');
}

/**
 * Messages that say a panic guards an invariant, not an input: the code cannot get
 * there unless the package itself is broken, and no caller could handle an error.
 */
const INVARIANT_MESSAGE = new RegExp([
  'unreachable', 'not reached', 'impossible', 'internal error', 'invariant', '\\bbug\\b', 'programm(?:er|ing) error',
  "(?:can'?t|cannot|should ?n[o']t|should never|must not|must never|never) (?:happen|occur|get here|be reached|reach here)",
].join('|'), 'i');

/** An internal-error value or constructor: internalErrorf(...), ErrInternalError, errInternal. */
const INTERNAL_ERROR_NAME = /internal_?err|errinternal/i;

/**
 * True when the call says that it guards an invariant: by its message (the first string
 * literal of its arguments: the message, or the start of a format), as in
 * `panic("unreachable")` and `log.Panicf("internal error: %v", err)`; by an internal-error
 * value (`panic(internalErrorf(...))`); or by a comment at the end of its line or on the
 * lines right above it (`// Shouldn't happen.`).
 */
export function statesInvariant(call: Node): boolean {
  const args = call.childForFieldName('arguments');
  if (!args) return false;
  const literal = args.descendantsOfType(['interpreted_string_literal', 'raw_string_literal'])[0];
  if (literal && INVARIANT_MESSAGE.test(literal.text)) return true;
  if (args.descendantsOfType('identifier').some((id) => id && INTERNAL_ERROR_NAME.test(id.text))) return true;
  return commentsAround(call).some((text) => INVARIANT_MESSAGE.test(text));
}
