/**
 * The guides: every relative link in README.md and docs/*.md leads to a file of the repository, and
 * every item of the add-on's menu (read from the code, src/gas/main.ts) is named in the
 * consolidator's guide, so a renamed or new menu item cannot go undocumented. The guides and the
 * sources of their pictures name only menu items that exist and the province the product shows for
 * the period they show; README shows the template link the code holds; user guides carry no
 * maintainers' jargon and one word for one idea.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { MENU_ITEMS } from '../src/gas/main';
import { helpHtml } from '../src/gas/help';
import { COPY_LINK_SHAPE, TEMPLATE_COPY_LINK } from '../src/core/template-link';
import { exampleProvince } from '../src/core/settings/example-agencies';
import { defaultCutoff, PeriodId } from '../src/core/periods';
import { sampleProvince } from '../src/demo/sample';

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

  it("the developer guide's architecture names every file and folder at the top of src/core", () => {
    const guide = readFileSync(join(ROOT, 'docs/phat-trien.md'), 'utf8');
    const architecture = guide.slice(0, guide.indexOf('## Hành vi nào nằm ở đâu'));
    const unnamed = readdirSync(join(ROOT, 'src/core')).filter((f) => !architecture.includes(f.replace(/\.ts$/, '')));
    expect(unnamed).toEqual([]);
    expect(architecture).toContain('workbook-set.ts');
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

const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
/** The guides written for the people who use the add-on (not for maintainers). */
const USER_GUIDES = [
  'README.md',
  'docs/huong-dan-tong-hop.md',
  'docs/huong-dan-don-vi.md',
  'docs/quyen-va-uy-quyen.md',
  'docs/kiem-tra-google-sheets.md',
  'docs/khac-phuc-su-co.md',
  'docs/thuat-ngu.md',
];
/** What the pictures of docs/hinh are made from (docs/phat-trien.md, "Vẽ lại hình trong hướng dẫn"). */
const PICTURE_SOURCES = ['scripts/docs/make-pictures.sh', 'tests/dialog/dialogs.test.ts'];
const LABELS = MENU_ITEMS.filter((i) => i !== null).map((i) => i[0]);
/** Menu items that were removed: named nowhere a user reads. Written by hand. */
const RETIRED_LABELS = ['Đánh dấu đã gửi báo cáo'];
const ROMAN: Record<string, PeriodId> = { I: 'Q1', II: 'Q2', III: 'Q3', IV: 'Q4' };

/** "Báo cáo CCHC → X" in a text, where X is emphasised: **Báo cáo CCHC → X**, Báo cáo CCHC → **X** or <b>X</b>. */
function menuPaths(text: string): string[] {
  const flat = text.replace(/\s+/g, ' ');
  const found = /\*\*Báo cáo CCHC → ([^*]+)\*\*|Báo cáo CCHC → \*\*([^*]+)\*\*|Báo cáo CCHC → <b>([^<]+)<\/b>/g;
  return [...flat.matchAll(found)].map((m) => (m[1] ?? m[2] ?? m[3])!.trim());
}

/** Pairs of (province, quarter) written in one paragraph: "tỉnh Trà Vinh … quý III/2026". */
function provincesBesideQuarters(text: string): { province: string; quarter: string; shown: string }[] {
  const out: { province: string; quarter: string; shown: string }[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    const flat = paragraph.replace(/\s+/g, ' ');
    const provinces = [...flat.matchAll(/tỉnh (Trà Vinh|Vĩnh Long)/gi)].map((m) => m[1]!);
    const quarters = [...flat.matchAll(/quý (IV|III|II|I)(?:\/| năm )(\d{4})/gi)];
    for (const province of provinces)
      for (const q of quarters) {
        const end = defaultCutoff(ROMAN[q[1]!.toUpperCase()]!, Number(q[2])).to;
        out.push({ province, quarter: q[0], shown: exampleProvince(end).name });
      }
  }
  return out;
}

