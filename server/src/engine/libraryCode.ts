// What panic-in-library and exit-in-library mean by "a package other than main": a
// package that other programs import, whose callers its panics and exits would take
// down. A command's own packages are not that (package main, and the packages under a
// cmd/ folder: cmd/compile/internal/ssa, a project's cmd/server/config), nor are
// test-support packages (httptest, testutil, packagestest), whose callers are tests.
import type { Node } from 'web-tree-sitter';
import type { FileFacts } from './fileFacts';

/** Package names of test support: ...test, ...testing, testutil, testenv, tester, testsuite. */
const TEST_SUPPORT = /test(s|ing|util|utils|env|er|suite|helpers?)?$/i;

export function isLibraryCode(facts: FileFacts): boolean {
  const name = facts.packageName;
  if (name === 'main' || (TEST_SUPPORT.test(name) && name !== 'latest')) return false;
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

/**
 * True when the call's message (its first string literal: the message, or the start of
 * a format) says that it guards an invariant: `panic("unreachable")`,
 * `log.Panicf("internal error: %v", err)`.
 */
export function statesInvariant(call: Node): boolean {
  const args = call.childForFieldName('arguments');
  const literal = args?.descendantsOfType(['interpreted_string_literal', 'raw_string_literal'])[0];
  return !!literal && INVARIANT_MESSAGE.test(literal.text);
}
