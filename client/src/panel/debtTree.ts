// The "Go Debt" tree: an overview, debt by category → rule → file → finding,
// hotspots, and the TODO/FIXME markers. Every node carries its count and debt in the
// description and a sentence for screen readers; findings open at their range.
import * as vscode from 'vscode';
import type { SummaryFinding, SummaryResult } from '../../../protocol';
import type { Hotspot } from '../../../server/src/engine/debt';
import { CATEGORIES, Category, Severity, SEVERITIES } from '../../../server/src/engine/rule';
import { formatCount, formatEffort, formatPercent, plural, ratingExplained, ratingFormula } from './format';
import { describeFilter, SummaryStore } from './store';

export type DebtNode =
  | { kind: 'waiting' }
  | { kind: 'overview' }
  | { kind: 'stat'; id: string; label: string; description: string; tooltip: string; icon?: string }
  | { kind: 'categories' }
  | { kind: 'category'; category: Category }
  | { kind: 'rule'; ruleId: string }
  | { kind: 'file'; ruleId: string; file: string }
  | { kind: 'finding'; finding: SummaryFinding; parent: string; showFile: boolean }
  | { kind: 'hotspots' }
  | { kind: 'hotspot'; hotspot: Hotspot }
  | { kind: 'markers' };

const SEVERITY_ICONS: Record<Severity, [string, string]> = {
  error: ['error', 'problemsErrorIcon.foreground'],
  warning: ['warning', 'problemsWarningIcon.foreground'],
  info: ['info', 'problemsInfoIcon.foreground'],
  hint: ['lightbulb', 'problemsInfoIcon.foreground'],
};

