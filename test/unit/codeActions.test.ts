// The suppression and configuration code actions on their own: where
// "Suppress RULE in this file" writes, and how "Disable RULE in .godebt.json" edits.
import * as assert from 'assert';
import type { CodeAction, TextDocumentEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadGoLanguage } from '../../server/src/engine/goParser';
import { ALL_RULES } from '../../server/src/rules/index';
import { codeActionsFor, ConfigFileTarget } from '../../server/src/lsp/codeActions';
import { LintService } from '../../server/src/lsp/lintService';
import { gofmtProblem } from '../support/gofmt';

const URI = 'file:///repo/a.go';

describe('code actions', () => {
  let service: LintService;
  before(async () => (service = new LintService(await loadGoLanguage(), ALL_RULES, () => undefined)));
  after(() => service.dispose());

  let version = 0;
  function actions(source: string, configFile?: ConfigFileTarget): CodeAction[] {
    service.didOpen(URI, ++version, source);
    const lint = service.lint(URI)!;
    const finding = lint.findings.find((f) => f.ruleId === 'debt-marker')!;
    return codeActionsFor({ uri: URI, document: service.document(URI)!, lint, range: finding.range, guidanceCommand: 'x', isGo: true, configFile });
  }
  const applied = (text: string, action: CodeAction, index = 0) =>
    TextDocument.applyEdits(TextDocument.create('file:///x', 'x', 0, text), (action.edit!.documentChanges![index] as TextDocumentEdit).edits);

  describe('Suppress RULE in this file', () => {
    const inFile = (source: string) => {
      const action = actions(source).find((a) => a.title === 'Suppress debt-marker in this file')!;
      const output = applied(source, action);
      assert.strictEqual(gofmtProblem(output), null);
      return output;
    };

    it('goes first in a file without header comments', () => {
      assert.strictEqual(inFile('package a\n\n// TODO: x\nvar v = 1\n'), '//godebt:file-ignore debt-marker -- <reason>\n\npackage a\n\n// TODO: x\nvar v = 1\n');
    });

    it('goes above the package doc comment, below a license header and build constraints', () => {
      const source = '// Copyright 2024.\n// SPDX-License-Identifier: MIT\n\n//go:build linux && amd64\n\n// Package a does things.\n// More about it.\npackage a\n\n// TODO: x\nvar v = 1\n';
      assert.strictEqual(inFile(source), '// Copyright 2024.\n// SPDX-License-Identifier: MIT\n\n//go:build linux && amd64\n\n//godebt:file-ignore debt-marker -- <reason>\n\n// Package a does things.\n// More about it.\npackage a\n\n// TODO: x\nvar v = 1\n');
    });

    it('keeps a build constraint right above the package clause in place', () => {
      assert.strictEqual(inFile('//go:build linux\n\npackage a\n\n// TODO: x\nvar v = 1\n'), '//go:build linux\n\n//godebt:file-ignore debt-marker -- <reason>\n\npackage a\n\n// TODO: x\nvar v = 1\n');
    });
  });

  describe('Disable RULE in .godebt.json', () => {
    const disable = (text: string | undefined, canCreate = true) =>
      actions('package a\n\n// TODO: x\nvar v = 1\n', { path: '/repo/.godebt.json', canCreate, current: text === undefined ? undefined : { text, version: 3 } })
        .find((a) => a.title === 'Disable debt-marker in .godebt.json');

    it('adds the rule to an empty object, or one without rules', () => {
      assert.strictEqual(applied('{}\n', disable('{}\n')!), '{\n  "rules": {\n    "debt-marker": "off"\n  }\n}\n');
      assert.strictEqual(applied('{\n  "tests": true\n}\n', disable('{\n  "tests": true\n}\n')!), '{\n  "tests": true,\n  "rules": {\n    "debt-marker": "off"\n  }\n}\n');
    });

    it('changes only the severity of a rule set with options, and a severity in place', () => {
      const withOptions = '{\n  "rules": {\n    "debt-marker": { "severity": "error" }\n  }\n}\n';
      assert.strictEqual(applied(withOptions, disable(withOptions)!), '{\n  "rules": {\n    "debt-marker": { "severity": "off" }\n  }\n}\n');
      const set = '{ "rules": { "debt-marker": "error" /* why */ } }';
      assert.strictEqual(applied(set, disable(set)!), '{ "rules": { "debt-marker": "off" /* why */ } }');
    });

    it('appends below a trailing comment, with the existing trailing comma and line endings', () => {
      const text = '{\r\n  "rules": {\r\n    "cgo-import": "error", // static builds\r\n  },\r\n}\r\n';
      assert.strictEqual(applied(text, disable(text)!), '{\r\n  "rules": {\r\n    "cgo-import": "error", // static builds\r\n    "debt-marker": "off"\r\n  },\r\n}\r\n');
    });

    it('is versioned against the open document', () => {
      assert.deepStrictEqual((disable('{}')!.edit!.documentChanges![0] as TextDocumentEdit).textDocument, { uri: 'file:///repo/.godebt.json', version: 3 });
    });

    it('creates the file only when the editor can', () => {
      assert.strictEqual(disable(undefined, false), undefined);
      assert.strictEqual(disable(undefined, true)!.edit!.documentChanges!.length, 2);
    });
  });

  it('offers no suppression directive for go.mod findings, where directives do not apply', () => {
    service.didOpen(URI, ++version, 'package a\n\n// TODO: x\nvar v = 1\n');
    const lint = service.lint(URI)!;
    const titles = codeActionsFor({ uri: URI, document: service.document(URI)!, lint, range: lint.findings[0].range, guidanceCommand: 'x', isGo: false }).map((a) => a.title);
    assert.deepStrictEqual(titles, ['Show guidance for debt-marker']);
  });
});
