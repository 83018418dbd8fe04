// What the client and the server say to each other beyond standard LSP, declared once.
import type { Category, Severity } from '../server/src/engine/rule';

/** Custom request: the rule catalog, for pickers and views. */
export const RULES_REQUEST = 'godebt/rules';

export interface RuleInfo {
  id: string;
  category: Category;
  severity: Severity;
  fixable: boolean;
  summary: string;
  /** The guidance page (a file: URI of the bundled Markdown page). */
  guidance: string;
}

/** Client command that opens a rule's guidance page rendered (VS Code). */
export const SHOW_GUIDANCE_COMMAND = 'godebt.showRuleGuidance';

/**
 * Server command with the same purpose for editors without our client: the server
 * asks the editor to open the page with window/showDocument.
 */
export const OPEN_GUIDANCE_SERVER_COMMAND = 'godebt.openGuidance';

export interface InitializationOptions {
  /** Client-side commands the server may put in code actions. */
  clientCommands?: string[];
  /**
   * The client watches .godebt.json files itself and sends workspace/didChangeWatchedFiles
   * (the VS Code client does); otherwise the server registers the watcher when it can.
   */
  watchesConfigFiles?: boolean;
}

/**
 * Custom request: the workspace's debt model (server/src/engine/debt.ts DebtModel),
 * plus what the panel lists beside it. Params: SummaryParams.
 */
export const SUMMARY_REQUEST = 'godebt/summary';
/** Notification from the server whenever the summary changed (the panel refreshes). */
export const SUMMARY_CHANGED_NOTIFICATION = 'godebt/summaryChanged';
/** Client command (and server request) that re-scans the whole workspace. */
export const RESCAN_COMMAND = 'godebt.rescanWorkspace';

export interface SummaryParams {
  /** Only these severities / categories (all when absent). */
  severities?: Severity[];
  categories?: Category[];
}

/** One finding as the panel lists it (workspace-relative file, 0-based LSP range). */
export interface SummaryFinding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  uri: string;
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  effortMinutes: number;
  fingerprint: string;
  /** True when the finding is recorded in the baseline (old debt). */
  inBaseline: boolean;
}

/** The section of the editor settings the server pulls (workspace/configuration), per workspace folder. */
export const SETTINGS_SECTION = 'godebt';

/** The `godebt.*` settings, as package.json declares them. */
export interface GodebtSettings {
  /** Lint at all. */
  enable?: boolean;
  /** Rule id -> severity (error, warning, info, hint, off): user or workspace defaults. */
  rules?: Record<string, string>;
}

/** The file pattern of configuration files, for watchers. */
export const CONFIG_FILE_GLOB = '**/.godebt.json';
