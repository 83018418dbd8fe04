import { defineRule } from '../../engine/rule';

const LAYER_NAMES = new Set([
  'controller', 'controllers', 'service', 'services', 'dao', 'daos', 'model', 'models',
  'repository', 'repositories', 'dto', 'dtos', 'entity', 'entities',
]);

export default defineRule({
  meta: {
    id: 'package-by-layer',
    category: 'abstraction',
    severity: 'info',
    effortMinutes: 30,
    fixable: false,
    summary: 'A package named for a technical layer (controllers, services, models, dao) instead of a domain',
    oncePerPackage: true,
  },
  finish(ctx) {
    const clause = ctx.facts.packageClause;
    const name = ctx.facts.packageName;
    if (!clause || !LAYER_NAMES.has(name.toLowerCase())) return;
    ctx.report({
      node: clause,
      message: `Package ${name} groups code by technical layer: every feature change touches several layer packages; organise packages by domain (order, payment, inventory) and keep each domain's handlers, logic and storage together`,
    });
  },
});
