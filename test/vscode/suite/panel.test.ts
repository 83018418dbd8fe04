// The debt summary in VS Code: the Go Debt view's nodes, the status bar item, the
// report webview and the export, fed by the server's workspace scan.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DebtPanelApi } from '../../../client/src/panel';
import type { DebtNode } from '../../../client/src/panel/debtTree';
import { EXTENSION_ID, openGo, revert, when } from './helpers';

async function panelApi(): Promise<DebtPanelApi> {
  const extension = vscode.extensions.getExtension<DebtPanelApi>(EXTENSION_ID);
  assert.ok(extension);
  const api = await extension.activate();
  // A complete scan of the fixture workspace (service.go and cgo.go) as it is on disk
  // (earlier tests edit service.go and revert it; the summary follows a moment later).
  await when('a debt summary of the fixture as on disk', [], () => {
    const s = api.debtSummary();
    return s !== undefined && s.scan.state === 'idle' && s.findings.some((f) => f.ruleId === 'cgo-import')
      && s.markers.length === 1 && s.markers[0].file === 'service.go' && s.markers[0].range.start.line === 8;
  });
  return api;
}

/** The view's nodes under node with their tree items (our provider answers synchronously). */
function children(api: DebtPanelApi, node?: DebtNode): { node: DebtNode; item: vscode.TreeItem }[] {
  const nodes = (api.debtTree.getChildren(node) as DebtNode[] | undefined) ?? [];
  return nodes.map((n) => ({ node: n, item: api.debtTree.getTreeItem(n) as vscode.TreeItem }));
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : item.label?.label ?? '';
}

function child(api: DebtPanelApi, parent: DebtNode | undefined, label: string | RegExp): { node: DebtNode; item: vscode.TreeItem } {
  const list = children(api, parent);
  const found = list.find((c) => (typeof label === 'string' ? labelOf(c.item) === label : label.test(labelOf(c.item))));
  assert.ok(found, `no node ${label} among ${list.map((c) => labelOf(c.item)).join(', ')}`);
  return found;
}

