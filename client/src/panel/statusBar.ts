// The workspace's debt and rating in the status bar ("$(graph) Debt 3d 2h · B");
// clicking it opens the Go Debt view.
import * as vscode from 'vscode';
import { formatEffort, formatPercent, plural, ratingExplained, ratingFormula } from './format';
import { SummaryStore } from './store';

export const SHOW_VIEW_COMMAND = 'workbench.view.extension.godebt';

export function createDebtStatusBar(store: SummaryStore): { item: vscode.StatusBarItem; disposable: vscode.Disposable } {
  const item = vscode.window.createStatusBarItem('godebt.debt', vscode.StatusBarAlignment.Left, 10);
  item.name = 'godebt: technical debt';
  item.command = { command: SHOW_VIEW_COMMAND, title: 'Show the Go Debt view' };
  const update = () => {
    const s = store.full;
    if (!s) {
      item.text = '$(graph) Debt …';
      item.tooltip = `godebt: waiting for the first scan of the workspace${store.error ? ` (${store.error})` : ''}. Click to open the Go Debt view.`;
      item.accessibilityInformation = { label: 'godebt technical debt: waiting for the first scan' };
    } else {
      const t = s.total;
      item.text = `$(graph) Debt ${formatEffort(t.effortMinutes, true)} · ${t.rating}${s.scan.state === 'scanning' ? ' $(sync~spin)' : ''}`;
      const tooltip = new vscode.MarkdownString(
        `**Technical debt: ${formatEffort(t.effortMinutes)}, rating ${t.rating}** (${plural(t.findings, 'finding')})\n\n`
        + `${ratingExplained(t)}\n\n${ratingFormula()}; a day is 8 hours.\n\nClick to open the Go Debt view.`);
      item.tooltip = tooltip;
      item.accessibilityInformation = { label: `Technical debt ${formatEffort(t.effortMinutes)}, rating ${t.rating}, debt ratio ${formatPercent(t.ratio)}` };
    }
    item.show();
  };
  update();
  const subscription = store.onDidChange(update);
  return { item, disposable: vscode.Disposable.from(subscription, item) };
}
