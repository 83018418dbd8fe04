import { isUserTag, needsTag } from '../../engine/buildConstraints';
import { defineRule } from '../../engine/rule';

export default defineRule({
  meta: {
    id: 'cgo-import',
    category: 'dependencies',
    severity: 'warning',
    effortMinutes: 60,
    fixable: false,
    onlyBuiltFiles: true,
    summary: 'import "C" turns on cgo: no static single binary, no easy cross-compilation',
  },
  query: '(import_spec path: (interpreted_string_literal) @path (#eq? @path "\\"C\\""))',
  check(ctx, captures) {
    // Optional cgo: a file that only builds with the cgo tag (CGO_ENABLED=0 leaves it
    // out, as net's cgo resolver) or with a tag the user sets (icu, boringcrypto, race)
    // leaves the package a pure-Go build.
    if (needsTag(ctx.facts, (tag) => tag === 'cgo' || isUserTag(tag))) return;
    ctx.report({
      node: captures.get('path')!,
      message: 'import "C" enables cgo: builds need a C toolchain, binaries link libc dynamically and cross-compiling gets hard',
    });
  },
});
