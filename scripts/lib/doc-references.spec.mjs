// Run: node --test scripts/lib/doc-references.spec.mjs (part of `npm run docs:check`).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  cleanToken,
  declaredNotPaths,
  extractReferences,
  hasOpenCodeSpan,
  looksLikePath,
  normalize,
  patternPrefix,
  tableCells,
} from './doc-references.mjs';

const TOP_LEVEL = ['apps', 'packages', 'docs', 'scripts', 'README.md', 'package.json', 'docker-compose.yml'];
const extract = (markdown, docPath = 'docs/architecture.md') =>
  extractReferences(markdown, { docPath, topLevel: TOP_LEVEL }).map(({ line, kind, path, rooted }) => ({ line, kind, path, rooted }));

describe('paths in code', () => {
  test('a path from the root is checked as it is', () => {
    assert.deepEqual(extract('The ports are in `packages/engine/src/runner/ports.ts`.'), [
      { line: 1, kind: 'code', path: 'packages/engine/src/runner/ports.ts', rooted: true },
    ]);
  });

  test('a folder from the root, with or without its slash', () => {
    assert.deepEqual(
      extract('Tests in `apps/api/test/integration` and `apps/web/e2e/`.').map((ref) => ref.path),
      ['apps/api/test/integration', 'apps/web/e2e'],
    );
  });

  test('a file at the root is rooted, alone or in a sentence', () => {
    assert.deepEqual(extract('`docker-compose.yml` shows it; see `README.md`.'), [
      { line: 1, kind: 'code', path: 'docker-compose.yml', rooted: true },
      { line: 1, kind: 'code', path: 'README.md', rooted: true },
    ]);
  });

  test('a path without its root is a tail that some path must end with', () => {
    assert.deepEqual(extract('Handlers (`runner/run-workflow.ts`), folders (`hooks/`) and files (`step.schema.ts`).'), [
      { line: 1, kind: 'code', path: 'runner/run-workflow.ts', rooted: false },
      { line: 1, kind: 'code', path: 'hooks/', rooted: false },
      { line: 1, kind: 'code', path: 'step.schema.ts', rooted: false },
    ]);
  });

  test('every path of a command in code', () => {
    assert.deepEqual(
      extract('Run `node --test apps/web/e2e/run.mjs scripts/bench.mjs --role=all`.').map((ref) => ref.path),
      ['apps/web/e2e/run.mjs', 'scripts/bench.mjs'],
    );
  });

  test('punctuation, quotes, ./ and :line around a path are not part of it', () => {
    assert.deepEqual(
      extract("`(apps/api/src/main.ts:12)` and `'./scripts/soak.mjs',`").map((ref) => ref.path),
      ['apps/api/src/main.ts', 'scripts/soak.mjs'],
    );
  });

  test('what only looks like a path is left alone', () => {
    const prose = [
      '`ANY /hooks/:token` `/api/*` `application/json` `text/event-stream` `127.0.0.1/32`',
      '`trigger.body.user.email` `steps.shape` `$now()` `route.0.notify` `each[3].post`',
      '`@switchyard/engine` `--role=api` `SWITCHYARD_DATA_DIR` `https://example.com/docs/a.md`',
      '`steps/<type>/` `text/*` `PUBLIC_URL/runs/<id>` `{{ expression }}` `x-[a-z]`',
      '`~/.switchyard/db.json` `a/b` `x-hub-signature-256`',
    ].join('\n');
    assert.deepEqual(extract(prose), []);
  });

  test('a pattern from the root is checked up to its last folder before the pattern', () => {
    assert.deepEqual(
      extract('`docs/adr/NNNN-title.md` `apps/*/src/**/*.spec.ts` `apps/api/src/hooks/{a,b}.spec.ts` `apps/api/src/…`').map(
        (ref) => ref.path,
      ),
      ['docs/adr', 'apps', 'apps/api/src/hooks', 'apps/api/src'],
    );
  });

  test('a code span that goes on in the next line of the paragraph counts from its first line', () => {
    const markdown = ['The host (`apps/api/src/credentials/', 'credential-resolver.ts`) decrypts.', '', 'Then `scripts/bench.mjs`.'].join(
      '\n',
    );
    assert.deepEqual(
      extract(markdown).map(({ line, path }) => [line, path]),
      [
        [1, 'apps/api/src/credentials/credential-resolver.ts'],
        [4, 'scripts/bench.mjs'],
      ],
    );
  });

  test('an unclosed backtick ends with its paragraph', () => {
    assert.deepEqual(
      extract(['A stray ` here', '', '`scripts/soak.mjs`'].join('\n')).map(({ line, path }) => [line, path]),
      [[3, 'scripts/soak.mjs']],
    );
  });

  test('double backticks hold code with a backtick inside', () => {
    assert.deepEqual(
      extract('``apps/api/src/`odd`.ts`` then `scripts/soak.mjs`').map((ref) => ref.path),
      ['scripts/soak.mjs'],
    );
  });
});

