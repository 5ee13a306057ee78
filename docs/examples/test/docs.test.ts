import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The guides show the code the other tests run: every `<!-- include: path -->` marker is followed by a fenced
// block (four backticks, since the files hold fenced examples in their comments) equal to that file, every example is shown by some guide, and every relative link resolves inside
// the repository.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const docs = join(root, 'docs');
const markdownFiles = (directory: string): string[] =>
  readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'api') return [];
    const path = join(directory, entry.name);
    return entry.isDirectory() ? markdownFiles(path) : entry.name.endsWith('.md') ? [path] : [];
  });
const pages = [...markdownFiles(docs), join(root, 'README.md')];
const includes = pages.flatMap((page) =>
  [...readFileSync(page, 'utf8').matchAll(/<!-- include: (\S+) -->\n(`{3,})\w*\n([\s\S]*?)^\2$/gm)].map((match) => ({ page, file: match[1]!, block: match[3]! })),
);

describe('docs/', () => {
  it('shows each included file exactly as it is in the repository', () => {
    expect(includes.length).toBeGreaterThan(0);
    for (const { page, file, block } of includes) {
      const path = join(root, file);
      expect(existsSync(path), `${relative(root, page)} includes ${file}`).toBe(true);
      expect(block, `${relative(root, page)} shows ${file} as it is`).toBe(readFileSync(path, 'utf8'));
    }
  });

  it('shows notebook cells exactly as the notebook has them', () => {
    const cells = pages.flatMap((page) =>
      [...readFileSync(page, 'utf8').matchAll(/<!-- notebook-cell: (\S+) -->\n```\w*\n([\s\S]*?)\n```\n/g)].map((match) => ({ page, file: match[1]!, block: match[2]! })),
    );
    expect(cells.length).toBeGreaterThan(0);
    for (const { page, file, block } of cells) {
      const notebook = JSON.parse(readFileSync(join(root, file), 'utf8')) as { cells: Array<{ cell_type: string; source: string[] }> };
      const sources = notebook.cells.filter((cell) => cell.cell_type === 'code').map((cell) => cell.source.join(''));
      expect(sources, `${relative(root, page)} shows a cell of ${file}`).toContain(block);
    }
  });

  it('shows every example of docs/examples/src in a guide', () => {
    const shown = new Set(includes.map(({ file }) => file));
    for (const example of readdirSync(join(docs, 'examples', 'src'))) expect(shown, example).toContain(`docs/examples/src/${example}`);
  });

  it('links only to files inside the repository that exist', () => {
    for (const page of pages) {
      const text = readFileSync(page, 'utf8');
      expect(text, relative(root, page)).not.toMatch(/\/work\/shared|\.\.\/shared/);
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target!)) continue;
        const path = resolve(dirname(page), target!.split('#')[0]!);
        expect(relative(root, path).startsWith('..'), `${relative(root, page)} → ${target} leaves the repository`).toBe(false);
        expect(existsSync(path), `${relative(root, page)} → ${target}`).toBe(true);
      }
    }
  });
});
