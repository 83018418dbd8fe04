// A minimal LSP client for protocol tests: starts the bundled server over stdio and
// waits for the events a test expects (never for a fixed time).
import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import {
  createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver/node';
import type { ClientCapabilities, PublishDiagnosticsParams } from 'vscode-languageserver/node';

export const SERVER = path.resolve(__dirname, '..', '..', '..', 'dist', 'server.js');

export class TestClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  private readonly published: PublishDiagnosticsParams[] = [];
  private readonly last = new Map<string, PublishDiagnosticsParams>();
  private waiters: (() => void)[] = [];
  stderr = '';
  readonly showDocument: { uri: string }[] = [];
  /** What the client answers to workspace/configuration, per scope URI ('' for none); see requests below. */
  settings: (scopeUri: string | undefined, section: string | undefined) => unknown = () => ({});
  /** Every workspace/configuration item asked for, and the count of workspace/diagnostic/refresh requests. */
  readonly configurationRequests: { scopeUri?: string; section?: string }[] = [];
  refreshes = 0;
  /** Dynamic registrations the server asked for (client/registerCapability). */
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  /** window/workDoneProgress/create tokens and $/progress values, in order. */
  readonly progress: { token: string | number; value?: { kind: string; percentage?: number; message?: string; cancellable?: boolean } }[] = [];
  /** Notifications other than diagnostics and log messages, by method. */
  readonly notifications: { method: string; params: unknown }[] = [];

  /** nodeOptions: for node itself, before the server script (the bench's --expose-gc). */
  constructor(nodeOptions: readonly string[] = []) {
    this.process = spawn(process.execPath, [...nodeOptions, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.published.push(params);
      this.last.set(params.uri, params);
      this.notify();
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.stderr += `${params.message}\n`;
      this.notify();
    });
    this.connection.onRequest('window/showDocument', (params: { uri: string }) => {
      this.showDocument.push(params);
      this.notify();
      return { success: true };
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => {
      this.configurationRequests.push(...params.items);
      this.notify();
      return params.items.map((item) => this.settings(item.scopeUri, item.section));
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      this.notify();
      return null;
    });
    this.connection.onRequest('window/workDoneProgress/create', (params: { token: string | number }) => {
      this.progress.push({ token: params.token });
      this.notify();
      return null;
    });
    this.connection.onNotification('$/progress', (params: { token: string | number; value: { kind: string } }) => {
      this.progress.push(params);
      this.notify();
    });
    this.connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...params.registrations);
      this.notify();
      return null;
    });
    this.connection.onNotification((method: string, params: unknown) => {
      this.notifications.push({ method, params });
      this.notify();
    });
    this.connection.listen();
  }

  /** folders: a root URI, or workspace folders. */
  async initialize(
    capabilities: ClientCapabilities = {}, initializationOptions: unknown = {}, folders: string | { uri: string; name: string }[] | null = null,
  ): Promise<{ capabilities: Record<string, unknown> }> {
    const rootUri = typeof folders === 'string' ? folders : null;
    const workspaceFolders = Array.isArray(folders) ? folders : null;
    const result = await this.connection.sendRequest('initialize', { processId: process.pid, rootUri, capabilities, initializationOptions, workspaceFolders });
    await this.connection.sendNotification('initialized', {});
    return result as { capabilities: Record<string, unknown> };
  }

  open(uri: string, text: string, version = 1, languageId = 'go'): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: unknown[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** Resolves with the first publishDiagnostics for uri (at version, if given) not yet consumed. */
  async diagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    for (;;) {
      const index = this.published.findIndex((p) => p.uri === uri && (version === undefined || p.version === version));
      if (index >= 0) return this.published.splice(0, index + 1)[index];
      await this.next();
    }
  }

  /** The last publishDiagnostics for uri, consumed or not. */
  latest(uri: string): PublishDiagnosticsParams | undefined {
    return this.last.get(uri);
  }

  /** Waits until predicate holds, re-checking after every message from the server. */
  async until(predicate: () => boolean): Promise<void> {
    while (!predicate()) await this.next();
  }

  async shutdown(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    this.connection.dispose();
    this.process.kill();
  }

  private next(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
