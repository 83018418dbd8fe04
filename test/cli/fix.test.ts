// godebt --fix rewrites files in place. Needs the fixable rule http-client-no-timeout
// (fix: `Timeout: 10 * time.Second,` as the first field, adding the time import).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { gofmtProblem } from '../support/gofmt';
import { goTree, removeTree, runCli, runJson, TODO_GO } from './harness';

const CLIENTS = `package main

import "net/http"

// TODO: share one client
var a = &http.Client{}

var b = http.Client{}
`;

// The two fixes both add the time import, so they take two passes.
const CLIENTS_FIXED = `package main

import (
	"net/http"
	"time"
)

// TODO: share one client
var a = &http.Client{
	Timeout: 10 * time.Second,
}

var b = http.Client{
	Timeout: 10 * time.Second,
}
`;

describe('godebt --fix', function () {
  this.timeout(30_000);
  let root = '';
  afterEach(() => removeTree(root));

  it('applies every fix, writes only changed files, and reports what is left', () => {
    root = goTree({ 'clients.go': CLIENTS, 'todo.go': TODO_GO });
    const untouched = path.join(root, 'todo.go');
    const past = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(untouched, past, past);

    const run = runCli(['--fix'], root);
    const fixed = fs.readFileSync(path.join(root, 'clients.go'), 'utf8');
    assert.strictEqual(fixed, CLIENTS_FIXED);
    assert.strictEqual(gofmtProblem(fixed), null);
    assert.strictEqual(fs.statSync(untouched).mtime.getTime(), past.getTime(), 'a file without fixes was written');
    const lines = run.stdout.trimEnd().split('\n');
    assert.deepStrictEqual(lines.slice(0, 2).map((l) => l.replace(/ info .*(\[[^\]]+\])$/, ' $1')), [
      'clients.go:8:4: [debt-marker]',
      'todo.go:3:4: [debt-marker]',
    ]);
    assert.strictEqual(lines[2], '2 fixes applied in 1 file.');
    assert.match(lines[3], /^2 findings \(2 info\) in 2 files, 2 files linted/);
    assert.strictEqual(run.status, 0);
  });

  it('counts the fixes in the JSON summary and leaves nothing fixable', () => {
    root = goTree({ 'clients.go': CLIENTS });
    const { output } = runJson(['--fix'], root);
    assert.deepStrictEqual([output.summary.fixesApplied, output.summary.filesFixed], [2, 1]);
    assert.deepStrictEqual(output.findings.map((f) => [f.rule, f.fixable]), [['debt-marker', false]]);
    assert.strictEqual(runJson(['--fix'], root).output.summary.fixesApplied, 0);
  });

  it('reports fixable findings without --fix, and changes nothing', () => {
    root = goTree({ 'clients.go': CLIENTS });
    const { output } = runJson([], root);
    assert.deepStrictEqual(output.findings.filter((f) => f.fixable).map((f) => [f.rule, f.line]), [
      ['http-client-no-timeout', 6],
      ['http-client-no-timeout', 8],
    ]);
    assert.strictEqual(fs.readFileSync(path.join(root, 'clients.go'), 'utf8'), CLIENTS);
  });
});