export class DebtTreeProvider implements vscode.TreeDataProvider<DebtNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DebtNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: SummaryStore) {
    this.subscription = store.onDidChange(() => this.changed.fire(undefined));
  }

  private get summary(): SummaryResult | undefined {
    return this.store.filtered;
  }

  getChildren(node?: DebtNode): DebtNode[] {
    const s = this.summary;
    if (!s) return node ? [] : [{ kind: 'waiting' }];
    if (!node) return [{ kind: 'overview' }, { kind: 'categories' }, { kind: 'hotspots' }, { kind: 'markers' }];
    switch (node.kind) {
      case 'overview': return overviewStats(s);
      case 'categories':
        return [...CATEGORIES]
          .filter((c) => s.byCategory[c].findings > 0)
          .sort((a, b) => s.byCategory[b].effortMinutes - s.byCategory[a].effortMinutes || a.localeCompare(b))
          .map((category) => ({ kind: 'category', category }));
      case 'category':
        return Object.entries(s.byRule)
          .filter(([, r]) => r.category === node.category && r.findings > 0)
          .sort(([a, x], [b, y]) => y.effortMinutes - x.effortMinutes || a.localeCompare(b))
          .map(([ruleId]) => ({ kind: 'rule', ruleId }));
      case 'rule':
        return [...new Set(s.findings.filter((f) => f.ruleId === node.ruleId).map((f) => f.file))]
          .map((file) => ({ kind: 'file', ruleId: node.ruleId, file }));
      case 'file':
        return s.findings.filter((f) => f.ruleId === node.ruleId && f.file === node.file)
          .map((finding) => ({ kind: 'finding', finding, parent: `${node.ruleId}/${node.file}`, showFile: false }));
      case 'hotspots': return s.hotspots.map((hotspot) => ({ kind: 'hotspot', hotspot }));
      case 'markers': return s.markers.map((finding) => ({ kind: 'finding', finding, parent: 'markers', showFile: true }));
      default: return [];
    }
  }

  getTreeItem(node: DebtNode): vscode.TreeItem {
    const s = this.summary;
    switch (node.kind) {
      case 'waiting': {
        const item = new vscode.TreeItem('Waiting for the first scan…');
        item.id = 'waiting';
        item.iconPath = new vscode.ThemeIcon('loading~spin');
        item.tooltip = this.store.error
          ? `The godebt server has not sent a debt summary yet (${this.store.error}). The view fills in when it does.`
          : 'The godebt server is scanning the Go files of this workspace; the view fills in when it is done.';
        item.command = { command: 'godebt.refreshDebt', title: 'Refresh' };
        return item;
      }
      case 'overview': {
        const t = s!.total;
        const item = new vscode.TreeItem(`Total debt ${formatEffort(t.effortMinutes)}`, vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'overview';
        item.description = `${t.rating} · ${plural(t.findings, 'finding')}`;
        item.iconPath = new vscode.ThemeIcon('graph');
        item.tooltip = new vscode.MarkdownString(`**Total debt ${formatEffort(t.effortMinutes)}, rating ${t.rating}**\n\n${ratingExplained(t)}\n\n${ratingFormula()}; a day is 8 hours.`);
        item.accessibilityInformation = { label: `Total debt ${formatEffort(t.effortMinutes)}, rating ${t.rating}, debt ratio ${formatPercent(t.ratio)}, ${plural(t.findings, 'finding')}` };
        return item;
      }
      case 'stat': {
        const item = new vscode.TreeItem(node.label);
        item.id = `stat/${node.id}`;
        item.description = node.description;
        item.tooltip = node.tooltip;
        if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
        item.accessibilityInformation = { label: `${node.label}: ${node.description}` };
        return item;
      }
      case 'categories': return group('categories', 'By category', 'symbol-folder', s!.total, vscode.TreeItemCollapsibleState.Expanded);
      case 'category': {
        const b = s!.byCategory[node.category];
        const item = new vscode.TreeItem(node.category, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `category/${node.category}`;
        item.description = counted(b);
        item.iconPath = new vscode.ThemeIcon('symbol-folder');
        item.tooltip = `${node.category}: ${plural(b.findings, 'finding')}, ${formatEffort(b.effortMinutes)} to fix (${share(b.effortMinutes, s!.total.effortMinutes)} of the debt)`;
        item.accessibilityInformation = { label: `Category ${node.category}, ${plural(b.findings, 'finding')}, ${formatEffort(b.effortMinutes)}` };
        item.contextValue = 'category';
        return item;
      }
      case 'rule': {
        const r = s!.byRule[node.ruleId];
        const item = new vscode.TreeItem(node.ruleId, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `rule/${node.ruleId}`;
        item.description = counted(r);
        item.iconPath = new vscode.ThemeIcon('law');
        item.tooltip = `${node.ruleId}: ${plural(r.findings, 'finding')}, ${formatEffort(r.effortMinutes)} to fix`;
        item.accessibilityInformation = { label: `Rule ${node.ruleId}, ${plural(r.findings, 'finding')}, ${formatEffort(r.effortMinutes)}` };
        item.contextValue = 'rule';
        return item;
      }
      case 'file': {
        const findings = s!.findings.filter((f) => f.ruleId === node.ruleId && f.file === node.file);
        const b = { findings: findings.length, effortMinutes: sum(findings) };
        const item = new vscode.TreeItem(vscode.Uri.parse(findings[0]?.uri ?? `file:///${node.file}`), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `rule/${node.ruleId}/file/${node.file}`;
        item.label = node.file;
        item.description = counted(b);
        item.iconPath = vscode.ThemeIcon.File;
        item.tooltip = `${node.file}: ${plural(b.findings, 'finding')} of ${node.ruleId}, ${formatEffort(b.effortMinutes)}`;
        item.accessibilityInformation = { label: `File ${node.file}, ${plural(b.findings, 'finding')}, ${formatEffort(b.effortMinutes)}` };
        return item;
      }
      case 'finding': return findingItem(node.finding, node.parent, node.showFile);
      case 'hotspots': {
        const item = new vscode.TreeItem('Hotspots', s!.hotspots.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = 'hotspots';
        item.description = plural(s!.hotspots.length, 'file');
        item.iconPath = new vscode.ThemeIcon('flame');
        item.tooltip = s!.history
          ? 'Files ranked by debt × commits touching them in the last 90 days: debt where the code changes most costs most.'
          : 'Files ranked by debt (git history is not available here).';
        item.accessibilityInformation = { label: `Hotspots, ${plural(s!.hotspots.length, 'file')}` };
        return item;
      }
      case 'hotspot': {
        const h = node.hotspot;
        const uri = uriOfFile(s!, h.file);
        const item = new vscode.TreeItem(uri ?? vscode.Uri.parse(`file:///${h.file}`));
        item.id = `hotspot/${h.file}`;
        item.label = h.file;
        item.description = `score ${formatCount(h.score)} · ${formatEffort(h.effortMinutes)} · ${plural(h.changes, 'change')}`;
        item.iconPath = vscode.ThemeIcon.File;
        item.tooltip = `${h.file}: score ${formatCount(h.score)} = ${formatEffort(h.effortMinutes)} (${formatCount(h.effortMinutes)} min) × ${plural(h.changes, 'change')}${s!.history ? ' in the last 90 days' : ''}`;
        item.accessibilityInformation = { label: `Hotspot ${h.file}, score ${formatCount(h.score)}, debt ${formatEffort(h.effortMinutes)}, ${plural(h.changes, 'change')}` };
        if (uri) item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
        return item;
      }
      case 'markers': {
        const item = new vscode.TreeItem('TODO / FIXME markers', s!.markers.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = 'markers';
        item.description = counted({ findings: s!.markers.length, effortMinutes: sum(s!.markers) });
        item.iconPath = new vscode.ThemeIcon('checklist');
        item.tooltip = 'Debt markers left in comments (TODO, FIXME, HACK, XXX…)';
        item.accessibilityInformation = { label: `TODO and FIXME markers, ${plural(s!.markers.length, 'marker')}` };
        return item;
      }
    }
  }

  getParent(): undefined {
    return undefined;
  }

  /** The view's message: the filter, or why the view is waiting. */
  message(): string | undefined {
    const filter = describeFilter(this.store.filter);
    if (!this.store.filtered) return filter ? `Filtered (${filter}). Waiting for the first scan…` : undefined;
    const scanning = this.store.filtered.scan.state === 'scanning'
      ? `Scanning: ${formatCount(this.store.filtered.scan.done)} of ${formatCount(this.store.filtered.scan.files)} files…`
      : '';
    return [filter ? `Filtered — ${filter}` : '', scanning].filter(Boolean).join('\n') || undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function overviewStats(s: SummaryResult): DebtNode[] {
  const t = s.total;
  const stats: DebtNode[] = [
    { kind: 'stat', id: 'rating', label: `Rating ${t.rating}`, description: `debt ratio ${formatPercent(t.ratio)}`, tooltip: `${ratingExplained(t)}\n${ratingFormula()}`, icon: 'dashboard' },
    ...SEVERITIES.filter((sev) => t.bySeverity[sev] > 0).map((sev): DebtNode => ({
      kind: 'stat', id: `severity/${sev}`, label: sev, description: plural(t.bySeverity[sev], 'finding'),
      tooltip: `${plural(t.bySeverity[sev], 'finding')} of severity ${sev}`, icon: SEVERITY_ICONS[sev][0],
    })),
    { kind: 'stat', id: 'code', label: 'Code', description: `${formatCount(t.linesOfCode)} lines in ${plural(t.files, 'file')}`, tooltip: 'Lines of code: lines that are not blank and not only a comment', icon: 'file-code' },
  ];
  const b = s.baseline;
  if (b) {
    stats.push({
      kind: 'stat', id: 'baseline', label: 'Since the baseline',
      description: `+${formatEffort(b.new.effortMinutes)} new · −${formatEffort(b.fixed.effortMinutes)} fixed`,
      tooltip: `${b.file}: ${plural(b.new.findings, 'new finding')} (${formatEffort(b.new.effortMinutes)}), ${plural(b.fixed.findings, 'fixed finding')} (${formatEffort(b.fixed.effortMinutes)}), ${formatCount(b.unchanged.findings)} unchanged${b.error ? `\nThe baseline could not be read: ${b.error}` : ''}`,
      icon: 'diff',
    });
  }
  return stats;
}

function group(id: string, label: string, icon: string, bucket: { findings: number; effortMinutes: number }, state: vscode.TreeItemCollapsibleState): vscode.TreeItem {
  const item = new vscode.TreeItem(label, bucket.findings > 0 ? state : vscode.TreeItemCollapsibleState.None);
  item.id = id;
  item.description = counted(bucket);
  item.iconPath = new vscode.ThemeIcon(icon);
  item.tooltip = `${label}: ${plural(bucket.findings, 'finding')}, ${formatEffort(bucket.effortMinutes)}`;
  item.accessibilityInformation = { label: `${label}, ${plural(bucket.findings, 'finding')}, ${formatEffort(bucket.effortMinutes)}` };
  return item;
}

function findingItem(f: SummaryFinding, parent: string, showFile: boolean): vscode.TreeItem {
  const item = new vscode.TreeItem(f.message);
  const line = f.range.start.line + 1;
  item.id = `${parent}/finding/${f.fingerprint}/${f.range.start.line}:${f.range.start.character}`;
  item.description = `${showFile ? `${f.file}:${line}` : `line ${line}`} · ${formatEffort(f.effortMinutes)}${f.inBaseline ? ' · baseline' : ''}`;
  const [icon, color] = SEVERITY_ICONS[f.severity];
  item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
  item.tooltip = new vscode.MarkdownString(`${escapeMarkdown(f.message)}\n\n\`${f.ruleId}\` · ${f.severity} · ${formatEffort(f.effortMinutes)} to fix${f.inBaseline ? ' · recorded in the baseline' : ''}\n\n${escapeMarkdown(f.file)}:${line}:${f.range.start.character + 1}`);
  item.accessibilityInformation = { label: `${f.severity} ${f.ruleId}: ${f.message}, ${f.file} line ${line}, ${formatEffort(f.effortMinutes)}` };
  const range = new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character);
  item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(f.uri), { selection: range } satisfies vscode.TextDocumentShowOptions] };
  item.contextValue = 'finding';
  return item;
}

function counted(b: { findings: number; effortMinutes: number }): string {
  return `${formatCount(b.findings)} · ${formatEffort(b.effortMinutes)}`;
}

function sum(findings: readonly SummaryFinding[]): number {
  return findings.reduce((total, f) => total + f.effortMinutes, 0);
}

function share(part: number, total: number): string {
  return total === 0 ? '0 %' : formatPercent(part / total);
}

function uriOfFile(s: SummaryResult, file: string): vscode.Uri | undefined {
  const finding = s.findings.find((f) => f.file === file);
  return finding ? vscode.Uri.parse(finding.uri) : undefined;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
