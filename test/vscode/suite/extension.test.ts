// godebt inside a real VS Code: activation, diagnostics, quick fixes, suppression,
// live updates, guidance, bad input and a crashed server.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  diagnosticsWhere, EXTENSION_ID, godebtDiagnostics, openGo, quickFixes, revert, ruleOf, when, workspaceFile,
} from './helpers';

const FIVE_RULES = ['cgo-import', 'context-cancel-discarded', 'debt-marker', 'error-discarded', 'http-client-no-timeout'];

describe('godebt in VS Code', () => {
  afterEach(async () => {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.isDirty) await revert(editor);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('activates for a Go workspace', async () => {
    await openGo('service.go');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in this host`);
    await when('activation', [], () => extension.isActive);
  });

  it('shows diagnostics with rule codes, exact ranges and guidance targets', async () => {
    const editor = await openGo('service.go');
    const found = await diagnosticsWhere(editor.document.uri, 'four rules in service.go', (d) => new Set(d.map(ruleOf)).size >= 4);
    const byRule = new Map(found.map((d) => [ruleOf(d), d]));
    assert.deepStrictEqual([...byRule.keys()].sort(), ['context-cancel-discarded', 'debt-marker', 'error-discarded', 'http-client-no-timeout']);
    const text = (rule: string) => editor.document.getText(byRule.get(rule)!.range);
    assert.strictEqual(text('debt-marker'), 'TODO');
    assert.strictEqual(byRule.get('debt-marker')!.range.start.line, 8);
    assert.strictEqual(byRule.get('context-cancel-discarded')!.severity, vscode.DiagnosticSeverity.Error);
    for (const diagnostic of found) {
      const code = diagnostic.code as { value: string; target: vscode.Uri };
      assert.strictEqual(code.target.scheme, 'file');
      assert.ok(code.target.path.endsWith(`/docs/rules/${code.value}.md`), code.target.toString());
      assert.ok(fs.existsSync(code.target.fsPath), `guidance page ${code.target.fsPath} exists`);
    }
    const cgo = await openGo('cgo.go');
    const cgoFound = await diagnosticsWhere(cgo.document.uri, 'cgo-import', (d) => d.some((x) => ruleOf(x) === 'cgo-import'));
    assert.strictEqual(cgo.document.getText(cgoFound[0].range), '"C"');
    assert.ok(FIVE_RULES.every((r) => byRule.has(r) || r === 'cgo-import'));
  });

  it('applies the quick fix offered by the code action provider, exactly', async () => {
    const editor = await openGo('service.go');
    const found = await diagnosticsWhere(editor.document.uri, 'http-client-no-timeout', (d) => d.some((x) => ruleOf(x) === 'http-client-no-timeout'));
    const diagnostic = found.find((x) => ruleOf(x) === 'http-client-no-timeout')!;
    const actions = await quickFixes(editor.document.uri, diagnostic.range);
    const fix = actions.find((a) => a.title === 'Add Timeout: 10 * time.Second');
    assert.ok(fix?.edit, `no fix among ${actions.map((a) => a.title).join(', ')}`);
    // (vscode.executeCodeActionProvider does not hand back the actions' diagnostics.)
    assert.strictEqual(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const expected = fs.readFileSync(workspaceFile('service.go').fsPath, 'utf8')
      .replace('\t"os"\n', '\t"os"\n\t"time"\n')
      .replace('client := &http.Client{}', 'client := &http.Client{\n\t\tTimeout: 10 * time.Second,\n\t}');
    assert.strictEqual(editor.document.getText(), expected);
    await diagnosticsWhere(editor.document.uri, 'the fixed finding gone', (d) => !d.some((x) => ruleOf(x) === 'http-client-no-timeout'));
  });

  it('silences a finding with the suppress action', async () => {
    const editor = await openGo('service.go');
    const found = await diagnosticsWhere(editor.document.uri, 'debt-marker', (d) => d.some((x) => ruleOf(x) === 'debt-marker'));
    const marker = found.find((x) => ruleOf(x) === 'debt-marker')!;
    const suppress = (await quickFixes(editor.document.uri, marker.range)).find((a) => a.title === 'Suppress debt-marker on this line');
    assert.ok(suppress?.edit);
    assert.ok(await vscode.workspace.applyEdit(suppress.edit));
    assert.strictEqual(editor.document.lineAt(8).text, '//godebt:ignore debt-marker -- <reason>');
    await diagnosticsWhere(editor.document.uri, 'debt-marker silenced', (d) => !d.some((x) => ruleOf(x) === 'debt-marker') && d.length > 0);
  });

  it('updates diagnostics as the document is edited', async () => {
    const editor = await openGo('service.go');
    const uri = editor.document.uri;
    await diagnosticsWhere(uri, 'initial findings', (d) => d.some((x) => ruleOf(x) === 'debt-marker'));
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\n// FIXME: 😀 added debt\n'));
    const added = await diagnosticsWhere(uri, 'added FIXME', (d) => d.some((x) => x.message.startsWith('FIXME')));
    const fixme = added.find((x) => x.message.startsWith('FIXME'))!;
    assert.strictEqual(editor.document.getText(fixme.range), 'FIXME');
    const todoLine = editor.document.lineAt(8).rangeIncludingLineBreak;
    await editor.edit((b) => b.delete(todoLine));
    await diagnosticsWhere(uri, 'removed TODO', (d) => !d.some((x) => x.message.startsWith('TODO')) && d.some((x) => x.message.startsWith('FIXME')));
  });

  it('opens a rule\'s guidance page from the command', async () => {
    await openGo('service.go');
    await vscode.commands.executeCommand('godebt.showRuleGuidance', 'error-discarded');
    await when('the guidance preview tab', [vscode.window.tabGroups.onDidChangeTabs], () =>
      vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.label.includes('error-discarded.md'))));
  });

  it('shows a guidance page opened from a diagnostic link rendered, not as source', async () => {
    const editor = await openGo('service.go');
    const found = await diagnosticsWhere(editor.document.uri, 'a finding', (d) => d.length > 0);
    const target = (found[0].code as { target: vscode.Uri }).target;
    await vscode.window.showTextDocument(target);
    await when('the source tab replaced by a preview', [vscode.window.tabGroups.onDidChangeTabs], () => {
      const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
      const source = tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === target.toString());
      const preview = tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.label.includes(target.path.split('/').pop()!));
      return !source && preview;
    });
  });

  it('survives a broken Go file and a very large one', async () => {
    const broken = await vscode.workspace.openTextDocument({ language: 'go', content: 'package x\nfunc ( {{{ // TODO: finish\n\u0000\uFFFD' });
    await vscode.window.showTextDocument(broken);
    await diagnosticsWhere(broken.uri, 'the TODO in a broken file', (d) => d.some((x) => ruleOf(x) === 'debt-marker'));
    const big = await vscode.workspace.openTextDocument({ language: 'go', content: `package big\n\n${'var x = 1 // filler line for size\n'.repeat(150000)}` });
    await vscode.window.showTextDocument(big);
    await diagnosticsWhere(big.uri, 'one notice for the oversized file', (d) => d.length === 1 && /skipped this file/.test(d[0].message));
    const editor = await openGo('service.go');
    await diagnosticsWhere(editor.document.uri, 'findings in a normal file still', (d) => d.length >= 4);
  });

  it('recovers when the server process is killed', async () => {
    const editor = await openGo('service.go');
    const uri = editor.document.uri;
    await diagnosticsWhere(uri, 'initial findings', (d) => d.length > 0);
    const pid = serverPid();
    process.kill(pid, 'SIGKILL');
    await when('a new server process', [], () => {
      try {
        return serverPid() !== pid;
      } catch {
        return false;
      }
    });
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '// FIXME: after restart\n'));
    await diagnosticsWhere(uri, 'findings from the restarted server', (d) => d.some((x) => x.message === 'FIXME: after restart'));
    assert.ok(godebtDiagnostics(uri).length > 1);
  });
});

/** The pid of the godebt server, a child of this extension host. */
function serverPid(): number {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n');
  for (const row of rows) {
    const match = /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(row);
    if (match && Number(match[2]) === process.pid && match[3].includes('dist/server.js')) return Number(match[1]);
  }
  throw new Error('no godebt server process found');
}
