/**
 * The guides: every relative link in README.md and docs/*.md leads to a file of the repository, and
 * every item of the add-on's menu (read from the code, src/gas/main.ts) is named in the
 * consolidator's guide, so a renamed or new menu item cannot go undocumented.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { MENU_ITEMS } from '../src/gas/main';

const ROOT = join(__dirname, '..');
const GUIDES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Relative targets of Markdown links and images: [text](target) and ![alt](target). */
function relativeLinks(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...withoutCode.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!)
    .filter((t) => !/^(https?:|mailto:|#)/.test(t))
    .map((t) => decodeURI(t.replace(/#.*$/, '')));
}

describe('the guides', () => {
  it.each(GUIDES)('%s: every relative link leads to a file', (guide) => {
    const text = readFileSync(join(ROOT, guide), 'utf8');
    const broken = relativeLinks(text)
      .map((t) => relative(ROOT, resolve(dirname(join(ROOT, guide)), t)))
      .filter((target) => !existsSync(join(ROOT, target)));
    expect(broken).toEqual([]);
  });

  it('are linked from the README, each of them', () => {
    const readme = relativeLinks(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    for (const guide of GUIDES.filter((g) => g !== 'README.md')) expect(readme).toContain(guide);
  });

  it("name every menu item in the consolidator's guide: in its menu table and in the steps", () => {
    const guide = readFileSync(join(ROOT, 'docs/huong-dan-tong-hop.md'), 'utf8').split('\n');
    const labels = MENU_ITEMS.filter((i) => i !== null).map((i) => i[0]);
    expect(labels.length).toBeGreaterThan(5);
    const table = guide.filter((l) => l.startsWith('| '));
    const steps = guide
      .filter((l) => !l.startsWith('| '))
      .join(' ')
      .replace(/\s+/g, ' '); // labels may wrap
    for (const label of labels) {
      const where = { label, inTable: table.some((r) => r.startsWith(`| ${label} `)), inSteps: steps.includes(label) };
      expect(where).toEqual({ label, inTable: true, inSteps: true });
    }
  });

  it('keep every picture they show under 150 KB', () => {
    const pictures = readdirSync(join(ROOT, 'docs/hinh'));
    expect(pictures.length).toBeGreaterThanOrEqual(4);
    for (const p of pictures) {
      const size = readFileSync(join(ROOT, 'docs/hinh', p)).length;
      expect({ p, under150KB: size <= 150 * 1024 }).toEqual({ p, under150KB: true });
    }
  });
});
