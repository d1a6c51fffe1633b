/** An agency list's rows as people type them: separators, headers in either language, quotes, and problems by line. */
import { agenciesFromText } from '../../../src/core/settings/agency-list';
import { agencyTypeFromLabel } from '../../../src/core/settings';

const names = (text: string) => agenciesFromText(text).agencies.map((a) => [a.name, a.type]);

describe('an agency list as a text', () => {
  it('reads English headers with commas, and quoted names holding commas', () => {
    expect(names('name,type\nSở Nội vụ,so\n"Sở Văn hóa, Thể thao và Du lịch",so\nUBND xã Long Hòa,xa\n')).toEqual([
      ['Sở Nội vụ', 'so'],
      ['Sở Văn hóa, Thể thao và Du lịch', 'so'],
      ['UBND xã Long Hòa', 'xa'],
    ]);
  });

  it('reads Vietnamese headers with semicolons, as Excel saves CSV in a Vietnamese locale, STT ignored', () => {
    const text =
      'STT;Tên đơn vị;Loại đơn vị\r\n1;Sở Tài chính;Sở, ban, ngành\r\n2;UBND phường Trà Vinh;UBND cấp xã\r\n';
    expect(names(text)).toEqual([
      ['Sở Tài chính', 'so'],
      ['UBND phường Trà Vinh', 'xa'],
    ]);
  });

  it('reads a tab-separated list (Excel\'s "Unicode Text"), headers in any case and without accents', () => {
    const text = 'TEN DON VI\tLOAI\nSở Y tế\tso\nCông an tỉnh\tngành dọc\n';
    expect(names(text)).toEqual([
      ['Sở Y tế', 'so'],
      ['Công an tỉnh', 'nganh_doc'],
    ]);
  });

  it('finds the header under a title line, and takes the type labels people write', () => {
    const text =
      'DANH SÁCH ĐƠN VỊ BÁO CÁO,,\n,,\nSTT,Tên đơn vị,Loại\n1,UBND xã Tam Bình,Xã\n2,UBND phường Bình Minh,phường\n3,Ban Quản lý Khu kinh tế,Khác\n';
    expect(names(text)).toEqual([
      ['UBND xã Tam Bình', 'xa'],
      ['UBND phường Bình Minh', 'xa'],
      ['Ban Quản lý Khu kinh tế', 'khac'],
    ]);
  });

  it('keeps names in NFC with single spaces, whatever the keyboard gave', () => {
    const decomposed = 'Sở   Tài chính'.normalize('NFD');
    const [a] = agenciesFromText(`name,type\n${decomposed} ,so\n`).agencies;
    expect(a!.name).toBe('Sở Tài chính');
    expect(a!.name).toBe(a!.name.normalize('NFC'));
  });

  it('names the line of each problem, counting the lines a quoted name spans', () => {
    const text = 'name,type\nSở Nội vụ,so\n"Sở Tư pháp\n(cũ)",so\n,xa\nSở Y tế,bệnh viện\nSở Nội vụ,so\nTổng hợp,so\n';
    const { agencies, problems } = agenciesFromText(text);
    expect(agencies.map((a) => a.name)).toEqual(['Sở Nội vụ', 'Sở Tư pháp (cũ)']);
    expect(problems.map((p) => p.line)).toEqual([5, 6, 7, 8]);
    expect(problems[0]!.message).toContain('thiếu tên đơn vị');
    expect(problems[1]!.message).toContain('loại "bệnh viện" không hợp lệ');
    expect(problems[2]!.message).toContain('Đơn vị "Sở Nội vụ" bị trùng (đã có ở dòng 2)');
    expect(problems[3]!.message).toContain('tên trang tính "Tổng hợp" trùng với trang của tiện ích');
  });

  it('numbers a tab made from a name that another row already took, and refuses a tab named twice', () => {
    const long = 'Trung tâm Phục vụ hành chính công tỉnh';
    const { agencies } = agenciesFromText(`name,type\n${long} Vĩnh Long,so\n${long} Bến Tre,so\n`);
    expect(agencies.map((a) => a.sheet)).toEqual([
      'Trung tâm Phục vụ hành chính cô',
      'Trung tâm Phục vụ hành chín (2)',
    ]);
    const twice = agenciesFromText('Tên đơn vị,Loại,Tên trang tính\nSở A,so,Trang 1\nSở B,so,trang 1\n');
    expect(twice.problems).toEqual([{ line: 3, message: expect.stringContaining('bị trùng với dòng 2') }]);
  });

  it('says what is missing when there is no name header or no type column', () => {
    expect(agenciesFromText('Sở Nội vụ,so\nSở Y tế,so\n').problems).toEqual([
      { line: 1, message: expect.stringContaining('không thấy dòng tiêu đề có cột tên đơn vị') },
    ]);
    expect(agenciesFromText('Tên đơn vị\nSở Nội vụ\n').problems).toEqual([
      { line: 1, message: expect.stringContaining('thiếu cột loại đơn vị') },
    ]);
    expect(agenciesFromText('').problems[0]!.message).toContain('danh sách trống');
  });
});

describe('agency type labels', () => {
  it.each([
    ['so', 'so'],
    ['Sở, ban, ngành', 'so'],
    ['UBND cấp xã', 'xa'],
    ['Phường', 'xa'],
    ['UBND xã', 'xa'],
    ['Đặc khu', 'xa'],
    ['nganh_doc', 'nganh_doc'],
    ['Ngành dọc', 'nganh_doc'],
    ['khac', 'khac'],
    ['huyen', 'huyen'],
  ])('"%s" is %s', (label, type) => expect(agencyTypeFromLabel(label)).toBe(type));

  it('refuses what is no type', () => expect(agencyTypeFromLabel('bệnh viện')).toBeNull());
});
