// The configuration each open document is linted with, in the server:
//   .godebt.json (at the document's workspace folder's root; outside any folder, the
//   nearest one above the document, as the CLI finds it)
//   > the editor's godebt.* settings for that folder (workspace over user: the editor
//     merges those two before answering workspace/configuration)
//   > the rules' defaults.
// A .godebt.json that does not validate is logged and skipped: the last good version of
// that file stays in force. Results are cached until the settings or a file change.
import * as path from 'path';
import { fileURLToPath } from 'url';
import type { GodebtSettings } from '../../../protocol';
import type { GodebtConfig } from '../engine/config';
import { CONFIG_FILE, ConfigFile, findConfigFile, isExcluded, layerConfig, loadConfigFile, settingsLayer } from '../engine/configFile';
import type { Rule } from '../engine/rule';

export interface DocumentConfig {
  /** godebt.enable for the document's folder. */
  enabled: boolean;
  /** The document is excluded by the configuration's `exclude` globs. */
  excluded: boolean;
  /** The same object until something changes, so lint results can be cached against it. */
  config: GodebtConfig;
  /** The .godebt.json that applies, or where one would go (the folder root, else the document's folder); none for unsaved documents. */
  configFile?: string;
}

interface FolderConfig {
  enabled: boolean;
  config: GodebtConfig;
  /** Where exclude globs are read from. */
  dir?: string;
  configFile?: string;
}

type Logger = (message: string) => void;

export class ConfigStore {
  /** Workspace folders, longest path first, with the URI the editor knows each by. */
  private folders: { path: string; uri: string }[] = [];
  /** Per configuration file path: the last version that validated. */
  private readonly lastGood = new Map<string, GodebtConfig>();
  private readonly loaded = new Map<string, ConfigFile>();
  /** Per folder key (folder path, or a config file path outside folders). */
  private readonly combined = new Map<string, Promise<FolderConfig>>();
  /** Bumped on every change, so pull results can tell they are stale. */
  generation = 0;

  /**
   * @param fetchSettings pulls the godebt.* settings for a folder (undefined: no folder);
   *   resolves to undefined when the editor has none to give.
   */
  constructor(
    private readonly rules: readonly Rule[],
    private readonly fetchSettings: (folderUri: string | undefined) => Promise<GodebtSettings | undefined>,
    private readonly log: Logger,
  ) {}

  setFolders(folderUris: readonly string[]): void {
    this.folders = folderUris.map((uri) => ({ path: fsPath(uri), uri })).sort((a, b) => b.path.length - a.path.length);
    this.changed();
  }

  /** The godebt.* settings changed: pull them again. */
  settingsChanged(): void {
    this.changed();
  }

  /** A .godebt.json was created, changed or deleted on disk. */
  configFileChanged(fileUri: string): void {
    this.loaded.delete(fsPath(fileUri));
    this.changed();
  }

  async forDocument(documentUri: string): Promise<DocumentConfig> {
    const file = fsPath(documentUri);
    const onDisk = documentUri.startsWith('file:');
    const folder = onDisk ? this.folders.find((f) => file.startsWith(f.path + path.sep)) : undefined;
    // An unsaved (untitled:) document has no folder and no .godebt.json: settings and defaults only.
    const configFile = !onDisk ? undefined : folder ? path.join(folder.path, CONFIG_FILE) : findConfigFile(path.dirname(file)) ?? path.join(path.dirname(file), CONFIG_FILE);
    const key = folder?.path ?? configFile ?? '';
    let entry = this.combined.get(key);
    if (!entry) {
      entry = this.compute(folder, configFile);
      this.combined.set(key, entry);
    }
    const resolved = await entry;
    return {
      enabled: resolved.enabled,
      excluded: resolved.dir !== undefined && isExcluded(resolved.config, resolved.dir, file),
      config: resolved.config,
      configFile: resolved.configFile,
    };
  }

  private async compute(folder: { uri: string } | undefined, configFile: string | undefined): Promise<FolderConfig> {
    let settings: GodebtSettings | undefined;
    try {
      settings = await this.fetchSettings(folder?.uri);
    } catch (err) {
      this.log(`godebt could not read the editor settings: ${err instanceof Error ? err.message : String(err)}`);
    }
    const fileLayer = configFile ? this.fileLayer(configFile) : {};
    return {
      enabled: settings?.enable !== false,
      config: layerConfig(settingsLayer(settings?.rules), fileLayer),
      dir: configFile && path.dirname(configFile),
      configFile,
    };
  }

  /** The configuration file's layer: its current content if valid, else its last good one. */
  private fileLayer(file: string): GodebtConfig {
    let loaded = this.loaded.get(file);
    if (!loaded) {
      loaded = loadConfigFile(file, this.rules);
      this.loaded.set(file, loaded);
      const missing = loaded.text === '' && loaded.problems.length === 1 && /no such file/.test(loaded.problems[0].message);
      if (missing) {
        this.lastGood.delete(file);
        return {};
      }
      if (loaded.config) this.lastGood.set(file, loaded.config);
      else {
        const first = loaded.problems[0];
        this.log(`${file} has ${loaded.problems.length} problem(s) (first: ${first.message}); godebt keeps the last good configuration${this.lastGood.has(file) ? '' : ' (the defaults)'}.`);
      }
    }
    return loaded.config ?? this.lastGood.get(file) ?? {};
  }

  private changed(): void {
    this.combined.clear();
    this.generation++;
  }
}

/** The file system path of a file: URI (other schemes: the path part). */
export function fsPath(uri: string): string {
  try {
    const url = new URL(uri);
    return url.protocol === 'file:' ? fileURLToPath(url) : decodeURIComponent(url.pathname);
  } catch {
    return uri;
  }
}