describe('the way in', () => {
  it('README shows the template link the code holds (src/core/template-link.ts), or says there is none yet', () => {
    const line = read('README.md')
      .split('\n')
      .find((l) => l.startsWith('**Bảng tính mẫu của tỉnh:**'));
    expect(line).toBeDefined();
    if (TEMPLATE_COPY_LINK) {
      expect(TEMPLATE_COPY_LINK).toMatch(COPY_LINK_SHAPE);
      expect(line).toContain(TEMPLATE_COPY_LINK);
    } else expect(line).toContain('chưa công bố');
  });

  it('the help sidebar offers the same template link, and the support contact when Thiết lập has one', () => {
    const html = helpHtml('Chị Lan, 0270 3822 111');
    expect(html).toContain('<b>Liên hệ hỗ trợ:</b> Chị Lan, 0270 3822 111');
    expect(helpHtml('')).not.toContain('Liên hệ hỗ trợ');
    if (TEMPLATE_COPY_LINK) expect(html).toContain(`href="${TEMPLATE_COPY_LINK}"`);
    else expect(html).not.toContain('/copy');
  });
});

describe('the user guides and the pictures', () => {
  it.each([...USER_GUIDES, 'the help sidebar'])('%s: every "Báo cáo CCHC → …" is an item of the menu', (guide) => {
    const text = guide === 'the help sidebar' ? helpHtml('') : read(guide);
    const unknown = menuPaths(text).filter((p) => !LABELS.some((l) => p === l || l.startsWith(`${p} (`)));
    expect(unknown).toEqual([]);
  });

  it.each([...USER_GUIDES, ...PICTURE_SOURCES])('%s: names no menu item that was removed', (file) => {
    const text = read(file);
    for (const label of RETIRED_LABELS)
      expect({ file, mentions: text.includes(label) }).toEqual({ file, mentions: false });
  });

  it('the help sidebar (picture huong-dan.png) names no removed menu item', () => {
    for (const label of RETIRED_LABELS) expect(helpHtml('')).not.toContain(label);
  });

  it.each([...USER_GUIDES, ...PICTURE_SOURCES])(
    '%s: shows a province only beside a quarter the product shows it for',
    (file) => {
      const wrong = provincesBesideQuarters(read(file)).filter((p) => p.province !== p.shown);
      expect(wrong).toEqual([]);
    },
  );

  it('reads the menu items a text names (the check itself)', () => {
    expect(menuPaths('chọn **Báo cáo CCHC → Thiết lập kỳ báo cáo** (lần đầu)')).toEqual(['Thiết lập kỳ báo cáo']);
    expect(menuPaths('menu Báo cáo CCHC → <b>Hướng dẫn sử dụng</b>.')).toEqual(['Hướng dẫn sử dụng']);
  });

  it('catches "tỉnh Trà Vinh" beside "quý III/2026" (the check itself)', () => {
    expect(provincesBesideQuarters('Báo cáo của tỉnh Trà Vinh, quý III/2026.')).toEqual([
      { province: 'Trà Vinh', quarter: 'quý III/2026', shown: 'Vĩnh Long' },
    ]);
    expect(provincesBesideQuarters('Báo cáo của tỉnh Trà Vinh, quý I năm 2020.')).toEqual([
      { province: 'Trà Vinh', quarter: 'quý I năm 2020', shown: 'Trà Vinh' },
    ]);
  });

  it("the pictures' sample province (demo, dialogs) is the one the product shows for its period", () => {
    const { settings } = sampleProvince({ provincial: 1, communes: 1 });
    const shown = exampleProvince(settings.period.to).name;
    expect(settings.issuingBody).toBe(`Ủy ban nhân dân tỉnh ${shown}`);
    expect(settings.place).toBe(shown);
  });

  it.each(USER_GUIDES)('%s: no maintainers\' jargon, and "khối nhận dạng" (never "khối định danh")', (guide) => {
    const text = read(guide);
    for (const word of ['HMAC', 'docProps', 'INIT_CWD', 'issue 1', 'issue 2', 'issue 3', 'khối định danh'])
      expect({ guide, word, found: text.includes(word) }).toEqual({ guide, word, found: false });
  });
});