describe('links', () => {
  test('a relative link resolves from the document’s folder; anchors and queries are dropped', () => {
    assert.deepEqual(extract('See the [glossary](glossary.md), the [README](../README.md#configuration) and [ADRs](adr/).'), [
      { line: 1, kind: 'link', path: 'docs/glossary.md', rooted: true },
      { line: 1, kind: 'link', path: 'README.md', rooted: true },
      { line: 1, kind: 'link', path: 'docs/adr', rooted: true },
    ]);
  });

  test('from the README, links are relative to the root', () => {
    assert.deepEqual(extract('![Runs](docs/screenshots/runs-list.png "Runs") [arch](./docs/architecture.md)', 'README.md'), [
      { line: 1, kind: 'link', path: 'docs/screenshots/runs-list.png', rooted: true },
      { line: 1, kind: 'link', path: 'docs/architecture.md', rooted: true },
    ]);
  });

  test('URLs, mail addresses, in-page anchors and links out of the repository are not checked', () => {
    assert.deepEqual(extract('[a](https://example.com/x.md) [b](mailto:x@example.com) [c](#tests) [d](../../outside.md) [e](<>)'), []);
  });

  test('reference definitions and escaped or encoded names', () => {
    assert.deepEqual(extract('[adr]: adr/0001-postgresql-is-the-source-of-truth.md\n[x](my%20notes.md)'), [
      { line: 1, kind: 'link', path: 'docs/adr/0001-postgresql-is-the-source-of-truth.md', rooted: true },
      { line: 2, kind: 'link', path: 'docs/my notes.md', rooted: true },
    ]);
  });

  test('a link inside code is code, not a link', () => {
    assert.deepEqual(extract('`[text](missing.md)`'), []);
  });
});

describe('fenced code blocks', () => {
  test('only paths from the root count inside them, with their line numbers', () => {
    const markdown = [
      'Intro `packages/engine`',
      '```',
      'apps/web          React + Vite, built to apps/web/dist.',
      'runner/ports.ts   [not a link](nowhere.md)',
      '```',
      'After `scripts/bench.mjs`',
    ].join('\n');
    assert.deepEqual(
      extract(markdown).map(({ line, path }) => [line, path]),
      [
        [1, 'packages/engine'],
        [3, 'apps/web'],
        [3, 'apps/web/dist'],
        [6, 'scripts/bench.mjs'],
      ],
    );
  });

  test('a fence closes only with its own marker', () => {
    const markdown = ['~~~', '```', '`apps/x.ts` in the fence', '~~~', '`apps/y.ts`'].join('\n');
    assert.deepEqual(
      extract(markdown).map(({ line, path }) => [line, path]),
      [[5, 'apps/y.ts']],
    );
  });
});

describe('tables', () => {
  test('a header cell that names a folder makes the names below it relative to that folder', () => {
    const markdown = [
      '| Feature | Engine (`packages/engine/src`) | api (`apps/api/src`) | Docs |',
      '|---|---|---|---|',
      '| Steps | `schema/steps/`, `runner/retry-policy.ts` | `hooks/` (raw route), `hooks/verification/*.ts` | [steps.md](steps.md) |',
      '| History | | `runs/` | README API table |',
    ].join('\n');
    assert.deepEqual(
      extract(markdown).map(({ line, path, rooted }) => [line, path, rooted]),
      [
        [1, 'packages/engine/src', true],
        [1, 'apps/api/src', true],
        [3, 'packages/engine/src/schema/steps', true],
        [3, 'packages/engine/src/runner/retry-policy.ts', true],
        [3, 'apps/api/src/hooks', true],
        [3, 'apps/api/src/hooks/verification', true],
        [3, 'docs/steps.md', true],
        [4, 'apps/api/src/runs', true],
      ],
    );
  });

  test('without such a header, and after the table, names stay tails', () => {
    const markdown = ['| Level | Where |', '|---|---|', '| Unit | `runner/ports.ts` |', '', 'Then `hooks/`.'].join('\n');
    assert.deepEqual(
      extract(markdown).map(({ path, rooted }) => [path, rooted]),
      [
        ['runner/ports.ts', false],
        ['hooks/', false],
      ],
    );
  });

  test('a | inside code does not split a cell', () => {
    assert.deepEqual(tableCells('| `a|b` | c \\| d | `e` |'), [' `a|b` ', ' c | d ', ' `e` ']);
  });
});

describe('helpers', () => {
  test('cleanToken', () => {
    assert.equal(cleanToken('(apps/api/src/x.ts),'), 'apps/api/src/x.ts');
    assert.equal(cleanToken('./scripts/a.mjs:10:2'), 'scripts/a.mjs');
  });

  test('patternPrefix', () => {
    assert.equal(patternPrefix('apps/api/src/runner/ports.ts'), 'apps/api/src/runner/ports.ts');
    assert.equal(patternPrefix('steps/<type>/schema.ts'), 'steps/');
    assert.equal(patternPrefix('*.spec.ts'), '');
  });

  test('hasOpenCodeSpan', () => {
    assert.equal(hasOpenCodeSpan('a `b` c'), false);
    assert.equal(hasOpenCodeSpan('a `b'), true);
    assert.equal(hasOpenCodeSpan('``a ` b``'), false);
  });

  test('looksLikePath', () => {
    assert.equal(looksLikePath('apps/api'), true);
    assert.equal(looksLikePath('run-executor.ts'), true);
    assert.equal(looksLikePath('steps.shape.email'), false);
    assert.equal(looksLikePath('../README.md'), false);
  });

  test('normalize resolves dots and refuses to leave the repository', () => {
    assert.equal(normalize('docs/../README.md'), 'README.md');
    assert.equal(normalize('docs/./adr/'), 'docs/adr');
    assert.equal(normalize('../x.md'), null);
  });
});

describe('words declared not to be paths', () => {
  test('one comment or several, any spacing', () => {
    const markdown = 'The archive holds `manifest.json`.\n<!-- not-paths: manifest.json  out/ -->\n<!--not-paths: a.ts-->';
    assert.deepEqual([...declaredNotPaths(markdown)], ['manifest.json', 'out/', 'a.ts']);
  });

  test('none without a comment', () => {
    assert.equal(declaredNotPaths('`manifest.json` <!-- other -->').size, 0);
  });
});
