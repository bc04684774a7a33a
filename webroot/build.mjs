// Bundles the pages' JavaScript (webroot/src/pages/*.js) into the folder given as the first
// argument, with esbuild, from the pinned npm packages. Run by the Maven build.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = process.argv[2];
if (!outdir) {
  console.error('usage: node build.mjs <output folder>');
  process.exit(2);
}
const pages = readdirSync(join(here, 'src', 'pages'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => join(here, 'src', 'pages', f));

try {
  await build({
    entryPoints: pages,
    outdir,
    bundle: true,
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    minify: true,
    sourcemap: true,
    target: 'es2020',
    define: { global: 'globalThis' },
    logLevel: 'warning',
  });
} catch (e) {
  console.error('Front-end bundle failed: ' + e.message);
  process.exit(1);
}
