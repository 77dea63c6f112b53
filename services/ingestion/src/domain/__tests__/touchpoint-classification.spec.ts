import { classifyPage, classifyTrack, type TouchpointType } from '..';

describe('classifyTrack', () => {
  it.each<[string, TouchpointType]>([
    ['Demo Requested', 'demo_request'],
    ['Request Demo', 'demo_request'],
    ['demo_request', 'demo_request'],
    ['request-a-demo', 'demo_request'],
    ['Whitepaper Downloaded', 'content_download'],
    ['Content Downloaded', 'content_download'],
    ['Ebook Downloaded', 'content_download'],
    ['E-Book Downloaded', 'content_download'],
    ['Form Submitted', 'form_submit'],
    ['form_submitted', 'form_submit'],
    ['Webinar Registered', 'webinar'],
    ['Webinar Attended', 'webinar'],
    ['Email Link Clicked', 'email_click'],
    ['Email Clicked', 'email_click'],
    ['Ad Clicked', 'ad_click'],
    ['Event Attended', 'event'],
    ['Pricing Page Viewed', 'pricing_page_view'],
    ['  DEMO   REQUESTED ', 'demo_request'],
    ['Order Completed', 'other'],
    ['Email Opened', 'other'],
    ['', 'other'],
  ])('classifies %j as %s and keeps the name', (eventName, type) => {
    expect(classifyTrack(eventName, {})).toEqual({ type, eventName });
  });

  it('treats a submitted demo form as a demo request', () => {
    expect(classifyTrack('Form Submitted', { form_type: 'demo-request' })).toEqual({
      type: 'demo_request',
      eventName: 'Form Submitted',
    });
    expect(classifyTrack('Form Submitted', { formName: 'Book a Demo' }).type).toBe('demo_request');
    expect(classifyTrack('Form Submitted', { form_type: 'newsletter' }).type).toBe('form_submit');
    expect(classifyTrack('Form Submitted', { form_type: 'demolition' }).type).toBe('form_submit');
  });
});

describe('classifyPage', () => {
  it.each<[string | null, string | null, Record<string, unknown>, TouchpointType]>([
    ['Pricing', null, {}, 'pricing_page_view'],
    ['pricing', '/whatever', {}, 'pricing_page_view'],
    [null, '/pricing', {}, 'pricing_page_view'],
    [null, 'https://acme.com/pricing?plan=pro#faq', {}, 'pricing_page_view'],
    [null, '/en/pricing/', {}, 'pricing_page_view'],
    [null, '/pricing/enterprise', {}, 'pricing_page_view'],
    [null, '/PRICING-plans', {}, 'pricing_page_view'],
    [null, null, { path: '/pricing' }, 'pricing_page_view'],
    [null, null, { url: 'https://acme.com/pricing' }, 'pricing_page_view'],
    ['Home', '/', {}, 'page_view'],
    [null, '/blog/why-pricing-matters', {}, 'page_view'],
    [null, '/pricingstrategy', {}, 'page_view'],
    ['Pricing Strategy Guide', '/blog/guide', {}, 'page_view'],
    [null, 'https://acme.com/docs?ref=/pricing', {}, 'page_view'],
    [null, null, {}, 'page_view'],
  ])('classifies name %j at %j as %s', (name, url, properties, type) => {
    expect(classifyPage(name, url, properties)).toEqual({ type, eventName: name });
  });
});
