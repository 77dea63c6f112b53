import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { TOPICS } from '@smarketing/contracts';
import { leadUpserted } from '@smarketing/service-testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { artifact, launchChromium } from './support/browser';
import { actualOf, dashboardWhen } from './support/dashboard-reader';
import { EXPECTED, PERIOD, seedFunnel, WEEK } from './support/funnel-dataset';
import {
  EventProducer,
  READ_KEY,
  startReporting,
  type ReportingUnderTest,
} from './support/reporting-harness';

const ADMIN_KEY = 'test-admin-key-0123456789abcdef-0123';

/** The page in Debian's Chromium against the service on the real stack: sign in, read, filter, review. */
describe('reporting: the dashboard page in a real browser', () => {
  let s: ReportingUnderTest;
  let base: string;
  let browser: Browser;
  let signedIn: BrowserContext;
  let page: Page;
  const producer = new EventProducer();

  const tileValue = (metricId: string) =>
    page.locator(`.tile[data-metric="${metricId}"]`).getAttribute('data-value');
  const waitForTile = (metricId: string, value: number) =>
    page.waitForSelector(`.tile[data-metric="${metricId}"][data-value="${value}"]`, { timeout: 30_000 });

  beforeAll(async () => {
    s = await startReporting({ API_KEYS: `read:${READ_KEY},admin:${ADMIN_KEY}` });
    await producer.connect();
    await seedFunnel(producer);
    await dashboardWhen(
      s,
      `period=${PERIOD}`,
      (v) => actualOf(v, 'mql-volume') === EXPECTED.all.mqlVolume,
      `the dashboard of ${PERIOD} counting ${EXPECTED.all.mqlVolume} MQLs`,
    );
    await s.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(s.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await producer?.close();
    await s?.close();
  });

  it('refuses the page and its data without a key', async () => {
    const anonymous = await browser.newContext();
    const p = await anonymous.newPage();
    await p.goto(`${base}/?period=${PERIOD}`);
    expect(new URL(p.url()).pathname).toBe('/login');

    await p.fill('#key', 'not-a-key-0123456789abcdef0123456789');
    await p.click('button[type=submit]');
    await p.waitForSelector('#error:not(:empty)');
    expect(await p.textContent('#error')).toContain('unknown or cannot read');
    expect(new URL(p.url()).pathname).toBe('/login');

    const status = await p.evaluate(
      async (period) => (await fetch(`/v1/dashboard?period=${period}`)).status,
      PERIOD,
    );
    expect(status).toBe(401);
    expect(await anonymous.cookies()).toEqual([]);
    await p.screenshot({ path: artifact('login-refused.png'), fullPage: true });
    await anonymous.close();
  });

  it('signs in with a read key into an HttpOnly session and shows the seeded numbers', async () => {
    signedIn = await browser.newContext({ viewport: { width: 1400, height: 1600 } });
    page = await signedIn.newPage();
    await page.goto(`${base}/login?next=${encodeURIComponent(`/?period=${PERIOD}`)}`);
    await page.fill('#key', READ_KEY);
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/?period=${PERIOD}`);

    const [session] = await signedIn.cookies();
    expect(session).toMatchObject({ name: 'smarketing_session', httpOnly: true, sameSite: 'Strict' });
    expect(session?.value).not.toContain(READ_KEY);

    await waitForTile('mql-volume', EXPECTED.all.mqlVolume);
    expect(await page.locator('.tile[data-metric="mql-volume"] .actual').innerText()).toMatch(/^5\b/);
    // Every chart drew on its canvas (chart.js served by the service, no internet).
    for (const id of ['funnel-chart', 'trend-chart', 'attainment-chart', 'channel-chart'])
      expect(
        await page.locator(`#${id}`).evaluate((c) => (c as unknown as { width: number }).width > 0),
      ).toBe(true);
    await page.screenshot({ path: artifact('dashboard.png'), fullPage: true });
  });

  it('changes the numbers when a filter changes, keeping the filter in the address', async () => {
    await page.waitForSelector('#segment option[value="smb"]', { state: 'attached' });
    await page.selectOption('#segment', 'smb');
    await waitForTile('mql-volume', EXPECTED.smb.mqlVolume);
    expect(new URL(page.url()).searchParams.get('segment')).toBe('smb');

    await page.selectOption('#segment', 'enterprise');
    await waitForTile('mql-volume', EXPECTED.enterprise.mqlVolume);
    await page.screenshot({ path: artifact('dashboard-enterprise.png'), fullPage: true });

    await page.selectOption('#segment', 'smb');
    await waitForTile('mql-volume', EXPECTED.smb.mqlVolume);
  });

  it('follows new events without a reload (server-sent updates)', async () => {
    const leadId = randomUUID();
    const at = Date.UTC(2025, 5, 2, 10); // 2025-W23: in the quarter, not in the reviewed week
    await producer.send(TOPICS.leadUpserted, [leadUpserted(leadId, at, { employeeCount: 20, region: 'NA' })]);
    await producer.send(TOPICS.lifecycleChanged, [
      {
        leadId,
        from: 'lead',
        to: 'mql',
        causeKind: 'score',
        causeDetail: 'band mql (score 64, model aligned v1)',
        causeEventId: null,
        reason: null,
        cycle: 1,
        repId: null,
        occurredAt: at + 3_600_000,
      },
    ]);
    await waitForTile('mql-volume', EXPECTED.smb.mqlVolume + 1);
    expect(await tileValue('mql-volume')).toBe(String(EXPECTED.smb.mqlVolume + 1));
  });

  it('opens the weekly review in the order of the standing agenda, printable to PDF', async () => {
    await page.goto(`${base}/reviews/${WEEK}`);
    await page.waitForSelector('body[data-loaded="true"]');
    const sections = await page
      .locator('[data-section]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-section')));
    expect(sections).toEqual([
      'pipeline-health',
      'lead-flow',
      'campaign-performance',
      'lead-quality',
      'sla-breaches',
      'action-items',
    ]);
    expect(
      await page.locator('[data-section="lead-flow"] [data-metric="mql-volume"]').getAttribute('data-value'),
    ).toBe(String(EXPECTED.all.mqlVolume));
    await page.screenshot({ path: artifact('review.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.bar').isVisible()).toBe(false);
    await page.pdf({ path: artifact('review.pdf'), format: 'A4', printBackground: false });
  });

  it('ends the session on sign-out', async () => {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${base}/?period=${PERIOD}`);
    await page.click('#sign-out');
    await page.waitForURL(`${base}/login`);
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await signedIn.close();
  });
});
