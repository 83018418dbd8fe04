import { defineRule } from '../../engine/rule';

const GRAB_BAG_NAMES = new Set(['util', 'utils', 'common', 'helper', 'helpers', 'misc', 'base', 'shared', 'lib', 'tools', 'generic', 'generics']);

export default defineRule({
  meta: {
    id: 'grab-bag-package',
    category: 'abstraction',
    severity: 'info',
    effortMinutes: 30,
    fixable: false,
    summary: 'A package named util, common, helpers, misc...: a name that says nothing about what it holds',
    oncePerPackage: true,
  },
  finish(ctx) {
    const clause = ctx.facts.packageClause;
    const name = ctx.facts.packageName;
    if (!clause || !GRAB_BAG_NAMES.has(name.toLowerCase())) return;
    // A tools.go behind a "tools" build tag only pins tool dependencies: its package is
    // named tools by convention and holds no code.
    if (name === 'tools' && /^\/\/(go:build|\s*\+build)\s.*\btools\b/m.test(ctx.source.slice(0, clause.startIndex))) return;
    ctx.report({
      node: clause,
      message: `Package ${name} is a grab bag: its name says nothing about what it provides, so everything ends up in it; move each part next to its users or into a package named for what it does`,
    });
  },
});
