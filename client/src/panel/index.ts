// The debt summary in VS Code: the Go Debt view, the status bar item, the report
// webview and its export. One call from activate() wires it all.
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { RESCAN_COMMAND, SummaryParams, SummaryResult } from '../../../protocol';
import { CATEGORIES, Category, Severity, SEVERITIES } from '../../../server/src/engine/rule';
import { DebtNode, DebtTreeProvider } from './debtTree';
import { formatEffort } from './format';
import { DebtReport, EXPORT_REPORT_COMMAND, ExportFormat, exportCommand, OPEN_REPORT_COMMAND } from './report';
import { createDebtStatusBar } from './statusBar';
import { describeFilter, SummaryStore } from './store';

export const DEBT_VIEW = 'godebt.debt';
export const REFRESH_COMMAND = 'godebt.refreshDebt';
export const FILTER_COMMAND = 'godebt.filterDebt';
export const CLEAR_FILTER_COMMAND = 'godebt.clearDebtFilter';

/** What activate() hands back for the panel (tests read the tree and the status bar). */
export interface DebtPanelApi {
  debtTree: vscode.TreeDataProvider<DebtNode>;
  debtStatusBarItem: vscode.StatusBarItem;
  /** The latest unfiltered summary, undefined until the server sent one. */
  debtSummary(): SummaryResult | undefined;
  debtReportPanel(): vscode.WebviewPanel | undefined;
}

export function registerDebtPanel(context: vscode.ExtensionContext, client: LanguageClient): DebtPanelApi {
  const store = new SummaryStore(client, context.workspaceState);
  const tree = new DebtTreeProvider(store);
  const view = vscode.window.createTreeView(DEBT_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  const status = createDebtStatusBar(store);
  const refresh = async () => {
    // A full rescan answers when it is over; the summary notifications update the views meanwhile.
    if (client.state === State.Running) {
      const rescan = client.sendRequest(RESCAN_COMMAND).then(() => undefined, () => undefined);
      void vscode.window.withProgress({ location: { viewId: DEBT_VIEW } }, () => rescan);
    }
    await store.refresh();
  };
  const report = new DebtReport(store, context.extensionUri, refresh);
  const updateView = () => {
    view.message = tree.message();
    view.description = store.filtered ? `${formatEffort(store.filtered.total.effortMinutes, true)} · ${store.filtered.total.rating}${store.isFiltered ? ' (filtered)' : ''}` : undefined;
  };
  updateView();
  void vscode.commands.executeCommand('setContext', 'godebt.debtFiltered', store.isFiltered);
  context.subscriptions.push(
    store, tree, view, status.disposable, report,
    store.onDidChange(updateView),
    vscode.commands.registerCommand(REFRESH_COMMAND, refresh),
    vscode.commands.registerCommand(FILTER_COMMAND, async (params?: SummaryParams) => {
      const chosen = params ?? await pickFilter(store.filter);
      if (chosen) await store.setFilter(chosen);
      updateView();
    }),
    vscode.commands.registerCommand(CLEAR_FILTER_COMMAND, async () => {
      await store.setFilter({});
      updateView();
    }),
    vscode.commands.registerCommand(OPEN_REPORT_COMMAND, () => report.open()),
    vscode.commands.registerCommand(EXPORT_REPORT_COMMAND, (format?: ExportFormat, target?: vscode.Uri) => exportCommand(store, format, target)),
  );
  return {
    debtTree: tree,
    debtStatusBarItem: status.item,
    debtSummary: () => store.full,
    debtReportPanel: () => report.webviewPanel,
  };
}

type FilterItem = vscode.QuickPickItem & { severity?: Severity; category?: Category };

/** One multi-select QuickPick over severities and categories; nothing picked in a group means all of it. */
async function pickFilter(current: SummaryParams): Promise<SummaryParams | undefined> {
  const items: FilterItem[] = [
    { label: 'Severity', kind: vscode.QuickPickItemKind.Separator },
    ...SEVERITIES.map((severity) => ({ label: severity, description: 'severity', severity, picked: current.severities?.includes(severity) ?? false })),
    { label: 'Category', kind: vscode.QuickPickItemKind.Separator },
    ...CATEGORIES.map((category) => ({ label: category, description: 'category', category, picked: current.categories?.includes(category) ?? false })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    title: 'Filter the Go Debt view',
    placeHolder: `Show only these (none in a group: all of it). Now: ${describeFilter(current) || 'everything'}`,
  });
  if (!picked) return undefined;
  const severities = picked.flatMap((i) => (i.severity ? [i.severity] : []));
  const categories = picked.flatMap((i) => (i.category ? [i.category] : []));
  return { ...(severities.length ? { severities } : {}), ...(categories.length ? { categories } : {}) };
}
