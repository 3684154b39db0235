import { describe, expect, it } from 'vitest';
import { logLine, renderMarkdown, shortenDigests, viewFor } from '../../../scripts/demo-view.ts';

const plain = viewFor({ isTTY: false });
const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('the demo view', () => {
  it('paints only on a terminal that wants colour', () => {
    expect(plain.bold('x')).toBe('x');
    expect(viewFor({ isTTY: true }, {}).bold('x')).toBe('\x1b[1mx\x1b[0m');
    expect(viewFor({ isTTY: true }, { NO_COLOR: '1' }).bold('x')).toBe('x');
  });

  it('shortens digests to 12 characters for reading', () => {
    expect(shortenDigests(`app@${DIGEST} ok`)).toBe('app@sha256:abababababab… ok');
  });

  it.each([
    ['::group::ecs: plan', '▸ ecs: plan'],
    ['::error::failed%0Atask 1 stopped: 100%25', '  error: failed\n    task 1 stopped: 100%'],
    ['::endgroup::', ''],
    ['::debug::payload', undefined],
    ['::warning::mutable tags', '  warning: mutable tags'],
    ['plain line', '  plain line'],
  ])('shows %j as %j', (line, shown) => {
    expect(logLine(line, plain)).toBe(shown);
  });

  it('lays a summary table out in aligned columns, without Markdown marks', () => {
    const text = renderMarkdown('## image-deploy\n\n| A | Bee |\n| --- | --- |\n| `x` | [link](https://e) |', plain);
    expect(text.split('\n')).toEqual(['image-deploy', '', 'A  Bee ', 'x  link']);
  });
});
