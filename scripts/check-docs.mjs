// Fails when README.md or a page under docs/ names a repository file or folder that does not
// exist: a path in code (`apps/api/src/...`, `packages/...`, `run-executor.ts`, `runner/ports.ts`)
// or a relative link. Paths under ignored folders (dist/, node_modules/...) are not checked: they
// exist only after a build. Run: `node scripts/check-docs.mjs` (part of `npm test`).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { declaredNotPaths, extractReferences } from './lib/doc-references.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function git(args, input) {
  return execFileSync('git', args, { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Tracked files and new files not ignored: what a clean checkout of this change holds. */
const files = git(['ls-files', '--cached', '--others', '--exclude-standard', '-z'])
  .split('\0')
  .filter((file) => file !== '');
const dirs = new Set();
for (const file of files) for (let i = file.indexOf('/'); i !== -1; i = file.indexOf('/', i + 1)) dirs.add(file.slice(0, i));
const fileSet = new Set(files);
const topLevel = new Set([...files, ...dirs].map((p) => p.split('/')[0]));

/** Every way a path can end (`run-executor.ts`, `execution/run-executor.ts`...), for names given without their folder. */
function tails(paths) {
  const set = new Set();
  for (const p of paths) {
    const parts = p.split('/');
    for (let i = 0; i < parts.length; i++) set.add(parts.slice(i).join('/'));
  }
  return set;
}
const fileTails = tails(files);
const dirTails = tails(dirs);

function exists(ref) {
  if (ref.rooted) return fileSet.has(ref.path) || dirs.has(ref.path);
  if (ref.path.endsWith('/')) return dirTails.has(ref.path.slice(0, -1));
  if (fileTails.has(ref.path) || dirTails.has(ref.path)) return true;
  // `main.js` without its folder: the build output of main.ts.
  const built = /^(.*)\.js$/.exec(ref.path);
  return built !== null && (fileTails.has(`${built[1]}.ts`) || fileTails.has(`${built[1]}.tsx`));
}

/**
 * The subset of paths that .gitignore rules cover (build output and the like). Each path is also asked
 * as a folder (`apps/web/dist/`): on a clean checkout it does not exist, and `dist/` only matches folders.
 */
function ignored(paths) {
  if (paths.length === 0) return new Set();
  try {
    return new Set(
      git(['check-ignore', '--no-index', '--stdin'], paths.flatMap((p) => [p, `${p}/`]).join('\n') + '\n')
        .split('\n')
        .filter(Boolean)
        .map((p) => p.replace(/\/$/, '')),
    );
  } catch (error) {
    // Exit status 1: none of them is ignored.
    if (error.status === 1) return new Set();
    throw error;
  }
}

const docs = files.filter((file) => file === 'README.md' || (file.startsWith('docs/') && file.endsWith('.md')));
const missing = [];
for (const doc of docs) {
  const text = readFileSync(path.join(ROOT, doc), 'utf8');
  const notPaths = declaredNotPaths(text);
  for (const ref of extractReferences(text, { docPath: doc, topLevel }))
    if (!notPaths.has(ref.text) && !exists(ref)) missing.push({ doc, ...ref });
}
const ignoredPaths = ignored([...new Set(missing.map((ref) => ref.path.replace(/\/$/, '')))]);
const problems = missing.filter((ref) => !ignoredPaths.has(ref.path.replace(/\/$/, '')));

if (problems.length > 0) {
  for (const ref of problems) {
    const what = ref.kind === 'link' ? `links to ${ref.text}` : `names \`${ref.text}\``;
    console.error(`${ref.doc}:${ref.line}: ${what}, but ${ref.path} is not in the repository`);
  }
  console.error(`\n${problems.length} stale path(s) in ${docs.length} documents: fix the names, or the links.`);
  process.exit(1);
}
console.log(`docs: every path named in ${docs.length} documents exists`);
