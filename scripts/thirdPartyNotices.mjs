// The licence notices of the npm packages whose code ships in dist/: those esbuild put
// into the bundles (read from its metafile, so the list follows the imports), and the
// two the bundles load beside them (web-tree-sitter and tree-sitter-go, with their
// wasm). All are MIT or ISC licensed, which asks for the notice to go with the code:
// the .vsix and the npm package carry dist/THIRD-PARTY-NOTICES.txt.
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';

/** Packages copied into dist/ beside the bundles rather than bundled (scripts/build.mjs). */
const BESIDE_THE_BUNDLES = ['web-tree-sitter', 'tree-sitter-go'];
/** What the build changed in a package's code it ships. */
const CHANGES = {
  'web-tree-sitter': 'dist/tree-sitter.cjs is modified: see scripts/patchWebTreeSitter.mjs in godebt\'s sources.',
};

/** An esbuild plugin that writes the notices to outFile after every build. */
export function thirdPartyNotices(outFile) {
  return {
    name: 'third-party-notices',
    setup(build) {
      build.initialOptions.metafile = true;
      build.onEnd((result) => {
        if (!result.metafile) return;
        const dirs = new Set(Object.keys(result.metafile.inputs).map(packageDir).filter((dir) => dir !== null));
        for (const name of BESIDE_THE_BUNDLES) dirs.add(path.join('node_modules', name));
        writeFileSync(outFile, noticesOf([...dirs]));
      });
    },
  };
}

/** The package folder (under the last node_modules) that a bundled input file belongs to, or null for our own sources. */
function packageDir(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.split(path.sep).join('/'));
  return match ? match[1] : null;
}

function noticesOf(dirs) {
  const packages = dirs.map((dir) => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const licenseFile = readdirSync(dir).find((file) => /^licen[cs]e(\.(md|txt))?$/i.test(file));
    if (!licenseFile) throw new Error(`${manifest.name}: no LICENSE file to put in dist/THIRD-PARTY-NOTICES.txt`);
    return { manifest, text: readFileSync(path.join(dir, licenseFile), 'utf8').trim() };
  }).sort((a, b) => (a.manifest.name < b.manifest.name ? -1 : a.manifest.name > b.manifest.name ? 1 : 0));
  const sections = packages.map(({ manifest, text }) => [
    `${manifest.name} ${manifest.version} (${manifest.license})`,
    ...(CHANGES[manifest.name] ? [CHANGES[manifest.name]] : []),
    '',
    text,
  ].join('\n'));
  return `godebt ships code from these packages, under their licences.\n\n${sections.join(`\n\n${'-'.repeat(78)}\n\n`)}\n`;
}
