// What the client and the server say to each other beyond standard LSP, declared once.
import type { Bucket, DebtModel } from '../server/src/engine/debt';
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
  /**
   * Client-side commands the server may put in code actions. When it lists
   * RESCAN_COMMAND, the server does not offer that id as a server command (VS Code
   * would see it registered twice); the RESCAN_COMMAND request works either way.
   */
  clientCommands?: string[];
  /** A folder the server may keep its cache in (VS Code: context.storageUri's path). Default: the OS temp folder. */
  storagePath?: string;
  /** A baseline file (CLI --write-baseline), absolute or relative to the first workspace folder. */
  baseline?: string;
  /** How findings recorded in the baseline appear in the editor (default 'dim': severity Hint, " (in baseline)"). */
  baselineFindings?: BaselineFindings;
  /** Scan the whole workspace for the summary (default true). */
  workspaceScan?: boolean;
}

export type BaselineFindings = 'show' | 'dim' | 'hide';

/**
 * Custom request: the workspace's debt model (server/src/engine/debt.ts DebtModel),
 * plus what the panel lists beside it. Params: SummaryParams.
 */
export const SUMMARY_REQUEST = 'godebt/summary';
/** Notification from the server whenever the summary changed (the panel refreshes). */
export const SUMMARY_CHANGED_NOTIFICATION = 'godebt/summaryChanged';
/**
 * Client command (and server request, no params, answered when the scan is over with
 * ScanStatus) that re-scans the whole workspace, ignoring nothing but the cache's
 * unchanged files.
 */
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

/** What a baseline changes in the summary, when one is configured. */
export interface BaselineDelta {
  /** The baseline file's path. */
  file: string;
  /** Why it could not be read (then every finding counts as new). */
  error?: string;
  /** Findings not in the baseline. */
  new: Bucket;
  /** Findings the baseline records (inBaseline). */
  unchanged: Bucket;
  /** Baseline entries no finding matches any more (effort: each rule's default figure). */
  fixed: Bucket;
}

export interface ScanStatus {
  /** 'scanning' while the workspace scan runs; the summary is then partial. */
  state: 'idle' | 'scanning';
  /** Lintable files found in the workspace folders. */
  files: number;
  /** Of those, how many have results (from the cache or linted). */
  done: number;
  /** Results taken from the cache in the last scan. */
  cached: number;
  /** Date.now() when the last complete scan ended (0: none yet). */
  finishedAt: number;
}

/**
 * The answer to SUMMARY_REQUEST: the debt model (files are workspace-relative, with the
 * folder's name first when the workspace has several folders) of every scanned file,
 * open documents counting as they are in the editor, plus the findings behind it.
 */
export interface SummaryResult extends DebtModel {
  /** Every finding (after the params' filters), by file then position. */
  findings: SummaryFinding[];
  /** The debt-marker findings (TODO, FIXME, HACK...), for a TODO list. */
  markers: SummaryFinding[];
  /** Present when a baseline is configured. */
  baseline?: BaselineDelta;
  scan: ScanStatus;
  /** Whether hotspots use git history (false: git missing, or not a repository). */
  history: boolean;
}
