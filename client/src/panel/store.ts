// The latest debt summary from the server, shared by the tree, the status bar and the
// report. Asks with SUMMARY_REQUEST when the server says the summary changed
// (debounced), when the client (re)starts, and on Refresh. Until the server answers,
// the summary is undefined and the views show "Waiting for the first scan".
import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { SUMMARY_CHANGED_NOTIFICATION, SUMMARY_REQUEST, SummaryParams, SummaryResult } from '../../../protocol';
import { CATEGORIES, SEVERITIES } from '../../../server/src/engine/rule';

const DEBOUNCE_MS = 300;
const FILTER_KEY = 'godebt.debtFilter';

export class SummaryStore implements vscode.Disposable {
  /** The whole workspace (status bar, report). */
  full: SummaryResult | undefined;
  /** What the filter lets through (the tree); the same object as full with no filter. */
  filtered: SummaryResult | undefined;
  /** Why the last request failed, if it did. */
  error: string | undefined;
  private filterParams: SummaryParams;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: LanguageClient, private readonly memento: vscode.Memento) {
    this.filterParams = memento.get<SummaryParams>(FILTER_KEY) ?? {};
    this.subscriptions.push(
      this.changed,
      client.onNotification(SUMMARY_CHANGED_NOTIFICATION, () => this.scheduleRefresh()),
      client.onDidChangeState((e) => {
        if (e.newState === State.Running) this.scheduleRefresh();
      }),
    );
    if (client.state === State.Running) this.scheduleRefresh();
  }

  get filter(): SummaryParams {
    return this.filterParams;
  }

  /** True when the filter hides some severities or categories. */
  get isFiltered(): boolean {
    return isFiltering(this.filterParams);
  }

  async setFilter(params: SummaryParams): Promise<void> {
    this.filterParams = normalizeFilter(params);
    await this.memento.update(FILTER_KEY, this.filterParams);
    await vscode.commands.executeCommand('setContext', 'godebt.debtFiltered', this.isFiltered);
    await this.refresh();
  }

  scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, DEBOUNCE_MS);
  }

  /** Asks the server for the summary now; overlapping calls collapse into one more round. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.fetch();
      } while (this.again);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private async fetch(): Promise<void> {
    if (this.client.state !== State.Running) {
      this.error = 'the godebt language server is not running';
      this.changed.fire();
      return;
    }
    try {
      const full = await this.client.sendRequest<SummaryResult>(SUMMARY_REQUEST, {} satisfies SummaryParams);
      const filtered = this.isFiltered ? await this.client.sendRequest<SummaryResult>(SUMMARY_REQUEST, this.filterParams) : full;
      this.full = full ?? undefined;
      this.filtered = filtered ?? undefined;
      this.error = undefined;
    } catch (err) {
      // A server without the summary (or one restarting) leaves the views waiting.
      this.error = err instanceof Error ? err.message : String(err);
    }
    this.changed.fire();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
  }
}

export function isFiltering(params: SummaryParams): boolean {
  return params.severities !== undefined || params.categories !== undefined;
}

/** Drops a dimension that lets everything through, so "all" and "none chosen" mean no filter. */
export function normalizeFilter(params: SummaryParams): SummaryParams {
  const result: SummaryParams = {};
  if (params.severities && params.severities.length > 0 && params.severities.length < SEVERITIES.length) result.severities = [...params.severities];
  if (params.categories && params.categories.length > 0 && params.categories.length < CATEGORIES.length) result.categories = [...params.categories];
  return result;
}

/** "severity: error, warning · category: security", or "" with no filter. */
export function describeFilter(params: SummaryParams): string {
  const parts: string[] = [];
  if (params.severities) parts.push(`severity: ${params.severities.join(', ')}`);
  if (params.categories) parts.push(`category: ${params.categories.join(', ')}`);
  return parts.join(' · ');
}
