import { parseGoMod } from '../../engine/goMod';
import { defineRule } from '../../engine/rule';

/** Modules that are archived or deprecated, with what replaced them. */
const SUCCESSORS: ReadonlyMap<string, string> = new Map([
  ['github.com/pkg/errors', 'the standard library: errors.Is/As and fmt.Errorf with %w (Go 1.13+)'],
  ['github.com/golang/protobuf', 'google.golang.org/protobuf'],
  ['github.com/dgrijalva/jwt-go', 'github.com/golang-jwt/jwt/v5'],
  ['github.com/satori/go.uuid', 'github.com/google/uuid (or github.com/gofrs/uuid)'],
  ['golang.org/x/net/context', 'the standard library package context'],
  ['github.com/form3tech-oss/jwt-go', 'github.com/golang-jwt/jwt/v5'],
]);

export default defineRule({
  meta: {
    id: 'gomod-deprecated-module',
    category: 'dependencies',
    severity: 'warning',
    effortMinutes: 30,
    fixable: false,
    summary: 'go.mod requires a module that is deprecated or archived; move to its successor',
    language: 'go.mod',
  },
  checkGoMod(ctx) {
    for (const requirement of parseGoMod(ctx.source).requirements) {
      // An indirect requirement comes with another dependency: it is not this module's choice to make.
      if (requirement.indirect) continue;
      // Major versions of a module are modules of their own (github.com/dgrijalva/jwt-go/v4).
      const successor = SUCCESSORS.get(requirement.path.replace(/\/v\d+$/, ''));
      if (!successor) continue;
      ctx.report({
        span: requirement.pathSpan,
        message: `${requirement.path} is deprecated and no longer maintained; move to ${successor}`,
      });
    }
  },
});
