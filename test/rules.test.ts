// Runs every rule's case table (test/rules/<id>.cases.ts). A rule without a table, or
// a fixable rule without an exact-output case, fails here: drift is caught by a test.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Linter } from '../server/src/engine/linter';
import { ALL_RULES } from '../server/src/rules/index';
import type { RuleCases } from './support/ruleTester';
import { runRuleCases } from './support/ruleTester';

describe('rules', function () {
  let linter: Linter | undefined;
  before(async () => {
    linter = await Linter.create(ALL_RULES);
  });
  after(() => linter?.dispose());

  for (const rule of ALL_RULES) {
    describe(rule.meta.id, () => {
      const casesFile = path.join(__dirname, 'rules', `${rule.meta.id}.cases.js`);
      if (!fs.existsSync(casesFile)) {
        it('has a case table', () => assert.fail(`missing test/rules/${rule.meta.id}.cases.ts`));
        return;
      }
      const table = (require(casesFile) as { default: RuleCases }).default;
      it('has valid and invalid cases', () => {
        assert.ok(table.valid.length > 0, 'no valid cases');
        assert.ok(table.invalid.length > 0, 'no invalid cases');
      });
      if (rule.meta.fixable) {
        it('has an exact-output fix case', () => {
          assert.ok(table.invalid.some((c) => typeof c.output === 'string'), 'fixable rule without an output case');
        });
      }
      runRuleCases(rule, table, () => linter!);
    });
  }
});
