import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Repository habits and the claims the docs must keep true: the Marketplace's limits on
// action.yml, LF endings and a generated dist/, templates, a path table that names every
// source file, and no promise of a tag that does not exist.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, ext);
    return entry.name.endsWith(ext) ? [path] : [];
  });
}

describe('action.yml for the Marketplace', () => {
  const action = parse(read('action.yml')) as { description?: string; branding?: { icon?: string; color?: string } };

  it('has a description under 125 characters (the Marketplace limit)', () => {
    expect(action.description?.length ?? 0).toBeGreaterThan(20);
    expect(action.description?.length ?? 0).toBeLessThan(125);
  });

  it('has branding: a Feather icon name and one of the colours the metadata syntax allows', () => {
    expect(action.branding?.icon ?? '').toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark']).toContain(
      action.branding?.color,
    );
  });
});

describe('repository habits', () => {
  it('checks files out with LF endings and marks dist/ as generated', () => {
    const lines = read('.gitattributes')
      .split('\n')
      .map((l) => l.trim());
    expect(lines).toContain('* text=auto eol=lf');
    expect(lines.some((l) => /^dist\/\*\* .*-diff/.test(l) && /linguist-generated/.test(l))).toBe(true);
  });

  it.each(['.github/CODEOWNERS', '.github/pull_request_template.md'])('has %s', (path) => {
    expect(existsSync(join(ROOT, path))).toBe(true);
  });

  it.each(['bug.yml', 'feature.yml'])('has the issue form %s, with a name, a description and fields', (name) => {
    const form = parse(read(`.github/ISSUE_TEMPLATE/${name}`)) as {
      name?: string;
      description?: string;
      body?: unknown[];
    };
    expect(form.name).toBeTruthy();
    expect(form.description).toBeTruthy();
    expect(form.body?.length ?? 0).toBeGreaterThan(0);
  });
});

describe('CONTRIBUTING.md path table', () => {
  const listed = [...read('CONTRIBUTING.md').matchAll(/^\| `([^`]+)` \|/gm)].flatMap((m) => {
    const path = m[1] ?? '';
    const brace = /^(.*)\{([^}]+)\}(.*)$/.exec(path);
    return brace ? (brace[2] ?? '').split(',').map((part) => `${brace[1]}${part}${brace[3]}`) : [path];
  });

  it('names only paths that exist', () => {
    expect(listed.filter((path) => !existsSync(join(ROOT, path)))).toEqual([]);
  });

  it('names every file in src/', () => {
    const sources = filesUnder('src', '.ts').map((path) => relative(ROOT, join(ROOT, path)));
    expect(sources.filter((path) => !listed.includes(path))).toEqual([]);
  });
});

describe('claims the docs keep true', () => {
  const docs = [
    'README.md',
    'CONTRIBUTING.md',
    'CHANGELOG.md',
    ...filesUnder('docs', '.md'),
    ...filesUnder('examples', '.md'),
    ...filesUnder('examples', '.yml'),
  ];

  it('keeps the README a front page of at most 350 lines', () => {
    expect(read('README.md').split('\n').length).toBeLessThanOrEqual(350);
  });

  it.each(docs)('%s names no tag of this action (none exists before the first release)', (path) => {
    expect(read(path)).not.toMatch(/image-deploy@v\d/);
  });

  it.each(docs)('%s states no test count (they go stale with every test)', (path) => {
    expect(read(path)).not.toMatch(/\b\d[\d,]* (unit |end-to-end |e2e )?tests\b/);
  });

  it('lists each limit once under "Not done yet"', () => {
    const section = read('README.md').split('## Not done yet')[1]?.split('\n## ')[0] ?? '';
    const items = section
      .split('\n- ')
      .slice(1)
      .map((item) => /\*\*(.+?)\*\*/.exec(item)?.[1] ?? item.slice(0, 40));
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items).size).toBe(items.length);
    expect(section.match(/CODE_DEPLOY/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });
});
