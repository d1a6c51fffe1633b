/** A machine without Chromium fails the browser tests with how to install it, never skips them. */
import { chromiumPath } from './chromium';

describe('finding Chromium', () => {
  const saved = { PATH: process.env.PATH, CHROMIUM_PATH: process.env.CHROMIUM_PATH };
  afterEach(() => {
    process.env.PATH = saved.PATH;
    if (saved.CHROMIUM_PATH === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved.CHROMIUM_PATH;
  });

  it('says how to install it when there is none', () => {
    process.env.PATH = '/nonexistent';
    delete process.env.CHROMIUM_PATH;
    expect(() => chromiumPath()).toThrow(/apt-get install -y chromium/);
  });

  it('refuses a CHROMIUM_PATH that does not exist instead of looking elsewhere', () => {
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    expect(() => chromiumPath()).toThrow(/CHROMIUM_PATH is \/nonexistent\/chromium/);
  });
});
