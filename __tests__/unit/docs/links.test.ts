import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every relative link in the docs resolves to a file, and every #anchor to a heading of the
// file it names (GitHub's slugs), so moving or renaming a page cannot leave a dead link.

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function markdownUnder(dir: string): string[] {
  if (!existsSync(join(ROOT, dir))) return [];
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownUnder(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const FILES = [
  'README.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  'SECURITY.md',
  ...markdownUnder('docs'),
  ...markdownUnder('examples'),
];

/** GitHub's heading anchor: lower case, punctuation but `-` and `_` dropped, spaces to `-`. */
function slug(heading: string): string {
  return heading
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function withoutCode(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  for (const match of withoutCode(readFileSync(join(ROOT, file), 'utf8')).matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const base = slug(match[1] ?? '');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    found.add(n === 0 ? base : `${base}-${n}`);
  }
  return found;
}

function links(file: string): string[] {
  const text = withoutCode(readFileSync(join(ROOT, file), 'utf8'));
  return [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1] ?? '');
}

describe('relative links', () => {
  it('slugs headings as GitHub does', () => {
    expect(slug('Trust policy for jobs with an environment')).toBe('trust-policy-for-jobs-with-an-environment');
    expect(slug('Mode `ecs`: roll a service')).toBe('mode-ecs-roll-a-service');
    expect(slug('With `cancel-in-progress: true`')).toBe('with-cancel-in-progress-true');
  });

  it.each(FILES)('%s: every relative link and anchor resolves', (file) => {
    const dead: string[] = [];
    for (const link of links(file)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto: and the like
      const [path = '', anchor] = link.split('#');
      const target = path === '' ? join(ROOT, file) : resolve(ROOT, dirname(file), decodeURIComponent(path));
      if (!existsSync(target)) {
        dead.push(`${link} (no ${relative(ROOT, target)})`);
        continue;
      }
      if (anchor !== undefined && anchor !== '' && statSync(target).isFile() && target.endsWith('.md')) {
        if (!anchors(relative(ROOT, target)).has(anchor)) dead.push(`${link} (no heading '#${anchor}')`);
      }
    }
    expect(dead).toEqual([]);
  });
});