describe('the debt summary in VS Code', () => {
  afterEach(async () => {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document.isDirty) await revert(editor);
    await vscode.commands.executeCommand('godebt.clearDebtFilter');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows the overview, categories, hotspots and markers in the Go Debt view', async () => {
    const api = await panelApi();
    const roots = children(api);
    assert.deepStrictEqual(roots.map((r) => labelOf(r.item).replace(/^Total debt .*/, 'Total debt')), ['Total debt', 'By category', 'Hotspots', 'TODO / FIXME markers']);
    const total = api.debtSummary()!.total;
    const overview = roots[0].item;
    assert.match(labelOf(overview), /^Total debt (\d+ (d|h|min) ?)+$/);
    assert.match(String(overview.description), new RegExp(`^${total.rating} · ${total.findings} findings$`));
    assert.match((overview.tooltip as vscode.MarkdownString).value, /debt ratio = remediation effort ÷ \(lines of code × 30 min\)/);
    assert.ok(overview.accessibilityInformation?.label.includes('rating'));
    const stats = (children(api, roots[0].node)).map((c) => labelOf(c.item));
    assert.ok(stats.includes(`Rating ${total.rating}`) && stats.includes('error') && stats.includes('Code'), stats.join(', '));

    const categories = children(api, roots[1].node);
    const names = categories.map((c) => labelOf(c.item));
    for (const category of ['lifecycle', 'error-handling', 'resilience', 'maintainability', 'dependencies']) assert.ok(names.includes(category), names.join(', '));
    for (const c of categories) assert.match(String(c.item.description), /^\d+ · \d+ (d|h|min)/);

    const maintainability = categories.find((c) => labelOf(c.item) === 'maintainability')!;
    const rule = child(api, maintainability.node, 'debt-marker');
    assert.match(String(rule.item.description), /^\d+ · /);
    const file = child(api, rule.node, 'service.go');
    const todo = child(api, file.node, /^TODO: move the base URL/);
    assert.match(String(todo.item.description), /^line 9 · \d+ min$/);
    assert.ok(todo.item.accessibilityInformation?.label.startsWith('info debt-marker: TODO'));

    const hotspots = children(api, roots[2].node);
    assert.ok(hotspots.some((h) => labelOf(h.item) === 'service.go' && /^score \d+/.test(String(h.item.description))));
    const markers = children(api, roots[3].node);
    assert.ok(markers.some((m) => /^TODO: move the base URL/.test(labelOf(m.item)) && /^service\.go:9 · /.test(String(m.item.description))));
  });

  it('opens a finding at its range from the view', async () => {
    const api = await panelApi();
    const markers = children(api).find((r) => labelOf(r.item) === 'TODO / FIXME markers')!;
    const todo = child(api, markers.node, /^TODO: move the base URL/);
    const command = todo.item.command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await when('the file opened at the finding', [vscode.window.onDidChangeActiveTextEditor], () => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.path.endsWith('/service.go') ? active : undefined;
    });
    assert.strictEqual(editor.document.getText(editor.selection), 'TODO');
    assert.strictEqual(editor.selection.start.line, 8);
  });

  it('filters by severity and category, and clears the filter', async () => {
    const api = await panelApi();
    await vscode.commands.executeCommand('godebt.filterDebt', { severities: ['error'] });
    await when('only errors in the view', [], () => {
      const categories = (children(api, children(api)[1]?.node)).map((c) => labelOf(c.item));
      return categories.length === 1 && categories[0] === 'lifecycle';
    });
    await vscode.commands.executeCommand('godebt.filterDebt', { categories: ['dependencies'] });
    const dependencies = await when('only dependencies in the view', [], () => {
      const categories = children(api, children(api)[1]?.node);
      return categories.length === 1 && labelOf(categories[0].item) === 'dependencies' ? categories[0] : undefined;
    });
    child(api, dependencies.node, 'cgo-import');
    // The status bar keeps the whole workspace's debt.
    assert.ok(api.debtSummary()!.findings.some((f) => f.ruleId === 'debt-marker'));
    await vscode.commands.executeCommand('godebt.clearDebtFilter');
    await when('every category again', [], () => (children(api, children(api)[1]?.node)).length >= 5);
  });

  it('shows the workspace debt and rating in the status bar', async () => {
    const api = await panelApi();
    const item = api.debtStatusBarItem;
    const total = api.debtSummary()!.total;
    assert.match(item.text, new RegExp(`^\\$\\(graph\\) Debt (\\d+(d|h|min) ?)+ · ${total.rating}$`));
    const tooltip = (item.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /debt ratio = remediation effort ÷ \(lines of code × 30 min\); rating A ≤ 5 %, B ≤ 10 %, C ≤ 20 %, D ≤ 50 %, E above/);
    assert.strictEqual((item.command as vscode.Command).command, 'workbench.view.extension.godebt');
  });

  it('updates the view and the status bar as code changes', async () => {
    const api = await panelApi();
    const editor = await openGo('service.go');
    const before = api.debtSummary()!.byFile['service.go'];
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\n// FIXME: panel live update\n'));
    await when('the new marker in the view', [], () => {
      const markers = children(api).find((r) => labelOf(r.item) === 'TODO / FIXME markers');
      return markers && (children(api, markers.node)).some((m) => labelOf(m.item) === 'FIXME: panel live update');
    });
    const after = api.debtSummary()!.byFile['service.go'];
    // (A marker is counted, not estimated: its effort is 0.)
    assert.strictEqual(after.findings, before.findings + 1);
    assert.match(api.debtStatusBarItem.text, /^\$\(graph\) Debt /);
    const added = editor.document.getText().lastIndexOf('\n// FIXME: panel live update\n');
    await editor.edit((b) => b.delete(new vscode.Range(editor.document.positionAt(added), editor.document.positionAt(editor.document.getText().length))));
    await when('the marker gone again', [], () => !api.debtSummary()!.markers.some((m) => m.message === 'FIXME: panel live update'));
  });

  it('opens the debt report in a webview', async () => {
    const api = await panelApi();
    await vscode.commands.executeCommand('godebt.openDebtReport');
    await when('the report tab', [vscode.window.tabGroups.onDidChangeTabs], () =>
      vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && t.label === 'Go Debt Report')));
    const html = api.debtReportPanel()!.webview.html;
    assert.match(html, /Content-Security-Policy/);
    assert.match(html, /Debt by category/);
    assert.match(html, /debt-marker/);
  });

  it('exports the report as Markdown, HTML and JSON', async () => {
    const api = await panelApi();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'godebt-export-'));
    try {
      for (const [format, check] of [
        ['markdown', (text: string) => assert.match(text, /^# Go technical debt — .+\n[\s\S]*## Debt by category[\s\S]*`debt-marker`/)],
        ['html', (text: string) => assert.match(text, /^<!DOCTYPE html>[\s\S]*<svg id="chart-categories"/)],
        ['json', (text: string) => assert.strictEqual(JSON.parse(text).summary.total.findings, api.debtSummary()!.total.findings)],
      ] as const) {
        const target = vscode.Uri.file(path.join(folder, `report.${format}`));
        const written = await vscode.commands.executeCommand<vscode.Uri>('godebt.exportDebtReport', format, target);
        assert.strictEqual(written?.toString(), target.toString());
        check(fs.readFileSync(target.fsPath, 'utf8'));
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
